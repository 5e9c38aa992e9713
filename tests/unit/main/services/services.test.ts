import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLoopCoach, type LoopCoach } from '../../../../src/main/services/app';
import { dispatch } from '../../../../src/main/services/infra/dispatch';
import { builtinContentDir, migrationsDir, tempDir, writeFiles } from '../../../support/temp';

async function makeApp(files: Record<string, string> = {}, random = () => 0): Promise<LoopCoach> {
  const dataDir = tempDir();
  writeFiles(path.join(dataDir, 'content'), files);
  let clock = Date.parse('2026-11-23T18:00:00Z');
  return createLoopCoach({
    dataDir,
    builtinContentDir,
    migrationsDir,
    transport: 'web',
    version: '0.0.0-test',
    now: () => (clock += 1000),
    random,
  });
}

const twoRoundLoop = `kind: loop
id: two-rounds
title: Two rounds
category: Mixed
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain what a hash map is and when it degrades.
    budgetSeconds: 120
    expectedPoints: [buckets, collisions]
    followUps: [{ text: What is the worst case?, atSeconds: 60 }]
  - title: Code
    questionType: implementation
    prompt: Now implement a tiny hash map with separate chaining.
    budgetSeconds: 240
    expectedPoints: [array of lists]
    followUps: [{ text: How do you resize?, atSeconds: 100, jitterSeconds: 10 }]
`;

