/**
 * Interruptions the answer had already made unnecessary: a follow-up counts only when every point it
 * probes was clearly covered by the words said before it was asked. Points and answers are written
 * for this test; the matcher is the one review uses.
 */
import { describe, expect, it } from 'vitest';
import { probedPoints, unnecessaryInterruptions } from '../../../../../src/main/services/review/interruptions';
import type { RoundPlan } from '../../../../../src/shared/contract';
import type { ExpectedPoint, TimedWord } from '../../../../../src/shared/words';

const points: ExpectedPoint[] = [
  {
    text: 'Hash map from key to node combined with a doubly linked list',
    cues: ['hash map|dictionary', 'linked list', 'why: find the node|pointer|move to front'],
  },
  {
    text: 'MSE through a sigmoid picks up a derivative factor that vanishes when the unit saturates',
    cues: ['sigmoid derivative|saturat', 'vanish|small|tiny'],
  },
];
const clearLru = 'I keep a dictionary from key to node and a linked list, so the map finds the node at once.';
const mentionedLru = 'I keep a dictionary from key to node and a doubly linked list in recency order.';
const clearSigmoid =
  'With MSE, when the sigmoid saturates on a confidently wrong example the gradient through it becomes tiny, because the derivative factor multiplies it.';

/** The words of `text` back to back from `startMs`, 300 ms each. */
function said(startMs: number, text: string): TimedWord[] {
  return text
    .split(' ')
    .map((w, i) => ({ text: w, startMs: startMs + i * 300, endMs: startMs + (i + 1) * 300, estimated: false }));
}
const endOf = (words: TimedWord[]) => words.at(-1)!.endMs!;

const plan: Pick<RoundPlan, 'prompt' | 'followUps' | 'pointProbes'> = {
  prompt: 'Design an LRU cache, then compare two losses.',
  followUps: [
    { text: 'How do you find the node to move?', atSeconds: 30, jitterSeconds: 0, probes: [0] },
    { text: 'What about both parts?', atSeconds: 60, jitterSeconds: 0, probes: [0, 1] },
    { text: 'Anything else?', atSeconds: 90, jitterSeconds: 0 },
  ],
  pointProbes: [null, 'What happens to the gradient when the sigmoid saturates?'],
};

const count = (words: TimedWord[], asked: { index: number; text: string; spokenStartMs: number | null }[]) =>
  unnecessaryInterruptions({ points, words, asked, plan, reference: null });

describe('unnecessary interruptions', () => {
  it('counts a follow-up whose probed point was clearly covered before it was asked', () => {
    const words = said(1000, clearLru);
    const at = endOf(words) + 2000;
    expect(count(words, [{ index: 0, text: plan.followUps[0]!.text, spokenStartMs: at }])).toEqual([
      { index: 0, pointIndexes: [0], coveredByMs: expect.any(Number) },
    ]);
    const [found] = count(words, [{ index: 0, text: plan.followUps[0]!.text, spokenStartMs: at }]);
    expect(found!.coveredByMs).toBeGreaterThan(1000);
    expect(found!.coveredByMs).toBeLessThanOrEqual(endOf(words));
  });

  it('does not count it when the covering words came only after it was asked', () => {
    const asked = [{ index: 0, text: plan.followUps[0]!.text, spokenStartMs: 3000 }];
    const words = [...said(0, 'I keep a dictionary.'), ...said(5000, clearLru)];
    expect(count(words, asked)).toEqual([]);
    // The same words, all before it: counted.
    expect(count(words, [{ ...asked[0]!, spokenStartMs: endOf(words) + 1 }])).toHaveLength(1);
  });

  it('does not count a point only mentioned, nor one of two probed points left uncovered', () => {
    const mentioned = said(0, mentionedLru);
    expect(count(mentioned, [{ index: 0, text: 'x', spokenStartMs: endOf(mentioned) + 1 }])).toEqual([]);
    const one = said(0, clearLru);
    expect(count(one, [{ index: 1, text: 'x', spokenStartMs: endOf(one) + 1 }])).toEqual([]);
    const both = [...one, ...said(endOf(one) + 500, clearSigmoid)];
    expect(count(both, [{ index: 1, text: 'x', spokenStartMs: endOf(both) + 1 }])).toEqual([
      { index: 1, pointIndexes: [0, 1], coveredByMs: expect.any(Number) },
    ]);
  });

  it('never counts a follow-up that probes nothing or was never spoken', () => {
    const words = [...said(0, clearLru), ...said(20_000, clearSigmoid)];
    const late = endOf(words) + 1;
    expect(
      count(words, [
        { index: 2, text: 'Anything else?', spokenStartMs: late },
        { index: 0, text: plan.followUps[0]!.text, spokenStartMs: null },
        { index: 7, text: 'An ad-hoc question from a partner', spokenStartMs: late },
      ]),
    ).toEqual([]);
  });

  it('finds the point an asked probe (beyond the plan) stands for by its text', () => {
    const probe = { index: 3, text: ' What happens to the gradient when the sigmoid saturates? ' };
    expect(probedPoints(probe, plan)).toEqual([1]);
    expect(probedPoints({ index: 1, text: 'x' }, plan)).toEqual([0, 1]);
    const words = said(0, clearSigmoid);
    expect(count(words, [{ ...probe, spokenStartMs: endOf(words) + 1 }])).toEqual([
      { index: 3, pointIndexes: [1], coveredByMs: expect.any(Number) },
    ]);
    expect(count(words, [{ ...probe, spokenStartMs: 600 }])).toEqual([]);
  });
});
