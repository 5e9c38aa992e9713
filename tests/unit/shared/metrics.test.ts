import { describe, expect, it } from 'vitest';
import {
  candidateSpeech,
  computeAudioMetrics,
  computeRoundMetrics,
  median,
  type RoundTimeline,
} from '../../../src/shared/metrics';

/** A speech segment given in seconds for readability, stored (like the VAD's) in integer ms. */
const seg = (startS: number, endS: number) => ({ startMs: Math.round(startS * 1000), endMs: Math.round(endS * 1000) });

describe('audio metrics', () => {
  it('talk time, speech ratio, longest run and pause bands', () => {
    // Speech 1–4 s, 4.1–6 s (0.1 s pause), 6.5–8 s (0.5 s), 10–12 s (2 s pause).
    const m = computeAudioMetrics([seg(1, 4), seg(4.1, 6), seg(6.5, 8), seg(10, 12)], 15_000);
    expect(m).toEqual({
      durationMs: 15_000,
      firstSpeechMs: 1000,
      talkTimeMs: 3000 + 1900 + 1500 + 2000,
      speechRatio: 0.56,
      longestRunMs: 7000,
      pauses: { short: 1, medium: 1, long: 1 },
    });
  });

  it('handles silence', () => {
    expect(computeAudioMetrics([], 5000)).toMatchObject({
      firstSpeechMs: null,
      talkTimeMs: 0,
      longestRunMs: 0,
      speechRatio: 0,
    });
  });
});

describe('round metrics', () => {
  const timeline: RoundTimeline = {
    durationMs: 100_000,
    answerCueMs: 5000,
    budgetSeconds: 60,
    targetMs: null,
    followUps: [
      { index: 0, spokenStartMs: 40_000, spokenEndMs: 42_000 },
      { index: 1, spokenStartMs: 70_000, spokenEndMs: 72_000 },
    ],
    marks: [
      { kind: 'ramble', startMs: 20_000, endMs: 26_000 },
      { kind: 'core-answer', startMs: 12_000, endMs: null },
      { kind: 'assumption', startMs: 30_000, endMs: null },
    ],
  };
  // Prompt echo 1–4 s (cut), answer 8–39 s, follow-up echo 40–42 (cut), reply 43.5–60, reply 73–99.
  const segments = [seg(1, 4), seg(8, 20), seg(20.5, 39), seg(40, 42), seg(43.5, 60), seg(73, 99)];

  it('think time, core answer, follow-up latency and length, overrun, ramble, phases', () => {
    const m = computeRoundMetrics(segments, timeline);
    expect(m.thinkTimeMs).toBe(3000);
    expect(m.coreAnswerMs).toBe(32_000);
    expect(m.followUps).toEqual([
      { index: 0, responseLatencyMs: 1500, answerLengthMs: 16_500 },
      { index: 1, responseLatencyMs: 1000, answerLengthMs: 26_000 },
    ]);
    expect(m.answeringMs).toBe(95_000);
    expect(m.overrunMs).toBe(35_000);
    expect(m.talkTimeMs).toBe(12_000 + 18_500 + 16_500 + 26_000);
    expect(m.rambleMs).toBe(6000);
    expect(m.phases).toEqual({ coreAnswerMs: 7000, assumptionMs: 25_000, failureModeMs: null });
    expect(m.pauses).toEqual({ short: 0, medium: 1, long: 2 });
    expect(m.flags.map((f) => f.id)).toEqual(['over-budget']);
  });

  it('flags a long preamble, an answer over its target and a front-loaded round, saying why', () => {
    const m = computeRoundMetrics([seg(25, 110)], {
      ...timeline,
      durationMs: 120_000,
      budgetSeconds: 120,
      targetMs: 60_000,
      followUps: [{ index: 0, spokenStartMs: 100_000, spokenEndMs: 101_000 }],
      marks: [],
    });
    expect(m.flags.map((f) => f.id)).toEqual(['long-preamble', 'over-target', 'front-loaded']);
    expect(m.flags[0]!.message).toBe('You took 20 s before saying anything.');
  });

  it('core-answer time is 0, never negative, when a follow-up came before the first speech', () => {
    // Pressure mode: the follow-up is asked at 8 s, before the candidate says anything (first speech 12 s).
    const m = computeRoundMetrics([seg(12, 30)], {
      ...timeline,
      followUps: [{ index: 0, spokenStartMs: 8000, spokenEndMs: 10_000 }],
      marks: [],
    });
    expect(m.thinkTimeMs).toBe(7000);
    expect(m.coreAnswerMs).toBe(0);
    expect(m.followUps).toEqual([{ index: 0, responseLatencyMs: 2000, answerLengthMs: 18_000 }]);
  });

  it("cuts the app's own speech out of the candidate's", () => {
    expect(candidateSpeech([seg(1, 5)], [{ startMs: 2000, endMs: 3000 }])).toEqual([
      { startMs: 1000, endMs: 2000 },
      { startMs: 3000, endMs: 5000 },
    ]);
  });

  it('median for baselines', () => {
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null])).toBeNull();
  });
});
