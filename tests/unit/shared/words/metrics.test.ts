import { describe, expect, it } from 'vitest';
import {
  computeFromWords,
  computeWordMetrics,
  wordBaselineOf,
  wordNotes,
  wordsFromSegments,
  wordsFromText,
  type WordMetrics,
} from '../../../../src/shared/words';
import type { TranscriptSegment } from '../../../../src/shared/transcript';

/** A segment whose words are laid out back to back from `startMs`, each `eachMs` long. */
function timed(startMs: number, text: string, eachMs = 400, gapMs = 0): TranscriptSegment {
  const words = text.split(' ').map((w, i) => ({
    text: w,
    startMs: startMs + i * (eachMs + gapMs),
    endMs: startMs + i * (eachMs + gapMs) + eachMs,
  }));
  return { startMs, endMs: words[words.length - 1]!.endMs, text, words };
}

const plain = (text: string) => computeFromWords(wordsFromText(text));

describe('word timeline', () => {
  it('spreads the words of a segment without word times evenly over it', () => {
    const words = wordsFromSegments([{ startMs: 1000, endMs: 3000, text: 'one two three four', words: [] }]);
    expect(words.map((w) => [w.startMs, w.endMs])).toEqual([
      [1000, 1500],
      [1500, 2000],
      [2000, 2500],
      [2500, 3000],
    ]);
    expect(words.every((w) => w.estimated)).toBe(true);
  });

  it('keeps the model word times when it gives them', () => {
    const words = wordsFromSegments([timed(500, 'hash map', 300, 100)]);
    expect(words).toEqual([
      { text: 'hash', startMs: 500, endMs: 800, estimated: false },
      { text: 'map', startMs: 900, endMs: 1200, estimated: false },
    ]);
  });
});

describe('pace', () => {
  it('counts words per minute of speaking time, leaving out pauses of a second or more', () => {
    // 10 words of 300 ms with 100 ms gaps: 3.9 s; then a 5 s pause; then 10 more words: 3.9 s.
    const first = timed(0, 'a b c d e f g h i j', 300, 100);
    const second = timed(first.endMs + 5000, 'k l m n o p q r s t', 300, 100);
    const m = computeWordMetrics({ segments: [first, second] });
    expect(m.wordCount).toBe(20);
    expect(m.speakingMs).toBe(7800);
    expect(m.wordsPerMinute).toBeCloseTo(20 / (7.8 / 60), 0);
    expect(m.timesEstimated).toBe(false);
  });

  it('splits pace into phases at each follow-up and leaves out the words heard while the app spoke', () => {
    const core = timed(1000, 'we hash every key into a bucket', 250); // 7 words, 1.75 s
    const appVoice = timed(4000, 'how would you resize', 250); // the interviewer, heard by the microphone
    const reply = timed(6000, 'double the table and rehash', 500); // 5 words, 2.5 s
    const m = computeWordMetrics({
      segments: [core, appVoice, reply],
      followUps: [{ index: 0, text: 'How would you resize the table?', spokenStartMs: 3900, spokenEndMs: 5100 }],
    });
    expect(m.wordCount).toBe(12);
    expect(m.phases).toEqual([
      { followUpIndex: null, startMs: null, wordCount: 7, speakingMs: 1750, wordsPerMinute: 240 },
      { followUpIndex: 0, startMs: 3900, wordCount: 5, speakingMs: 2500, wordsPerMinute: 120 },
    ]);
  });

  it('leaves out words before the answer cue (the prompt being read)', () => {
    const m = computeWordMetrics({
      segments: [timed(0, 'please implement a cache'), timed(5000, 'I would use a map')],
      answerCueMs: 3000,
    });
    expect(m.wordCount).toBe(5);
  });

  it('has no pace for plain text, which has no times', () => {
    const m = plain('a hash map and a list');
    expect(m.wordCount).toBe(6);
    expect(m.speakingMs).toBeNull();
    expect(m.wordsPerMinute).toBeNull();
  });
});

describe('filler words', () => {
  it('counts each kind, and the share of words', () => {
    const m = plain('Um, so basically we, you know, uh, kind of hash it. I mean, it actually works.');
    expect(m.fillers.counts).toEqual({
      um: 1,
      uh: 1,
      like: 0,
      'you know': 1,
      'sort of': 0,
      'kind of': 1,
      'i mean': 1,
      basically: 1,
      actually: 1,
    });
    expect(m.fillers.total).toBe(7);
    // 10 filler words (three of them two words long) out of 16.
    expect(m.fillers.share).toBe(0.625);
  });

  it('counts "like" only as a filler, not as a verb or a comparison', () => {
    const notFiller = plain(
      "I'd like to add a cache. It looks like a stack. I like this design. Something like a heap works. That is the part I like, the rest is fine.",
    );
    expect(notFiller.fillers.counts.like).toBe(0);
    const filler = plain('So like, we store it. And it was, like, slow. Like, the queue grows. He was like no way.');
    expect(filler.fillers.counts.like).toBe(4);
  });

  it('does not count "kind of", "you know" or "I mean" when they are ordinary words', () => {
    const m = plain('What kind of index is it? Do you know that it fails? This is what I mean. A sort of heap.');
    expect(m.fillers.total).toBe(0);
  });

  it('passes on whether the engine writes um and uh at all', () => {
    const segments = [timed(0, 'we hash the key')];
    expect(computeWordMetrics({ segments }).fillers.hesitationsTranscribed).toBeNull();
    expect(computeWordMetrics({ segments, hesitationsTranscribed: false }).fillers.hesitationsTranscribed).toBe(false);
  });

  it('gives filler words per minute of speaking time', () => {
    const m = computeWordMetrics({ segments: [timed(0, 'um we hash uh the key into um buckets', 500)] });
    // 9 words × 500 ms = 4.5 s; 3 fillers → 40 a minute.
    expect(m.fillers.perMinute).toBe(40);
    expect(m.fillers.occurrences.map((o) => [o.kind, o.startMs])).toEqual([
      ['um', 0],
      ['uh', 1500],
      ['um', 3500],
    ]);
  });
});

