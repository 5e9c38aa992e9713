/**
 * Speech habits found in a token stream: filler words, hedges, stutter repetitions, restarts and
 * phrases said over and over. Each rule is in docs/metrics.md ("Words"), and its tests hold one
 * example of every case, counted and not counted.
 */
import { z } from 'zod';
import type { Token } from './tokens';

export const fillerKinds = [
  'um',
  'uh',
  'like',
  'you know',
  'sort of',
  'kind of',
  'i mean',
  'basically',
  'actually',
] as const;
export const fillerKind = z.enum(fillerKinds);
export type FillerKind = z.infer<typeof fillerKind>;

export const hedgeKinds = [
  'i think',
  'i guess',
  'i believe',
  'i suppose',
  'i feel like',
  'maybe',
  'probably',
  'perhaps',
  'possibly',
  'not sure',
  'might',
] as const;
export const hedgeKind = z.enum(hedgeKinds);
export type HedgeKind = z.infer<typeof hedgeKind>;

/** One occurrence, as token indices [first, last] in the stream it was found in. */
export type Hit<K extends string> = { kind: K; first: number; last: number };

const UM = new Set(['um', 'umm', 'uhm', 'erm', 'hmm', 'mm']);
const UH = new Set(['uh', 'uhh', 'er', 'eh']);
/** "like" after these is a verb or a comparison ("I'd like", "looks like", "something like"). */
const LIKE_LICENSED = new Set(
  (
    'i you we they he she people would to do does did not really might will may could should ' +
    'look looks looked looking sound sounds seem seems seemed feel feels felt something anything nothing ' +
    'more much just exactly very most less kinda'
  ).split(' '),
);
/** "like" used as a quote ("he was like …") counts as a filler. */
const QUOTATIVE = new Set(['was', 'were', 'be', 'am']);
const DETERMINERS = new Set(
  'a an the this that what which each every any some one same different other 1 no'.split(' '),
);
const YOU_KNOW_LICENSED_BEFORE = new Set('do did does if as whether not would could might'.split(' '));
const YOU_KNOW_LICENSED_AFTER = new Set(
  'that what how why whether if where when who which the this about it'.split(' '),
);
const I_MEAN_LICENSED_AFTER = new Set('that it to is was'.split(' '));

/** Filler words. A token stream of the candidate's words only (the caller drops the app's). */
export function findFillers(tokens: readonly Token[]): Hit<FillerKind>[] {
  const hits: Hit<FillerKind>[] = [];
  const at = (i: number) => tokens[i]?.lower ?? '';
  for (let i = 0; i < tokens.length; i++) {
    const w = at(i);
    const prev = at(i - 1);
    const next = at(i + 1);
    if (UM.has(w)) hits.push({ kind: 'um', first: i, last: i });
    else if (UH.has(w)) hits.push({ kind: 'uh', first: i, last: i });
    else if (w === 'basically' || w === 'actually') hits.push({ kind: w, first: i, last: i });
    else if (w === 'like') {
      if (isFillerLike(tokens, i)) hits.push({ kind: 'like', first: i, last: i });
    } else if (w === 'you' && next === 'know') {
      if (
        !YOU_KNOW_LICENSED_BEFORE.has(prev) &&
        !YOU_KNOW_LICENSED_AFTER.has(at(i + 2)) &&
        !tokens[i + 1]!.sentenceEnd
      ) {
        hits.push({ kind: 'you know', first: i, last: i + 1 });
        i++;
      }
    } else if ((w === 'sort' || w === 'kind') && next === 'of') {
      // "a kind of index", "what sort of model": a noun, not a hedge-filler.
      if (!DETERMINERS.has(prev) && prev !== 'of') {
        hits.push({ kind: w === 'sort' ? 'sort of' : 'kind of', first: i, last: i + 1 });
        i++;
      }
    } else if (w === 'i' && next === 'mean') {
      // "I mean, it works" is a filler; "I mean it", "what I mean is" are not.
      const setOff = tokens[i + 1]!.breakAfter;
      if (prev !== 'what' && prev !== 'if' && (setOff || !I_MEAN_LICENSED_AFTER.has(at(i + 2)))) {
        hits.push({ kind: 'i mean', first: i, last: i + 1 });
        i++;
      }
    }
  }
  return hits;
}

function isFillerLike(tokens: readonly Token[], i: number): boolean {
  const prevToken = tokens[i - 1];
  const prev = prevToken?.lower ?? '';
  const here = tokens[i]!;
  const nextWord = tokens[i + 1]?.lower ?? '';
  if (nextWord === 'like' || prev === 'like') return true; // "like like"
  if (QUOTATIVE.has(prev)) return true;
  if (LIKE_LICENSED.has(prev)) return false;
  const setOff = here.breakAfter || here.sentenceEnd || !prevToken || prevToken.breakAfter || prevToken.sentenceEnd;
  if (setOff) return true;
  // "so like we", "and like the": after a conjunction or a filler, before the clause goes on.
  return ['and', 'so', 'but', 'um', 'uh', 'basically', 'actually', 'is', 'it'].includes(prev) && nextWord !== 'a';
}

