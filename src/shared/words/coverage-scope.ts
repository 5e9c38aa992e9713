/**
 * Where a spoken word sits for the coverage matcher: its sentence (evidence must fall within a
 * sentence or two), its clause, and whether the answer denies it ("seeds don't matter", "instead
 * of sharding", "no need to normalise"). Rules in docs/metrics.md ("Coverage").
 */
import { stem, type Token } from './tokens';

/** A transcript without full stops is cut into sentences of at most this many words. */
export const MAX_SENTENCE_WORDS = 35;

/** Words that open a new clause: a denial before them does not reach past them. */
const CLAUSE_OPENERS = new Set(['but', 'however', 'whereas', 'although', 'though', 'because', 'so', 'which', 'yet']);

export type Layout = { sentence: number[]; clause: number[]; sentences: number };

/** Sentence and clause number of every token. */
export function layout(tokens: readonly Token[], words: readonly { text: string }[] = []): Layout {
  const sentence: number[] = [];
  const clause: number[] = [];
  let s = 0,
    c = 0,
    wordsInSentence = 0,
    lastWord = -1;
  tokens.forEach((t, i) => {
    if (i > 0 && CLAUSE_OPENERS.has(t.lower)) c++;
    sentence.push(s);
    clause.push(c);
    if (t.word !== lastWord) wordsInSentence++;
    lastWord = t.word;
    const long = wordsInSentence >= MAX_SENTENCE_WORDS && (t.breakAfter || wordsInSentence >= MAX_SENTENCE_WORDS + 10);
    if (t.sentenceEnd || long) {
      s++;
      c++;
      wordsInSentence = 0;
      // A colon opens what the words before it announce ("ablations: take out each part…"), same clause.
    } else if (t.breakAfter && !/:["')\]]*$/.test(words[t.word]?.text ?? '')) c++;
  });
  return { sentence, clause, sentences: s + 1 };
}

/** Before a word, these deny it within its clause ("not", "without", "instead of", "no need to"). */
const DENY_BEFORE = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'hardly', 'barely', 'skip', 'avoid']);
/** "not only X", "not just X", "no matter": the word after is not denied. */
const NOT_DENIAL_AFTER = new Set(['only', 'just', 'merely', 'matter', 'doubt']);
/** After a word, these dismiss it ("seeds are overrated", "X is unnecessary"). */
const DISMISS_AFTER = new Set([
  'irrelevant',
  'unnecessary',
  'overrated',
  'pointless',
  'useless',
  'myth',
  'overkill',
  'negligible',
  'optional',
]);
/** "X does not matter", "X is not needed": not followed within two words by one of these. */
const NOT_NEEDED = new Set(
  [
    'matter',
    'necessary',
    'need',
    'needed',
    'important',
    'help',
    'required',
    'relevant',
    'useful',
    'worth',
    'work',
    'care',
    'deal',
    'bother',
    'anything',
    'concern',
    // "empty clusters don't happen", "it never comes up": the case is denied, not handled.
    'happen',
    'occur',
    'arise',
    'exist',
    'come',
  ].map((w) => w),
);
/** "…, but I'd skip that", "… I don't need it": a later clause of the sentence that drops what came before. */
const DROP_VERBS = new Set(['skip', 'drop', 'ignore', 'omit', 'leave', 'remove'].map(stem));
const NEEDED_VERBS = new Set(
  ['need', 'bother', 'worth', 'use', 'want', 'add', 'write', 'handle', 'implement', 'do'].map(stem),
);
const PRONOUNS = new Set(['that', 'it', 'this', 'them', 'those']);
/** Who drops a step, and the modals between them and the verb ("I'd skip", "we can drop"). */
const SPEAKERS = new Set(['i', 'we', 'you', 'd', 'would', 'can', 'could', 'll', 'will', 'should']);
const DENY_REACH_BEFORE = 8;
const DENY_REACH_LATER = 14;
const DENY_REACH_AFTER = 6;

