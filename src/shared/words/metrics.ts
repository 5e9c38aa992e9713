/**
 * Word metrics for a round, as pure functions of its transcript and its follow-ups: pace, filler
 * words, hedges, repetitions and restarts, and how each follow-up was taken up. Every number is
 * defined in docs/metrics.md ("Words"). Every time is integer ms on the recording's timeline.
 */
import { z } from 'zod';
import { transcriptSegment } from '../transcript';
import {
  fillerKind,
  fillerKinds,
  findFillers,
  findHedges,
  findRepeatedPhrases,
  findRepetitions,
  findRestarts,
  hedgeKind,
  hedgeKinds,
  type Hit,
} from './habits';
import { STOPWORDS, stem, tokenise, wordsFromSegments, type TimedWord, type Token } from './tokens';

/** A pause of at least this long between two words is not speaking time (as RUN_BREAK_MS in ../metrics). */
export const WORD_PAUSE_MS = 1000;
/** The "first sentence" of a reply ends at . ? !, a pause of WORD_PAUSE_MS, or after this many words. */
export const FIRST_SENTENCE_MAX_WORDS = 30;

const ms = z.number().int().min(0);

export const wordMetricsInput = z.object({
  segments: z.array(transcriptSegment),
  /** When the prompt finished being spoken; words before it are not the candidate's. */
  answerCueMs: ms.default(0),
  /** The follow-ups asked, with when the app spoke them (null: not known or not spoken). */
  followUps: z
    .array(
      z.object({
        index: z.number().int().min(0),
        text: z.string(),
        spokenStartMs: ms.nullable(),
        spokenEndMs: ms.nullable(),
      }),
    )
    .default([]),
  /**
   * Whether the engine writes hesitations ("um", "uh") at all: Whisper-style models mostly drop
   * them. null: not known. Passed through to `fillers.hesitationsTranscribed` so a count of 0 um/uh
   * is shown as "not heard by this model", not as "none".
   */
  hesitationsTranscribed: z.boolean().nullable().default(null),
});
export type WordMetricsInput = z.input<typeof wordMetricsInput>;

const rate = z.number().nullable();
const counts = <K extends z.ZodEnum>(kind: K) => z.record(kind, z.number().int().min(0));
const occurrence = z.object({ text: z.string(), startMs: ms.nullable() });

export const wordPhase = z.object({
  /** null: before the first follow-up; otherwise the follow-up this phase follows. */
  followUpIndex: z.number().int().nullable(),
  startMs: ms.nullable(),
  wordCount: z.number().int(),
  speakingMs: ms.nullable(),
  wordsPerMinute: rate,
});
export type WordPhase = z.infer<typeof wordPhase>;

export const followUpUptake = z.object({
  index: z.number().int(),
  /** End of the spoken follow-up → the candidate's first word after it. */
  msToFirstWord: ms.nullable(),
  /** The follow-up's content words, e.g. ["safe", "several", "threads"]. */
  keyTerms: z.array(z.string()),
  /** Those the first sentence of the reply took up. */
  matchedTerms: z.array(z.string()),
  firstSentence: z.string().nullable(),
  /** null when there was no reply or the follow-up has no content words. */
  answeredExactFollowUp: z.boolean().nullable(),
});
export type FollowUpUptake = z.infer<typeof followUpUptake>;

export const wordMetrics = z.object({
  wordCount: z.number().int(),
  /** Sum of the word spans, gaps under WORD_PAUSE_MS included; null without word times. */
  speakingMs: ms.nullable(),
  wordsPerMinute: rate,
  /** Some word times were spread evenly over a segment (the model gave none). */
  timesEstimated: z.boolean(),
  phases: z.array(wordPhase),
  fillers: z.object({
    total: z.number().int(),
    perMinute: rate,
    /** Filler words ÷ all words (0–1); null with no words. */
    share: rate,
    counts: counts(fillerKind),
    occurrences: z.array(occurrence.extend({ kind: fillerKind })),
    /** As given in the input: false means um/uh counts are a lower bound (the model drops them). */
    hesitationsTranscribed: z.boolean().nullable(),
  }),
  hedges: z.object({
    total: z.number().int(),
    perMinute: rate,
    counts: counts(hedgeKind),
    occurrences: z.array(occurrence.extend({ kind: hedgeKind })),
  }),
  repetitions: z.object({ count: z.number().int(), occurrences: z.array(occurrence) }),
  restarts: z.object({ count: z.number().int(), occurrences: z.array(occurrence) }),
  repeatedPhrases: z.array(z.object({ phrase: z.string(), count: z.number().int() })),
  followUps: z.array(followUpUptake),
});
export type WordMetrics = z.infer<typeof wordMetrics>;

