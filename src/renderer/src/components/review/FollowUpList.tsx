/** The follow-ups asked in this round, each a jump to where it was spoken (J / K step through them). */
import type { FollowUpMarker } from './Waveform';
import { formatClock } from '../../lib/format';

export function FollowUpList({
  followUps,
  onSeek,
}: {
  followUps: readonly FollowUpMarker[];
  onSeek: (ms: number) => void;
}) {
  if (followUps.length === 0) return <p className="muted">No follow-up was asked in this round.</p>;
  return (
    <>
      <p className="followup-clock muted">Times on the recording. Select one to jump there.</p>
      <ol className="followup-list">
        {followUps.map((f, i) => (
          <li key={f.index}>
            <button
              type="button"
              className="followup-jump"
              aria-label={`Go to follow-up ${i + 1}, asked at ${formatClock(f.atMs)} on the recording: ${f.text}`}
              onClick={() => onSeek(f.atMs)}
            >
              <span className="followup-time" title="Time on the recording">
                {formatClock(f.atMs)}
              </span>
              <span className="followup-text">{f.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
