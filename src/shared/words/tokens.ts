/**
 * From a transcript to the tokens the word metrics and the coverage matcher read: a flat list of
 * words on the recording's timeline, and normalised tokens (lower case, contractions expanded, a
 * small stemmer, a handful of spelling folds) that point back at the word they came from.
 * Everything here is defined in docs/metrics.md ("Words") and docs/content-format.md ("Cues").
 */
import { z } from 'zod';
import type { TranscriptSegment } from '../transcript';
import { lemmaOf } from './lemmas';

/** One spoken word. Times are integer ms on the recording's timeline; null when the text had none. */
export const timedWord = z.object({
  text: z.string().min(1),
  startMs: z.number().int().min(0).nullable(),
  endMs: z.number().int().min(0).nullable(),
  /** True when the time was spread evenly over its segment (the model gave no word times). */
  estimated: z.boolean(),
});
export type TimedWord = z.infer<typeof timedWord>;

const splitWords = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w) || /^[-–—]+$/.test(w));

/**
 * Every word of the transcript in order. A segment without word times gets its text split on
 * spaces and the words spread evenly over the segment (each gets an equal share of its length),
 * marked `estimated`.
 */
export function wordsFromSegments(segments: readonly TranscriptSegment[]): TimedWord[] {
  const words: TimedWord[] = [];
  for (const segment of segments) {
    if (segment.words.length > 0) {
      for (const w of segment.words) words.push({ text: w.text, startMs: w.startMs, endMs: w.endMs, estimated: false });
      continue;
    }
    const texts = splitWords(segment.text);
    const share = (segment.endMs - segment.startMs) / Math.max(1, texts.length);
    texts.forEach((text, i) => {
      words.push({
        text,
        startMs: Math.round(segment.startMs + i * share),
        endMs: Math.round(segment.startMs + (i + 1) * share),
        estimated: true,
      });
    });
  }
  return words;
}

/** Plain text (the `coverage` command): words without times. */
export function wordsFromText(text: string): TimedWord[] {
  return splitWords(text).map((t) => ({ text: t, startMs: null, endMs: null, estimated: false }));
}

/** A normalised token; `word` is the index of the spoken word it came from. */
export type Token = {
  /** Stemmed form, used for matching. */
  stem: string;
  /** Lower-case form before stemming (contractions expanded). */
  lower: string;
  word: number;
  /** The word ends a sentence (. ? !) — only on the word's last token. */
  sentenceEnd: boolean;
  /** The word is followed by , ; : or a dash — only on the word's last token. */
  breakAfter: boolean;
  /** The word was cut off ("reca-") or is a bare dash: a sign of a restart. */
  cut: boolean;
};

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/'m\b/g, ' am'],
  [/\b(it|that|what|there|here|he|she|who|where|how|let)'s\b/g, '$1 is'],
  [/'s\b/g, ''],
];

/** Spellings folded together before stemming (kept small on purpose; listed in docs/content-format.md). */
const FOLDS: Record<string, string[]> = {
  hashmap: ['hash', 'map'],
  hashmaps: ['hash', 'map'],
  hashtable: ['hash', 'table'],
  dict: ['dictionary'],
  maximum: ['max'],
  minimum: ['min'],
  behaviour: ['behavior'],
  colour: ['color'],
  favour: ['favor'],
  labelled: ['labeled'],
  modelling: ['modeling'],
  zero: ['0'],
  one: ['1'],
  two: ['2'],
  three: ['3'],
  four: ['4'],
  five: ['5'],
  six: ['6'],
  seven: ['7'],
  eight: ['8'],
  nine: ['9'],
  ten: ['10'],
  percent: ['%'],
};

/** Suffix rules, first match wins (see stem). */
const STEM_RULES: [RegExp, string][] = [
  [/izations?$/, ''],
  [/ization$/, ''],
  [/iz(e|es|ed|ing)$/, ''],
  [/ational$/, 'ate'],
  [/(at|ut|ct|ss)ions?$/, '$1'],
  [/ness(es)?$/, ''],
  [/ies$/, 'y'],
  [/ied$/, 'y'],
  [/eed$/, 'ee'],
  [/(.{3,})ings?$/, '$1'],
  [/(.{3,})ed$/, '$1'],
  // Plural s, but not the s of "bias", "corpus", "basis", "loss".
  [/^(?!.*(?:ss|us|is|ias)$)(.{3,})s$/, '$1'],
  [/(.{3,})ly$/, '$1'],
];

/**
 * A deliberately small suffix stemmer: the same word family maps to one stem ("evict", "evicts",
 * "evicted", "eviction" → "evict"; "normalise", "normalization" → "normal"). It only has to be
 * consistent between the cues and the transcript, not linguistically right.
 */
export function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    // Speech repeats a small vocabulary: remember stems (bounded, so a huge transcript cannot grow it without end).
    if (stemCache.size > 50_000) stemCache.clear();
    cached = stemUncached(word);
    stemCache.set(word, cached);
  }
  return cached;
}
const stemCache = new Map<string, string>();

function stemUncached(word: string): string {
  let w = lemmaOf(word);
  if (w.length <= 3 || /\d/.test(w)) return w;
  w = w.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1');
  for (const [pattern, replacement] of STEM_RULES) {
    if (pattern.test(w)) {
      w = w.replace(pattern, replacement);
      break;
    }
  }
  // A doubled final consonant from -ing/-ed ("stopped" → "stopp") and a final e ("cache"/"cached").
  w = w.replace(/([^aeiouls])\1$/, '$1');
  if (w.length > 3) w = w.replace(/e$/, '');
  return w;
}

/** Normalised tokens of one piece of text (a word, a cue or a point), without word bookkeeping. */
export function normalise(text: string): string[] {
  let t = text.toLowerCase().replace(/[’‘`]/g, "'");
  if (t.includes("'")) for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
  const parts = t
    .replace(/%/g, ' % ')
    .split(/[^\p{L}\p{N}%]+/u)
    .filter(Boolean);
  return parts.flatMap((p) => FOLDS[p] ?? [p]);
}

export function tokenise(words: readonly TimedWord[]): Token[] {
  const tokens: Token[] = [];
  words.forEach((w, index) => {
    const raw = w.text.trim();
    const parts = normalise(raw);
    const cut = /^[-–—]+$/.test(raw) || /\p{L}[-–—]$/u.test(raw);
    const sentenceEnd = /[.?!]["')\]]*$/.test(raw);
    const breakAfter = /[,;:]["')\]]*$/.test(raw) || /[-–—]$/.test(raw);
    if (parts.length === 0) {
      if (cut) tokens.push({ stem: '', lower: '', word: index, sentenceEnd, breakAfter: true, cut });
      return;
    }
    parts.forEach((lower, i) => {
      const last = i === parts.length - 1;
      tokens.push({
        stem: stem(lower),
        lower,
        word: index,
        sentenceEnd: last && sentenceEnd,
        breakAfter: last && breakAfter,
        cut: last && cut,
      });
    });
  });
  return tokens;
}

/** Function words: skipped when matching content, never a cue by themselves. */
export const STOPWORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from into onto over under as is are was were be been ' +
    'being am do does did doing have has had having it its this that these those there here i me my we our us you your ' +
    'he she him her they them their what which who whom whose when where why how all any each every some such than too ' +
    'very can could would should will shall may might must just also only own same other about up down out off again ' +
    'once both few more most much many no nor not yes well like really got going go thing things way lots say ' +
    'said e g eg ie etc um uh okay ok right yeah'
  ).split(' '),
);

/** Words that undo what follows them: a cue right after one of these does not count. */
export const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'instead', 'rather']);
