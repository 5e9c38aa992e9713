/**
 * The transcript's suggestion for one expected point, under its covered/missed choice: the words
 * that show it and when they were said (select to hear them). A suggestion is never the user's
 * mark: "Confirm covered" ticks it, one click.
 */
import type { PointVerdict } from '../../../../shared/contract';
import type { PointCoverage } from '../../../../shared/words';
import { formatClock } from '../../lib/format';
import './PointSuggestion.css';

type Props = {
  number: number;
  suggestion: PointCoverage;
  value: PointVerdict | null;
  onConfirm: () => void;
  onHear: (ms: number) => void;
};

export function PointSuggestion({ number, suggestion: s, value, onConfirm, onHear }: Props) {
  if (!s.covered) return <p className="point-suggestion is-not-found">Not found in the transcript.</p>;
  const at = s.evidenceStartMs;
  return (
    <div className="point-suggestion is-found">
      <span className="point-suggestion-label">{value === 'covered' ? 'Heard' : 'Suggested: covered'}</span>
      <q className="point-suggestion-evidence">{s.evidence}</q>
      {at !== null ? (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          aria-label={`Hear the evidence for point ${number}, at ${formatClock(at)} on the recording`}
          onClick={() => onHear(at)}
        >
          ▶ {s.evidenceEstimated ? '≈' : ''}
          {formatClock(at)}
        </button>
      ) : null}
      {value !== 'covered' ? (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Confirm point ${number} covered`}
          onClick={onConfirm}
        >
          Confirm covered
        </button>
      ) : null}
    </div>
  );
}