describe('hedges, repetitions, restarts', () => {
  it('counts hedges by phrase', () => {
    const m = plain("I think it's probably linear. Maybe not. I'm not sure it matters, it might.");
    expect(m.hedges.counts['i think']).toBe(1);
    expect(m.hedges.counts.probably).toBe(1);
    expect(m.hedges.counts.maybe).toBe(1);
    expect(m.hedges.counts['not sure']).toBe(1);
    expect(m.hedges.counts.might).toBe(1);
    expect(m.hedges.total).toBe(5);
  });

  it('finds stutter repetitions of one to three words, but not fillers said twice', () => {
    const m = plain('The the key goes in, we could we could shard it, um um fine');
    expect(m.repetitions.occurrences.map((o) => o.text)).toEqual(['The the', 'we could we could']);
  });

  it('finds restarts: cut-off words, dashes, and a fragment started again', () => {
    const m = plain('We reca- we recompute it. So the — the idea holds. So we, so the point is clear.');
    expect(m.restarts.occurrences.map((o) => o.text)).toEqual(['reca-', '—', 'So we, so']);
    expect(plain('We recompute it. The idea holds.').restarts.count).toBe(0);
  });

  it('lists phrases said three times or more', () => {
    const m = plain(
      'At the end of the day it is fast. At the end of the day it is simple. At the end of the day we ship.',
    );
    // "at the end of" is mostly function words: the habit is "end of the day".
    expect(m.repeatedPhrases).toEqual([{ phrase: 'end of the day', count: 3 }]);
    expect(plain('At the end of the day it is fast.').repeatedPhrases).toEqual([]);
  });
});

describe('follow-ups', () => {
  const question = 'How would you make this safe to use from several threads?';
  const round = (replyText: string) =>
    computeWordMetrics({
      segments: [timed(0, 'the cache is a map and a list'), timed(9000, replyText, 300, 100)],
      followUps: [{ index: 0, text: question, spokenStartMs: 4000, spokenEndMs: 7500 }],
    });

  it('times the first word after the follow-up from the end of its speaking', () => {
    expect(round('one lock for the threads').followUps[0]!.msToFirstWord).toBe(1500);
  });

  it('says the follow-up was answered when the first sentence takes up its key terms', () => {
    const f = round('To make it thread safe I take one lock around each whole operation.').followUps[0]!;
    expect(f.keyTerms).toEqual(['safe', 'several', 'threads']);
    expect(f.matchedTerms).toEqual(['safe', 'threads']);
    expect(f.answeredExactFollowUp).toBe(true);
  });

  it('says it was not when the first sentence goes elsewhere, even if the terms come later', () => {
    const f = round('The eviction is the tricky bit. Threads need a lock.').followUps[0]!;
    expect(f.firstSentence).toBe('The eviction is the tricky bit.');
    expect(f.answeredExactFollowUp).toBe(false);
  });

  it('has no verdict when nothing was said after the follow-up', () => {
    const m = computeWordMetrics({
      segments: [timed(0, 'the cache is a map')],
      followUps: [{ index: 0, text: question, spokenStartMs: 4000, spokenEndMs: 7500 }],
    });
    expect(m.followUps[0]).toMatchObject({ msToFirstWord: null, answeredExactFollowUp: null });
  });
});

describe('thresholds and baselines', () => {
  const metricsAt = (wpm: number, fillerShare: number): WordMetrics => {
    const base = plain('a b');
    return {
      ...base,
      wordCount: 100,
      speakingMs: 60_000,
      wordsPerMinute: wpm,
      fillers: { ...base.fillers, share: fillerShare },
    };
  };

  it('flags pace outside 100–165 words a minute and fillers over 4 % of words', () => {
    expect(wordNotes(metricsAt(90, 0.01)).map((n) => n.id)).toEqual(['too-slow']);
    expect(wordNotes(metricsAt(180, 0.05)).map((n) => n.id)).toEqual(['too-fast', 'many-fillers']);
    expect(wordNotes(metricsAt(140, 0.02))).toEqual([]);
  });

  it('compares with the median of earlier rounds once there are three', () => {
    const earlier = [metricsAt(120, 0.01), metricsAt(130, 0.02), metricsAt(140, 0.01)];
    const baseline = wordBaselineOf(earlier);
    expect(baseline).toMatchObject({ rounds: 3, wordsPerMinute: 130, fillerShare: 0.01 });
    expect(wordNotes(metricsAt(130, 0.03), baseline).map((n) => n.id)).toEqual(['more-fillers-than-usual']);
    expect(wordNotes(metricsAt(130, 0.03), wordBaselineOf(earlier.slice(0, 2)))).toEqual([]);
  });
});
