/** Fatigue across a loop: the pure rule on hand-made numbers, and the SQL-side loading on a real database. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LoopCoach } from '../../../../../src/main/services/app';
import { baselineOf, loopFatigue } from '../../../../../src/shared/coach/fatigue';
import type { SignalValues } from '../../../../../src/shared/contract/coach';
import { addSession, DAY } from '../../../../support/coach-history';
import { call, makeApp } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const values = (v: Partial<SignalValues>): SignalValues => ({
  thinkTime: null,
  followUpLatency: null,
  longPauses: null,
  overrun: null,
  score: null,
  ...v,
});
const session = { sessionId: 's', title: 'Loop', createdAt: 0 };

describe('the fatigue rule', () => {
  const base = baselineOf([
    values({ thinkTime: 10_000, score: 4 }),
    values({ thinkTime: 10_000, score: 4 }),
    values({ thinkTime: 30_000, score: 2 }),
  ]);

  it('takes each signal’s median over earlier rounds as the baseline', () => {
    expect(base).toMatchObject({ thinkTime: 10_000, score: 4, overrun: null, rounds: 3 });
  });

  it('scores a round worse than baseline above 0 and better below, the score inverted', () => {
    const fatigue = loopFatigue(
      session,
      [
        { roundId: 'a', index: 0, title: 'A', questionType: 't', values: values({ thinkTime: 5000, score: 5 }) },
        { roundId: 'b', index: 1, title: 'B', questionType: 't', values: values({ thinkTime: 15_000, score: 3 }) },
      ],
      new Map([['t', base]]),
    );
    const [a, b] = fatigue.rounds;
    expect(a!.deviations.thinkTime).toBe(-0.5);
    expect(a!.deviations.score).toBe(-0.25);
    expect(b!.deviations.thinkTime).toBe(0.5);
    expect(b!.deviations.score).toBe(0.25);
    expect(b!.strain).toBe(0.375);
    expect(fatigue.trend?.strainChange).toBe(0.75);
  });

  it('finds the worst round and whether the next one came back to baseline', () => {
    const rounds = [3000, 40_000, 10_000, 50_000].map((thinkTime, index) => ({
      roundId: `r${index}`,
      index,
      title: `R${index}`,
      questionType: 't',
      values: values({ thinkTime }),
    }));
    const recovered = loopFatigue(session, rounds.slice(0, 3), new Map([['t', base]]));
    expect(recovered.recovery).toEqual({ worstIndex: 1, nextIndex: 2, worstStrain: 1, nextStrain: 0, recovered: true });
    // Worst last: no round after it, no recovery to speak of.
    const fading = loopFatigue(session, [rounds[0]!, rounds[3]!], new Map([['t', base]]));
    expect(fading.recovery).toBeNull();
    expect(fading.trend?.strainChange).toBeGreaterThan(0);
    // Two bad rounds in a row: the round after the worst is still above baseline.
    const still = loopFatigue(session, rounds.slice(0, 2).concat({ ...rounds[3]!, index: 2 }), new Map([['t', base]]));
    expect(still.recovery).toMatchObject({ worstIndex: 1, nextIndex: 2, nextStrain: 1, recovered: false });
  });

  it('has no trend for a single measured round, nor against a question type without a baseline', () => {
    const fatigue = loopFatigue(
      session,
      [
        { roundId: 'a', index: 0, title: 'A', questionType: 't', values: values({ thinkTime: 5000 }) },
        { roundId: 'b', index: 1, title: 'B', questionType: 'new', values: values({ thinkTime: 50_000 }) },
      ],
      new Map([['t', base]]),
    );
    expect(fatigue.rounds[1]!.strain).toBeNull();
    expect(fatigue.multiRound).toBe(false);
    expect(fatigue.trend).toBeNull();
  });
});

describe('fatigue from the database', () => {
  let app: LoopCoach | null = null;
  afterEach(() => app?.close());

  it('compares each round with the same question type’s earlier rounds only, and pages the history', async () => {
    app = await makeApp(tempDir());
    const t0 = Date.UTC(2026, 9, 1);
    // Five earlier theory rounds at 10 s think time, two coding rounds at 60 s.
    for (let i = 0; i < 5; i++) {
      addSession(app.db, t0 + i * DAY, [{ startedAt: t0 + i * DAY, thinkTimeMs: 10_000, questionType: 'theory' }]);
    }
    addSession(app.db, t0 + 5 * DAY, [
      { startedAt: t0 + 5 * DAY, thinkTimeMs: 60_000, questionType: 'coding' },
      { startedAt: t0 + 5 * DAY + 1000, thinkTimeMs: 60_000, questionType: 'coding' },
    ]);
    const loop = addSession(app.db, t0 + 10 * DAY, [
      { startedAt: t0 + 10 * DAY, thinkTimeMs: 10_000, questionType: 'theory' },
      { startedAt: t0 + 10 * DAY + 1, thinkTimeMs: 12_500, questionType: 'theory' },
      { startedAt: t0 + 10 * DAY + 2, thinkTimeMs: 20_000, questionType: 'theory' },
      { startedAt: t0 + 10 * DAY + 3, thinkTimeMs: 60_000, questionType: 'coding' },
    ]);
    // Later theory rounds far off baseline must not move this session's baseline.
    addSession(app.db, t0 + 20 * DAY, [
      { startedAt: t0 + 20 * DAY, thinkTimeMs: 90_000, questionType: 'theory' },
      { startedAt: t0 + 20 * DAY + 1, thinkTimeMs: 90_000, questionType: 'theory' },
    ]);

    const fatigue = await call(app, 'coach:fatigue', { sessionId: loop.sessionId });
    expect(fatigue.rounds.map((r) => r.baseline.thinkTime)).toEqual([10_000, 10_000, 10_000, 60_000]);
    expect(fatigue.rounds.map((r) => r.baseline.rounds)).toEqual([5, 5, 5, 2]);
    expect(fatigue.rounds.map((r) => r.deviations.thinkTime)).toEqual([0, 0.25, 1, 0]);
    expect(fatigue.trend).toMatchObject({ firstIndex: 0, lastIndex: 3 });
    expect(fatigue.recovery).toMatchObject({ worstIndex: 2, nextIndex: 3, recovered: true });

    const history = await call(app, 'coach:fatigueHistory', { limit: 10 });
    // Multi-round sessions with a baseline to compare against, newest first (the coding pair had none).
    expect(history.sessions.map((s) => s.rounds)).toEqual([2, 4]);
    expect(history.sessions[1]!.sessionId).toBe(loop.sessionId);
    // The later pair stayed far off baseline after its first round: no recovery there.
    expect(history.recoveries).toEqual({ recovered: 1, of: 2 });
    const second = await call(app, 'coach:fatigueHistory', { limit: 1, offset: 1 });
    expect(second.sessions.map((s) => s.sessionId)).toEqual([loop.sessionId]);
  });

  it('names the session it cannot find', async () => {
    app = await makeApp(tempDir());
    await expect(call(app, 'coach:fatigue', { sessionId: '00000000-0000-4000-8000-000000000001' })).rejects.toThrow(
      /No session has the id "00000000-0000-4000-8000-000000000001"/,
    );
  });
});
