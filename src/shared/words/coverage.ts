/**
 * Which expected points a transcript covers, with the words that show it and where they are on
 * the recording. A suggestion only: the review's checklist counts the user's own ticks. The rules
 * are in docs/content-format.md ("Cues") and docs/metrics.md ("Coverage"); precision matters more
 * than recall, because a false "covered" teaches the wrong lesson.
 */
import { z } from 'zod';
import type { TranscriptSegment } from '../transcript';
import {
  NEGATIONS,
  STOPWORDS,
  normalise,
  stem,
  tokenise,
  wordsFromSegments,
  type TimedWord,
  type Token,
} from './tokens';

/** Every cue of a point must be said within this many words of each other. */
export const EVIDENCE_WINDOW_WORDS = 40;
/** Words allowed between two words of one cue phrase ("subtract max" is said as "subtract the row max"). */
export const CUE_GAP = 2;
/** Without cues: the share of the point's content words that must be said within one window. */
export const CONTENT_WORD_SHARE = 0.75;

export const expectedPoint = z.object({
  text: z.string().min(1),
  /** Each cue is one idea the answer must mention; alternatives are separated by "|". */
  cues: z.array(z.string().min(1)).default([]),
});
export type ExpectedPoint = z.input<typeof expectedPoint>;

export const pointCoverage = z.object({
  index: z.number().int().min(0),
  text: z.string(),
  covered: z.boolean(),
  /** The words that show it, as spoken (null when not covered). */
  evidence: z.string().nullable(),
  /** Where the evidence is on the recording (null without word times or when not covered). */
  evidenceStartMs: z.number().int().min(0).nullable(),
  evidenceEndMs: z.number().int().min(0).nullable(),
  /** The evidence times were spread evenly over a segment (the model gave no word times). */
  evidenceEstimated: z.boolean(),
  /** Cues the point was matched on: its own cues, or its content words when it has none. */
  method: z.enum(['cues', 'content-words']),
  /** What was found (the cue alternatives or content words), in the point's order. */
  matched: z.array(z.string()),
  /** What was looked for and not found near the rest. */
  missing: z.array(z.string()),
});
export type PointCoverage = z.infer<typeof pointCoverage>;

/** One thing to find: alternatives, each a sequence of stems. */
/** `negated`: the phrase may follow a negation and still count (see AVOIDING). */
type Need = { label: string; alternatives: { stems: string[]; negated: boolean }[] };
type Match = { need: number; first: number; last: number };

/**
 * Stems of a cue phrase, function words included: "same timestamp" must be said as that, not as
 * any "timestamp" (the words between may differ, up to CUE_GAP of them).
 */
function phraseStems(phrase: string): string[] {
  return normalise(phrase).map(stem);
}

/** `distinctive`: needs of which at least `distinctiveRequired` must be among those said. */
type Plan = {
  needs: Need[];
  method: PointCoverage['method'];
  required: number;
  distinctive: number[];
  distinctiveRequired: number;
};

/**
 * A point about avoiding something ("sentinels avoid edge cases", "the gradient does not vanish")
 * is said with negations ("so no edge cases", "it never vanishes"): for such a point a negation
 * before a word does not deny it.
 */
const AVOIDING = new Set(
  ['avoid', 'prevent', 'stop', 'no', 'not', 'never', 'without', 'guard', 'protect', 'eliminat', 'remov'].map(stem),
);
const isAvoiding = (text: string) => normalise(text).some((w) => AVOIDING.has(stem(w)));

function cueNeed(cue: string, avoiding: boolean): Need {
  return {
    label: cue,
    alternatives: cue
      .split('|')
      .map((a) => a.trim())
      .filter(Boolean)
      .map((a) => {
        const stems = phraseStems(a);
        return { stems, negated: avoiding || stems.some((s) => NEGATIONS.has(s)) };
      }),
  };
}

/** Content words of a point's text (no function words, none of GENERIC), one per stem. */
function contentWords(text: string): string[] {
  const byStem = new Map<string, string>();
  for (const w of normalise(text))
    if (!STOPWORDS.has(w) && !GENERIC.has(w) && w.length > 1 && !byStem.has(stem(w))) byStem.set(stem(w), w);
  return [...byStem.values()];
}

