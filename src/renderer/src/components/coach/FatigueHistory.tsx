/**
 * Progress: fatigue across sessions (coach:fatigueHistory). One bar per recent multi-round session,
 * oldest on the left: up, the candidate faded from first to last round; down, they got better.
 */
import { useFatigueHistory } from '../../api/coach';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, plural } from '../../lib/format';
import { changeWords } from './fatigue-format';
import './coach.css';

const W = 640;
const H = 160;
const PAD = { left: 44, right: 8, top: 10, bottom: 10 };

export function FatigueHistory() {
  const { data, error } = useFatigueHistory();
  let body;
  if (error && !data) body = <p className="muted">Could not load fatigue across sessions: {errorMessage(error)}</p>;
  else if (!data) body = <p className="muted">Loading…</p>;
  else if (data.sessions.length === 0)
    body = <p className="muted">Practise a loop of two or more rounds and how you fade across it shows here.</p>;
  else {
    const sessions = [...data.sessions].reverse();
    const slot = (W - PAD.left - PAD.right) / sessions.length;
    const mid = PAD.top + (H - PAD.top - PAD.bottom) / 2;
    const half = (H - PAD.top - PAD.bottom) / 2;
    const mean = data.meanStrainChange ?? 0;
    const label =
      `${plural(sessions.length, 'loop')}: on average you ${changeWords(mean)}. ` +
      (data.recoveries.of
        ? `After a bad round you were back near your usual in ${data.recoveries.recovered} of ${data.recoveries.of}.`
        : 'No loop had a bad round followed by another yet.');
    body = (
      <>
        <svg
          className="coach-chart"
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={label}
          data-testid="fatigue-history"
        >
          <line className="fatigue-baseline" x1={PAD.left} x2={W - PAD.right} y1={mid} y2={mid} />
          <text className="fatigue-axis" x={PAD.left - 6} y={PAD.top + 8} textAnchor="end">
            faded
          </text>
          <text className="fatigue-axis" x={PAD.left - 6} y={H - PAD.bottom} textAnchor="end">
            better
          </text>
          {sessions.map((s, i) => {
            const h = Math.max(1, Math.min(1, Math.abs(s.strainChange)) * half);
            const up = s.strainChange > 0;
            return (
              <rect
                key={s.sessionId}
                className={up ? 'fatigue-bar-up' : 'fatigue-bar-down'}
                x={PAD.left + i * slot + slot * 0.15}
                width={slot * 0.7}
                y={up ? mid - h : mid}
                height={h}
              >
                <title>{`${s.title}, ${formatDateTime(s.createdAt)}: ${changeWords(s.strainChange)}`}</title>
              </rect>
            );
          })}
        </svg>
        <p className="fatigue-summary">{label}</p>
      </>
    );
  }
  return (
    <section className="panel progress-section coach-section" aria-labelledby="progress-fatigue">
      <h2 id="progress-fatigue">Fatigue across loops</h2>
      <p className="muted coach-lead">First round against last, each against your usual for its question type.</p>
      {body}
    </section>
  );
}
