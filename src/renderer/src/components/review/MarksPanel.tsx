/** Every mark, in time order, with "Go to" and "Delete mark". */
import type { ReviewMark } from '@shared/contract';
import { formatClock } from '../../lib/format';
import { markMeta } from './review-meta';

type Props = {
  marks: readonly ReviewMark[];
  onSeek: (ms: number) => void;
  onDelete: (markId: string) => void;
};

export function MarksPanel({ marks, onSeek, onDelete }: Props) {
  if (marks.length === 0) {
    return (
      <p className="muted marks-empty">
        No marks yet. Drag on the waveform to mark a ramble, or press 1, 2 or 3 while listening to mark the core answer,
        an assumption or a failure mode.
      </p>
    );
  }
  return (
    <ul className="marks-list" aria-label="Marks">
      {marks.map((mark) => {
        const meta = markMeta[mark.kind];
        const where =
          mark.endMs === null ? formatClock(mark.startMs) : `${formatClock(mark.startMs)}–${formatClock(mark.endMs)}`;
        const labelId = `mark-${mark.id}`;
        return (
          <li key={mark.id} className="marks-row">
            <span
              className={mark.kind === 'ramble' ? 'mark-swatch mark-swatch-region' : 'mark-swatch'}
              style={mark.kind === 'ramble' ? undefined : { background: meta.color }}
              aria-hidden="true"
            />
            <span id={labelId} className="marks-label">
              {meta.label} <span className="marks-time">{where}</span>
            </span>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              aria-label={`Go to ${meta.label.toLowerCase()} at ${formatClock(mark.startMs)}`}
              onClick={() => onSeek(mark.startMs)}
            >
              Go to
            </button>
            <button
              type="button"
              className="btn btn-small btn-ghost marks-delete"
              aria-describedby={labelId}
              onClick={() => onDelete(mark.id)}
            >
              Delete mark
            </button>
          </li>
        );
      })}
    </ul>
  );
}