/**
 * What must be said for a point. With cues: every cue. Without: most of its content words
 * (CONTENT_WORD_SHARE), and among them every word that sets it apart from the round's other points
 * and its prompt (a point's distinctive words), so "eviction also deletes the key from the hash
 * map" is not covered by an answer that only says "evict … key … hash map".
 */
function planFor(point: z.infer<typeof expectedPoint>, sharedStems: ReadonlySet<string>): Plan {
  if (point.cues.length > 0) {
    const needs = point.cues.map((cue) => cueNeed(cue, isAvoiding(point.text)));
    return { needs, method: 'cues', required: needs.length, distinctive: [], distinctiveRequired: 0 };
  }
  const words = contentWords(point.text);
  const avoiding = isAvoiding(point.text);
  const needs = words.map((w) => ({ label: w, alternatives: [{ stems: [stem(w)], negated: avoiding }] }));
  const distinctive = words.map((w, n) => (sharedStems.has(stem(w)) ? -1 : n)).filter((n) => n >= 0);
  return {
    needs,
    method: 'content-words',
    required: contentWordsRequired(words.length),
    distinctive,
    // Up to three distinctive words: all of them; more: most of them.
    distinctiveRequired:
      distinctive.length <= 3 ? distinctive.length : Math.ceil(distinctive.length * CONTENT_WORD_SHARE),
  };
}

/** Words of expected points that say how, not what ("state the complexity"): not evidence on their own. */
const GENERIC = new Set(
  'state mention explain handle use using also both way approach avoid clarify discuss describe include including whether rather instead within then'.split(
    ' ',
  ),
);

/** Every place one alternative is said: its stems in order, at most CUE_GAP words apart. */
function findAlternative(
  tokens: readonly Token[],
  content: readonly number[],
  stems: string[],
  negated: boolean,
): Match[] {
  const found: Match[] = [];
  for (let c = 0; c < content.length; c++) {
    if (tokens[content[c]!]!.stem !== stems[0]) continue;
    let at = c;
    let ok = true;
    for (let k = 1; k < stems.length && ok; k++) {
      ok = false;
      for (let g = 1; g <= CUE_GAP + 1 && at + g < content.length; g++) {
        if (tokens[content[at + g]!]!.stem === stems[k]) {
          at += g;
          ok = true;
          break;
        }
      }
    }
    if (!ok) continue;
    const first = content[c]!;
    // "not a hash map", "without subtracting the max": said, but denied.
    if (!negated && deniedBefore(tokens, first)) continue;
    found.push({ need: -1, first, last: content[at]! });
  }
  return found;
}

function deniedBefore(tokens: readonly Token[], first: number): boolean {
  for (let i = first - 1; i >= Math.max(0, first - 3); i--) {
    if (tokens[i]!.sentenceEnd) return false;
    if (NEGATIONS.has(tokens[i]!.lower)) return true;
  }
  return false;
}

/** The shortest stretch that holds one match of every need in `chosen` (null if none fits the window). */
function tightest(
  matches: Match[][],
  chosen: number[],
  tokens: readonly Token[],
): { first: number; last: number } | null {
  const pool = chosen.flatMap((n) => matches[n]!.map((m) => ({ ...m, need: n }))).sort((a, b) => a.first - b.first);
  let best: { first: number; last: number } | null = null;
  const wordOf = (i: number) => tokens[i]!.word;
  for (let i = 0; i < pool.length; i++) {
    const seen = new Map<number, Match>();
    for (let j = i; j < pool.length; j++) {
      const m = pool[j]!;
      if (wordOf(m.first) - wordOf(pool[i]!.first) > EVIDENCE_WINDOW_WORDS) break;
      if (!seen.has(m.need)) seen.set(m.need, m);
      if (seen.size === chosen.length) {
        const last = Math.max(...[...seen.values()].map((s) => s.last));
        const span = { first: pool[i]!.first, last };
        if (wordOf(last) - wordOf(span.first) <= EVIDENCE_WINDOW_WORDS) {
          if (!best || wordOf(span.last) - wordOf(span.first) < wordOf(best.last) - wordOf(best.first)) best = span;
        }
        break;
      }
    }
  }
  return best;
}

