/**
 * "Clearly covered" is the only level that may stop an interviewer from asking, so it must be hard
 * to reach by naming: each rule below turned a wrong "clear" on the blind development sets into
 * "mentioned" or "not heard". Points and answers are written for this test.
 */
import { describe, expect, it } from 'vitest';
import { coverageOfWords, wordsFromText, type ExpectedPoint } from '../../../../src/shared/words';

const level = (points: ExpectedPoint[], text: string, index = 0) =>
  coverageOfWords(points, wordsFromText(text))[index]!.confidence;

const sharding: ExpectedPoint[] = [
  {
    text: 'Shard optimizer state and parameters across GPUs, as in ZeRO or FSDP',
    cues: ['zero|fsdp|shard', 'optimizer state|parameters', 'why: only a slice|one shard|gather'],
  },
];
const emptyClusters: ExpectedPoint[] = [
  { text: 'Handle empty clusters by reseeding', cues: ['empty', 'cluster|reseed'] },
];
const lruMap: ExpectedPoint[] = [
  {
    text: 'Hash map from key to node combined with a doubly linked list',
    cues: ['hash map|dictionary', 'linked list', 'why: find the node|pointer|move to front'],
  },
];
const vanishing: ExpectedPoint[] = [
  {
    text: 'MSE through a sigmoid picks up a derivative factor that vanishes when the unit saturates',
    cues: ['sigmoid derivative|saturat', 'vanish|small|tiny'],
  },
];
const queue: ExpectedPoint[] = [
  {
    text: 'A queue of past embeddings enlarges the negative pool at constant memory',
    cues: ['queue|memory bank', 'embeddings|negatives'],
  },
];

describe('clearly covered', () => {
  it('needs a "why:" family said when the point has one: naming its parts is a mention', () => {
    expect(level(lruMap, 'I keep a dictionary from key to node and a doubly linked list in recency order.')).toBe(
      'mentioned',
    );
    expect(
      level(lruMap, 'I keep a dictionary from key to node and a linked list, so the map finds the node at once.'),
    ).toBe('clear');
  });

  it('is not reached by a term named in a list of names', () => {
    expect(
      level(
        sharding,
        'Memory goes to the parameters and the optimizer state, and with FSDP each GPU keeps one shard. ' +
          'Then the usual toolbox: bf16, checkpointing, ZeRO, FSDP, offload, shorter sequences.',
      ),
    ).toBe('clear');
    expect(
      level(
        sharding,
        'Memory goes to the optimizer state. Then the usual toolbox: bf16, checkpointing, ZeRO, FSDP, gather, offload.',
      ),
    ).toBe('mentioned');
  });

  it('is not reached when the answer says the case does not happen', () => {
    expect(
      level(emptyClusters, 'Empty clusters basically do not happen with careful seeding, so I would not reseed.'),
    ).not.toBe('clear');
  });

  it('is not reached when the term comes with the opposite predicate', () => {
    expect(
      level(
        vanishing,
        'With MSE, when the sigmoid saturates on a confidently wrong example the gradient blows up, because you divide by the small derivative factor.',
      ),
    ).not.toBe('clear');
    expect(
      level(
        vanishing,
        'With MSE, when the sigmoid saturates on a confidently wrong example the gradient through it becomes tiny, because the derivative factor multiplies it.',
      ),
    ).toBe('clear');
  });

  it('is not reached by a step the speaker drops right after naming it ("… I\'d skip")', () => {
    expect(
      level(queue, 'Memory banks or queues of old embeddings I would skip, big batches give enough negatives.'),
    ).toBe('not-heard');
  });
});
