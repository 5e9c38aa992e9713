/**
 * The Progress numbers aggregated in SQLite (progress:get over round_stats) against the renderer-side
 * computation they replace (every round from the old progressView, aggregated by the old
 * lib/progress-stats functions), side by side on the same 10,000 seeded rounds: every filter, several
 * time zones, and rounds edited after seeding (scores changed, analyses dropped or failed, a
 * session deleted, a session planned but not started) so the triggers are exercised too.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { seededRandom, seedHistory } from '../../../../../bench/seed-history';
import { createLoopCoach, type LoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import type { ProgressSummary, RequestInput } from '../../../../../src/shared/contract';
import {
  baselines,
  latestSessionId,
  overview,
  progressView,
  weakestAreas,
  weeklyTrends,
  type ProgressFilter,
  type ProgressView,
} from '../../../../support/progress-reference';
import { builtinContentDir, migrationsDir } from '../../../../support/temp';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROUNDS = 10_000;
const now = Date.parse('2026-11-30T20:00:00Z');
let app: LoopCoach;
let dataDir: string;
let old: ProgressView;

async function summary(input: RequestInput<'progress:get'>): Promise<ProgressSummary> {
  const result = await dispatch(app.handlers, 'progress:get', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ProgressSummary;
}

/** What the old page showed for this filter and zone, from the old path's rounds. */
async function oldPage(view: ProgressView, timeZone: string, filter: ProgressFilter) {
  const o = overview(view.rounds);
  // The old page asked session:allocation for the latest round's session in a second request.
  const latest = latestSessionId(view.rounds);
  const allocation = latest ? await dispatch(app.handlers, 'session:allocation', { sessionId: latest }) : null;
  if (allocation && !allocation.ok) throw new Error(allocation.error.message);
  return {
    rounds: view.rounds.length,
    categories: o.categories,
    questionTypes: o.questionTypes,
    filter,
    timeZone,
    trends: weeklyTrends(view.rounds, timeZone, filter),
    weakest: { byCategory: weakestAreas(o.byCategory), byQuestionType: weakestAreas(o.byQuestionType) },
    baselines: baselines(view.rounds),
    actions: view.actions,
    latestSession: allocation ? allocation.value : null,
  };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-progress-equality-'));
  await seedHistory({ dataDir, rounds: ROUNDS, now, random: seededRandom(12) });
  app = await createLoopCoach({
    dataDir,
    builtinContentDir,
    migrationsDir,
    transport: 'web',
    version: '0.0.0-test',
    now: () => now,
  });
  const client = app.db.$client;
  const ids = (client.prepare('SELECT id FROM rounds ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
  // Edits after the seed, through each trigger: re-scored, unscored, analysis failed or gone.
  for (const id of ids.filter((_, i) => i % 97 === 0)) {
    const saved = await dispatch(app.handlers, 'review:save', {
      roundId: id,
      scores: { clarity: 1, rigor: 5, speed: null },
      postmortem: { change: `Re-scored ${id.slice(0, 4)}` },
    });
    expect(saved.ok).toBe(true);
  }
  client.prepare('DELETE FROM round_reviews WHERE round_id IN (SELECT id FROM rounds WHERE rowid % 89 = 0)').run();
  client
    .prepare(
      'UPDATE round_analyses SET metrics_json = NULL WHERE round_id IN (SELECT id FROM rounds WHERE rowid % 83 = 0)',
    )
    .run();
  client.prepare('DELETE FROM round_analyses WHERE round_id IN (SELECT id FROM rounds WHERE rowid % 79 = 0)').run();
  const doomed = client.prepare('SELECT id FROM sessions ORDER BY rowid LIMIT 1 OFFSET 40').get() as { id: string };
  client.prepare('DELETE FROM sessions WHERE id = ?').run(doomed.id);
  // A planned session: its rounds have no start time and count nowhere.
  expect((await dispatch(app.handlers, 'session:start', { source: { type: 'item', id: 'lru-cache' } })).ok).toBe(true);
  old = progressView(app.db, 0, 20_000);
}, 120_000);

afterAll(() => {
  app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Progress in SQLite equals the renderer-side computation', () => {
  it('holds thousands of rounds of many shapes', () => {
    expect(old.rounds.length).toBeGreaterThan(9_900);
    const scores = old.rounds.map((r) => Object.values(r.scores).filter((v) => v !== null).length);
    expect(new Set(scores)).toEqual(new Set([0, 1, 2, 3]));
    expect(old.rounds.some((r) => r.metrics === null)).toBe(true);
    expect(new Set(old.rounds.map((r) => r.category)).size).toBeGreaterThanOrEqual(6);
  });

  it('with no filter, in several time zones', async () => {
    for (const timeZone of ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      const filter = { category: null, questionType: null };
      expect(await summary({ timeZone, ...filter })).toEqual(await oldPage(old, timeZone, filter));
    }
    // The latest session's allocation comes inside the summary, a row per started round.
    const { latestSession } = await summary({ timeZone: 'UTC', category: null, questionType: null });
    expect(latestSession?.session.id).toBe(latestSessionId(old.rounds));
    expect(latestSession?.rows.length).toBeGreaterThan(0);
  });

  it('for every category, every question type and pairs of them', async () => {
    const o = overview(old.rounds);
    const filters: ProgressFilter[] = [
      ...o.categories.map((category) => ({ category, questionType: null })),
      ...o.questionTypes.map((questionType) => ({ category: null, questionType })),
      ...o.categories.flatMap((category, i) =>
        o.questionTypes.filter((_, j) => (i + j) % 3 === 0).map((questionType) => ({ category, questionType })),
      ),
      { category: 'No such category', questionType: null },
    ];
    expect(filters.length).toBeGreaterThan(20);
    let empty = 0;
    for (const filter of filters) {
      const got = await summary({ timeZone: 'Europe/Berlin', ...filter });
      expect(got.trends).toEqual(weeklyTrends(old.rounds, 'Europe/Berlin', filter));
      if (got.trends.length === 0) empty++;
    }
    expect(empty).toBeGreaterThan(0);
  });

  it('from a start time on', async () => {
    const sinceMs = now - 90 * 24 * 3600_000;
    const recent = progressView(app.db, sinceMs, 20_000);
    expect(recent.rounds.length).toBeLessThan(old.rounds.length);
    const filter = { category: null, questionType: null };
    expect(await summary({ timeZone: 'UTC', ...filter, sinceMs })).toEqual({
      ...(await oldPage(recent, 'UTC', filter)),
      // The action list never followed sinceMs.
      actions: old.actions,
    });
  });
});
