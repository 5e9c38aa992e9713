/**
 * "Why each follow-up came": the adaptive mode's decisions in time order, each a sentence (asked or
 * skipped, and why), the follow-up's own words, and for a point the answer had covered a Play
 * control that seeks the recording to that evidence and plays it.
 */
import type { FollowUpDecisionView } from '@shared/contract';
import { formatClock } from '../../lib/format';
import { pointsPhrase, reasonWords } from './follow-up-reasons';
import './FollowUpReasons.css';

type Props = {
  decisions: readonly FollowUpDecisionView[];
  /** Seek to `ms` on the recording and play; null when there is no playable recording. */
  onHear: ((ms: number) => void) | null;
};

export function FollowUpReasons({ decisions, onHear }: Props) {
  const hidden = decisions.some((d) => d.points.some((p) => p.text === null));
  return (
    <>
      <p className="followup-clock muted">
        Times on the recording.{hidden ? ' Reveal the answer to read the points by name.' : ''}
      </p>
      <ol className="followup-reasons" aria-label="Follow-up decisions">
        {decisions.map((d, i) => {
          const words = reasonWords(d);
          const evidenceMs = words.evidenceMs;
          return (
            <li key={`${d.atMs}-${i}`} className={`followup-reason is-${d.decision}`}>
              <p className="followup-reason-sentence">
                <strong className="followup-reason-lead">{words.lead}:</strong> {words.because}
                {evidenceMs !== null && onHear ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="btn btn-small btn-ghost followup-reason-play"
                      aria-label={`Play your answer at ${formatClock(evidenceMs)}, where you spoke about ${pointsPhrase(d.points)}`}
                      onClick={() => onHear(evidenceMs)}
                    >
                      ▶ Play
                    </button>
                  </>
                ) : null}
              </p>
              <p className="followup-reason-question">
                <span className="visually-hidden">The follow-up: </span>
                {d.text}
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