describe('library and sessions through dispatch', () => {
  it('lists the library without answers and previews an item without its expected points or follow-up text', async () => {
    const app = await makeApp({ 'two.yaml': twoRoundLoop });
    const list = await dispatch(app.handlers, 'library:list', {});
    expect(list.ok).toBe(true);
    const view = (list as { ok: true; value: { items: { id: string; origin: string }[]; categories: string[] } }).value;
    expect(view.items.find((i) => i.id === 'two-rounds')?.origin).toBe('user');
    expect(view.categories).toContain('Mixed');
    const preview = await dispatch(app.handlers, 'library:item', { id: 'two-rounds' });
    expect(preview).toMatchObject({ ok: true, value: { roundCount: 2, followUpCount: 2, budgetSeconds: 360 } });
    const text = JSON.stringify(preview);
    // Every string checked below is in the item's file, so each check can fail if it leaks.
    for (const secret of ['buckets', 'collisions', 'array of lists', 'What is the worst case', 'How do you resize']) {
      expect(twoRoundLoop).toContain(secret);
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('expectedPoints');
    expect(text).not.toContain('referenceAnswer');
    app.close();
  });

  it('starts a loop session whose rounds and follow-ups are stored and read back', async () => {
    const app = await makeApp({ 'two.yaml': twoRoundLoop });
    const started = await dispatch(app.handlers, 'session:start', { source: { type: 'item', id: 'two-rounds' } });
    if (!started.ok) throw new Error(started.error.message);
    const session = started.value as {
      id: string;
      rounds: { prompt: string; followUps: { text: string; atSeconds: number }[] }[];
    };
    expect(session.rounds).toHaveLength(2);
    expect(session.rounds[1]!.followUps[0]).toEqual({ text: 'How do you resize?', atSeconds: 100, jitterSeconds: 10 });
    const again = await dispatch(app.handlers, 'session:get', { sessionId: session.id });
    expect(again).toEqual(started);
    const list = await dispatch(app.handlers, 'session:list', {});
    expect(list).toMatchObject({
      ok: true,
      value: { entries: [{ id: session.id, roundCount: 2, status: 'planned' }], next: null },
    });
    const events = app.db.$client.prepare('SELECT type FROM session_events WHERE session_id = ?').all(session.id);
    expect(events).toEqual([{ type: 'session-created' }]);
    app.close();
  });

  it('plans a circuit with its breaks and scales follow-ups to the slot', async () => {
    const app = await makeApp();
    const circuit = [...app.content().circuits.values()][0]!;
    const result = await dispatch(app.handlers, 'session:start', { source: { type: 'circuit', id: circuit.id } });
    if (!result.ok) throw new Error(result.error.message);
    const rounds = (
      result.value as {
        rounds: { budgetSeconds: number; breakBefore?: { seconds: number }; followUps: { atSeconds: number }[] }[];
      }
    ).rounds;
    const roundSteps = circuit.steps.filter((s) => s.type === 'round');
    expect(rounds.length).toBeGreaterThanOrEqual(roundSteps.length);
    const breaks = circuit.steps.filter((s) => s.type === 'break');
    expect(rounds.filter((r) => r.breakBefore).length).toBe(breaks.length);
    const totalRoundSeconds = roundSteps.reduce((sum, s) => sum + s.minutes * 60, 0);
    expect(Math.abs(rounds.reduce((sum, r) => sum + r.budgetSeconds, 0) - totalRoundSeconds)).toBeLessThan(
      rounds.length,
    );
    for (const r of rounds) for (const f of r.followUps) expect(f.atSeconds).toBeLessThan(r.budgetSeconds);
    app.close();
  });

  it('picks a random mock within the chosen category and explains an empty category', async () => {
    const app = await makeApp({}, () => 0.999);
    const result = await dispatch(app.handlers, 'session:start', {
      source: { type: 'random', category: 'Behavioural' },
    });
    if (!result.ok) throw new Error(result.error.message);
    const round = (result.value as { rounds: { category: string }[] }).rounds[0]!;
    expect(round.category).toBe('Behavioural');
    const none = await dispatch(app.handlers, 'session:start', { source: { type: 'random', category: 'Knitting' } });
    expect(none).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No mock is in the category "Knitting".' },
    });
    app.close();
  });

  it('rejects bad input with a message naming the field, and unknown channels', async () => {
    const app = await makeApp();
    expect(await dispatch(app.handlers, 'library:item', { id: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/^Invalid input for library:item: id: /) },
    });
    expect(await dispatch(app.handlers, 'library:item', { id: 'lru-cache', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    expect(await dispatch(app.handlers, 'session:get', { sessionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    // A validator that throws (an in-process caller's object with an odd prototype) is still bad input.
    const odd = { id: Object.setPrototypeOf({}, Uint8Array.prototype) as unknown };
    expect(
      await dispatch(app.handlers, 'recording:chunk', {
        recordingId: '00000000-0000-4000-8000-000000000000',
        seq: 0,
        data: odd.id,
        peaks: odd.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await dispatch(app.handlers, 'fs:readFile', {})).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/Unknown channel/) },
    });
    expect(
      await dispatch(app.handlers, 'session:get', { sessionId: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    app.close();
  });

  it('persists settings and survives a corrupt stored value', async () => {
    const app = await makeApp();
    expect(await dispatch(app.handlers, 'settings:get', {})).toMatchObject({
      ok: true,
      value: { theme: 'system', playbackRate: 1.5 },
    });
    expect(await dispatch(app.handlers, 'settings:update', { theme: 'dark', speechRate: 1.2 })).toMatchObject({
      ok: true,
      value: { theme: 'dark', speechRate: 1.2 },
    });
    expect(await dispatch(app.handlers, 'settings:update', { theme: 'purple' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    app.db.$client.prepare("UPDATE settings SET value_json = json_set(value_json, '$.speechRate', 99)").run();
    expect(await dispatch(app.handlers, 'settings:get', {})).toMatchObject({
      ok: true,
      value: { theme: 'dark', speechRate: 1 },
    });
    app.close();
  });

  it('reloads user content and announces it', async () => {
    const app = await makeApp();
    const seen: unknown[] = [];
    const unsubscribe = app.events.subscribe((channel, payload) => seen.push([channel, payload]));
    writeFiles(app.paths.userContentDir, { 'two.yaml': twoRoundLoop, 'bad.yaml': 'kind: loop\n' });
    const reloaded = await dispatch(app.handlers, 'library:reload', {});
    expect(reloaded).toMatchObject({ ok: true });
    expect(app.content().items.has('two-rounds')).toBe(true);
    expect(seen).toEqual([['library:changed', { problems: app.content().problems.length }]]);
    unsubscribe();
    expect(fs.existsSync(app.paths.databaseFile)).toBe(true);
    app.close();
  });
});
