/**
 * Progress: how far blind re-scores differ from the earlier scores, per dimension over time, and how
 * self-scores track what was measured (speed vs overrun, rigor vs missed points) — coach:calibration.
 */
import type { CalibrationView } from '@shared/contract';
import { useCalibration } from '../../api/coach';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, plural } from '../../lib/format';
import './coach.css';

const W = 300;
const H = 120;
const PAD = 14;
const titles = { clarity: 'Clarity', rigor: 'Rigor', speed: 'Speed' } as const;

function DriftChart({ drift }: { drift: CalibrationView['drift'][number] }) {
  const n = drift.points.length;
  const x = (i: number) => PAD + (n <= 1 ? 0.5 : i / (n - 1)) * (W - 2 * PAD);
  const y = (diff: number) => H / 2 - (Math.max(-4, Math.min(4, diff)) / 4) * (H / 2 - PAD);
  const label =
    drift.meanAbsDiff === null
      ? `${titles[drift.dimension]}: no re-scores yet.`
      : `${titles[drift.dimension]}: ${plural(drift.pairs, 're-score')}, off by ${drift.meanAbsDiff.toFixed(1)} points on average` +
        (drift.meanDiff! < 0
          ? ', the earlier score was generous.'
          : drift.meanDiff! > 0
            ? ', the earlier score was harsh.'
            : '.');
  return (
    <div>
      <h3>{titles[drift.dimension]}</h3>
      <svg
        className="coach-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={label}
        data-testid={`drift-${drift.dimension}`}
      >
        <line className="fatigue-baseline" x1={PAD} x2={W - PAD} y1={H / 2} y2={H / 2} />
        <text className="fatigue-axis" x={PAD} y={PAD}>
          re-score higher
        </text>
        <text className="fatigue-axis" x={PAD} y={H - 4}>
          re-score lower
        </text>
        {drift.points.map((p, i) => (
          <circle key={`${p.at}-${i}`} className={`coach-dim-${drift.dimension}`} cx={x(i)} cy={y(p.diff)} r={4}>
            <title>{`${formatDateTime(p.at)}: ${p.diff > 0 ? '+' : ''}${p.diff}`}</title>
          </circle>
        ))}
      </svg>
      <p className="muted">{label}</p>
    </div>
  );
}

const relationWords = { overrunSeconds: 'Mean overrun (s)', missedPoints: 'Mean missed points' } as const;

export function SelfScoreCalibration() {
  const { data, error } = useCalibration();
  let body;
  if (error && !data) body = <p className="muted">Could not load self-score calibration: {errorMessage(error)}</p>;
  else if (!data) body = <p className="muted">Loading…</p>;
  else
    body = (
      <>
        {data.enabled ? null : (
          <p className="muted">
            Blind re-score prompts are off (Settings; on “automatic” they start after your first week).
          </p>
        )}
        <div className="calibration-grid">
          {data.drift.map((d) => (
            <DriftChart key={d.dimension} drift={d} />
          ))}
        </div>
        <div className="calibration-grid">
          {data.relations.map((r) => (
            <div key={r.score}>
              <h3>
                {titles[r.score]} score vs {r.signal === 'overrunSeconds' ? 'overrun' : 'missed points'}
              </h3>
              <table
                className="coach-table"
                aria-label={`${titles[r.score]} score against ${relationWords[r.signal].toLowerCase()}`}
              >
                <thead>
                  <tr>
                    <th scope="col">{titles[r.score]} score</th>
                    <th scope="col">Rounds</th>
                    <th scope="col">{relationWords[r.signal]}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.groups.map((g) => (
                    <tr key={g.score}>
                      <th scope="row">{g.score}</th>
                      <td className="num">{g.rounds}</td>
                      <td className="num">{g.meanSignal.toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">
                {r.r === null
                  ? 'Not enough rounds to tell yet.'
                  : `Correlation r = ${r.r.toFixed(2)} over ${plural(r.rounds, 'round')}: ${
                      r.r < -0.3
                        ? 'your scores track what was measured.'
                        : 'your scores hardly track what was measured.'
                    }`}
              </p>
            </div>
          ))}
        </div>
      </>
    );
  return (
    <section className="panel progress-section coach-section" aria-labelledby="progress-calibration">
      <h2 id="progress-calibration">Honest self-scores</h2>
      <p className="muted coach-lead">
        Blind re-scores of old rounds against the scores you gave then, and your scores against the measurements.
      </p>
      {body}
    </section>
  );
}
