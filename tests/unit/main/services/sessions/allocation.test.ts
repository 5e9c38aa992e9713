/**
 * session:allocation (one main-side query) against the path it replaces in the time-allocation chart:
 * session:get, then analysis:get for every started round, then timeAllocation in the renderer. Side
 * by side on seeded sessions, including rounds whose analysis failed or is gone, a round not
 * started, a planned session and an unknown id.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, seedHistory } from '../../../../../bench/seed-history';
import { createLoopCoach, type LoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import type { RequestChannel } from '../../../../../src/shared/channels';
import type { AnalysisView, RequestInput, SessionView } from '../../../../../src/shared/contract';
import { roundTitle } from '../../../../../src/shared/round-title';
import { timeAllocation } from '../../../../../src/shared/time-allocation';
import { builtinContentDir, migrationsDir } from '../../../../support/temp';

const now = Date.parse('2026-11-30T20:00:00Z');
let app: LoopCoach;
let dataDir: string;

async function call<T>(channel: RequestChannel, input: RequestInput<RequestChannel>): Promise<T> {
  const result = await dispatch(app.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** What useSessionAllocation computed before session:allocation existed. */
async function oldAllocation(sessionId: string) {
  const session = await call<SessionView>('session:get', { sessionId });
  const started = session.rounds.filter((r) => r.startedAt !== null);
  const analyses = await Promise.all(started.map((r) => call<AnalysisView>('analysis:get', { roundId: r.id })));
  return {
    session: { id: session.id, title: session.title, createdAt: session.createdAt },
    rows: started.map((r, i) => {
      const metrics = analyses[i]!.metrics;
      return {
        roundId: r.id,
        label: `Round ${r.index + 1}`,
        title: roundTitle(r),
        allocation: metrics ? timeAllocation(r.budgetSeconds, metrics) : null,
        budgetSeconds: r.budgetSeconds,
      };
    }),
  };
}

let sessionIds: string[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-session-allocation-'));
  await seedHistory({ dataDir, rounds: 400, now, random: seededRandom(7) });
  app = await createLoopCoach({
    dataDir,
    builtinContentDir,
    migrationsDir,
    transport: 'web',
    version: '0.0.0-test',
    now: () => now,
  });
  const client = app.db.$client;
  client
    .prepare(
      'UPDATE round_analyses SET metrics_json = NULL WHERE round_id IN (SELECT id FROM rounds WHERE rowid % 5 = 0)',
    )
    .run();
  client.prepare('DELETE FROM round_analyses WHERE round_id IN (SELECT id FROM rounds WHERE rowid % 7 = 0)').run();
  client.prepare('UPDATE rounds SET started_at = NULL WHERE rowid % 11 = 0').run();
  const planned = await call<SessionView>('session:start', { source: { type: 'item', id: 'lru-cache' } });
  sessionIds = [
    ...(client.prepare('SELECT id FROM sessions ORDER BY created_at DESC').all() as { id: string }[]).map((s) => s.id),
  ];
  expect(sessionIds).toContain(planned.id);
}, 120_000);

afterAll(() => {
  app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('session:allocation', () => {
  it('equals session:get plus one analysis:get per started round, for every session', async () => {
    let analysed = 0;
    let notAnalysed = 0;
    let skipped = 0;
    for (const sessionId of sessionIds) {
      const expected = await oldAllocation(sessionId);
      const actual = await call<typeof expected>('session:allocation', { sessionId });
      expect(actual).toEqual(expected);
      analysed += actual.rows.filter((r) => r.allocation !== null).length;
      notAnalysed += actual.rows.filter((r) => r.allocation === null).length;
      const all = (await call<SessionView>('session:get', { sessionId })).rounds.length;
      skipped += all - actual.rows.length;
    }
    // Every shape was compared: analysed rounds, rounds without metrics, rounds never started.
    expect(analysed).toBeGreaterThan(100);
    expect(notAnalysed).toBeGreaterThan(20);
    expect(skipped).toBeGreaterThan(20);
  });

  it('keeps the rounds in their order within the session, labelled by their place', async () => {
    const sessionId = sessionIds.find((id) => id !== sessionIds[0])!;
    const { rows } = await call<{ rows: { label: string }[] }>('session:allocation', { sessionId });
    const places = rows.map((r) => Number(/^Round (\d+)$/.exec(r.label)![1]));
    expect(places).toEqual([...places].sort((a, b) => a - b));
  });

  it('names an unknown session', async () => {
    const result = await dispatch(app.handlers, 'session:allocation', {
      sessionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('No session has the id "00000000-0000-4000-8000-000000000000".');
  });
});
