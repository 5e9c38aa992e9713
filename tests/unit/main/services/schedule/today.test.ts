/**
 * "Today" through the real services and a real SQLite file: histories practised at chosen times,
 * today:get's order, today:snooze and today:retire stored (migration 0008) and honoured as the clock
 * moves, a circuit proposed when ready, starting the proposal through session:start, the view
 * recomputed identically after export and import, and the migration applied to a database with rows.
 */
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../../../src/main/services/export/export';
import { importExport } from '../../../../../src/main/services/import';
import { scheduleQueries } from '../../../../../src/main/services/schedule/today';
import { DAY, HOUR, aced, mockYaml, practise, todayApp, weak, type Clock } from '../../../../support/seed-today';
import { call } from '../../../../support/sessions';
import { rewindDatabase } from '../../../../support/migrations';
import { tempDir } from '../../../../support/temp';

const NOW = Date.UTC(2026, 11, 1, 19, 0);

const files = {
  'a.yaml': mockYaml('aced-last-week', 'Coding', 'implementation'),
  'b.yaml': mockYaml('missed-yesterday', 'Coding', 'implementation'),
  'c.yaml': mockYaml('aced-yesterday', 'Coding', 'implementation'),
  'd.yaml': mockYaml('never-tried-theory', 'Theory', 'derivation'),
};

async function history(dataDir: string, clock: Clock, extra: Record<string, string> = {}) {
  const app = await todayApp(dataDir, { ...files, ...extra }, clock);
  await practise(app, clock, { type: 'item', id: 'aced-last-week' }, NOW - 7 * DAY, aced);
  await practise(app, clock, { type: 'item', id: 'missed-yesterday' }, NOW - 20 * HOUR, weak);
  await practise(app, clock, { type: 'item', id: 'aced-yesterday' }, NOW - DAY, aced);
  clock.now = NOW;
  return app;
}

const ids = (view: { items: { itemId: string }[] }) => view.items.map((e) => e.itemId);

