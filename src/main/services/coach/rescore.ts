/**
 * Blind re-scores: asks at most once a day (when the setting allows) to score an old round again
 * without its earlier scores, stores both, and reports the drift and how self-scores track measured
 * signals (SQL GROUP BY score over the last 90 days of scored rounds, index round_reviews_scored).
 */
import { randomUUID } from 'node:crypto';
import type { CalibrationView, RescorePrompt } from '../../../shared/contract';
import { MIN_ROUND_AGE_MS, mayAskAgain, relationOf, rescoreEnabled, scoreDrift } from '../../../shared/coach/rescore';
import type { Dimension, RescorePair } from '../../../shared/contract/coach';
import type { PairSums } from '../../../shared/coach/stats';
import type { AppDatabase } from '../db/open';
import { NotFoundError } from '../infra/errors';
import { mediaUrl } from '../recording/paths';
import { readSettings } from '../settings/settings';
import { planTitle } from './rows';

/** The window of scored rounds the self-score vs signal relations read: the last 90 days… */
export const RELATION_WINDOW_MS = 90 * 24 * 3600 * 1000;
/** …and at most this many of the newest of them (a busy year would otherwise parse ~25 000 metrics). */
export const RELATION_ROUNDS = 2000;
/** The newest answered re-scores the drift chart draws. */
export const DRIFT_LIMIT = 200;

type Scores = { clarity: number | null; rigor: number | null; speed: number | null };
type GroupRow = PairSums & { score: number; rounds: number; meanSignal: number };

export class RescoreService {
  constructor(
    private readonly db: AppDatabase,
    private readonly now: () => number,
  ) {}

  private get sqlite() {
    return this.db.$client;
  }

  enabled(): boolean {
    const first = this.sqlite.prepare<[], { first: number | null }>(
      'SELECT min(started_at) AS first FROM rounds WHERE started_at IS NOT NULL',
    );
    return rescoreEnabled(readSettings(this.db).rescorePrompts, first.get()?.first ?? null, this.now());
  }

  /** The open prompt, or a new one when one is due; null otherwise. */
  prompt(): RescorePrompt | null {
    if (!this.enabled()) return null;
    const open = this.sqlite
      .prepare<[], { id: string; round_id: string }>(
        `SELECT id, round_id FROM rescores WHERE answered_at IS NULL AND dismissed_at IS NULL
          ORDER BY asked_at DESC LIMIT 1`,
      )
      .get();
    if (open) return this.view(open.id, open.round_id);
    const last = this.sqlite.prepare<[], { at: number | null }>('SELECT max(asked_at) AS at FROM rescores').get();
    const now = this.now();
    if (!mayAskAgain(last?.at ?? null, now)) return null;
    // The round scored longest ago (and at least MIN_ROUND_AGE_MS ago) that was never asked about.
    const candidate = this.sqlite
      .prepare<[number], { id: string }>(
        `SELECT r.id FROM round_reviews rv
           JOIN rounds r ON r.id = rv.round_id
           JOIN recordings rec ON rec.round_id = r.id
          WHERE rv.scored_at IS NOT NULL AND rv.scored_at <= ?
            AND rec.duration_ms IS NOT NULL AND rec.status IN ('finalized', 'recovered')
            AND NOT EXISTS (SELECT 1 FROM rescores x WHERE x.round_id = r.id)
          ORDER BY rv.scored_at ASC LIMIT 1`,
      )
      .get(now - MIN_ROUND_AGE_MS);
    if (!candidate) return null;
    const id = randomUUID();
    this.sqlite.prepare('INSERT INTO rescores (id, round_id, asked_at) VALUES (?, ?, ?)').run(id, candidate.id, now);
    return this.view(id, candidate.id);
  }

  private view(rescoreId: string, roundId: string): RescorePrompt {
    const row = this.sqlite
      .prepare<[string], { plan_json: string; category: string; started_at: number | null; file: string | null }>(
        `SELECT r.plan_json, r.category, r.started_at, rec.file FROM rounds r
           LEFT JOIN recordings rec ON rec.round_id = r.id WHERE r.id = ?`,
      )
      .get(roundId);
    if (!row) throw new NotFoundError('That round no longer exists.');
    const { title, prompt } = planTitle(row.plan_json);
    return {
      rescoreId,
      roundId,
      title,
      prompt,
      category: row.category,
      startedAt: row.started_at,
      mediaUrl: row.file ? mediaUrl(row.file) : null,
    };
  }

