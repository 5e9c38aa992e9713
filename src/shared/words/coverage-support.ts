/**
 * A second signal for "clear", independent of the cue families: the point's idea in the words
 * around the evidence. The cues say that a term was heard; this says whether the sentence that
 * holds it talks about what the point and its reference answer talk about. A term in a sentence
 * about something else ("honestly" in a sentence about AI in general, "propensity" defined as
 * popularity) is heard, not explained. Rules in docs/metrics.md ("Coverage").
 */
import type { Layout } from './coverage-scope';
import { STOPWORDS, normalise, stem, type Token } from './tokens';

/** The stems that carry a point's idea: its text's and its reference answer's content words. */
export function ideaStems(texts: readonly string[], ignore: (stem: string) => boolean): Set<string> {
  const stems = new Set<string>();
  for (const text of texts)
    for (const w of normalise(text)) {
      const s = stem(w);
      if (s.length > 1 && !STOPWORDS.has(w) && !STOPWORDS.has(s) && !ignore(s)) stems.add(s);
    }
  return stems;
}

type Span = { first: number; last: number };

/** Distinct stems of the words in the sentences of `hits` that `keep` accepts. */
function stemsAround(
  tokens: readonly Token[],
  at: Layout,
  hits: readonly Span[],
  keep: (t: Token, i: number) => boolean,
): number {
  const sentences = new Set(hits.map((h) => at.sentence[h.first]!));
  const heard = new Set<string>();
  tokens.forEach((t, i) => {
    if (sentences.has(at.sentence[i]!) && keep(t, i)) heard.add(t.stem);
  });
  return heard.size;
}

/**
 * Distinct stems of the idea said in the evidence sentences outside the cue hits themselves: the
 * words that tie the term to the point rather than repeat it.
 */
export const ideaSupport = (tokens: readonly Token[], at: Layout, hits: readonly Span[], idea: ReadonlySet<string>) =>
  stemsAround(tokens, at, hits, (t, i) => idea.has(t.stem) && !hits.some((h) => i >= h.first && i <= h.last));

/**
 * Distinct content stems in the evidence sentences that are no term of any point of the round
 * (`terms`: the tokens any point's cue families matched) and not everyday words: what the speaker
 * says about the terms. A name-drop ("Then a re-ranking layer for diversity and freshness",
 * "For monitoring, evals plus TTFT") is all terms and has almost none.
 */
export const plainWords = (
  tokens: readonly Token[],
  at: Layout,
  hits: readonly Span[],
  terms: ReadonlySet<number>,
  isPlain: (t: Token) => boolean,
) => stemsAround(tokens, at, hits, (t, i) => !terms.has(i) && isPlain(t));

/** Words that open a definition after a term ("X means Y", "X, meaning Y", "X refers to Y"). */
const DEFINES_AFTER = new Set(['mean', 'means', 'meaning', 'refers', 'refer', 'stands']);
/** "where X is Y", "by X I mean Y": the term follows these. */
const DEFINES_BEFORE = new Set(['where', 'by']);
/** Words of a definition read at most this far, within its clause. */
const DEFINITION_WORDS = 8;

/**
 * Whether the answer defines one of the point's terms as something the point and its reference
 * answer never speak of ("the propensity is how popular the item is", "by escalation I mean the
 * bot raising its own permissions"): a definition of two or more content words of which at most
 * half are the idea's. The term used that way is a misuse, not an explanation.
 */
export function isMisdefined(
  tokens: readonly Token[],
  at: Layout,
  terms: readonly Span[],
  idea: ReadonlySet<string>,
  ignore: (stem: string) => boolean,
): boolean {
  return terms.some((h) => {
    let start = -1;
    const next = (i: number) => tokens[i]?.lower ?? '';
    // "X means Y", "X, meaning Y", "X refers to Y", "X I mean Y".
    for (let i = h.last + 1; i <= h.last + 3 && i < tokens.length; i++)
      if (DEFINES_AFTER.has(next(i))) {
        start = i + 1;
        break;
      }
    // "where (the) X is Y", "by X I mean Y".
    const before = [h.first - 1, h.first - 2].map(next);
    if (start < 0 && before.some((w) => DEFINES_BEFORE.has(w)))
      for (let i = h.last + 1; i <= h.last + 3 && i < tokens.length; i++)
        if (['is', 'are', 'mean', 'means'].includes(next(i))) {
          start = i + 1;
          break;
        }
    if (start < 0) return false;
    const said = new Set<string>();
    for (let i = start; i < tokens.length && i < start + DEFINITION_WORDS && at.clause[i] === at.clause[start]; i++) {
      const t = tokens[i]!;
      if (t.stem.length > 1 && !STOPWORDS.has(t.lower) && !STOPWORDS.has(t.stem) && !ignore(t.stem)) said.add(t.stem);
    }
    const ideaWords = [...said].filter((st) => idea.has(st)).length;
    return said.size >= 2 && ideaWords * 2 <= said.size;
  });
}
