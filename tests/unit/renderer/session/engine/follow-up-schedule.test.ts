import { describe, expect, it } from 'vitest';
import {
  MAX_PAUSE_WAIT_MS,
  MAX_PRESSURE_WAIT_MS,
} from '../../../../../src/renderer/src/session/engine/follow-up-modes';
import {
  scheduleFollowUps,
  shouldAsk,
  timingLight,
} from '../../../../../src/renderer/src/session/engine/follow-up-schedule';
import { expectedSpeechMs, splitSentences } from '../../../../../src/renderer/src/session/engine/speech-timing';

const round = {
  budgetSeconds: 120,
  followUps: [
    { text: 'First?', atSeconds: 30, jitterSeconds: 10 },
    { text: 'Second?', atSeconds: 35, jitterSeconds: 10 },
    { text: 'Last?', atSeconds: 118, jitterSeconds: 10 },
  ],
};
const silent = (ms: number, endOfThought = false) => ({ silentForMs: ms, speakingForMs: 0, endOfThought });
const talking = (ms: number) => ({ silentForMs: 0, speakingForMs: ms, endOfThought: false });

describe('follow-up schedule', () => {
  it('uses the content times in scheduled mode and asks exactly when due', () => {
    const plan = scheduleFollowUps(round, 'scheduled', () => 0.9);
    expect(plan.map((f) => f.dueMs)).toEqual([30_000, 35_000, 118_000]);
    expect(shouldAsk(plan[0]!, 29_999, talking(5000))).toBe(false);
    expect(shouldAsk(plan[0]!, 30_000, talking(5000))).toBe(true);
  });

  it('jitters within ± jitterSeconds, keeps order and stays inside the budget', () => {
    for (const r of [0, 0.25, 0.5, 0.75, 0.999]) {
      const plan = scheduleFollowUps(round, 'jittered', () => r);
      expect(plan[0]!.dueMs).toBeGreaterThanOrEqual(20_000);
      expect(plan[0]!.dueMs).toBeLessThanOrEqual(40_000);
      expect(plan[1]!.dueMs).toBeGreaterThanOrEqual(plan[0]!.dueMs);
      expect(plan[2]!.dueMs).toBeLessThanOrEqual(119_000);
      expect(plan.every((f) => f.trigger === 'jittered')).toBe(true);
    }
  });

  it.each(['at-pause', 'adaptive'] as const)(
    '%s: waits for the end of a thought (not just any pause), up to a maximum wait',
    (mode) => {
      const [first] = scheduleFollowUps(round, mode, Math.random);
      expect(first!.dueMs).toBe(30_000);
      expect(shouldAsk(first!, 31_000, talking(8000))).toBe(false);
      // A second of quiet is no longer enough: only a silence that ended a thought (end-of-thought.ts).
      expect(shouldAsk(first!, 31_000, silent(1000))).toBe(false);
      expect(shouldAsk(first!, 31_000, silent(3000, false))).toBe(false);
      expect(shouldAsk(first!, 31_000, silent(1500, true))).toBe(true);
      expect(shouldAsk(first!, 30_000 + MAX_PAUSE_WAIT_MS, talking(20_000))).toBe(true);
    },
  );

  it('pressure: cuts in while the candidate is talking, or after a short wait', () => {
    const [first] = scheduleFollowUps(round, 'pressure', Math.random);
    expect(shouldAsk(first!, 30_500, silent(3000))).toBe(false);
    expect(shouldAsk(first!, 30_500, talking(600))).toBe(true);
    expect(shouldAsk(first!, 30_000 + MAX_PRESSURE_WAIT_MS, silent(9000))).toBe(true);
  });

  it('partner mode schedules nothing: the partner triggers each follow-up', () => {
    expect(scheduleFollowUps(round, 'partner', Math.random)).toEqual([]);
  });

  it('lights green, amber, red at 50/75/100 % of the budget, then overrun', () => {
    expect(timingLight(59_000, 120)).toBe('green');
    expect(timingLight(60_000, 120)).toBe('amber');
    expect(timingLight(90_000, 120)).toBe('red');
    expect(timingLight(120_000, 120)).toBe('overrun');
  });
});

describe('speech helpers', () => {
  it('splits prompts into sentences so Chromium never cuts a long utterance off', () => {
    expect(splitSentences('Implement LRU.  What is the complexity? Go!')).toEqual([
      'Implement LRU.',
      'What is the complexity?',
      'Go!',
    ]);
    expect(splitSentences('No punctuation at all')).toEqual(['No punctuation at all']);
    expect(splitSentences('He said "stop." Then left')).toEqual(['He said "stop."', 'Then left']);
  });

  it('gives the watchdog a generous budget that shrinks with a faster rate', () => {
    const s = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    expect(expectedSpeechMs(s, 1)).toBeGreaterThan(5000);
    expect(expectedSpeechMs(s, 2)).toBeLessThan(expectedSpeechMs(s, 1));
  });
});