  private openRescore(rescoreId: string): { round_id: string } {
    const row = this.sqlite
      .prepare<[string], { round_id: string; answered_at: number | null; dismissed_at: number | null }>(
        'SELECT round_id, answered_at, dismissed_at FROM rescores WHERE id = ?',
      )
      .get(rescoreId);
    if (!row) throw new NotFoundError('That re-score prompt no longer exists.');
    return row;
  }

  /** Stores the blind scores with the earlier ones as they stand now. */
  answer(rescoreId: string, scores: Scores): CalibrationView {
    const { round_id } = this.openRescore(rescoreId);
    const original = this.sqlite
      .prepare<[string], Scores>('SELECT clarity, rigor, speed FROM round_reviews WHERE round_id = ?')
      .get(round_id) ?? { clarity: null, rigor: null, speed: null };
    this.sqlite
      .prepare(
        `UPDATE rescores SET answered_at = ?, dismissed_at = NULL, clarity = ?, rigor = ?, speed = ?,
                original_clarity = ?, original_rigor = ?, original_speed = ? WHERE id = ?`,
      )
      .run(
        this.now(),
        scores.clarity,
        scores.rigor,
        scores.speed,
        original.clarity,
        original.rigor,
        original.speed,
        rescoreId,
      );
    return this.calibration();
  }

  dismiss(rescoreId: string): null {
    this.openRescore(rescoreId);
    this.sqlite
      .prepare('UPDATE rescores SET dismissed_at = ? WHERE id = ? AND answered_at IS NULL')
      .run(this.now(), rescoreId);
    return null;
  }

  calibration(): CalibrationView {
    const pairs = this.sqlite
      .prepare<
        [number],
        {
          answered_at: number;
          round_id: string;
          plan_json: string;
          clarity: number | null;
          rigor: number | null;
          speed: number | null;
          original_clarity: number | null;
          original_rigor: number | null;
          original_speed: number | null;
        }
      >(
        `SELECT x.answered_at, x.round_id, r.plan_json, x.clarity, x.rigor, x.speed,
                x.original_clarity, x.original_rigor, x.original_speed
           FROM rescores x JOIN rounds r ON r.id = x.round_id
          WHERE x.answered_at IS NOT NULL ORDER BY x.answered_at DESC LIMIT ?`,
      )
      .all(DRIFT_LIMIT)
      .map((p): RescorePair => ({
        answeredAt: p.answered_at,
        roundId: p.round_id,
        title: planTitle(p.plan_json).title,
        original: { clarity: p.original_clarity, rigor: p.original_rigor, speed: p.original_speed },
        rescore: { clarity: p.clarity, rigor: p.rigor, speed: p.speed },
      }));
    const since = this.now() - RELATION_WINDOW_MS;
    return {
      enabled: this.enabled(),
      drift: scoreDrift(pairs),
      relations: [
        relationOf(
          'speed',
          'overrunSeconds',
          this.groups('speed', "json_extract(a.metrics_json, '$.overrunMs') / 1000.0", since),
        ),
        relationOf(
          'rigor',
          'missedPoints',
          this.groups(
            'rigor',
            "(SELECT count(*) FROM json_each(rv.points_json) WHERE json_each.value = 'missed')",
            since,
            'json_array_length(rv.points_json) > 0',
          ),
        ),
      ],
    };
  }

  /** Rounds grouped by one score, with the mean of a measured signal and the sums Pearson's r needs. */
  private groups(score: Dimension, signal: string, since: number, extra = '1'): (GroupRow & { sums: PairSums })[] {
    // `score` comes from the Dimension enum and `signal` from the two literals above, never from input.
    return this.sqlite
      .prepare<[number], GroupRow>(
        `SELECT score, count(*) AS rounds, avg(y) AS meanSignal,
                count(*) AS n, sum(score) AS sx, sum(y) AS sy, sum(score * score) AS sxx,
                sum(y * y) AS syy, sum(score * y) AS sxy
           FROM (SELECT rv.${score} AS score, ${signal} AS y
                   FROM (SELECT * FROM round_reviews
                          WHERE scored_at >= ? AND ${score} IS NOT NULL
                          ORDER BY scored_at DESC LIMIT ${RELATION_ROUNDS}) rv
                   LEFT JOIN round_analyses a ON a.round_id = rv.round_id
                  WHERE ${extra})
          WHERE y IS NOT NULL
          GROUP BY score ORDER BY score`,
      )
      .all(since)
      .map((g) => ({ ...g, sums: g }));
  }
}
