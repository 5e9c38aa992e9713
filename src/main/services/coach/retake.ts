/** Attempts at one prompt (same item and round of the item), measured for the side-by-side view. */
import type { RetakeAttempt } from '../../../shared/contract/coach';
import type { AppDatabase } from '../db/open';
import { NotFoundError } from '../infra/errors';
import { mediaUrl } from '../recording/paths';
import { followUpLatency, parseMetrics } from './rows';

/** The newest attempts compared (index rounds_item_round_started, so the newest 20 are read, not every attempt). */
export const RETAKE_LIMIT = 20;

type Row = {
  id: string;
  session_title: string;
  started_at: number | null;
  rec_duration: number | null;
  file: string | null;
  rec_status: string | null;
  metrics_json: string | null;
  answers_json: string | null;
  clarity: number | null;
  rigor: number | null;
  speed: number | null;
  points_json: string | null;
  went_well: string | null;
  missed: string | null;
  change: string | null;
};

function expectedPointCount(answersJson: string | null): number {
  try {
    const parsed = answersJson ? (JSON.parse(answersJson) as { expectedPoints?: unknown[] }) : null;
    return Array.isArray(parsed?.expectedPoints) ? parsed.expectedPoints.length : 0;
  } catch {
    return 0;
  }
}

function verdicts(pointsJson: string | null): unknown[] {
  try {
    const parsed: unknown = pointsJson ? JSON.parse(pointsJson) : [];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export function retakeAttempts(db: AppDatabase, roundId: string): RetakeAttempt[] {
  const sqlite = db.$client;
  const round = sqlite
    .prepare<[string], { item_id: string; item_round: number }>('SELECT item_id, item_round FROM rounds WHERE id = ?')
    .get(roundId);
  if (!round) throw new NotFoundError('That round no longer exists.');
  const rows = sqlite
    .prepare<[string, number, number], Row>(
      `SELECT r.id, s.title AS session_title, r.started_at, rec.duration_ms AS rec_duration, rec.file,
              rec.status AS rec_status, a.metrics_json, r.answers_json, rv.clarity, rv.rigor, rv.speed,
              rv.points_json, rv.went_well, rv.missed, rv.change
         FROM rounds r
         JOIN sessions s ON s.id = r.session_id
         LEFT JOIN recordings rec ON rec.round_id = r.id
         LEFT JOIN round_reviews rv ON rv.round_id = r.id
         LEFT JOIN round_analyses a ON a.round_id = r.id
        WHERE r.item_id = ? AND r.item_round = ? AND r.started_at IS NOT NULL
        ORDER BY r.started_at DESC
        LIMIT ?`,
    )
    .all(round.item_id, round.item_round, RETAKE_LIMIT);
  return rows.reverse().map((r) => {
    const m = parseMetrics(r.metrics_json);
    const points = verdicts(r.points_json);
    const playable = r.file !== null && r.rec_duration !== null && r.rec_status !== 'failed';
    return {
      roundId: r.id,
      sessionTitle: r.session_title,
      startedAt: r.started_at,
      durationMs: r.rec_duration ?? m?.durationMs ?? null,
      thinkTimeMs: m?.thinkTimeMs ?? null,
      coreAnswerMs: m?.coreAnswerMs ?? null,
      followUpLatencyMs: followUpLatency(m),
      pointsCovered: points.filter((p) => p === 'covered').length,
      pointsMissed: points.filter((p) => p === 'missed').length,
      pointsTotal: Math.max(expectedPointCount(r.answers_json), points.length),
      clarity: r.clarity,
      rigor: r.rigor,
      speed: r.speed,
      wentWell: r.went_well ?? '',
      missed: r.missed ?? '',
      change: r.change ?? '',
      mediaUrl: playable ? mediaUrl(r.file!) : null,
    };
  });
}
