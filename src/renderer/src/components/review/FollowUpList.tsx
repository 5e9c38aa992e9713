/** The follow-ups asked in this round, each a jump to where it was spoken (J / K step through them). */
import type { FollowUpMarker } from './Waveform';
import { formatMs } from './review-meta';

export function FollowUpList({
  followUps,
  onSeek,
}: {
  followUps: readonly FollowUpMarker[];
  onSeek: (ms: number) => void;
}) {
  if (followUps.length === 0) return <p className="muted">No follow-up was asked in this round.</p>;
  return (
    <ol className="followup-list">
      {followUps.map((f, i) => (
        <li key={f.index}>
          <button
            type="button"
            className="followup-jump"
            aria-label={`Go to follow-up ${i + 1}: ${f.text}`}
            onClick={() => onSeek(f.atMs)}
          >
            <span className="followup-time">{formatMs(f.atMs)}</span>
            <span className="followup-text">{f.text}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
