/**
 * Local weeks, the time allocation chart's arithmetic, and the reference Progress computation
 * (tests/support/progress-reference.ts) that the SQL path is held against.
 */
import { describe, expect, it } from 'vitest';
import type { ProgressRound } from '../../support/progress-reference';
import type { RoundMetrics } from '../../../src/shared/metrics';
import {
  baselines,
  latestSessionId,
  overview,
  weakestAreas,
  weekStart,
  weeklyTrends,
} from '../../support/progress-reference';
import { secondTicks, timeAllocation } from '../../../src/renderer/src/lib/time-allocation';
import { requestContract } from '../../../src/shared/contract';
import { weekSpans } from '../../../src/shared/local-week';

const DAY = 24 * 3600 * 1000;
/** Monday 2024-01-01 00:00 UTC. */
const MONDAY = Date.UTC(2024, 0, 1);

function metrics(over: Partial<RoundMetrics> = {}): RoundMetrics {
  return {
    durationMs: 100_000,
    firstSpeechMs: 15_000,
    talkTimeMs: 60_000,
    speechRatio: 0.7,
    longestRunMs: 30_000,
    pauses: { short: 1, medium: 2, long: 3 },
    thinkTimeMs: 5_000,
    coreAnswerMs: 40_000,
    followUps: [],
    answeringMs: 90_000,
    overrunMs: 0,
    rambleMs: 0,
    phases: { coreAnswerMs: null, assumptionMs: null, failureModeMs: null },
    flags: [],
    ...over,
  };
}

let nextId = 0;
function round(over: Partial<ProgressRound> = {}): ProgressRound {
  nextId++;
  return {
    roundId: `r${nextId}`,
    sessionId: 's1',
    sessionTitle: 'Session',
    title: 'Item',
    startedAt: MONDAY,
    category: 'Theory',
    questionType: 'theory',
    budgetSeconds: 120,
    scores: { clarity: 3, rigor: 3, speed: 3 },
    metrics: metrics(),
    ...over,
  };
}

describe('weekStart', () => {
  it('maps any time in a week to its Monday (here in UTC)', () => {
    expect(weekStart(MONDAY, 'UTC')).toBe(MONDAY);
    expect(weekStart(MONDAY + 6 * DAY + 23 * 3600_000, 'UTC')).toBe(MONDAY);
    expect(weekStart(MONDAY + 7 * DAY, 'UTC')).toBe(MONDAY + 7 * DAY);
    expect(weekStart(MONDAY - 1, 'UTC')).toBe(MONDAY - 7 * DAY);
  });

  it("buckets by the user's local calendar: a Sunday-night round stays in its own week", () => {
    // Sunday 7 Jan 2024, 23:30 in Los Angeles is already Monday 8 Jan 07:30 in UTC and 16:30 in Tokyo.
    const sundayNightLA = Date.parse('2024-01-07T23:30:00-08:00');
    expect(weekStart(sundayNightLA, 'America/Los_Angeles')).toBe(MONDAY);
    expect(weekStart(sundayNightLA, 'Asia/Tokyo')).toBe(MONDAY + 7 * DAY);
    // Sunday 23:30 in Tokyo is Sunday afternoon in UTC; Monday 00:30 in Tokyo is still Sunday in UTC.
    expect(weekStart(Date.parse('2024-01-07T23:30:00+09:00'), 'Asia/Tokyo')).toBe(MONDAY);
    expect(weekStart(Date.parse('2024-01-08T00:30:00+09:00'), 'Asia/Tokyo')).toBe(MONDAY + 7 * DAY);
    // The night daylight saving time starts (Sunday 10 March 2024 in Los Angeles).
    expect(weekStart(Date.parse('2024-03-10T23:00:00-07:00'), 'America/Los_Angeles')).toBe(Date.UTC(2024, 2, 4));
    expect(weekStart(Date.parse('2024-03-11T00:30:00-07:00'), 'America/Los_Angeles')).toBe(Date.UTC(2024, 2, 11));
    // London's clocks go forward at 01:00 UTC on Sunday 31 March: the same UTC day holds both offsets.
    expect(weekStart(Date.parse('2024-03-31T00:30:00Z'), 'Europe/London')).toBe(Date.UTC(2024, 2, 25));
    expect(weekStart(Date.parse('2024-03-31T22:30:00Z'), 'Europe/London')).toBe(Date.UTC(2024, 2, 25));
    expect(weekStart(Date.parse('2024-03-31T23:30:00Z'), 'Europe/London')).toBe(Date.UTC(2024, 3, 1));
  });

  it('puts a Sunday-night round in the week the user lived it, in the weekly trends', () => {
    const rounds = [
      round({ startedAt: Date.parse('2024-01-02T20:00:00-08:00') }),
      round({ startedAt: Date.parse('2024-01-07T23:30:00-08:00') }),
    ];
    expect(weeklyTrends(rounds, 'America/Los_Angeles').map((w) => [w.weekStart, w.rounds])).toEqual([[MONDAY, 2]]);
  });
});

