/**
 * Retakes point by point (coach:retake): one column per attempt, oldest first, one row per measure,
 * with which way the last attempt moved from the first; the postmortem lines and a player per attempt.
 */
import { useState } from 'react';
import { retakeRows } from '@shared/coach/retake';
import type { RetakeMeasure } from '@shared/contract';
import { useRetake } from '../../api/coach';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatDuration } from '../../lib/format';
import './coach.css';

const labels: Record<RetakeMeasure, string> = {
  durationMs: 'Length',
  thinkTimeMs: 'Think time',
  coreAnswerMs: 'Time to core answer',
  followUpLatencyMs: 'Follow-up latency',
  pointsCovered: 'Expected points covered',
  pointsMissed: 'Expected points missed',
  clarity: 'Clarity',
  rigor: 'Rigor',
  speed: 'Speed',
};
const isTime = (m: RetakeMeasure) => m.endsWith('Ms');
const changeWords = { better: 'better', worse: 'worse', same: 'same', changed: 'changed' } as const;

export function RetakeTable({ roundId, hideScores }: { roundId: string; hideScores: boolean }) {
  const { data, error } = useRetake(roundId);
  const [playing, setPlaying] = useState<string | null>(null);
  if (error && !data) return <p className="muted">Could not compare the attempts: {errorMessage(error)}</p>;
  if (!data || data.length < 2) return null;
  const rows = retakeRows(data).filter((r) => !hideScores || !['clarity', 'rigor', 'speed'].includes(r.measure));
  return (
    <section className="panel coach-section" aria-labelledby="retake-heading">
      <h2 id="retake-heading">Point by point</h2>
      <div className="retake-scroll">
        <table className="coach-table retake-table" data-testid="retake-table">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {data.map((a, i) => (
                <th key={a.roundId} scope="col">
                  Attempt {i + 1}
                  <span className="weekly-action-why">{a.startedAt === null ? '' : formatDateTime(a.startedAt)}</span>
                </th>
              ))}
              <th scope="col">First → last</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.measure}>
                <th scope="row">{labels[row.measure]}</th>
                {row.values.map((v, i) => (
                  <td key={data[i]!.roundId} className="num">
                    {v === null
                      ? '—'
                      : isTime(row.measure)
                        ? formatDuration(v)
                        : row.measure.startsWith('points')
                          ? `${v} of ${data[i]!.pointsTotal}`
                          : v}
                  </td>
                ))}
                <td className={row.change === 'better' ? 'coach-better' : row.change === 'worse' ? 'coach-worse' : ''}>
                  {row.change ? changeWords[row.change] : '—'}
                </td>
              </tr>
            ))}
            {(['wentWell', 'missed', 'change'] as const).map((line) => (
              <tr key={line}>
                <th scope="row">
                  {line === 'wentWell' ? 'What went well' : line === 'missed' ? 'What I missed' : 'What I’ll change'}
                </th>
                {data.map((a) => (
                  <td key={a.roundId}>{a[line] || '—'}</td>
                ))}
                <td />
              </tr>
            ))}
            <tr>
              <th scope="row">Recording</th>
              {data.map((a, i) => (
                <td key={a.roundId}>
                  {a.mediaUrl ? (
                    <audio
                      controls
                      preload="none"
                      src={a.mediaUrl}
                      aria-label={`Recording of attempt ${i + 1}`}
                      onPlay={(e) => {
                        setPlaying(a.roundId);
                        // One attempt plays at a time.
                        e.currentTarget
                          .closest('table')
                          ?.querySelectorAll('audio')
                          .forEach((el) => {
                            if (el !== e.currentTarget) el.pause();
                          });
                      }}
                      data-playing={playing === a.roundId ? '' : undefined}
                    />
                  ) : (
                    'No audio'
                  )}
                </td>
              ))}
              <td />
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
