import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  coverageOfWords,
  expectedPointsOf,
  stem,
  wordsFromText,
  type ExpectedPoint,
} from '../../../../src/shared/words';
import type { TranscriptSegment } from '../../../../src/shared/transcript';

const lru: ExpectedPoint[] = [
  {
    text: 'Hash map from key to node combined with a doubly linked list ordered by recency',
    cues: ['hash map|dictionary', 'doubly linked list|linked list'],
  },
  { text: 'Eviction also deletes the key from the hash map' },
  { text: 'Sentinel head and tail nodes to avoid edge cases' },
  { text: 'Constant time for both operations', cues: ['constant time|o of 1|o 1'] },
];

/** Clearly covered (said and explained). */
const covered = (points: ExpectedPoint[], text: string, prompt?: string) =>
  coverageOfWords(points, wordsFromText(text), { prompt }).map((c) => c.covered);
/** Heard at all: clearly covered or mentioned. */
const heard = (points: ExpectedPoint[], text: string, prompt?: string) =>
  coverageOfWords(points, wordsFromText(text), { prompt }).map((c) => c.confidence !== 'not-heard');

describe('stemming', () => {
  it('maps a word family to one stem and folds British and American spellings', () => {
    expect(new Set(['evict', 'evicts', 'evicted', 'eviction', 'evicting'].map(stem))).toEqual(new Set(['evict']));
    expect(new Set(['cache', 'caches', 'cached', 'caching'].map(stem))).toEqual(new Set(['cach']));
    expect(stem('normalise')).toBe(stem('normalization'));
    // The s of "bias" is not a plural: "unbias" (a cue) and "unbiased" (said) meet.
    expect(stem('unbias')).toBe(stem('unbiased'));
    expect(stem('bias')).toBe(stem('biases'));
    expect(stem('disagreed')).toBe(stem('disagree'));
  });
});

describe('coverage with cues', () => {
  it('covers a point when every cue is said close together, and gives the words as evidence', () => {
    const [point] = coverageOfWords(
      lru,
      wordsFromText('First I keep a dictionary from key to node, plus a doubly linked list in recency order.'),
    );
    expect(point).toMatchObject({
      covered: true,
      method: 'cues',
      evidence: 'dictionary from key to node, plus a doubly linked list',
      matched: ['hash map|dictionary', 'doubly linked list|linked list'],
      missing: [],
    });
  });

  it('does not cover it when only some cues are said', () => {
    expect(covered(lru, 'I keep a hash map from key to value and that is it.')[0]).toBe(false);
  });

  it('does not cover it when the cues are far apart', () => {
    const filler = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
    expect(covered(lru, `I use a hash map. ${filler} Later a linked list appears.`)[0]).toBe(false);
  });

  it('does not count a cue that is denied', () => {
    expect(heard(lru, 'It is not constant time, it is linear.')[3]).toBe(false);
    expect(heard(lru, 'Both operations are constant time.')[3]).toBe(true);
    expect(heard(lru, 'Both are O(1).')[3]).toBe(true);
  });

  it('matches a cue phrase with its function words, so "same timestamp" is not any "timestamp"', () => {
    const dupes: ExpectedPoint[] = [{ text: 'Duplicate timestamps', cues: ['same timestamp|duplicate'] }];
    expect(heard(dupes, 'Each timestamp maps to a value.')).toEqual([false]);
    expect(heard(dupes, 'Two sets at the same exact timestamp overwrite.')).toEqual([true]);
  });

  it('gives the evidence its time on the recording', () => {
    const segments: TranscriptSegment[] = [
      { startMs: 0, endMs: 2000, text: 'So first of all', words: [] },
      {
        startMs: 4000,
        endMs: 6000,
        text: 'everything is constant time.',
        words: [
          { text: 'everything', startMs: 4000, endMs: 4600 },
          { text: 'is', startMs: 4600, endMs: 4800 },
          { text: 'constant', startMs: 4900, endMs: 5400 },
          { text: 'time.', startMs: 5400, endMs: 5900 },
        ],
      },
    ];
    const point = computeCoverage(lru, segments)[3]!;
    // Named, not explained: mentioned, with its evidence and time.
    expect(point).toMatchObject({
      confidence: 'mentioned',
      covered: false,
      evidence: 'constant time.',
      evidenceStartMs: 4900,
      evidenceEndMs: 5900,
    });
    expect(point.evidenceEstimated).toBe(false);
  });

  it('has no evidence time for plain text', () => {
    expect(coverageOfWords(lru, wordsFromText('constant time'))[3]).toMatchObject({
      confidence: 'mentioned',
      evidenceStartMs: null,
      evidenceEndMs: null,
    });
  });
});

describe('coverage without cues', () => {
  it('covers a point when its content words are said together', () => {
    expect(covered(lru, 'When we evict the tail node we also delete its key from the hash map.')[1]).toBe(true);
    expect(covered(lru, 'I use sentinel head and tail nodes, so no edge cases for an empty list.')[2]).toBe(true);
  });

  it("needs the words that set a point apart from the round's other points", () => {
    // "evict … key … hash map" are all said, but not "delete": not covered.
    expect(covered(lru, 'We evict from the tail, and the key lives in the hash map.')[1]).toBe(false);
  });

  it('covers nothing in an off-topic answer', () => {
    expect(covered(lru, 'I would talk about my last project, where the team shipped a mobile app on time.')).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('points from a round', () => {
  it("pairs the frozen answers' lines with their cues, and treats rounds frozen before cues as cue-less", () => {
    expect(expectedPointsOf({ expectedPoints: ['A', 'B'], expectedPointCues: [['x'], []] })).toEqual([
      { text: 'A', cues: ['x'] },
      { text: 'B', cues: [] },
    ]);
    expect(expectedPointsOf({ expectedPoints: ['A'] })).toEqual([{ text: 'A', cues: [] }]);
  });
});
