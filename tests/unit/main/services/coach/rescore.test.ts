/** Honest self-scores: when a blind re-score is asked, what it stores, and how Progress compares the scores. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LoopCoach } from '../../../../../src/main/services/app';
import { mayAskAgain, rescoreEnabled, scoreDrift } from '../../../../../src/shared/coach/rescore';
import { addSession, DAY } from '../../../../support/coach-history';
import { call, makeApp } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

describe('the re-score rules', () => {
  it('keeps "auto" off through the first week after the first recorded round, then on', () => {
    const first = Date.UTC(2026, 10, 1);
    expect(rescoreEnabled('auto', first, first + 6 * DAY)).toBe(false);
    expect(rescoreEnabled('auto', first, first + 7 * DAY)).toBe(true);
    expect(rescoreEnabled('auto', null, first)).toBe(false);
    expect(rescoreEnabled('on', first, first)).toBe(true);
    expect(rescoreEnabled('off', first, first + 100 * DAY)).toBe(false);
  });

  it('asks at most once a day', () => {
    expect(mayAskAgain(null, 0)).toBe(true);
    expect(mayAskAgain(1000, 1000 + DAY - 1)).toBe(false);
    expect(mayAskAgain(1000, 1000 + DAY)).toBe(true);
  });

  it('measures the drift per dimension, oldest first', () => {
    const drift = scoreDrift([
      {
        answeredAt: 2,
        roundId: 'b',
        title: 'B',
        original: { clarity: 4, rigor: 3, speed: null },
        rescore: { clarity: 2, rigor: 3, speed: 4 },
      },
      {
        answeredAt: 1,
        roundId: 'a',
        title: 'A',
        original: { clarity: 3, rigor: 3, speed: 2 },
        rescore: { clarity: 4, rigor: 3, speed: 2 },
      },
    ]);
    expect(drift.find((d) => d.dimension === 'clarity')).toEqual({
      dimension: 'clarity',
      pairs: 2,
      meanAbsDiff: 1.5,
      meanDiff: -0.5,
      points: [
        { at: 1, diff: 1 },
        { at: 2, diff: -2 },
      ],
    });
    expect(drift.find((d) => d.dimension === 'speed')?.pairs).toBe(1);
  });
});

describe('blind re-scores in the database', () => {
  let app: LoopCoach | null = null;
  afterEach(() => app?.close());

  it('asks about the oldest scored recording once a day, blind, and lands both scores on the calibration', async () => {
    const start = Date.UTC(2026, 10, 1, 18);
    let now = start + 2 * DAY;
    app = await makeApp(tempDir(), {}, () => now);
    const old = addSession(app.db, start, [
      { startedAt: start, recorded: true, scores: { clarity: 4, rigor: 4, speed: 2 }, title: 'Oldest' },
      { startedAt: start + 1000, recorded: true, scores: { clarity: 3, rigor: 3, speed: 3 }, title: 'Second' },
      // Scored but never recorded: nothing to listen to, never asked.
      { startedAt: start - 1000, scores: { clarity: 1, rigor: 1, speed: 1 }, title: 'No audio' },
    ]);
    // Day 2 of use, setting "auto": not yet.
    expect(await call(app, 'coach:rescorePrompt', {})).toBeNull();
    expect((await call(app, 'coach:calibration', {})).enabled).toBe(false);

    now = start + 8 * DAY;
    const prompt = await call(app, 'coach:rescorePrompt', {});
    expect(prompt).toMatchObject({ roundId: old.roundIds[0], title: 'Oldest' });
    expect(prompt!.mediaUrl).toMatch(/^\/media\/recordings\//);
    // Blind: the prompt carries no earlier score.
    expect(Object.keys(prompt!)).not.toContain('scores');
    expect(JSON.stringify(prompt)).not.toMatch(/clarity|rigor|speed/);
    // Asked again the same day: the same open prompt, not a second one.
    expect((await call(app, 'coach:rescorePrompt', {}))?.rescoreId).toBe(prompt!.rescoreId);

    const calibration = await call(app, 'coach:rescoreAnswer', {
      rescoreId: prompt!.rescoreId,
      scores: { clarity: 2, rigor: 4, speed: 3 },
    });
    expect(calibration.enabled).toBe(true);
    expect(calibration.drift.map((d) => [d.dimension, d.meanDiff])).toEqual([
      ['clarity', -2],
      ['rigor', 0],
      ['speed', 1],
    ]);
    // Answered today: nothing more until tomorrow.
    expect(await call(app, 'coach:rescorePrompt', {})).toBeNull();

    now += DAY;
    const next = await call(app, 'coach:rescorePrompt', {});
    expect(next).toMatchObject({ roundId: old.roundIds[1] });
    await call(app, 'coach:rescoreDismiss', { rescoreId: next!.rescoreId });
    expect(await call(app, 'coach:rescorePrompt', {})).toBeNull();
    now += DAY;
    // Every recorded round was asked about once: none is asked again.
    expect(await call(app, 'coach:rescorePrompt', {})).toBeNull();

    // The setting off stops it, and the stored re-score stays.
    await call(app, 'settings:update', { rescorePrompts: 'off' });
    const off = await call(app, 'coach:calibration', {});
    expect(off.enabled).toBe(false);
    expect(off.drift[0]!.pairs).toBe(1);
  });

  it('relates speed scores to overrun and rigor scores to missed points', async () => {
    const t = Date.UTC(2026, 10, 20);
    app = await makeApp(tempDir(), {}, () => t + DAY);
    addSession(
      app.db,
      t,
      [
        { speed: 5, overrun: 0, rigor: 5, missed: 0 },
        { speed: 4, overrun: 10_000, rigor: 4, missed: 1 },
        { speed: 2, overrun: 60_000, rigor: 2, missed: 3 },
        { speed: 2, overrun: 90_000, rigor: 1, missed: 3 },
      ].map((r, i) => ({
        startedAt: t + i,
        overrunMs: r.overrun,
        scores: { clarity: 3, rigor: r.rigor, speed: r.speed },
        points: [...Array<'missed'>(r.missed).fill('missed'), ...Array<'covered'>(3 - r.missed).fill('covered')],
      })),
    );
    const { relations } = await call(app, 'coach:calibration', {});
    const speed = relations.find((r) => r.score === 'speed')!;
    expect(speed.groups).toEqual([
      { score: 2, rounds: 2, meanSignal: 75 },
      { score: 4, rounds: 1, meanSignal: 10 },
      { score: 5, rounds: 1, meanSignal: 0 },
    ]);
    expect(speed.r).toBeLessThan(-0.9);
    const rigor = relations.find((r) => r.score === 'rigor')!;
    expect(rigor.groups.map((g) => [g.score, g.meanSignal])).toEqual([
      [1, 3],
      [2, 3],
      [4, 1],
      [5, 0],
    ]);
    expect(rigor.rounds).toBe(4);
    expect(rigor.r).toBeLessThan(-0.9);
  });

  it('refuses an answer with no score and names a prompt that is gone', async () => {
    app = await makeApp(tempDir());
    const missing = '00000000-0000-4000-8000-000000000002';
    await expect(
      call(app, 'coach:rescoreAnswer', { rescoreId: missing, scores: { clarity: null, rigor: null, speed: null } }),
    ).rejects.toThrow(/give at least one score/);
    await expect(
      call(app, 'coach:rescoreAnswer', { rescoreId: missing, scores: { clarity: 3, rigor: null, speed: null } }),
    ).rejects.toThrow(/That re-score prompt no longer exists/);
  });
});