describe('Today on stored history', () => {
  it('proposes the item missed yesterday before the one aced last week, with a never-tried category mixed in', async () => {
    const clock = { now: NOW };
    const app = await history(tempDir(), clock);
    const view = await call(app, 'today:get', {});
    expect(view.hasHistory).toBe(true);
    expect(view.items.map((e) => [e.itemId, e.reason])).toEqual([
      ['missed-yesterday', 'weak'],
      ['aced-last-week', 'due'],
      ['never-tried-theory', 'new-category'],
    ]);
    expect(view.items[0]).toMatchObject({ attempts: 1, lastAt: NOW - 20 * HOUR, dueAt: NOW - 8 * HOUR });
    expect(view.items[0]!.why).toBe(
      '20 h ago: scores 2·2·2, missed 3 of 4 expected points. A weak attempt comes back after 12 h.',
    );
    expect(view.upcoming.map((u) => [u.itemId, u.dueAt])).toEqual([['aced-yesterday', NOW + 5 * DAY]]);
    app.close();
  });

  it('overruns and flags from the speech analysis make an otherwise solid attempt weak', async () => {
    const clock = { now: NOW };
    const app = await todayApp(tempDir(), files, clock);
    await practise(app, clock, { type: 'item', id: 'aced-yesterday' }, NOW - DAY, {
      scores: [4, 4, 4],
      missed: 0,
      overrunMs: 40_000,
      flags: ['over-budget', 'long-preamble'],
    });
    await practise(app, clock, { type: 'item', id: 'aced-last-week' }, NOW - DAY, { scores: [4, 4, 4], missed: 0 });
    clock.now = NOW;
    const view = await call(app, 'today:get', {});
    expect(view.items.map((e) => [e.itemId, e.reason])).toEqual([
      ['aced-yesterday', 'weak'],
      ['never-tried-theory', 'new-category'],
    ]);
    expect(view.items[0]!.why).toContain('overran by 40 s, flagged long preamble');
    expect(view.upcoming.map((u) => u.itemId)).toEqual(['aced-last-week']);
    app.close();
  });

  it('a retired item never comes back, however long it waits, until it is brought back', async () => {
    const clock = { now: NOW };
    const app = await history(tempDir(), clock);
    const retired = await call(app, 'today:retire', { itemId: 'missed-yesterday' });
    expect(ids(retired)).toEqual(['aced-last-week', 'never-tried-theory']);
    expect(retired.retired).toEqual([{ itemId: 'missed-yesterday', title: 'missed yesterday', retiredAt: NOW }]);
    for (const later of [DAY, 30 * DAY, 365 * DAY]) {
      clock.now = NOW + later;
      const view = await call(app, 'today:get', {});
      expect(ids(view)).not.toContain('missed-yesterday');
      expect(view.upcoming.map((u) => u.itemId)).not.toContain('missed-yesterday');
    }
    clock.now = NOW;
    const back = await call(app, 'today:retire', { itemId: 'missed-yesterday', retired: false });
    expect(ids(back)[0]).toBe('missed-yesterday');
    expect(back.retired).toEqual([]);
    app.close();
  });

  it('a snoozed item returns after the snooze; an unknown item is refused by name', async () => {
    const clock = { now: NOW };
    const app = await history(tempDir(), clock);
    const snoozed = await call(app, 'today:snooze', { itemId: 'missed-yesterday', days: 2 });
    expect(ids(snoozed)).not.toContain('missed-yesterday');
    expect(snoozed.upcoming[0]).toMatchObject({ itemId: 'missed-yesterday', snoozedUntil: NOW + 2 * DAY });
    clock.now = NOW + 2 * DAY - HOUR;
    expect(ids(await call(app, 'today:get', {}))).not.toContain('missed-yesterday');
    clock.now = NOW + 2 * DAY + HOUR;
    expect(ids(await call(app, 'today:get', {}))[0]).toBe('missed-yesterday');
    await expect(call(app, 'today:snooze', { itemId: 'no-such-item', days: 1 })).rejects.toThrow(
      'today:snooze: No loop or mock has the id "no-such-item".',
    );
    await expect(call(app, 'today:snooze', { itemId: '../etc', days: 1 })).rejects.toThrow(/itemId/);
    app.close();
  });

  it('starting the proposal runs its items through session:start; finishing it moves their next dates', async () => {
    const clock = { now: NOW };
    const app = await history(tempDir(), clock);
    const before = await call(app, 'today:get', {});
    const session = await call(app, 'session:start', { source: { type: 'items', ids: ids(before) } });
    expect(session.title).toBe('Practice: missed yesterday · aced last week · never tried theory');
    expect(session.rounds.map((r) => [r.index, r.itemId])).toEqual([
      [0, 'missed-yesterday'],
      [1, 'aced-last-week'],
      [2, 'never-tried-theory'],
    ]);
    await app.handlers['session:control']({ sessionId: session.id, action: 'abandon' });
    await practise(app, clock, { type: 'items', ids: ids(before) }, NOW + HOUR, { scores: [4, 4, 4], missed: 0 });
    clock.now = NOW + 2 * HOUR;
    const after = await call(app, 'today:get', {});
    expect(after.items).toEqual([]);
    // A first solid attempt (or one after a weak one) waits 3 days; a second solid in a row, 6.
    expect(after.upcoming.map((u) => [u.itemId, u.dueAt])).toEqual([
      ['missed-yesterday', NOW + HOUR + 3 * DAY],
      ['never-tried-theory', NOW + HOUR + 3 * DAY],
      ['aced-yesterday', NOW + 5 * DAY],
      ['aced-last-week', NOW + HOUR + 6 * DAY],
    ]);
    app.close();
  });

  it('proposes a circuit when the single rounds of its question types look ready', async () => {
    const clock = { now: NOW };
    const circuit = `kind: circuit
id: mini-onsite
title: Mini onsite
steps:
  - { type: round, label: Coding, items: [aced-yesterday], minutes: 10 }
  - { type: round, label: Theory, items: [never-tried-theory], minutes: 10 }
`;
    const app = await todayApp(tempDir(), { ...files, 'circuit.yaml': circuit }, clock);
    await practise(app, clock, { type: 'item', id: 'aced-yesterday' }, NOW - 3 * DAY, aced);
    await practise(app, clock, { type: 'item', id: 'aced-last-week' }, NOW - 2 * DAY, aced);
    await practise(app, clock, { type: 'item', id: 'never-tried-theory' }, NOW - 2 * DAY, aced);
    clock.now = NOW;
    expect((await call(app, 'today:get', {})).circuit).toBeNull(); // theory: one solid round only
    await practise(app, clock, { type: 'item', id: 'never-tried-theory' }, NOW - DAY, aced);
    clock.now = NOW;
    const ready = await call(app, 'today:get', {});
    expect(ready.circuit).toMatchObject({ id: 'mini-onsite', title: 'Mini onsite', totalMinutes: 20 });
    await practise(app, clock, { type: 'circuit', id: 'mini-onsite' }, NOW, aced);
    clock.now = NOW + DAY;
    expect((await call(app, 'today:get', {})).circuit).toBeNull(); // just run: resting for a week
    app.close();
  });

  it('is recomputed identically from an export: history, snoozes and retirements travel with it', async () => {
    const clock = { now: NOW };
    const source = await history(tempDir(), clock);
    await call(source, 'today:snooze', { itemId: 'aced-last-week', days: 3 });
    await call(source, 'today:retire', { itemId: 'never-tried-theory' });
    const expected = await call(source, 'today:get', {});
    const file = buildExport(source.db, 'test', NOW);
    expect(file.schedule.map((s) => s.itemId)).toEqual(['aced-last-week', 'never-tried-theory']);
    source.close();

    const targetDir = tempDir();
    const target = await todayApp(targetDir, files, clock);
    expect((await call(target, 'today:get', {})).hasHistory).toBe(false);
    importExport(target.db, targetDir, JSON.parse(JSON.stringify(file)), null);
    expect(await call(target, 'today:get', {})).toEqual(expected);
    target.close();
  });

  it('migration 0008 adds item_schedule to a database that already has history, and the reads use its indexes', async () => {
    const clock = { now: NOW };
    const dataDir = tempDir();
    let app = await history(dataDir, clock);
    const expected = await call(app, 'today:get', {});
    app.close();
    // The same rows in a database as the app before 0008 left it; the next start runs 0008 and later.
    rewindDatabase(app.paths.databaseFile, '0007_progress_stats');

    app = await todayApp(dataDir, files, clock);
    expect(await call(app, 'today:get', {})).toEqual(expected);
    expect(ids(await call(app, 'today:retire', { itemId: 'missed-yesterday' }))).not.toContain('missed-yesterday');
    const plan = (sql: string, params: Record<string, unknown>) =>
      (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    // The latest attempts are index seeks, never a scan of the history.
    expect(plan(scheduleQueries.itemAttempts, { key: 'x', rounds: 7 })).toMatch(
      /SEARCH r USING INDEX rounds_item_started \(item_id=\? AND started_at>\?\)/,
    );
    expect(plan(scheduleQueries.typeAttempts, { key: 'x' })).toMatch(
      /SEARCH r USING INDEX rounds_type_started \(question_type=\? AND started_at>\?\)/,
    );
    expect(plan(scheduleQueries.circuitLastRun, { source: '{}' })).toMatch(
      /SEARCH s USING (COVERING )?INDEX sessions_source \(source_json=\?\)/,
    );
    app.close();
  });
});
