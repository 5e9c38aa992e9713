/** The coach's rows into and out of an export: re-scores (of rounds that exist) and action lists. */
import { exportedCoach, type ExportedCoach } from '../../../shared/contract/coach-export';
import type { AppDatabase } from '../db/open';

type RescoreRow = {
  id: string;
  round_id: string;
  asked_at: number;
  answered_at: number | null;
  dismissed_at: number | null;
  clarity: number | null;
  rigor: number | null;
  speed: number | null;
  original_clarity: number | null;
  original_rigor: number | null;
  original_speed: number | null;
};

export function exportCoach(db: AppDatabase): ExportedCoach {
  const sqlite = db.$client;
  const rescores = sqlite
    .prepare<[], RescoreRow>('SELECT * FROM rescores ORDER BY asked_at')
    .all()
    .map((r) => ({
      id: r.id,
      roundId: r.round_id,
      askedAt: r.asked_at,
      answeredAt: r.answered_at,
      dismissedAt: r.dismissed_at,
      scores: { clarity: r.clarity, rigor: r.rigor, speed: r.speed },
      original: { clarity: r.original_clarity, rigor: r.original_rigor, speed: r.original_speed },
    }));
  const items = sqlite
    .prepare<
      [],
      {
        id: string;
        list_id: string;
        kind: string;
        text: string;
        why: string;
        round_id: string | null;
        done_at: number | null;
      }
    >('SELECT id, list_id, kind, text, why, round_id, done_at FROM action_items ORDER BY list_id, idx')
    .all();
  const actionLists = sqlite
    .prepare<[], { id: string; window_start: number; window_end: number; reason: string; created_at: number }>(
      'SELECT * FROM action_lists ORDER BY created_at',
    )
    .all()
    .map((l) => ({
      id: l.id,
      windowStart: l.window_start,
      windowEnd: l.window_end,
      reason: l.reason,
      createdAt: l.created_at,
      items: items
        .filter((i) => i.list_id === l.id)
        .map((i) => ({ id: i.id, kind: i.kind, text: i.text, why: i.why, roundId: i.round_id, doneAt: i.done_at })),
    }));
  return exportedCoach.parse({ rescores, actionLists });
}

/** Adds what is not there yet (by id); a re-score whose round is not in the database is left out. */
export function importCoach(db: AppDatabase, coach: ExportedCoach | undefined): void {
  if (!coach) return;
  const sqlite = db.$client;
  const rescore = sqlite.prepare(
    `INSERT OR IGNORE INTO rescores (id, round_id, asked_at, answered_at, dismissed_at, clarity, rigor, speed,
       original_clarity, original_rigor, original_speed)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM rounds WHERE id = ?)`,
  );
  for (const r of coach.rescores)
    rescore.run(
      r.id,
      r.roundId,
      r.askedAt,
      r.answeredAt,
      r.dismissedAt,
      r.scores.clarity,
      r.scores.rigor,
      r.scores.speed,
      r.original.clarity,
      r.original.rigor,
      r.original.speed,
      r.roundId,
    );
  const list = sqlite.prepare(
    'INSERT OR IGNORE INTO action_lists (id, window_start, window_end, reason, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const item = sqlite.prepare(
    'INSERT OR IGNORE INTO action_items (id, list_id, idx, kind, text, why, round_id, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const l of coach.actionLists) {
    list.run(l.id, l.windowStart, l.windowEnd, l.reason, l.createdAt);
    l.items.forEach((i, idx) => item.run(i.id, l.id, idx, i.kind, i.text, i.why, i.roundId, i.doneAt));
  }
}