/** Hedges: phrases that soften a claim. "sort of"/"kind of" count as fillers, not here. */
export function findHedges(tokens: readonly Token[]): Hit<HedgeKind>[] {
  const hits: Hit<HedgeKind>[] = [];
  const at = (i: number) => tokens[i]?.lower ?? '';
  for (let i = 0; i < tokens.length; i++) {
    const w = at(i);
    const next = at(i + 1);
    if (w === 'i' && ['think', 'guess', 'believe', 'suppose'].includes(next)) {
      hits.push({ kind: `i ${next}` as HedgeKind, first: i, last: i + 1 });
      i++;
    } else if (w === 'i' && next === 'feel' && at(i + 2) === 'like') {
      hits.push({ kind: 'i feel like', first: i, last: i + 2 });
      i += 2;
    } else if (w === 'not' && next === 'sure') {
      hits.push({ kind: 'not sure', first: i, last: i + 1 });
      i++;
    } else if (['maybe', 'probably', 'perhaps', 'possibly', 'might'].includes(w)) {
      hits.push({ kind: w as HedgeKind, first: i, last: i });
    }
  }
  return hits;
}

/**
 * Stutter repetitions: the same one to three words said twice in a row ("the the", "we could we
 * could"). Fillers repeated ("um um") are fillers, not repetitions.
 */
export function findRepetitions(tokens: readonly Token[]): Hit<'repetition'>[] {
  const hits: Hit<'repetition'>[] = [];
  let i = 0;
  while (i < tokens.length) {
    let found = 0;
    for (let n = 3; n >= 1; n--) {
      if (i + 2 * n > tokens.length) continue;
      let same = true;
      for (let k = 0; k < n && same; k++) same = tokens[i + k]!.lower === tokens[i + n + k]!.lower;
      if (!same) continue;
      const words = tokens.slice(i, i + n).map((t) => t.lower);
      if (words.every(Boolean) && !words.every((w) => UM.has(w) || UH.has(w))) {
        // "that that" as in "I know that that works" is grammatical: only flag it across a break.
        if (n === 1 && words[0] === 'that' && !tokens[i]!.breakAfter) continue;
        found = n;
        break;
      }
    }
    if (found) {
      hits.push({ kind: 'repetition', first: i, last: i + 2 * found - 1 });
      i += 2 * found;
    } else i++;
  }
  return hits;
}

/**
 * Restarts: a sentence begun and abandoned. A cut-off word or bare dash ("we reca- we
 * recompute", "so the — the idea"), or a short fragment of one or two words ended by a break and
 * started again with the same first word but a different second ("so we, so the idea is").
 */
export function findRestarts(tokens: readonly Token[]): Hit<'restart'>[] {
  const hits: Hit<'restart'>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cut) {
      hits.push({ kind: 'restart', first: i, last: i });
      continue;
    }
    for (const n of [1, 2]) {
      const end = tokens[i + n - 1];
      const again = tokens[i + n];
      if (!end?.breakAfter || !again || end.cut) continue;
      const sameStart = again.lower === t.lower && t.lower !== '';
      const exactRepeat = tokens.slice(i, i + n).every((x, k) => tokens[i + n + k]?.lower === x.lower);
      if (sameStart && !exactRepeat && n === 2) {
        hits.push({ kind: 'restart', first: i, last: i + n });
        i += n;
        break;
      }
    }
  }
  return hits;
}

/** At most this many repeated phrases are listed (the most frequent). */
export const MAX_REPEATED_PHRASES = 20;

/** Phrases of three or four words said at least `minCount` times (not all function words). */
export function findRepeatedPhrases(
  tokens: readonly Token[],
  isContent: (t: Token) => boolean,
  minCount = 3,
): { phrase: string; count: number; firsts: number[] }[] {
  const byLength = new Map<number, Map<string, number[]>>();
  for (const n of [4, 3]) {
    const found = new Map<string, number[]>();
    byLength.set(n, found);
    for (let i = 0; i + n <= tokens.length; i++) {
      let content = 0;
      let broken = false;
      for (let k = 0; k < n; k++) {
        if (isContent(tokens[i + k]!)) content++;
        if (k < n - 1 && tokens[i + k]!.sentenceEnd) broken = true;
      }
      if (content < 2 || broken) continue;
      let phrase = tokens[i]!.lower;
      for (let k = 1; k < n; k++) phrase += ` ${tokens[i + k]!.lower}`;
      const starts = found.get(phrase);
      // Overlapping occurrences ("a a a a") count once.
      if (!starts) found.set(phrase, [i]);
      else if (i >= starts[starts.length - 1]! + n) starts.push(i);
    }
  }
  const four = [...byLength.get(4)!.entries()].filter(([, s]) => s.length >= minCount);
  const three = [...byLength.get(3)!.entries()].filter(([, s]) => s.length >= minCount);
  // A three-word phrase at the start or end of a repeated four-word one is the same habit: keep the longer.
  const covered = new Map<string, number>();
  for (const [q, s] of four) {
    const words = q.split(' ');
    for (const part of [words.slice(0, 3).join(' '), words.slice(1).join(' ')])
      covered.set(part, Math.max(covered.get(part) ?? 0, s.length));
  }
  return [...four, ...three.filter(([p, s]) => (covered.get(p) ?? 0) < s.length)]
    .map(([phrase, firsts]) => ({ phrase, count: firsts.length, firsts }))
    .sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase))
    .slice(0, MAX_REPEATED_PHRASES);
}
