/**
 * The reference answer and expected points, hidden until "Reveal answer" (review:reveal). After the
 * reveal, each expected point is ticked covered or missed; the reference answer is rendered safely.
 */
import { lazy, Suspense, useId, useState } from 'react';
import type { PointVerdict, RoundAnswers } from '@shared/contract';
import type { PointCoverage } from '@shared/words';
import { plural } from '../../lib/format';
import { PointSuggestion } from './PointSuggestion';
import { Icon } from '../ui/Icon';
import './RevealPanel.css';

type PointState = PointVerdict | null;

/** The Markdown, table and math code (~440 kB with KaTeX) loads only when an answer is revealed. */
const Markdown = lazy(() => import('./Markdown').then((m) => ({ default: m.Markdown })));

function PointRow({
  index,
  text,
  value,
  onChange,
  suggestion,
  onHear,
}: {
  index: number;
  text: string;
  value: PointState;
  onChange: (index: number, value: PointState) => void;
  suggestion?: PointCoverage | null;
  onHear?: (ms: number) => void;
}) {
  const id = useId();
  return (
    <li className={`point-row${value ? ` is-${value}` : ''}`}>
      <span id={`${id}-text`} className="point-text">
        {text}
      </span>
      <div role="radiogroup" aria-labelledby={`${id}-text`} className="point-choice">
        {(['covered', 'missed'] as const).map((option) => (
          <label key={option} className={`point-option point-option-${option}`}>
            <input
              type="radio"
              name={`${id}-point`}
              checked={value === option}
              onChange={() => onChange(index, option)}
            />
            <span>
              <Icon name={option === 'covered' ? 'check' : 'cross'} size={13} />
              {option === 'covered' ? 'Covered' : 'Missed'}
            </span>
          </label>
        ))}
      </div>
      {suggestion && onHear ? (
        <PointSuggestion
          number={index + 1}
          suggestion={suggestion}
          value={value}
          onConfirm={() => onChange(index, 'covered')}
          onHear={onHear}
        />
      ) : null}
    </li>
  );
}

type Props = {
  revealed: boolean;
  answers: RoundAnswers | null;
  expectedPointCount: number;
  points: readonly PointState[];
  onReveal: () => Promise<void>;
  onPoint: (index: number, value: PointState) => void;
  /** The transcript's coverage suggestions, in the points' order (none without a transcript). */
  suggestions?: readonly PointCoverage[] | null;
  /** Plays the recording from this moment (ms). */
  onHear?: (ms: number) => void;
};

export function RevealPanel(props: Props) {
  const { revealed, answers, expectedPointCount, points, onReveal, onPoint, suggestions, onHear } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!revealed || !answers) {
    return (
      <div className="reveal-hidden">
        <p className="muted">
          {plural(expectedPointCount, 'expected point')} and the reference answer stay hidden until you have listened
          back and formed your own view.
        </p>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            onReveal()
              .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
              .finally(() => setBusy(false));
          }}
        >
          <Icon name="eye" />
          Reveal answer
        </button>
        {error ? (
          <p className="reveal-error" role="alert">
            Could not reveal the answer: {error}
          </p>
        ) : null}
      </div>
    );
  }

  const covered = points.filter((p) => p === 'covered').length;
  return (
    <div className="reveal-shown">
      {answers.expectedPoints.length ? (
        <section aria-labelledby="expected-points-heading">
          <div className="reveal-subhead">
            <h3 id="expected-points-heading">Expected points</h3>
            <span className="muted">
              {covered} of {answers.expectedPoints.length} covered
              {suggestions?.length
                ? ` · transcript: ${suggestions.filter((c) => c.confidence === 'clear').length} clearly covered, ${suggestions.filter((c) => c.confidence === 'mentioned').length} mentioned`
                : ''}
            </span>
          </div>
          <ul className="point-list">
            {answers.expectedPoints.map((text, i) => (
              <PointRow
                key={i}
                index={i}
                text={text}
                value={points[i] ?? null}
                onChange={onPoint}
                suggestion={suggestions?.[i] ?? null}
                onHear={onHear}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="reference-answer-heading">
        <h3 id="reference-answer-heading" className="reveal-subhead">
          Reference answer
        </h3>
        {answers.referenceAnswer ? (
          <Suspense fallback={<p className="muted">Loading the reference answer…</p>}>
            <Markdown source={answers.referenceAnswer} />
          </Suspense>
        ) : (
          <p className="muted">This round has no reference answer.</p>
        )}
      </section>
    </div>
  );
}