/**
 * Whether the words from `first` to `last` are denied: a negation before them in their clause
 * (within DENY_REACH_BEFORE tokens), "instead of"/"rather than" right before, a dismissal after
 * them in their clause ("… doesn't matter", "… is overrated", "… isn't a big deal"), or a later
 * clause of their sentence that drops them ("…, but I'd skip that").
 */
export function isDenied(tokens: readonly Token[], at: Layout, first: number, last: number): boolean {
  const clauseOf = at.clause[first]!;
  for (let i = first - 1; i >= Math.max(0, first - DENY_REACH_BEFORE) && at.clause[i] === clauseOf; i--) {
    const w = tokens[i]!.lower;
    const next = tokens[i + 1]!.lower;
    if ((w === 'instead' && next === 'of') || (w === 'rather' && next === 'than')) return true;
    if (DENY_BEFORE.has(w) && !NOT_DENIAL_AFTER.has(next)) return true;
  }
  if (needDenied(tokens, at, first)) return true;
  if (droppedLater(tokens, at, last)) return true;
  // "Memory banks or queues I'd skip", "that step we can drop": a speaker drops what the clause named.
  for (
    let i = last + 1;
    i < Math.min(tokens.length, last + 1 + DENY_REACH_LATER) && at.clause[i] === at.clause[last];
    i++
  )
    if (DROP_VERBS.has(tokens[i]!.stem) && [i - 1, i - 2].some((k) => k > last && SPEAKERS.has(tokens[k]!.lower)))
      return true;
  const lastClause = at.clause[last]!;
  for (let i = last + 1; i < Math.min(tokens.length, last + 1 + DENY_REACH_AFTER) && at.clause[i] === lastClause; i++) {
    const w = tokens[i]!.lower;
    if (DISMISS_AFTER.has(w)) return true;
    if (w === 'not' || w === 'never') {
      for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) if (NOT_NEEDED.has(tokens[k]!.stem)) return true;
    }
  }
  return false;
}

/** "no need", "not worth", "no point in", "no reason to": a negated need. */
const NEED_WORDS = new Set(['need', 'bother', 'worth', 'necessary', 'point', 'reason'].map(stem));
/** How far back in its clause a negated need reaches ("I don't think we need to spend time on clarifying questions"). */
const NEED_REACH = 16;

/**
 * Whether a negated need comes before the word in its clause: "I don't think we need to spend time
 * on X", "there's no point in X". Past DENY_REACH_BEFORE words a bare "not" may belong to another
 * verb, but "not … need" dismisses the whole rest of the clause.
 */
function needDenied(tokens: readonly Token[], at: Layout, first: number): boolean {
  const clauseOf = at.clause[first]!;
  let need = -1;
  for (let i = first - 1; i >= Math.max(0, first - NEED_REACH) && at.clause[i] === clauseOf; i--) {
    if (NEED_WORDS.has(tokens[i]!.stem)) need = i;
    const negation = tokens[i]!.lower === 'not' || tokens[i]!.lower === 'no';
    if (need > i && need - i <= 4 && negation) return true;
  }
  return false;
}

/** Whether a later clause of the same sentence drops what was said: "skip that", "wouldn't bother with it". */
function droppedLater(tokens: readonly Token[], at: Layout, last: number): boolean {
  const sentence = at.sentence[last]!;
  for (let i = last + 1; i < Math.min(tokens.length, last + 1 + DENY_REACH_LATER) && at.sentence[i] === sentence; i++) {
    if (!PRONOUNS.has(tokens[i]!.lower)) continue;
    const before = [i - 1, i - 2, i - 3].filter((k) => k > last).map((k) => tokens[k]!);
    if (before.slice(0, 2).some((t) => DROP_VERBS.has(t.stem))) return true;
    const negated = [i - 1, i - 2, i - 3, i - 4, i - 5].some((k) => k > last && tokens[k]!.lower === 'not');
    if (negated && before.some((t) => NEEDED_VERBS.has(t.stem))) return true;
  }
  return false;
}

