/** A legend drawn in HTML (readable text in both themes), one swatch per series. */
import './ChartLegend.css';

export type LegendEntry = { label: string; color: string; shape?: 'box' | 'line' };

export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {entries.map((e) => (
        <li key={e.label}>
          <span className={`chart-swatch chart-swatch-${e.shape ?? 'box'}`} style={{ background: e.color }} />
          {e.label}
        </li>
      ))}
    </ul>
  );
}
