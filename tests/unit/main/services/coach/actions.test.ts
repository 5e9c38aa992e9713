/** The weekly action list: the rule on hand-made weeks, and the stored list on a real database. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LoopCoach } from '../../../../../src/main/services/app';
import { MAX_ACTIONS, weeklyActions, type WeekMaterial } from '../../../../../src/shared/coach/actions';
import { addSession, DAY } from '../../../../support/coach-history';
import { rewindDatabase } from '../../../../support/migrations';
import { call, makeApp } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const empty: WeekMaterial = { changes: [], flags: [], weakAreas: [], stumped: null, ramble: null };

describe('the action-list rule', () => {
  it('puts the most often written change first and never lists more than five', () => {
    const actions = weeklyActions({
      changes: [
        { text: 'Say the complexity first.', at: 5, roundId: 'a' },
        { text: 'State the core answer first!', at: 4, roundId: 'b' },
        { text: 'state the core answer first', at: 3, roundId: 'c' },
        { text: 'State the core answer first.', at: 2, roundId: 'd' },
        { text: 'Ask about scale.', at: 1, roundId: 'e' },
      ],
      flags: [
        { id: 'over-budget', count: 4 },
        { id: 'long-preamble', count: 2 },
      ],
      weakAreas: [{ category: 'ML system design', meanScore: 2.2, rounds: 4 }],
      stumped: { roundId: 's', title: 'Design YouTube recommendations', meanScore: 1.7 },
      ramble: { roundId: 'r', title: 'LRU cache', rambleMs: 40_000 },
    });
    expect(actions).toHaveLength(MAX_ACTIONS);
    expect(actions.map((a) => a.kind)).toEqual(['change', 'stumped', 'flag', 'weak-area', 'ramble']);
    expect(actions[0]).toMatchObject({
      text: 'State the core answer first!',
      why: 'You wrote this 3 times this week.',
    });
    expect(actions[1]).toMatchObject({ text: 'Retake “Design YouTube recommendations”.', roundId: 's' });
    expect(actions[2]!.why).toBe('Flagged 4 times this week.');
  });

  it('fills the list from what there is, without repeating a line', () => {
    const actions = weeklyActions({
      ...empty,
      changes: [
        { text: 'Pause instead of “um”.', at: 2, roundId: 'a' },
        { text: 'Ask about scale.', at: 1, roundId: 'b' },
        { text: 'Name a failure mode.', at: 0, roundId: 'c' },
      ],
      flags: [{ id: 'front-loaded', count: 1 }],
    });
    expect(actions.map((a) => a.kind)).toEqual(['change', 'flag', 'change', 'change']);
    expect(new Set(actions.map((a) => a.text)).size).toBe(4);
    expect(weeklyActions(empty)).toEqual([]);
  });
});

describe('the stored weekly list', () => {
  let app: LoopCoach | null = null;
  afterEach(() => app?.close());

  it('is made once when a week ends, on request too, and checked off as practised', async () => {
    const monday = Date.UTC(2026, 10, 23); // the candidate's current week began here
    let now = monday + 3600_000;
    app = await makeApp(tempDir(), {}, () => now);
    // Nothing practised last week: no list.
    expect(await call(app, 'coach:actions', { weekStartMs: monday })).toBeNull();
    const last = monday - 3 * DAY;
    addSession(app.db, last, [
      {
        startedAt: last,
        title: 'Design YouTube recommendations',
        category: 'ML system design',
        scores: { clarity: 2, rigor: 1, speed: 2 },
        flags: ['over-budget'],
        postmortem: { change: 'Ask one clarifying question about scale.' },
      },
      {
        startedAt: last + 1,
        category: 'ML system design',
        scores: { clarity: 3, rigor: 3, speed: 3 },
        flags: ['over-budget', 'long-preamble'],
        rambleMs: 20_000,
        title: 'AI support agent',
        postmortem: { change: 'Ask one clarifying question about scale' },
      },
      // Two weeks ago: outside the window.
      { startedAt: monday - 10 * DAY, postmortem: { change: 'An old line.' }, flags: ['front-loaded'] },
    ]);
    const list = await call(app, 'coach:actions', { weekStartMs: monday });
    expect(list).toMatchObject({ reason: 'week-end', windowStart: monday - 7 * DAY, windowEnd: monday });
    expect(list!.items.map((i) => i.kind)).toEqual(['change', 'stumped', 'flag', 'weak-area', 'ramble']);
    expect(list!.items[0]!.why).toBe('You wrote this twice this week.');
    expect(list!.items.map((i) => i.text).join(' ')).not.toContain('An old line');
    // Read again the same week: the same list, not a new one.
    now += DAY;
    expect((await call(app, 'coach:actions', { weekStartMs: monday }))?.id).toBe(list!.id);

    const checked = await call(app, 'coach:actionCheck', { itemId: list!.items[2]!.id, done: true });
    expect(checked.items.map((i) => i.doneAt)).toEqual([null, null, now, null, null]);
    const unchecked = await call(app, 'coach:actionCheck', { itemId: list!.items[2]!.id, done: false });
    expect(unchecked.items[2]!.doneAt).toBeNull();

    // On request: a new list from the last seven days, now the latest.
    const requested = await call(app, 'coach:actionsGenerate', {});
    expect(requested).toMatchObject({ reason: 'request', windowEnd: now, windowStart: now - 7 * DAY });
    expect(requested.id).not.toBe(list!.id);
    expect((await call(app, 'coach:actions', { weekStartMs: monday }))?.id).toBe(requested.id);
  });
});

describe('migration 0009', () => {
  it('adds the coach tables to a database with history and keeps every row', async () => {
    const dataDir = tempDir();
    let app = await makeApp(dataDir);
    const t = Date.UTC(2026, 10, 1);
    const { sessionId, roundIds } = addSession(app.db, t, [
      { startedAt: t, scores: { clarity: 3, rigor: 3, speed: 3 }, recorded: true },
      { startedAt: t + 1 },
    ]);
    app.close();
    // The same rows in a database as the app before 0009 left it; the next start runs 0009 and later.
    rewindDatabase(app.paths.databaseFile, '0008_today_schedule');
    app = await makeApp(dataDir);
    const sqlite = app.db.$client;
    expect(sqlite.prepare('SELECT count(*) AS n FROM rounds WHERE session_id = ?').get(sessionId)).toEqual({ n: 2 });
    const indexes = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('rounds_started', 'round_reviews_scored', 'sessions_created', 'rounds_item_round_started') ORDER BY name",
      )
      .all();
    expect(indexes).toEqual([
      { name: 'round_reviews_scored' },
      { name: 'rounds_item_round_started' },
      { name: 'rounds_started' },
      { name: 'sessions_created' },
    ]);
    sqlite.prepare('INSERT INTO rescores (id, round_id, asked_at) VALUES (?, ?, ?)').run('x', roundIds[0], t);
    sqlite
      .prepare('INSERT INTO action_lists (id, window_start, window_end, reason, created_at) VALUES (?, ?, ?, ?, ?)')
      .run('l', 0, 1, 'request', t);
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO action_items (id, list_id, idx, kind, text, why) VALUES ('i', 'l', 0, 'nagging', 't', 'w')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    // A deleted round takes its re-scores with it.
    sqlite.prepare('DELETE FROM rounds WHERE id = ?').run(roundIds[0]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM rescores').get()).toEqual({ n: 0 });
    app.close();
  });
});
