/**
 * The transcript's suggestion for one expected point, under its covered/missed choice, at one of
 * three levels (docs/metrics.md, "Coverage"): "Clearly covered" (said and explained), "Mentioned"
 * (named only: worth a check by ear) or "Not heard". With the words that show it and when they
 * were said (select to hear them). A suggestion is never the user's mark: "Confirm covered" ticks
 * it, one click.
 */
import type { PointVerdict } from '@shared/contract';
import { CONFIDENCE_WORDS, type PointCoverage } from '@shared/words';
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
  if (s.confidence === 'not-heard' || s.evidence === null)
    return <p className="point-suggestion is-not-heard">Not heard in the transcript.</p>;
  const at = s.evidenceStartMs;
  const label = CONFIDENCE_WORDS[s.confidence];
  return (
    <div className={`point-suggestion is-${s.confidence}`}>
      <span className="point-suggestion-label">
        {value === 'covered' ? `Heard: ${label}` : label[0]!.toUpperCase() + label.slice(1)}
      </span>
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
