/**
 * "Clear" kept conservative where the held-out set 4 found it wrong: a sentence that surveys the
 * round's points, a point's term denied although the point is about avoiding something else, and
 * "not only" read as avoiding. Each negative case was "clearly covered" before its rule; the
 * positive beside it stays clear. Points and answers are written for this test.
 */
import { describe, expect, it } from 'vitest';
import { coverageOfWords, wordsFromText, type ExpectedPoint } from '../../../../src/shared/words';

const level = (points: ExpectedPoint[], text: string, index = 0) =>
  coverageOfWords(points, wordsFromText(text))[index]!.confidence;

const nanLoss: ExpectedPoint[] = [
  {
    text: 'Find the exact step where instability begins and replay it',
    cues: ['step|batch', 'replay|rerun|reproduce', 'why: happens again|watch'],
  },
  { text: 'Check the data for bad values', cues: ['data|labels|inputs', 'why: nan in the input|bad value|corrupt'] },
  { text: 'Lower the learning rate', cues: ['learning rate|lr', 'why: too big|overshoot|diverge'] },
  { text: 'Clip the gradients', cues: ['clip|clipping', 'gradient|grad norm'] },
];

describe('a sentence that runs through the round is a survey, not an explanation', () => {
  it('is mentioned when the sentence names three other points too', () => {
    const text =
      "I'd check the data for broken labels, lower the learning rate a lot, clip the gradient norm, then find the step where it breaks and replay it so it happens again.";
    expect(level(nanLoss, text)).toBe('mentioned');
  });

  it('stays clear when the point has its own sentence', () => {
    const text =
      'I would find the exact step where the loss first goes wrong, then replay that batch from the checkpoint before it, so the failure happens again while I watch every layer.';
    expect(level(nanLoss, text)).toBe('clear');
  });
});

const sentinel: ExpectedPoint[] = [
  {
    text: 'Sentinel head and tail nodes to avoid edge cases',
    cues: ['sentinel|dummy', 'why: no null|null check|edge case|empty list|special case'],
  },
];

describe('a point about avoiding something denies its own term like any other', () => {
  it('is not clear when the answer says the sentinels are not needed', () => {
    const text = 'You do not need sentinel nodes, a couple of null checks for the empty list are simpler to write.';
    expect(level(sentinel, text)).not.toBe('clear');
  });

  it('stays clear when the avoided thing is what is negated', () => {
    const text =
      'I would put a sentinel node at the head and another at the tail, so there are no null checks for the empty list when I unlink a node.';
    expect(level(sentinel, text)).toBe('clear');
  });
});

const slices: ExpectedPoint[] = [
  {
    text: 'Metrics broken down by slice, not only the headline number',
    cues: [
      'slice|breakdown|broken down|per category|subgroup',
      'why: average hides|hides|some slices|worse on|headline',
    ],
  },
];

describe('"not only" widens a point; it does not make it one about avoiding', () => {
  it('is not clear when the slices are asked for only to be turned down', () => {
    const text =
      'And rather than asking for per-slice breakdowns, I would trust the headline metric, since that is what the benchmark was designed to measure.';
    expect(level(slices, text)).not.toBe('clear');
  });

  it('stays clear when the breakdown is asked for with its reason', () => {
    const text =
      'I would ask for the results broken down per slice, because a good headline average often hides some slices where the method got worse.';
    expect(level(slices, text)).toBe('clear');
  });
});