type Span = { startMs: number; endMs: number };

/** Speaking time of words in order: their spans, with gaps shorter than WORD_PAUSE_MS counted as speech. */
export function speakingTime(words: readonly TimedWord[]): number | null {
  const spans = words.filter((w) => w.startMs !== null && w.endMs !== null) as (TimedWord & Span)[];
  if (spans.length === 0 || spans.length < words.length) return null;
  let total = 0;
  let run: Span | null = null;
  for (const w of spans) {
    if (run && w.startMs - run.endMs < WORD_PAUSE_MS) run.endMs = Math.max(run.endMs, w.endMs);
    else {
      if (run) total += run.endMs - run.startMs;
      run = { startMs: w.startMs, endMs: w.endMs };
    }
  }
  if (run) total += run.endMs - run.startMs;
  return total;
}

const perMinute = (count: number, speakingMs: number | null) =>
  speakingMs === null || speakingMs <= 0 ? null : Math.round((count / (speakingMs / 60_000)) * 10) / 10;

/** Words of the question itself that say nothing about its topic. */
const QUESTION_WORDS = new Set(
  'walk me through tell explain describe happen happens make think know mean want need consider suppose imagine case give example talk would could kind sort most often common commonly people introduce use'.split(
    ' ',
  ),
);

/** Content words of a follow-up (its "key terms"), lower case, in order, one per stem. */
export function keyTerms(text: string): string[] {
  const tokens = tokenise([{ text, startMs: null, endMs: null, estimated: false }]);
  const byStem = new Map<string, string>();
  for (const t of tokens)
    if (t.stem && !STOPWORDS.has(t.lower) && !QUESTION_WORDS.has(t.lower) && t.lower.length > 1 && !byStem.has(t.stem))
      byStem.set(t.stem, t.lower);
  return [...byStem.values()];
}

/** The candidate's words: after the answer cue and not while the app was speaking a follow-up. */
export function candidateWords(words: readonly TimedWord[], answerCueMs: number, appSpeaking: readonly Span[]) {
  return words.filter((w) => {
    if (w.startMs === null || w.endMs === null) return true;
    const mid = (w.startMs + w.endMs) / 2;
    if (mid < answerCueMs) return false;
    return !appSpeaking.some((s) => mid >= s.startMs && mid <= s.endMs);
  });
}

export function computeWordMetrics(input: WordMetricsInput): WordMetrics {
  const parsed = wordMetricsInput.parse(input);
  const metrics = computeFromWords(wordsFromSegments(parsed.segments), parsed.answerCueMs, parsed.followUps);
  return { ...metrics, fillers: { ...metrics.fillers, hesitationsTranscribed: parsed.hesitationsTranscribed } };
}

