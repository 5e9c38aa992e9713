/**
 * Keyset paging of the lists that grow (Review queue, session history, attempts at one prompt, "what
 * I'll change"), on a real SQLite file: pages never repeat or skip a row, even when rounds are
 * recorded, scored or sessions started between two pages, and ties in time keep one stable order.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { LoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import { recordings, rounds, sessions } from '../../../../../src/main/services/db/schema';
import type { PageCursor, RoundPlan } from '../../../../../src/shared/contract';
import { call, makeApp } from '../../../../support/sessions';
import { rewindDatabase } from '../../../../support/migrations';
import { tempDir } from '../../../../support/temp';

const BASE = Date.parse('2026-06-01T08:00:00Z');

type Seeded = { sessionId: string; roundIds: string[] };

/** One ended session whose rounds each have a finalized recording, started at the given times. */
function seedSession(app: LoopCoach, createdAt: number, roundStarts: number[], itemId = 'item-a'): Seeded {
  const sessionId = randomUUID();
  const roundIds: string[] = [];
  app.db.transaction((tx) => {
    tx.insert(sessions)
      .values({
        id: sessionId,
        title: `Session at ${createdAt}`,
        sourceJson: JSON.stringify({ type: 'item', id: itemId }),
        status: 'ended',
        createdAt,
      })
      .run();
    roundStarts.forEach((startedAt, index) => {
      const roundId = randomUUID();
      roundIds.push(roundId);
      tx.insert(rounds)
        .values({
          id: roundId,
          sessionId,
          index,
          planJson: JSON.stringify({
            index,
            itemId,
            itemRound: 0,
            itemTitle: `Prompt ${itemId}`,
            title: `Round ${startedAt}`,
            category: 'Theory',
            questionType: 'theory',
            prompt: 'Explain it.',
            budgetSeconds: 300,
            followUps: [],
          } satisfies RoundPlan),
          answersJson: JSON.stringify({ expectedPoints: [], referenceAnswer: null }),
          itemId,
          itemRound: 0,
          category: 'Theory',
          questionType: 'theory',
          budgetSeconds: 300,
          status: 'done',
          startedAt,
          endedAt: startedAt + 60_000,
        })
        .run();
      tx.insert(recordings)
        .values({
          id: randomUUID(),
          roundId,
          file: `recordings/${sessionId}/${roundId}.webm`,
          peaksFile: `recordings/${sessionId}/${roundId}.peaks`,
          mimeType: 'audio/webm;codecs=opus',
          status: 'finalized',
          durationMs: 60_000,
          peaksPerSecond: 50,
          startedAt,
          finishedAt: startedAt + 60_000,
        })
        .run();
    });
  });
  return { sessionId, roundIds };
}

/** Every id in one request big enough to hold the whole list: the order the pages must follow. */
type Paged = 'review:queue' | 'session:list' | 'review:changes';
async function readAll(app: LoopCoach, channel: Paged): Promise<string[]> {
  const all = (await call(app, channel, { limit: 100 })) as { entries: object[]; next: PageCursor | null };
  expect(all.next).toBeNull();
  return all.entries.map(idOf);
}

const idOf = (e: object) => ('roundId' in e ? (e.roundId as string) : (e as { id: string }).id);

async function readPage(app: LoopCoach, channel: Paged, limit: number, after?: PageCursor) {
  const page = (await call(app, channel, { limit, ...(after ? { after } : {}) })) as {
    entries: object[];
    next: PageCursor | null;
  };
  return { ids: page.entries.map(idOf), next: page.next };
}

