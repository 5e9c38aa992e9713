/**
 * Fatigue across a loop, loaded SQL-side: a session's rounds, and per question type the baseline of
 * the candidate's previous BASELINE_WINDOW rounds of that type before the session (index
 * rounds_type_started), then the pure rule in src/shared/coach/fatigue.ts.
 */
import { BASELINE_WINDOW, baselineOf, fatigueHistoryOf, loopFatigue } from '../../../shared/coach/fatigue';
import type { Baseline, FatigueHistory, SessionFatigue } from '../../../shared/contract/coach';
import type { AppDatabase } from '../db/open';
import { NotFoundError } from '../infra/errors';
import { planTitle, signalsFromColumns, type SignalColumns } from './rows';

type RoundRow = {
  id: string;
  idx: number;
  plan_json: string;
  question_type: string;
  started_at: number;
  clarity: number | null;
  rigor: number | null;
} & SignalColumns;

export class FatigueData {
  private readonly sessionRow;
  private readonly roundRows;
  private readonly baselineRows;
  private readonly loops;

  constructor(db: AppDatabase) {
    const sqlite = db.$client;
    this.sessionRow = sqlite.prepare<[string], { id: string; title: string; created_at: number }>(
      'SELECT id, title, created_at FROM sessions WHERE id = ?',
    );
    this.roundRows = sqlite.prepare<[string], RoundRow>(
      `SELECT r.id, r.idx, r.plan_json, r.question_type, r.started_at, rv.clarity, rv.rigor, rv.speed,
              json_extract(a.metrics_json, '$.thinkTimeMs') AS think_ms,
              json_extract(a.metrics_json, '$.overrunMs') AS overrun_ms,
              json_extract(a.metrics_json, '$.pauses.long') AS long_pauses,
              (SELECT json_group_array(json_extract(f.value, '$.responseLatencyMs'))
                 FROM json_each(a.metrics_json, '$.followUps') f) AS latencies_json
         FROM rounds r
         LEFT JOIN round_reviews rv ON rv.round_id = r.id
         LEFT JOIN round_analyses a ON a.round_id = r.id
        WHERE r.session_id = ? AND r.started_at IS NOT NULL
        ORDER BY r.idx`,
    );
    this.baselineRows = sqlite.prepare<[string, number, string, number], SignalColumns>(
      `SELECT rv.clarity, rv.rigor, rv.speed,
              json_extract(a.metrics_json, '$.thinkTimeMs') AS think_ms,
              json_extract(a.metrics_json, '$.overrunMs') AS overrun_ms,
              json_extract(a.metrics_json, '$.pauses.long') AS long_pauses,
              (SELECT json_group_array(json_extract(f.value, '$.responseLatencyMs'))
                 FROM json_each(a.metrics_json, '$.followUps') f) AS latencies_json
         FROM rounds r
         LEFT JOIN round_reviews rv ON rv.round_id = r.id
         LEFT JOIN round_analyses a ON a.round_id = r.id
        WHERE r.question_type = ? AND r.started_at < ? AND r.session_id != ?
          AND (a.metrics_json IS NOT NULL OR rv.clarity IS NOT NULL OR rv.rigor IS NOT NULL OR rv.speed IS NOT NULL)
        ORDER BY r.started_at DESC
        LIMIT ?`,
    );
    // Sessions with at least two started rounds, newest first (index sessions_created).
    this.loops = sqlite.prepare<[number, number], { id: string; title: string; created_at: number }>(
      `SELECT s.id, s.title, s.created_at FROM sessions s
        WHERE (SELECT count(*) FROM rounds r WHERE r.session_id = s.id AND r.started_at IS NOT NULL) >= 2
        ORDER BY s.created_at DESC
        LIMIT ? OFFSET ?`,
    );
  }

  session(sessionId: string): SessionFatigue {
    const session = this.sessionRow.get(sessionId);
    if (!session) throw new NotFoundError(`No session has the id "${sessionId}".`);
    return this.fatigueOf(session);
  }

  history(limit: number, offset: number): FatigueHistory {
    return fatigueHistoryOf(this.loops.all(limit, offset).map((s) => this.fatigueOf(s)));
  }

  private fatigueOf(session: { id: string; title: string; created_at: number }): SessionFatigue {
    const rows = this.roundRows.all(session.id);
    const firstStart = Math.min(...rows.map((r) => r.started_at));
    const baselines = new Map<string, Baseline>();
    for (const type of new Set(rows.map((r) => r.question_type))) {
      const history = this.baselineRows.all(type, firstStart, session.id, BASELINE_WINDOW);
      baselines.set(type, baselineOf(history.map(signalsFromColumns)));
    }
    return loopFatigue(
      { sessionId: session.id, title: session.title, createdAt: session.created_at },
      rows.map((r) => ({
        roundId: r.id,
        index: r.idx,
        title: planTitle(r.plan_json).title,
        questionType: r.question_type,
        values: signalsFromColumns(r),
      })),
      baselines,
    );
  }
}
