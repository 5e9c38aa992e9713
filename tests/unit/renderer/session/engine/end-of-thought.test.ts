/** The end-of-thought rule: think time, mid-clause words, waiting for words, the long limit. */
import { describe, expect, it } from 'vitest';
import {
  breaksOffMidClause,
  DEFAULT_LONG_SILENCE_MS,
  DEFAULT_THINK_TIME_MS,
  defaultEndOfThought,
  endOfThought,
  WORDS_SLACK_MS,
} from '../../../../../src/renderer/src/session/engine/end-of-thought';

const settings = defaultEndOfThought;
/** A silence that began at 10 s on the round clock, `ms` long, after words ending at `endMs`. */
const after = (ms: number, text: string | null, endMs = 10_000) =>
  endOfThought(
    { nowMs: 10_000 + ms, silentForMs: ms, spoke: true, words: { last: text === null ? null : { text, endMs } } },
    settings,
  );

describe('end of thought', () => {
  it('defaults to a 1.5 s think time and a 6 s long limit', () => {
    expect([DEFAULT_THINK_TIME_MS, DEFAULT_LONG_SILENCE_MS]).toEqual([1500, 6000]);
  });

  it('a finished sentence ends the thought once the silence reaches the think time', () => {
    expect(after(1400, 'Lookups are constant time on average.')).toEqual({ ended: false, why: 'thinking' });
    expect(after(1500, 'Lookups are constant time on average.')).toEqual({ ended: true, why: 'think-time' });
  });

  it.each([
    'I would resize the table and',
    'it degrades because',
    'you hash the key to',
    'we pick the',
    'um',
    'so, uh',
    'and it is, you know',
    'the buckets, like',
    'chaining,',
    'then the load factor...',
  ])('words that break off mid-clause ("%s") do not end it, until the long limit', (text) => {
    expect(after(3000, text)).toEqual({ ended: false, why: 'mid-clause' });
    expect(after(DEFAULT_LONG_SILENCE_MS - 1, text).ended).toBe(false);
    expect(after(DEFAULT_LONG_SILENCE_MS, text)).toEqual({ ended: true, why: 'long-silence' });
  });

  it('waits for the words of the speech that just ended, up to the long limit', () => {
    // The latest utterance ended well before this silence began: the last speech is not transcribed yet.
    expect(after(2000, 'An earlier sentence.', 10_000 - WORDS_SLACK_MS - 500)).toEqual({
      ended: false,
      why: 'waiting-for-words',
    });
    expect(after(2000, null)).toEqual({ ended: false, why: 'waiting-for-words' });
    expect(after(DEFAULT_LONG_SILENCE_MS, null)).toEqual({ ended: true, why: 'long-silence' });
    // The VAD placed the end a little before the loudness tracker did: the same speech.
    expect(after(2000, 'That is the whole idea.', 10_000 - WORDS_SLACK_MS)).toEqual({ ended: true, why: 'think-time' });
  });

  it('without live words (no model, fell behind) the think time alone decides', () => {
    const input = { nowMs: 12_000, silentForMs: 1500, spoke: true, words: null };
    expect(endOfThought(input, settings)).toEqual({ ended: true, why: 'think-time' });
    expect(endOfThought({ ...input, silentForMs: 1499 }, settings).ended).toBe(false);
  });

  it('a silence before any speech has no words to wait for', () => {
    const input = { nowMs: 2000, silentForMs: 1500, spoke: false, words: { last: null } };
    expect(endOfThought(input, settings)).toEqual({ ended: true, why: 'think-time' });
  });

  it('speaking never ends a thought; the settings move both limits, the long one never below the think time', () => {
    expect(endOfThought({ nowMs: 5000, silentForMs: 0, spoke: true, words: null }, settings)).toEqual({
      ended: false,
      why: 'speaking',
    });
    const slow = { thinkTimeMs: 3000, longSilenceMs: 2000 };
    const input = { nowMs: 20_000, silentForMs: 2500, spoke: true, words: { last: { text: 'and', endMs: 17_500 } } };
    expect(endOfThought(input, slow).ended).toBe(false);
    expect(endOfThought({ ...input, silentForMs: 3000 }, slow)).toEqual({ ended: true, why: 'long-silence' });
  });

  it('reads the last word only, whatever the case, punctuation or apostrophes', () => {
    expect(breaksOffMidClause('And that is it.')).toBe(false);
    expect(breaksOffMidClause('Which is why I’d use a heap')).toBe(false);
    expect(breaksOffMidClause('What AND')).toBe(true);
    expect(breaksOffMidClause('')).toBe(false);
    expect(breaksOffMidClause('I mean')).toBe(true);
  });
});
