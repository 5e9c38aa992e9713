/**
 * The four ways the cue-word matcher went wrong on answers written apart from its cues (issue 21),
 * each on a built-in point, with answers written for this test: plain words that scored nothing,
 * a denied term counted, a misused term counted, a term named in passing counted as explained.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../../../../src/main/services/content/load';
import { coverageOfWords, expectedPointsOf, wordsFromText, type PointCoverage } from '../../../../src/shared/words';

const builtinDir = path.resolve(__dirname, '../../../../content');
let content: LoadedContent;
beforeAll(async () => {
  content = await loadContent({ builtinDir });
});

/** Coverage of one built-in point (round 0 of `item`) for a plain-text answer. */
function heard(item: string, point: number, text: string): PointCoverage {
  const round = content.items.get(item)!.rounds[0]!;
  return coverageOfWords(expectedPointsOf(round), wordsFromText(text), { prompt: round.prompt })[point]!;
}
const level = (c: PointCoverage) => (c.confidence === undefined ? (c.covered ? 'clear' : 'not-heard') : c.confidence);

describe('a strong answer in plain words', () => {
  it('hears a Bernoulli label said as a yes-or-no outcome with a chance', () => {
    const c = heard(
      'loop-cross-entropy-vs-mse',
      0,
      'Picture every example as a yes or no outcome, and the logistic output is how likely it is to come out yes, so the output is read as that chance.',
    );
    expect(c.covered).toBe(true);
    expect(level(c)).toBe('clear');
  });

  it('hears convexity said as a single bowl', () => {
    const c = heard(
      'loop-cross-entropy-vs-mse',
      4,
      'Seen as a function of the weights, the log loss is a single bowl with one minimum, while squared error through a sigmoid gives you several valleys.',
    );
    expect(level(c)).toBe('clear');
  });
});

describe('a term said in order to deny it', () => {
  it('does not count seeds that "don\'t matter"', () => {
    const c = heard(
      'loop-paper-critique',
      2,
      "Frankly, multiple seeds don't matter much for a model this big, and the spread of the scores tells you little.",
    );
    expect(c.covered).toBe(false);
    expect(level(c)).toBe('not-heard');
  });

  it('does not count a point the answer does "instead of"', () => {
    const c = heard(
      'loop-paper-critique',
      3,
      'Instead of ablations I would just look at the final number and trust that every part helps.',
    );
    expect(c.covered).toBe(false);
    expect(level(c)).toBe('not-heard');
  });
});

describe('a term denied after it is said', () => {
  const scaling = [
    { text: 'Scale the scores by the square root of the head dimension', cues: ['square root|sqrt', 'dimension|d k'] },
  ];
  it('does not count a step a later clause drops ("…, but I\'d skip that")', () => {
    const [c] = coverageOfWords(
      scaling,
      wordsFromText(
        "You could divide the scores by the square root of the head dimension, but with normalised inputs I'd skip that.",
      ),
    );
    expect(level(c!)).toBe('not-heard');
  });

  it('does not count seeds that "aren\'t a big deal"', () => {
    const c = heard(
      'loop-paper-critique',
      2,
      "Running several seeds and reporting their spread isn't a big deal for a model this size.",
    );
    expect(level(c)).toBe('not-heard');
  });
});

describe('a term used wrongly', () => {
  it('does not count FSDP described as data parallelism', () => {
    const c = heard(
      'loop-llm-training-memory',
      4,
      'With FSDP each GPU takes a different slice of the batch, but every GPU still holds all of the parameters and the optimizer state.',
    );
    expect(c.covered).toBe(false);
    expect(level(c)).toBe('not-heard');
  });

  it('still hears FSDP described as sharding', () => {
    const c = heard(
      'loop-llm-training-memory',
      4,
      'With FSDP the parameters and the optimizer state are sharded, so each GPU holds only a slice and gathers the rest for the layer it is computing.',
    );
    expect(level(c)).toBe('clear');
  });
});

describe('a term named in passing', () => {
  it('calls "…, and ablations" mentioned, not clearly covered', () => {
    const c = heard('loop-paper-critique', 3, "I'd look at the baselines, the seeds, and ablations.");
    expect(c.covered).toBe(false);
    expect(level(c)).toBe('mentioned');
    expect(c.evidence).toBe('ablations.');
  });

  it('calls an ablation with what it shows clearly covered', () => {
    const c = heard(
      'loop-paper-critique',
      3,
      'I would want ablations: take out each new component one at a time and see how much of the gain goes away, because otherwise you cannot tell which part does the work.',
    );
    expect(level(c)).toBe('clear');
  });
});