describe('paged lists', () => {
  it('pages the Review queue without repeats or gaps while rounds are recorded and scored between pages', async () => {
    const app = await makeApp(tempDir());
    // 30 rounds over 10 sessions; rounds 0 and 1 of each session share a start time (a tie to break).
    for (let s = 0; s < 10; s++) {
      const t = BASE + s * 3_600_000;
      seedSession(app, t, [t, t, t + 120_000]);
    }
    const before = await readAll(app, 'review:queue');
    expect(before).toHaveLength(30);

    const first = await readPage(app, 'review:queue', 7);
    expect(first.ids).toEqual(before.slice(0, 7));
    expect(first.next).not.toBeNull();

    // Between pages: a newer session is recorded, and a round not yet listed is scored (leaves the queue).
    seedSession(app, BASE + 99 * 3_600_000, [BASE + 99 * 3_600_000, BASE + 99 * 3_600_000 + 1]);
    const scored = before[12]!;
    await call(app, 'review:save', { roundId: scored, scores: { clarity: 3, rigor: 4, speed: 2 } });

    const seen = [...first.ids];
    let next = first.next;
    while (next) {
      const page = await readPage(app, 'review:queue', 7, next);
      seen.push(...page.ids);
      next = page.next;
    }
    // Exactly the rounds that were queued, minus the one scored meanwhile, in the original order.
    expect(seen).toEqual(before.filter((id) => id !== scored));
    expect(new Set(seen).size).toBe(seen.length);
    // The newer rounds are at the top of a fresh first page.
    expect((await readPage(app, 'review:queue', 2)).ids).toHaveLength(2);
    expect((await readAll(app, 'review:queue')).slice(2)).toEqual(before.filter((id) => id !== scored));
    app.close();
  });

  it('breaks ties in start time by id, the same way on every page', async () => {
    const app = await makeApp(tempDir());
    const same = BASE + 5_000;
    const { roundIds } = seedSession(
      app,
      BASE,
      Array.from({ length: 9 }, () => same),
    );
    const expected = [...roundIds].sort().reverse();
    const ids: string[] = [];
    let next: PageCursor | null | undefined;
    do {
      const page = await readPage(app, 'review:queue', 2, next ?? undefined);
      ids.push(...page.ids);
      next = page.next;
    } while (next);
    expect(ids).toEqual(expected);
    app.close();
  });

  it('pages session history newest first while new sessions start between pages', async () => {
    const app = await makeApp(tempDir());
    const made: string[] = [];
    for (let s = 0; s < 25; s++) made.push(seedSession(app, BASE + Math.floor(s / 5) * 1000, [BASE + s]).sessionId);
    const before = await readAll(app, 'session:list');
    expect(new Set(before)).toEqual(new Set(made));

    const first = await readPage(app, 'session:list', 10);
    expect(first.ids).toEqual(before.slice(0, 10));
    seedSession(app, BASE + 50_000, [BASE + 50_000]);
    const second = await readPage(app, 'session:list', 10, first.next!);
    const third = await readPage(app, 'session:list', 10, second.next!);
    expect(third.next).toBeNull();
    expect([...first.ids, ...second.ids, ...third.ids]).toEqual(before);
    const page = (await call(app, 'session:list', { limit: 1 })).entries[0]!;
    expect(page).toMatchObject({ status: 'ended', roundCount: 1 });
    app.close();
  });

  it('pages the attempts at one prompt, and only that prompt', async () => {
    const app = await makeApp(tempDir());
    const mine: string[] = [];
    for (let s = 0; s < 12; s++) {
      mine.push(...seedSession(app, BASE + s * 1000, [BASE + s * 1000], 'item-a').roundIds);
      seedSession(app, BASE + s * 1000 + 500, [BASE + s * 1000 + 500], 'item-b');
    }
    const ids: string[] = [];
    let after: PageCursor | undefined;
    for (;;) {
      const page = await call(app, 'review:attempts', { roundId: mine[0]!, limit: 5, ...(after ? { after } : {}) });
      expect(page.entries.length).toBeLessThanOrEqual(5);
      ids.push(...page.entries.map((e) => e.roundId));
      if (!page.next) break;
      after = page.next;
    }
    expect(ids).toEqual([...mine].reverse());
    app.close();
  });

  it('pages the "what I\'ll change" lines while new ones are written between pages', async () => {
    let clock = BASE;
    const app = await makeApp(tempDir(), {}, () => (clock += 1000));
    const { roundIds } = seedSession(
      app,
      BASE,
      Array.from({ length: 14 }, (_, i) => BASE + i),
    );
    for (const [i, roundId] of roundIds.entries()) {
      // Every third round has no change line and is not listed.
      await call(app, 'review:save', { roundId, postmortem: { change: i % 3 === 0 ? '' : `Change ${i}` } });
    }
    const before = await readAll(app, 'review:changes');
    expect(before).toEqual(roundIds.filter((_, i) => i % 3 !== 0).reverse());

    const first = await call(app, 'review:changes', { limit: 4 });
    expect(first.entries.map((e) => e.change)).toEqual(['Change 13', 'Change 11', 'Change 10', 'Change 8']);
    expect(first.entries[0]).toMatchObject({ title: `Prompt item-a: Round ${BASE + 13}`, at: expect.any(Number) });
    // A new line written now is the newest; it does not push an old one back into the next page.
    await call(app, 'review:save', { roundId: roundIds[0]!, postmortem: { change: 'Start with the definition.' } });
    const rest: string[] = [];
    let next = first.next;
    while (next) {
      const page = await readPage(app, 'review:changes', 4, next);
      rest.push(...page.ids);
      next = page.next;
    }
    expect([...first.entries.map((e) => e.roundId), ...rest]).toEqual(before);
    expect((await call(app, 'review:changes', { limit: 1 })).entries[0]!.change).toBe('Start with the definition.');
    app.close();
  });

  it('refuses a page size out of bounds or a malformed cursor, naming what was wrong', async () => {
    const app = await makeApp(tempDir());
    const tooBig = await dispatch(app.handlers, 'review:queue', { limit: 5000 });
    expect(tooBig).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/limit/) },
    });
    const zero = await dispatch(app.handlers, 'session:list', { limit: 0 });
    expect(zero).toMatchObject({ ok: false, error: { message: expect.stringMatching(/limit/) } });
    const badCursor = await dispatch(app.handlers, 'review:changes', { after: { at: 'yesterday', id: 'x' } });
    expect(badCursor).toMatchObject({ ok: false, error: { message: expect.stringMatching(/after/) } });
    app.close();
  });

  it('migration 0010 adds the paging indexes to a database with rows, and the lists use them', async () => {
    const dataDir = tempDir();
    let app = await makeApp(dataDir);
    const { roundIds } = seedSession(app, BASE, [BASE, BASE + 1, BASE + 2]);
    await call(app, 'review:save', { roundId: roundIds[1]!, postmortem: { change: 'Say the complexity.' } });
    const file = app.paths.databaseFile;
    app.close();

    // The same rows in a database as the app before 0010 left it; the next start runs 0010 and later.
    rewindDatabase(file, '0009_coach');
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '%_page_%'").get()).toEqual({ n: 0 });
    raw.close();

    app = await makeApp(dataDir);
    const indexes = app.db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_page_%' ORDER BY name")
      .all();
    expect(indexes).toEqual([
      { name: 'round_reviews_page_change' },
      { name: 'rounds_page_attempts' },
      { name: 'rounds_page_started' },
      { name: 'sessions_page_created' },
      { name: 'sessions_page_open' },
    ]);
    // Rows survived, and the lists still read them in order.
    expect((await call(app, 'review:queue', {})).entries.map((e) => e.roundId)).toEqual([...roundIds].reverse());
    expect((await call(app, 'review:changes', {})).entries.map((e) => e.change)).toEqual(['Say the complexity.']);
    const plan = (q: string) =>
      (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan('SELECT id FROM sessions ORDER BY created_at DESC, id DESC LIMIT 21')).toMatch(/sessions_page_created/);
    expect(plan("SELECT id FROM sessions WHERE status IN ('running', 'paused') ORDER BY created_at DESC")).toMatch(
      /sessions_page_open/,
    );
    expect(
      plan("SELECT round_id FROM round_reviews WHERE change <> '' ORDER BY updated_at DESC, round_id DESC LIMIT 11"),
    ).toMatch(/round_reviews_page_change/);
    expect(
      plan(
        "SELECT id FROM rounds WHERE item_id = 'item-a' AND item_round = 0 ORDER BY started_at DESC, id DESC LIMIT 11",
      ),
    ).toMatch(/rounds_page_attempts/);
    app.close();
  });
});