describe('weeklyTrends', () => {
  const rounds = [
    round({
      startedAt: MONDAY + DAY,
      scores: { clarity: 2, rigor: 4, speed: null },
      metrics: metrics({ thinkTimeMs: 10_000 }),
    }),
    round({
      startedAt: MONDAY + 2 * DAY,
      scores: { clarity: 4, rigor: 2, speed: null },
      metrics: metrics({ thinkTimeMs: null }),
    }),
    round({ startedAt: MONDAY + 8 * DAY, category: 'Coding', questionType: 'implementation', metrics: null }),
  ];

  it('averages scores and metrics (in seconds) per week, oldest first, skipping missing values', () => {
    const weeks = weeklyTrends(rounds, 'UTC');
    expect(weeks).toHaveLength(2);
    expect(weeks[0]).toMatchObject({
      weekStart: MONDAY,
      rounds: 2,
      clarity: 3,
      rigor: 3,
      speed: null,
      thinkTime: 10,
      talkTime: 60,
      overrun: 0,
      ramble: 0,
    });
    expect(weeks[1]).toMatchObject({ weekStart: MONDAY + 7 * DAY, rounds: 1, clarity: 3, thinkTime: null });
  });

  it('applies the category and question type filters', () => {
    expect(weeklyTrends(rounds, 'UTC', { category: 'Coding', questionType: null }).map((w) => w.rounds)).toEqual([1]);
    expect(weeklyTrends(rounds, 'UTC', { category: null, questionType: 'theory' }).map((w) => w.rounds)).toEqual([2]);
    expect(weeklyTrends(rounds, 'UTC', { category: 'Coding', questionType: 'theory' })).toEqual([]);
  });

  // Speed is measured by `npm run bench` (progress_10k_rounds_ms), never asserted here.
  it('aggregates 10 000 rounds in one pass without losing any', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      round({ startedAt: MONDAY + i * 600_000, category: i % 2 ? 'Coding' : 'Theory' }),
    );
    const weeks = weeklyTrends(many, 'UTC');
    expect(weeks.reduce((n, w) => n + w.rounds, 0)).toBe(10_000);
    const o = overview(many);
    expect(o.byCategory.map((a) => [a.key, a.rounds])).toEqual([
      ['Theory', 5000],
      ['Coding', 5000],
    ]);
    expect(o.sessions).toBe(1);
    const [theory] = baselines(many);
    // Only the 50 most recent rounds count, all with the same metrics.
    expect(theory).toMatchObject({ questionType: 'theory', rounds: 50, thinkTimeMs: 5000, talkTimeMs: 60_000 });
  });
});

describe('overview and weakestAreas', () => {
  const rounds = [
    ...Array.from({ length: 3 }, () => round({ category: 'Coding', scores: { clarity: 2, rigor: 2, speed: 2 } })),
    ...Array.from({ length: 3 }, () =>
      round({
        category: 'Theory',
        sessionId: 's2',
        scores: { clarity: 4, rigor: 4, speed: 4 },
        metrics: metrics({ flags: [{ id: 'over-budget', message: 'x' }] }),
      }),
    ),
    ...Array.from({ length: 3 }, () =>
      round({
        category: 'Systems',
        sessionId: 's3',
        scores: { clarity: 4, rigor: 4, speed: 4 },
        metrics: metrics({ flags: [] }),
      }),
    ),
    round({ category: 'Rare', scores: { clarity: 1, rigor: 1, speed: 1 } }),
    ...Array.from({ length: 3 }, () =>
      round({ category: 'Unscored', scores: { clarity: null, rigor: null, speed: null } }),
    ),
  ];

  it('lists options, counts sessions and averages every score given', () => {
    const o = overview(rounds);
    expect(o.categories).toEqual(['Coding', 'Rare', 'Systems', 'Theory', 'Unscored']);
    expect(o.questionTypes).toEqual(['theory']);
    expect(o.sessions).toBe(3);
    const coding = o.byCategory.find((a) => a.key === 'Coding')!;
    expect(coding).toMatchObject({ rounds: 3, scoredRounds: 3, averageScore: 2, flags: 0 });
    expect(o.byCategory.find((a) => a.key === 'Unscored')!.averageScore).toBeNull();
  });

  it('puts the lowest average first, breaks ties by flags per round, and skips small or empty areas', () => {
    const weak = weakestAreas(overview(rounds).byCategory, 3);
    expect(weak.map((a) => a.key)).toEqual(['Coding', 'Theory', 'Systems']);
    expect(weak[1]!.flagsPerRound).toBe(1);
  });
});

