/**
 * The second signal "clear" needs besides the cue families (coverage-support.ts): the evidence
 * sentence speaks of the point's idea, in words of its text or reference answer, and does not
 * define the point's term as something else. Each negative case was "clearly covered" before the
 * rule; the positive beside it shows the rule still lets a real explanation through. Points,
 * reference answers and answers are written for this test.
 */
import { describe, expect, it } from 'vitest';
import { coverageOfWords, wordsFromText, type ExpectedPoint } from '../../../../src/shared/words';

const level = (points: ExpectedPoint[], reference: string, text: string, index = 0) =>
  coverageOfWords(points, wordsFromText(text), { reference })[index]!.confidence;

const reason: ExpectedPoint[] = [
  { text: 'One honest main reason for wanting to join', cues: ['reason|main reason|honestly|because'] },
];
const reasonReference =
  'My main reason is the safety research: the team publishes its alignment work, and I want my ' +
  'evaluation experience to feed into how models are tested before they ship.';

const weighting: ExpectedPoint[] = [
  {
    text: 'Inverse propensity weighting of clicks',
    cues: ['inverse propensity|propensity weight', 'click|clicks|propensity', 'why: count more|divide by|one over'],
  },
];
const weightingReference =
  'Estimate the examination probability of each position, then weight each click by one over that ' +
  'propensity in the loss, so clicks at low positions, which are rarely examined, count more.';

describe('clearly covered needs the idea in the evidence sentence', () => {
  it('is not reached by one cue word in a sentence about something else', () => {
    const text =
      'I think AI is honestly the most important technology of our lifetime, and every year something I thought was far away just happens.';
    expect(level(reason, reasonReference, text)).toBe('mentioned');
  });

  it('is reached when the sentence gives the reason in the words of the point and its reference', () => {
    const text =
      'I want to join because the team publishes its alignment research and I want my evaluation experience to shape how models are tested.';
    expect(level(reason, reasonReference, text)).toBe('clear');
  });

  it('keeps the rule off without a reference answer (the point text alone is too short)', () => {
    const text =
      'I think AI is honestly the most important technology of our lifetime, and every year something I thought was far away just happens.';
    expect(coverageOfWords(reason, wordsFromText(text))[0]!.confidence).toBe('clear');
  });
});

describe('a term defined as something the point never speaks of', () => {
  it('calls inverse propensity weighting with propensity defined as popularity mentioned, not clear', () => {
    const text =
      'I would use inverse propensity weighting, where the propensity is how fashionable the product seems to shoppers, so a click on a fashionable product counts less and clicks at low positions count more.';
    expect(level(weighting, weightingReference, text)).toBe('mentioned');
  });

  it('still calls it clear when the propensity is defined as the chance a position is examined', () => {
    const text =
      'I would use inverse propensity weighting, where the propensity is the probability a position is examined, so each click is divided by it and clicks at low positions count more.';
    expect(level(weighting, weightingReference, text)).toBe('clear');
  });
});
