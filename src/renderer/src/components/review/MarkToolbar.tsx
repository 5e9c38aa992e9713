/** Buttons that mark the current time (also keys 1–3), and the legend of the waveform's colours. */
import type { MarkKind } from '@shared/contract';
import { markMeta, pointMarkKinds } from './review-meta';

export function MarkToolbar({ onMark }: { onMark: (kind: MarkKind) => void }) {
  return (
    <div className="mark-toolbar">
      <div className="mark-buttons" role="group" aria-label="Mark at the current time">
        {pointMarkKinds.map((kind) => (
          <button
            key={kind}
            type="button"
            className="btn btn-small"
            aria-keyshortcuts={markMeta[kind].key ?? undefined}
            title={`Mark ${markMeta[kind].button} at the current time (key ${markMeta[kind].key})`}
            onClick={() => onMark(kind)}
          >
            <span className="mark-swatch" style={{ background: markMeta[kind].color }} aria-hidden="true" />
            Mark {markMeta[kind].button}
            <kbd aria-hidden="true">{markMeta[kind].key}</kbd>
          </button>
        ))}
        <button
          type="button"
          className="btn btn-small"
          title="Mark the next 5 seconds as a ramble (or drag on the waveform)"
          onClick={() => onMark('ramble')}
        >
          <span className="mark-swatch mark-swatch-region" aria-hidden="true" />
          Mark ramble
        </button>
      </div>
      <ul className="mark-legend" aria-label="Legend">
        <li>
          <span className="legend-line" style={{ background: 'var(--mark-followup)' }} aria-hidden="true" />
          Follow-up asked
        </li>
        <li>
          <span className="legend-speech" aria-hidden="true" />
          Speech found by the analysis (strip under the waveform)
        </li>
        <li>
          <span className="mark-swatch mark-swatch-region" aria-hidden="true" />
          Ramble (drag on the waveform)
        </li>
        {pointMarkKinds.map((kind) => (
          <li key={kind}>
            <span className="legend-line" style={{ background: markMeta[kind].color }} aria-hidden="true" />
            {markMeta[kind].label}
          </li>
        ))}
      </ul>
    </div>
  );
}
