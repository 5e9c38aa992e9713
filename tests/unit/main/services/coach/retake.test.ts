/** Retakes side by side: the attempts of one prompt, measure by measure. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LoopCoach } from '../../../../../src/main/services/app';
import { retakeRows } from '../../../../../src/shared/coach/retake';
import type { RetakeAttempt } from '../../../../../src/shared/contract/coach';
import { addSession, DAY } from '../../../../support/coach-history';
import { call, makeApp } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

describe('retakes in the database', () => {
  let app: LoopCoach | null = null;
  afterEach(() => app?.close());

  it('lists every attempt at the prompt oldest first, with points, postmortem lines and audio where recorded', async () => {
    app = await makeApp(tempDir());
    const t = Date.UTC(2026, 10, 1);
    const first = addSession(app.db, t, [
      {
        itemId: 'lru',
        startedAt: t,
        thinkTimeMs: 20_000,
        coreAnswerMs: 90_000,
        latencyMs: [3000, 1000, 2000],
        points: ['covered', 'missed', 'missed'],
        scores: { clarity: 2, rigor: 2, speed: 1 },
        postmortem: { wentWell: 'Data structure right.', missed: 'Eviction order.', change: 'Say O(1) first.' },
        recorded: true,
      },
      { itemId: 'other', startedAt: t + 1 },
    ]);
    const second = addSession(app.db, t + DAY, [
      {
        itemId: 'lru',
        startedAt: t + DAY,
        thinkTimeMs: 8000,
        coreAnswerMs: 40_000,
        points: ['covered', 'covered', null],
        scores: { clarity: 4, rigor: 3, speed: 4 },
      },
    ]);
    const attempts = await call(app, 'coach:retake', { roundId: second.roundIds[0]! });
    expect(attempts.map((a) => a.roundId)).toEqual([first.roundIds[0], second.roundIds[0]]);
    expect(attempts[0]).toMatchObject({
      thinkTimeMs: 20_000,
      coreAnswerMs: 90_000,
      followUpLatencyMs: 2000,
      pointsCovered: 1,
      pointsMissed: 2,
      pointsTotal: 3,
      wentWell: 'Data structure right.',
      missed: 'Eviction order.',
      change: 'Say O(1) first.',
    });
    expect(attempts[0]!.mediaUrl).toMatch(/^\/media\/recordings\/.*\.webm$/);
    expect(attempts[1]).toMatchObject({ pointsCovered: 2, pointsMissed: 0, mediaUrl: null, followUpLatencyMs: null });

    const rows = retakeRows(attempts);
    const change = Object.fromEntries(rows.map((r) => [r.measure, r.change]));
    expect(change).toMatchObject({
      thinkTimeMs: 'better',
      coreAnswerMs: 'better',
      pointsCovered: 'better',
      pointsMissed: 'better',
      clarity: 'better',
      durationMs: 'same',
      followUpLatencyMs: null,
    });
  });

  it('calls a longer answer changed, not better or worse, and a lower score worse', () => {
    const base: RetakeAttempt = {
      roundId: 'a',
      sessionTitle: 'S',
      startedAt: 0,
      durationMs: 60_000,
      thinkTimeMs: 5000,
      coreAnswerMs: null,
      followUpLatencyMs: null,
      pointsCovered: 0,
      pointsMissed: 0,
      pointsTotal: 0,
      clarity: 4,
      rigor: null,
      speed: null,
      wentWell: '',
      missed: '',
      change: '',
      mediaUrl: null,
    };
    const rows = retakeRows([base, { ...base, roundId: 'b', durationMs: 90_000, clarity: 3, thinkTimeMs: 9000 }]);
    const change = Object.fromEntries(rows.map((r) => [r.measure, r.change]));
    expect(change).toMatchObject({ durationMs: 'changed', clarity: 'worse', thinkTimeMs: 'worse', rigor: null });
  });
});
