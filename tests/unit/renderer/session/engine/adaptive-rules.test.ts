/** The adaptive mode's rules, as pure functions of the clock, what was heard and the content. */
import { describe, expect, it } from 'vitest';
import type { LivePointCoverage } from '../../../../../src/shared/contract';
import {
  decideDue,
  INTERRUPTION_CAP,
  LATE_SHARE,
  lateProbe,
  outOfTime,
  type Heard,
} from '../../../../../src/renderer/src/session/engine/adaptive-rules';

type Level = LivePointCoverage['confidence'];
const point = (index: number, confidence: Level, evidence: [number, number] | null = null): LivePointCoverage => ({
  index,
  confidence,
  evidenceStartMs: evidence?.[0] ?? null,
  evidenceEndMs: evidence?.[1] ?? null,
});
/** Three points; the latest utterance ran 40–44 s. */
const heard = (now: LivePointCoverage[], previous: LivePointCoverage[] = now): Heard => ({
  coverage: now,
  previous,
  last: { startMs: 40_000, endMs: 44_000 },
});
const due = (probes: number[]) => ({ planIndex: 1, text: 'How would you resize it?', probes });

describe('adaptive: a planned follow-up that fell due', () => {
  it('is skipped when every point it probes is clearly covered, with the earliest evidence', () => {
    const h = heard([point(0, 'clear', [22_000, 23_500]), point(1, 'clear', [12_000, 13_000]), point(2, 'not-heard')]);
    expect(decideDue(due([0, 1]), h, 0, 50_000)).toEqual({
      decision: 'skipped',
      reason: 'covered',
      planIndex: 1,
      text: 'How would you resize it?',
      pointIndexes: [0, 1],
      atMs: 50_000,
      evidenceStartMs: 12_000,
      evidenceEndMs: 13_000,
    });
  });

  it('asks when a point was only mentioned, or not heard at all', () => {
    const h = heard([point(0, 'clear', [2000, 3000]), point(1, 'mentioned', [5000, 6000]), point(2, 'not-heard')]);
    expect(decideDue(due([0, 1]), h, 0, 50_000)).toMatchObject({ decision: 'asked', reason: 'only-mentioned' });
    expect(decideDue(due([1, 2]), h, 0, 50_000)).toMatchObject({ decision: 'asked', reason: 'not-heard' });
    // Before the first utterance nothing was heard.
    expect(decideDue(due([0]), { coverage: [], previous: [], last: null }, 0, 9000)).toMatchObject({
      decision: 'asked',
      reason: 'not-heard',
      evidenceStartMs: null,
    });
  });

  it('never asks about what the latest utterance just said (rose there, or its evidence is in it)', () => {
    const rose = heard([point(0, 'mentioned')], [point(0, 'not-heard')]);
    expect(decideDue(due([0]), rose, 0, 45_000)).toMatchObject({
      decision: 'skipped',
      reason: 'just-said',
      evidenceStartMs: 40_000,
      evidenceEndMs: 44_000,
    });
    const inIt = heard([point(0, 'mentioned', [41_000, 42_500])]);
    expect(decideDue(due([0]), inIt, 0, 45_000)).toMatchObject({
      reason: 'just-said',
      evidenceStartMs: 41_000,
      evidenceEndMs: 42_500,
    });
    // Mentioned earlier, not in the latest utterance: a reason to ask.
    const earlier = heard([point(0, 'mentioned', [11_000, 12_000])]);
    expect(decideDue(due([0]), earlier, 0, 45_000)).toMatchObject({ decision: 'asked', reason: 'only-mentioned' });
  });

  it('follows the script for a follow-up that probes nothing, and when not listening', () => {
    expect(decideDue(due([]), heard([point(0, 'clear')]), 0, 30_000)).toMatchObject({
      decision: 'asked',
      reason: 'scripted',
      pointIndexes: [],
    });
    expect(decideDue(due([0]), null, 0, 30_000)).toMatchObject({ decision: 'asked', reason: 'scripted' });
    // Not listening: the cap is the clock modes' (none), as in "at the next pause".
    expect(decideDue(due([0]), null, INTERRUPTION_CAP + 2, 30_000)).toMatchObject({ decision: 'asked' });
  });

  it('skips with "cap" once the interruptions are used up (covered still says covered)', () => {
    const h = heard([point(0, 'not-heard'), point(1, 'clear', [1000, 2000])]);
    expect(decideDue(due([0]), h, INTERRUPTION_CAP, 50_000)).toMatchObject({ decision: 'skipped', reason: 'cap' });
    expect(decideDue(due([]), h, INTERRUPTION_CAP, 50_000)).toMatchObject({ decision: 'skipped', reason: 'cap' });
    expect(decideDue(due([1]), h, INTERRUPTION_CAP, 50_000)).toMatchObject({ reason: 'covered' });
    expect(decideDue(due([0]), h, INTERRUPTION_CAP - 1, 50_000)).toMatchObject({ decision: 'asked' });
  });
});

describe('adaptive: late probes', () => {
  const base = {
    answerCueMs: 5000,
    budgetMs: 100_000,
    pointProbes: ['What is the worst case?', null, 'How do you shrink it?'],
    heard: heard([point(0, 'mentioned', [9000, 9500]), point(1, 'not-heard'), point(2, 'not-heard')]),
    pendingProbes: new Set<number>(),
    probed: new Set<number>(),
    interruptions: 0,
  };
  const late = 5000 + 100_000 * LATE_SHARE;

  it('asks the first uncovered point with a probe, only late in the budget', () => {
    expect(lateProbe({ ...base, atMs: late - 1 })).toBeNull();
    expect(lateProbe({ ...base, atMs: late })).toEqual({
      decision: 'asked',
      reason: 'late-probe',
      planIndex: null,
      text: 'What is the worst case?',
      pointIndexes: [0],
      atMs: late,
      evidenceStartMs: null,
      evidenceEndMs: null,
    });
    expect(lateProbe({ ...base, atMs: 105_000 })).toBeNull();
  });

  it('skips points clearly covered, probed already, probed by a pending follow-up, or just said', () => {
    const at = late + 1000;
    expect(lateProbe({ ...base, atMs: at, probed: new Set([0]) })?.pointIndexes).toEqual([2]);
    expect(lateProbe({ ...base, atMs: at, pendingProbes: new Set([0]) })?.pointIndexes).toEqual([2]);
    const covered = heard([point(0, 'clear', [1, 2]), point(1, 'not-heard'), point(2, 'not-heard')]);
    expect(lateProbe({ ...base, atMs: at, heard: covered })?.pointIndexes).toEqual([2]);
    const justSaid = heard([point(0, 'mentioned', [41_000, 42_000]), point(2, 'mentioned', [42_000, 43_000])]);
    expect(lateProbe({ ...base, atMs: at, heard: justSaid })).toBeNull();
    expect(lateProbe({ ...base, atMs: at, probed: new Set([0, 2]) })).toBeNull();
  });

  it('stops at the interruption cap', () => {
    expect(lateProbe({ ...base, atMs: late, interruptions: INTERRUPTION_CAP })).toBeNull();
  });
});

describe('adaptive: out of time', () => {
  it('skips what is left with "no-time"', () => {
    expect(outOfTime([due([2])], 125_000)).toEqual([
      {
        decision: 'skipped',
        reason: 'no-time',
        planIndex: 1,
        text: 'How would you resize it?',
        pointIndexes: [2],
        atMs: 125_000,
        evidenceStartMs: null,
        evidenceEndMs: null,
      },
    ]);
  });
});
