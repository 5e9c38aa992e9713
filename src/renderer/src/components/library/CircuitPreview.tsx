/** A circuit's plan: its rounds (with the items played) and breaks, in order, and the total time. */
import type { CircuitSummary } from '@shared/contract';
import { formatDuration, plural } from '../../lib/format';
import { Badge } from '../ui/Badge';
import { Icon } from '../ui/Icon';
import './Preview.css';

type Props = { circuit: CircuitSummary; onStart: () => void; starting: boolean };

export function CircuitPreview({ circuit, onStart, starting }: Props) {
  const rounds = circuit.steps.filter((s) => s.type === 'round').length;
  return (
    <article className="preview" aria-labelledby="preview-title">
      <header className="preview-header">
        <div className="preview-kicker">
          <Badge tone="circuit">Circuit</Badge>
          {circuit.origin === 'user' ? <Badge tone="user">Yours</Badge> : null}
          <span className="preview-category">Onsite-style sequence</span>
        </div>
        <div className="preview-title-row">
          <h2 id="preview-title">{circuit.title}</h2>
          <button
            type="button"
            className="btn btn-primary"
            aria-label={`Start circuit ${circuit.title}`}
            onClick={onStart}
            disabled={starting}
          >
            <Icon name="play" size={14} />
            {starting ? 'Starting…' : 'Start circuit'}
          </button>
        </div>
        {circuit.summary ? <p className="preview-summary">{circuit.summary}</p> : null}
        <dl className="preview-facts">
          <div>
            <dt>Total</dt>
            <dd>{formatDuration(circuit.totalMinutes * 60_000)}</dd>
          </div>
          <div>
            <dt>Rounds</dt>
            <dd>{rounds}</dd>
          </div>
          <div>
            <dt>Breaks</dt>
            <dd>{circuit.steps.length - rounds}</dd>
          </div>
        </dl>
      </header>

      <ol className="circuit-steps" aria-label="Steps">
        {circuit.steps.map((step, index) => (
          <li key={index} className={`circuit-step circuit-step-${step.type}`}>
            <span className="circuit-step-icon" aria-hidden="true">
              <Icon name={step.type === 'break' ? 'coffee' : 'session'} size={15} />
            </span>
            <div className="circuit-step-body">
              <div className="circuit-step-head">
                <span className="circuit-step-label">
                  {step.type === 'break'
                    ? step.label === 'Break'
                      ? 'Break'
                      : `Break: ${step.label}`
                    : `Round: ${step.label}`}
                </span>
                <span className="circuit-step-minutes">{formatDuration(step.minutes * 60_000)}</span>
              </div>
              {step.itemTitles.length > 0 ? (
                <ul className="circuit-step-items" aria-label={plural(step.itemTitles.length, 'item')}>
                  {step.itemTitles.map((title, i) => (
                    <li key={i}>{title}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </article>
  );
}