/** Words that tie a term to a mechanism or a consequence. */
const MECHANISM = new Set([
  'because',
  'since',
  'so',
  'therefore',
  'mean',
  'means',
  'which',
  'cause',
  'causes',
  'lead',
  'leads',
  'otherwise',
  'when',
  'if',
  'by',
  'until',
  'whereas',
  'while',
  'instead',
  'than',
  'each',
  'every',
  'per',
  'due',
  'thus',
  'hence',
]);
/** Content words a clause needs besides the term before it explains rather than names. */
export const EXPLAIN_WORDS = 5;

/**
 * Whether the words around the terms heard say something about them: their clauses hold
 * EXPLAIN_WORDS content words besides the terms, and their sentences (or the next) a word that ties
 * them to a mechanism or a consequence. "…, and ablations." only names it; so does "tiling and
 * SRAM,". When two ideas of the point are heard, their relation is the explanation, so
 * `needMechanism` is false and the words suffice.
 */
export function isExplained(
  tokens: readonly Token[],
  at: Layout,
  hits: readonly { first: number; last: number }[],
  isContent: (t: Token) => boolean,
  needMechanism = true,
): boolean {
  const clauses = new Set(hits.map((h) => at.clause[h.first]!));
  const inHit = (i: number) => hits.some((h) => i >= h.first && i <= h.last);
  const firstSentence = Math.min(...hits.map((h) => at.sentence[h.first]!));
  const lastSentence = Math.max(...hits.map((h) => at.sentence[h.last]!));
  let words = 0,
    mechanism = false;
  let start = Math.min(...hits.map((h) => h.first));
  while (start > 0 && at.sentence[start - 1] === firstSentence) start--;
  for (let i = start; i < tokens.length && at.sentence[i]! <= lastSentence + 1; i++) {
    const t = tokens[i]!;
    if (MECHANISM.has(t.lower)) mechanism = true;
    if (clauses.has(at.clause[i]!) && !inHit(i) && isContent(t)) words++;
  }
  // Each further idea of the point heard with the first is itself a word of explanation.
  if (isEnumeration(tokens, at, firstSentence, start)) return false;
  return words + hits.length - 1 >= EXPLAIN_WORDS && (mechanism || !needMechanism);
}

/** Clauses this short, three or more in one sentence, make it a list of names. */
const LIST_CLAUSE_WORDS = 6;

/**
 * Whether a sentence is an enumeration ("I'd check the traces, the tool outputs, the context and
 * the temperature"): three or more clauses split by commas, on average no longer than
 * LIST_CLAUSE_WORDS words. Terms in it are named, not explained.
 */
function isEnumeration(tokens: readonly Token[], at: Layout, sentence: number, from: number): boolean {
  const sizes = new Map<number, Set<number>>();
  let commas = 0;
  for (let i = from; i < tokens.length && at.sentence[i] === sentence; i++) {
    const c = at.clause[i]!;
    if (!sizes.has(c)) sizes.set(c, new Set());
    sizes.get(c)!.add(tokens[i]!.word);
    if (tokens[i]!.breakAfter) commas++;
  }
  if (commas < 2 || sizes.size < 3) return false;
  const words = [...sizes.values()].reduce((n, w) => n + w.size, 0);
  return words / sizes.size <= LIST_CLAUSE_WORDS;
}

/** Whether the words from `first` to `last` stand in a sentence that is a list of names. */
export function inList(tokens: readonly Token[], at: Layout, hit: { first: number }): boolean {
  const sentence = at.sentence[hit.first]!;
  let start = hit.first;
  while (start > 0 && at.sentence[start - 1] === sentence) start--;
  return isEnumeration(tokens, at, sentence, start);
}