describe('baselines', () => {
  it('takes medians per question type over the most recent rounds only', () => {
    const rounds = [
      round({ startedAt: MONDAY + 1, metrics: metrics({ thinkTimeMs: 1000, talkTimeMs: 10_000 }) }),
      round({ startedAt: MONDAY + 2, metrics: metrics({ thinkTimeMs: 3000, talkTimeMs: 20_000 }) }),
      round({ startedAt: MONDAY + 3, metrics: metrics({ thinkTimeMs: null, talkTimeMs: 40_000 }) }),
      round({ startedAt: MONDAY, metrics: metrics({ thinkTimeMs: 99_000 }) }),
      round({ questionType: 'behavioural', metrics: null }),
    ];
    const [theory, ...rest] = baselines(rounds, 3);
    expect(rest).toEqual([]);
    expect(theory).toMatchObject({ questionType: 'theory', rounds: 3, thinkTimeMs: 2000, talkTimeMs: 20_000 });
  });
});

describe('latestSessionId', () => {
  it('is the session of the latest round', () => {
    expect(latestSessionId([])).toBeNull();
    expect(latestSessionId([round({ sessionId: 'a', startedAt: 5 }), round({ sessionId: 'b', startedAt: 9 })])).toBe(
      'b',
    );
  });
});

describe('timeAllocation', () => {
  it('splits the answering time into think, core answer and follow-ups within budget, and the overrun', () => {
    const a = timeAllocation(
      60,
      metrics({ answeringMs: 90_000, thinkTimeMs: 5_000, coreAnswerMs: 40_000, overrunMs: 30_000 }),
    );
    expect(a).toEqual({
      budgetSeconds: 60,
      actualSeconds: 90,
      thinkSeconds: 5,
      coreAnswerSeconds: 40,
      followUpsSeconds: 15,
      overrunSeconds: 30,
    });
    expect(a.thinkSeconds + a.coreAnswerSeconds + a.followUpsSeconds + a.overrunSeconds).toBe(a.actualSeconds);
  });

  it('cuts the core answer at the budget when it runs past it, and counts silence as think time', () => {
    const a = timeAllocation(30, metrics({ answeringMs: 50_000, thinkTimeMs: 10_000, coreAnswerMs: 40_000 }));
    expect(a).toMatchObject({ thinkSeconds: 10, coreAnswerSeconds: 20, followUpsSeconds: 0, overrunSeconds: 20 });
    const silent = timeAllocation(60, metrics({ answeringMs: 20_000, thinkTimeMs: null, coreAnswerMs: null }));
    expect(silent).toMatchObject({ thinkSeconds: 20, coreAnswerSeconds: 0, followUpsSeconds: 0, overrunSeconds: 0 });
  });

  it('picks round axis ticks', () => {
    expect(secondTicks(1600)).toEqual([0, 300, 600, 900, 1200, 1500, 1800]);
    expect(secondTicks(45)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(secondTicks(20, 4)).toEqual([0, 10, 20]);
  });
});

describe('weekSpans', () => {
  it('gives each local week as the exact span of instants weekStart maps to it, across clock changes', () => {
    const first = Date.parse('2026-01-01T00:00:00Z');
    const last = Date.parse('2026-12-31T00:00:00Z');
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const spans = weekSpans(first, last, zone);
      expect(spans.length).toBeGreaterThanOrEqual(52);
      expect(spans[0]!.weekStart).toBe(weekStart(first, zone));
      expect(spans.at(-1)!.weekStart).toBe(weekStart(last, zone));
      spans.forEach((s, i) => {
        expect(weekStart(s.fromMs, zone)).toBe(s.weekStart);
        expect(weekStart(s.fromMs - 1, zone)).toBe(s.weekStart - 7 * DAY);
        expect(weekStart(s.toMs - 1, zone)).toBe(s.weekStart);
        if (i > 0) expect(s.fromMs).toBe(spans[i - 1]!.toMs);
      });
    }
  });
});

describe('progress:get input', () => {
  it('refuses a time zone it does not know, naming it', () => {
    const input = requestContract['progress:get'].input;
    expect(input.parse({})).toEqual({ timeZone: 'UTC', category: null, questionType: null });
    const bad = input.safeParse({ timeZone: 'Mars/Olympus_Mons' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('"Mars/Olympus_Mons" is not a time zone this app knows');
  });
});