/** Coverage of each expected point, in the points' order, for words laid out on the recording. */
export function coverageOfWords(
  points: readonly ExpectedPoint[],
  words: readonly TimedWord[],
  options: { prompt?: string } = {},
): PointCoverage[] {
  const tokens = tokenise(words);
  // Every token that is a word (a bare dash is not): cue phrases are matched on all of them.
  const content = tokens.map((t, i) => (t.stem ? i : -1)).filter((i) => i >= 0);
  const parsed = points.map((p) => expectedPoint.parse(p));
  const stemsOf = (text: string) => new Set(contentWords(text).map(stem));
  const pointStems = parsed.map((p) => stemsOf(p.text));
  const promptStems = stemsOf(options.prompt ?? '');
  return parsed.map((point, index) => {
    const shared = new Set([...promptStems, ...pointStems.filter((_, i) => i !== index).flatMap((s) => [...s])]);
    const { needs, method, required, distinctive, distinctiveRequired } = planFor(point, shared);
    const matches = needs.map((need) =>
      need.alternatives.flatMap((a) => findAlternative(tokens, content, a.stems, a.negated)),
    );
    const said = needs.map((_, n) => n).filter((n) => matches[n]!.length > 0);
    let span: { first: number; last: number } | null = null;
    let chosen: number[] = [];
    const enoughDistinctive = (set: number[]) =>
      set.filter((n) => distinctive.includes(n)).length >= distinctiveRequired;
    if (needs.length > 0 && said.length >= required) {
      // With cues, every cue; without, the largest set of content words that fits one window.
      const sets = method === 'cues' ? [said] : subsetsBySize(said, required).filter(enoughDistinctive);
      for (const set of sets) {
        span = tightest(matches, set, tokens);
        if (span) {
          chosen = set;
          break;
        }
      }
    }
    const base = { index, text: point.text, method };
    if (!span) {
      return {
        ...base,
        covered: false,
        evidence: null,
        evidenceStartMs: null,
        evidenceEndMs: null,
        evidenceEstimated: false,
        matched: said.map((n) => needs[n]!.label),
        missing: needs.filter((_, n) => !said.includes(n)).map((n) => n.label),
      };
    }
    const firstWord = tokens[span.first]!.word;
    const lastWord = tokens[span.last]!.word;
    const evidenceWords = words.slice(firstWord, lastWord + 1);
    return {
      ...base,
      covered: true,
      evidence: evidenceWords.map((w) => w.text).join(' '),
      evidenceStartMs: words[firstWord]!.startMs,
      evidenceEndMs: words[lastWord]!.endMs,
      evidenceEstimated: evidenceWords.some((w) => w.estimated),
      matched: chosen.map((n) => needs[n]!.label),
      missing: needs.filter((_, n) => !chosen.includes(n)).map((n) => n.label),
    };
  });
}

function contentWordsRequired(n: number): number {
  if (n <= 2) return n;
  return Math.max(2, Math.ceil(n * CONTENT_WORD_SHARE));
}

/** Sets of `said` of size `required` and larger, largest first, capped so long points stay cheap. */
function subsetsBySize(said: number[], required: number): number[][] {
  const out: number[][] = [said];
  if (said.length === required) return out;
  // Dropping one or two words covers what a window can miss; more than that is not worth the search.
  for (let drop = 1; drop <= Math.min(2, said.length - required); drop++) {
    const combos = (start: number, left: number, current: number[]): void => {
      if (out.length > 200) return;
      if (left === 0) {
        out.push(said.filter((n) => !current.includes(n)));
        return;
      }
      for (let i = start; i < said.length; i++) combos(i + 1, left - 1, [...current, said[i]!]);
    };
    combos(0, drop, []);
  }
  return out;
}

/** Coverage of each expected point in a round's transcript. */
export function computeCoverage(
  points: readonly ExpectedPoint[],
  segments: readonly TranscriptSegment[],
  options: { prompt?: string } = {},
): PointCoverage[] {
  return coverageOfWords(points, wordsFromSegments(segments), options);
}

/** The points of a round as its frozen answers hold them (`RoundAnswers`: lines and cues side by side). */
export function expectedPointsOf(answers: {
  expectedPoints: readonly string[];
  expectedPointCues?: readonly (readonly string[])[];
}): ExpectedPoint[] {
  return answers.expectedPoints.map((text, i) => ({ text, cues: [...(answers.expectedPointCues?.[i] ?? [])] }));
}
