/**
 * One loop's rounds against the candidate's own baseline: a line of each round's strain (0 is their
 * usual for that question type, up is worse), the worst round ringed, and the numbers in a table.
 */
import { fatigueSignal, type SessionFatigue } from '@shared/contract';
import { changeWords, signalLabels, strainWords } from './fatigue-format';
import './coach.css';

const W = 640;
const H = 200;
const PAD = { left: 96, right: 40, top: 16, bottom: 32 };
const y = (strain: number) => PAD.top + ((1 - strain) / 2) * (H - PAD.top - PAD.bottom);

export function describeFatigue(f: SessionFatigue): string {
  const rounds = f.rounds.map((r) => `Round ${r.index + 1}: ${strainWords(r.strain)}`).join('; ');
  const trend = f.trend ? ` The loop ${changeWords(f.trend.strainChange)}.` : '';
  const recovery = f.recovery
    ? ` After the worst round (${f.recovery.worstIndex + 1}), round ${f.recovery.nextIndex + 1} ${
        f.recovery.recovered ? 'was back near your usual' : 'was still off your usual'
      }.`
    : '';
  return `${rounds}.${trend}${recovery}`;
}

export function LoopFatigueChart({ fatigue }: { fatigue: SessionFatigue }) {
  const n = fatigue.rounds.length;
  const x = (i: number) => PAD.left + (n <= 1 ? 0.5 : i / (n - 1)) * (W - PAD.left - PAD.right);
  const points = fatigue.rounds.flatMap((r, i) => (r.strain === null ? [] : [{ r, cx: x(i), cy: y(r.strain) }]));
  const worst = fatigue.recovery?.worstIndex ?? null;
  return (
    <div className="fatigue">
      <svg
        className="fatigue-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={describeFatigue(fatigue)}
        data-testid="fatigue-chart"
      >
        {[1, 0.5, 0, -0.5, -1].map((v) => (
          <g key={v}>
            <line
              className={v === 0 ? 'fatigue-baseline' : 'fatigue-grid'}
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(v)}
              y2={y(v)}
            />
            <text className="fatigue-axis" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
              {v === 0 ? 'your usual' : `${Math.abs(v) * 100}% ${v > 0 ? 'worse' : 'better'}`}
            </text>
          </g>
        ))}
        {points.length > 1 ? (
          <polyline className="fatigue-line" points={points.map((p) => `${p.cx},${p.cy}`).join(' ')} />
        ) : null}
        {points.map((p) => (
          <g key={p.r.roundId} className="fatigue-round">
            {p.r.index === worst ? <circle className="fatigue-worst" cx={p.cx} cy={p.cy} r={10} /> : null}
            <circle className="fatigue-dot" cx={p.cx} cy={p.cy} r={5}>
              <title>{`Round ${p.r.index + 1}, ${p.r.title}: ${strainWords(p.r.strain)}`}</title>
            </circle>
          </g>
        ))}
        {fatigue.rounds.map((r, i) => (
          <text key={r.roundId} className="fatigue-axis" x={x(i)} y={H - 10} textAnchor="middle">
            {`Round ${r.index + 1}`}
          </text>
        ))}
      </svg>
      <p className="fatigue-summary">{describeFatigue(fatigue)}</p>
      <details className="fatigue-numbers">
        <summary>Show the numbers</summary>
        <div className="retake-scroll">
          <table className="coach-table">
            <thead>
              <tr>
                <th scope="col">Round</th>
                {fatigueSignal.options.map((s) => (
                  <th key={s} scope="col">
                    {signalLabels[s]}
                  </th>
                ))}
                <th scope="col">Against usual</th>
              </tr>
            </thead>
            <tbody>
              {fatigue.rounds.map((r) => (
                <tr key={r.roundId}>
                  <th scope="row">
                    {r.index + 1}. {r.title}
                  </th>
                  {fatigueSignal.options.map((s) => (
                    <td key={s}>
                      {r.deviations[s] === null
                        ? '—'
                        : `${r.deviations[s]! > 0 ? '+' : ''}${Math.round(r.deviations[s]! * 100)}%`}
                    </td>
                  ))}
                  <td>{strainWords(r.strain)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