/** The same metrics for words that are already laid out (also plain text, whose words have no times). */
export function computeFromWords(
  allWords: readonly TimedWord[],
  answerCueMs = 0,
  followUps: z.infer<typeof wordMetricsInput>['followUps'] = [],
): WordMetrics {
  const asked = followUps
    .filter((f) => f.spokenStartMs !== null)
    .sort((a, b) => a.spokenStartMs! - b.spokenStartMs!) as (z.infer<typeof wordMetricsInput>['followUps'][number] & {
    spokenStartMs: number;
  })[];
  const appSpeaking = asked.map((f) => ({ startMs: f.spokenStartMs, endMs: f.spokenEndMs ?? f.spokenStartMs }));
  const words = candidateWords(allWords, answerCueMs, appSpeaking);
  const tokens = tokenise(words);
  const speakingMs = speakingTime(words);
  const occurrencesOf = <K extends string>(hits: Hit<K>[]) =>
    hits.map((h) => ({
      kind: h.kind,
      text: textOf(words, tokens, h.first, h.last),
      startMs: words[tokens[h.first]!.word]!.startMs,
    }));
  const fillerHits = findFillers(tokens);
  const hedgeHits = findHedges(tokens);
  const repetitionHits = findRepetitions(tokens);
  const restartHits = findRestarts(tokens);
  const fillerCounts = Object.fromEntries(fillerKinds.map((k) => [k, fillerHits.filter((h) => h.kind === k).length]));
  const hedgeCounts = Object.fromEntries(hedgeKinds.map((k) => [k, hedgeHits.filter((h) => h.kind === k).length]));
  const isContent = (t: Token) => !STOPWORDS.has(t.lower);

  const phaseStarts: { followUpIndex: number | null; startMs: number | null }[] = [
    { followUpIndex: null, startMs: null },
    ...asked.map((f) => ({ followUpIndex: f.index, startMs: f.spokenStartMs })),
  ];
  const phases = phaseStarts.map((phase, p) => {
    const next = phaseStarts[p + 1]?.startMs ?? Infinity;
    const from = phase.startMs ?? -Infinity;
    const inPhase = words.filter((w) => w.startMs === null || (w.startMs >= from && w.startMs < next));
    const phaseWords = words.some((w) => w.startMs === null) ? (p === 0 ? words : []) : inPhase;
    const phaseMs = speakingTime(phaseWords);
    return {
      followUpIndex: phase.followUpIndex,
      startMs: phase.startMs,
      wordCount: phaseWords.length,
      speakingMs: phaseMs,
      wordsPerMinute: perMinute(phaseWords.length, phaseMs),
    };
  });

  return {
    wordCount: words.length,
    speakingMs,
    wordsPerMinute: perMinute(words.length, speakingMs),
    timesEstimated: words.some((w) => w.estimated),
    phases,
    fillers: {
      total: fillerHits.length,
      perMinute: perMinute(fillerHits.length, speakingMs),
      share: words.length ? Math.round((fillerWordCount(fillerHits) / words.length) * 1000) / 1000 : null,
      counts: fillerCounts as WordMetrics['fillers']['counts'],
      occurrences: occurrencesOf(fillerHits),
      hesitationsTranscribed: null,
    },
    hedges: {
      total: hedgeHits.length,
      perMinute: perMinute(hedgeHits.length, speakingMs),
      counts: hedgeCounts as WordMetrics['hedges']['counts'],
      occurrences: occurrencesOf(hedgeHits),
    },
    repetitions: {
      count: repetitionHits.length,
      occurrences: occurrencesOf(repetitionHits).map(({ kind: _k, ...o }) => o),
    },
    restarts: { count: restartHits.length, occurrences: occurrencesOf(restartHits).map(({ kind: _k, ...o }) => o) },
    repeatedPhrases: findRepeatedPhrases(tokens, isContent).map(({ phrase, count }) => ({ phrase, count })),
    followUps: asked.map((f, i) => uptake(f, words, asked[i + 1]?.spokenStartMs ?? Infinity)),
  };
}

/** "you know" is two words of filler: the share counts words, not occurrences. */
const fillerWordCount = (hits: Hit<string>[]) => hits.reduce((n, h) => n + (h.kind.includes(' ') ? 2 : 1), 0);

function textOf(words: readonly TimedWord[], tokens: readonly Token[], first: number, last: number): string {
  const a = tokens[first]!.word;
  const b = tokens[last]!.word;
  return words
    .slice(a, b + 1)
    .map((w) => w.text)
    .join(' ')
    .replace(/[,;:.?!]+$/, '');
}

function uptake(
  followUp: { index: number; text: string; spokenStartMs: number; spokenEndMs: number | null },
  words: readonly TimedWord[],
  nextAskedMs: number,
): FollowUpUptake {
  const askedEnd = followUp.spokenEndMs ?? followUp.spokenStartMs;
  const reply = words.filter((w) => w.startMs !== null && w.startMs >= askedEnd && w.startMs < nextAskedMs);
  const terms = keyTerms(followUp.text);
  if (reply.length === 0) {
    return {
      index: followUp.index,
      msToFirstWord: null,
      keyTerms: terms,
      matchedTerms: [],
      firstSentence: null,
      answeredExactFollowUp: null,
    };
  }
  const sentence: TimedWord[] = [];
  for (const w of reply) {
    const previous = sentence[sentence.length - 1];
    if (previous && w.startMs! - previous.endMs! >= WORD_PAUSE_MS) break;
    sentence.push(w);
    if (/[.?!]["')\]]*$/.test(w.text) || sentence.length >= FIRST_SENTENCE_MAX_WORDS) break;
  }
  const said = new Set(tokenise(sentence).map((t) => t.stem));
  const matched = terms.filter((t) => said.has(stem(t)));
  const needed = terms.length <= 2 ? 1 : 2;
  return {
    index: followUp.index,
    msToFirstWord: reply[0]!.startMs! - askedEnd,
    keyTerms: terms,
    matchedTerms: matched,
    firstSentence: sentence.map((w) => w.text).join(' '),
    answeredExactFollowUp: terms.length === 0 ? null : matched.length >= needed,
  };
}
