/**
 * The review's sentence for each adaptive-mode reason: every reason has one, the points are named by
 * their words once revealed and by number before, and the covered point's evidence is where Play goes.
 */
import { describe, expect, it } from 'vitest';
import { pointsPhrase, reasonWords } from '../../../../../src/renderer/src/components/review/follow-up-reasons';
import { followUpReason, type FollowUpDecisionView, type FollowUpReason } from '../../../../../src/shared/contract';
import { decisionOfReason } from '../../../../../src/shared/contract';

const saturation = { index: 1, text: 'the sigmoid saturates' };

function decision(reason: FollowUpReason, more: Partial<FollowUpDecisionView> = {}): FollowUpDecisionView {
  return {
    decision: decisionOfReason[reason],
    reason,
    planIndex: 0,
    text: 'What happens to the gradient?',
    pointIndexes: [1],
    points: [saturation],
    atMs: 190_000,
    evidenceStartMs: null,
    evidenceEndMs: null,
    ...more,
  };
}

const sentence = (d: FollowUpDecisionView) => {
  const w = reasonWords(d);
  return `${w.lead}: ${w.because}`;
};

describe('why each follow-up came, in words', () => {
  it('says every reason', () => {
    const said = Object.fromEntries(followUpReason.options.map((r) => [r, sentence(decision(r))]));
    expect(said).toEqual({
      'not-heard': 'Asked at 3:10: you had not mentioned “the sigmoid saturates”.',
      'only-mentioned': 'Asked at 3:10: you had only mentioned “the sigmoid saturates”, without explaining it.',
      scripted:
        'Asked at 3:10 (no live listening): on the script’s schedule, since no speech model was listening or it fell behind.',
      'late-probe': 'Asked at 3:10: “the sigmoid saturates” was still not covered late in the round.',
      covered: 'Skipped at 3:10: you had already covered “the sigmoid saturates”.',
      'just-said': 'Skipped at 3:10: you had just spoken about “the sigmoid saturates”.',
      cap: 'Skipped at 3:10: the round’s interruptions were used up.',
      'no-time': 'Skipped at 3:10: the round’s time ran out.',
    });
    expect(sentence(decision('scripted', { pointIndexes: [], points: [] }))).toBe(
      'Asked at 3:10: on the script’s schedule; it probes no particular point.',
    );
  });

  it('gives the evidence’s time and makes it the Play target', () => {
    const covered = decision('covered', { atMs: 110_000, evidenceStartMs: 102_000, evidenceEndMs: 104_000 });
    expect(sentence(covered)).toBe('Skipped at 1:50: you covered “the sigmoid saturates” at 1:42.');
    expect(reasonWords(covered).evidenceMs).toBe(102_000);
    expect(reasonWords(decision('not-heard')).evidenceMs).toBeNull();
  });

  it('names hidden points by number, and several points together', () => {
    expect(pointsPhrase([{ index: 1, text: null }])).toBe('point 2');
    expect(
      pointsPhrase([
        { index: 0, text: null },
        { index: 2, text: null },
      ]),
    ).toBe('points 1 and 3');
    expect(pointsPhrase([{ index: 0, text: 'a' }, saturation, { index: 2, text: 'c' }])).toBe(
      '“a”, “the sigmoid saturates” and “c”',
    );
    expect(sentence(decision('not-heard', { points: [{ index: 1, text: null }] }))).toBe(
      'Asked at 3:10: you had not mentioned point 2.',
    );
  });
});
