/**
 * What an expected point needs to be heard (coverage.ts): its cue families (paraphrases of each
 * idea, "why:" explanations, "not:" misuses, opposite predicates), which of them are its own words
 * rather than the prompt's or another point's, and the stems of its idea (text and reference
 * answer). Rules in docs/metrics.md ("Coverage") and docs/content-format.md ("Cues").
 */
import { z } from 'zod';
import { paraphrasesOf } from './coverage-paraphrases';
import { oppositesOf } from './coverage-opposites';
import { ideaStems } from './coverage-support';
import { NEGATIONS, STOPWORDS, normalise, stem, type Token } from './tokens';

/** Without cues: the share of the point's content words that must be said within one window. */
export const CONTENT_WORD_SHARE = 0.75;
/** A cue prefixed "why:" is an explanation (mechanism or consequence); "not:" a misuse that voids the point. */
export const EXPLAIN_PREFIX = 'why:';
export const AGAINST_PREFIX = 'not:';

export const expectedPoint = z.object({
  text: z.string().min(1),
  /** Each cue is one idea the answer must mention; alternatives are separated by "|". */
  cues: z.array(z.string().min(1)).default([]),
});
export type ExpectedPoint = z.input<typeof expectedPoint>;

export type Alternative = { stems: string[]; negated: boolean };
export type Family = { label: string; alternatives: Alternative[] };
/** What a point needs: `required` families for "clear", of which `distinctiveClear` distinctive. */
export type Plan = {
  families: Family[];
  explain: Family[];
  against: Family[];
  /** Predicates that contradict the point ("blows up" for a gradient that vanishes): no clear beside its terms. */
  opposite: Family[];
  method: 'cues' | 'content-words';
  required: number;
  distinctive: number[];
  distinctiveClear: number;
  /** A single family must be explained in its own sentence to be clear. */
  needsExplaining: boolean;
  /** Stems of the point's text and reference answer (coverage-support.ts). */
  idea: Set<string>;
  /** A reference answer was given: the idea is rich enough to ask SUPPORT_WORDS of it. */
  reference: boolean;
};

/**
 * A point about avoiding something ("sentinels avoid edge cases", "the gradient does not vanish")
 * is said with negations ("so no edge cases", "it never vanishes"): for such a point a negation
 * before a word does not deny it.
 */
const AVOIDING = new Set(
  ['avoid', 'prevent', 'stop', 'no', 'not', 'never', 'without', 'guard', 'protect', 'eliminat', 'remov'].map(stem),
);
/** "not only the headline": the negation widens the point rather than saying it avoids something. */
const WIDENS = new Set(['only', 'just', 'merely', 'simply']);
/**
 * "protected by a lock": what follows is kept, not avoided; "history not passed back": a "not" or
 * "never" negates what came before it. Either way the point does not say which cue it avoids.
 */
const UNCLEAR_OBJECT = new Set(['guard', 'protect', 'not', 'never'].map(stem));

/**
 * What a point avoids, when its text says it: the words after its first avoiding word ("edge
 * cases" in "sentinel nodes to avoid edge cases"). Only cues naming those, and its "why:"
 * consequences, are said with a negation; "you do not need sentinel nodes" still denies the
 * sentinel. `all` when every cue may be said with one: the avoiding word ends the point or its
 * object is unclear (UNCLEAR_OBJECT).
 */
function avoidedStems(text: string): Set<string> | 'all' | null {
  const words = normalise(text);
  const at = words.findIndex((w, i) => AVOIDING.has(stem(w)) && !WIDENS.has(words[i + 1] ?? ''));
  if (at < 0) return null;
  const after = words.slice(at + 1).filter((w) => !STOPWORDS.has(w));
  if (after.length === 0 || words.some((w) => UNCLEAR_OBJECT.has(stem(w)))) return 'all';
  return new Set(after.map(stem));
}
/** Whether a cue may be said with a negation: it names what the point avoids. */
function saidNegated(cue: string, avoided: ReturnType<typeof avoidedStems>): boolean {
  if (avoided === null || avoided === 'all') return avoided === 'all';
  return cue.split('|').some((a) => normalise(a).some((w) => avoided.has(stem(w))));
}

/** Words of expected points that say how, not what ("state the complexity"): not evidence on their own. */
const GENERIC = new Set(
  'state mention explain handle use using also both way approach avoid clarify discuss describe include including whether rather instead within then'.split(
    ' ',
  ),
);
export const isContent = (t: Token) => t.stem !== '' && !STOPWORDS.has(t.lower) && t.lower.length > 1;
/**
 * Everyday words a cue may list as one way to say an idea ("better", "wrong", "change") but that
 * alone do not show the point was heard: a hit made only of them is not the point's own words.
 */
export const COMMON = new Set(
  (
    'better good bad wrong right different same small large big new old high low less first last best worst ' +
    'part kind lot work use make get take give time number value data model result problem issue question ' +
    'answer people team change now always never often usually want need try look find see know think mean ' +
    'help start end set keep show run call case point idea reason fact step level size type order ' +
    // Units: "forty gigabytes" is a number's unit, not the point's idea.
    'byte kb kib kilobyte mb mib megabyte gb gib gigabyte tb terabyte second ms millisecond minute hour % time x'
  )
    .split(' ')
    .map(stem),
);

/** Stems too everyday to carry a point's idea. */
export const isIgnored = (s: string) => COMMON.has(s) || GENERIC.has(s);

function family(cue: string, avoiding: boolean, expand: boolean): Family {
  const alternatives = cue
    .split('|')
    .map((a) => a.trim())
    .filter(Boolean)
    .flatMap((a) => (expand ? paraphrasesOf(a) : [a]))
    .map((a) => {
      const stems = normalise(a).map(stem);
      return { stems, negated: avoiding || stems.some((s) => NEGATIONS.has(s)) };
    });
  return { label: cue, alternatives };
}

/** Content words of a point's text (no function words, none of GENERIC), one per stem. */
function contentWords(text: string): string[] {
  const byStem = new Map<string, string>();
  for (const w of normalise(text))
    if (!STOPWORDS.has(w) && !GENERIC.has(w) && w.length > 1 && !byStem.has(stem(w))) byStem.set(stem(w), w);
  return [...byStem.values()];
}

const strip = (cue: string, prefix: string) => cue.slice(prefix.length).trim();

export function planFor(point: z.infer<typeof expectedPoint>, shared: ReadonlySet<string>, reference = ''): Plan {
  const idea = ideaStems([point.text, reference], isIgnored);
  const avoided = avoidedStems(point.text);
  const avoiding = avoided !== null;
  const cues = point.cues.filter((c) => !c.startsWith(EXPLAIN_PREFIX) && !c.startsWith(AGAINST_PREFIX));
  const explain = point.cues
    .filter((c) => c.startsWith(EXPLAIN_PREFIX))
    .map((c) => family(strip(c, EXPLAIN_PREFIX), avoiding, true));
  const against = point.cues
    .filter((c) => c.startsWith(AGAINST_PREFIX))
    .map((c) => family(strip(c, AGAINST_PREFIX), false, false));
  const opposites = oppositesOf(point.text, point.cues);
  const opposite = opposites.length > 0 ? [family(opposites.join('|'), false, false)] : [];
  if (cues.length > 0) {
    const families = cues.map((c) => family(c, saidNegated(c, avoided), true));
    // A family is distinctive when one of the cue's own phrases says more than the prompt and the other points.
    const distinctive = cues
      .map((c, n) =>
        family(c, avoiding, false).alternatives.some((a) => a.stems.some((s) => !shared.has(s) && !STOPWORDS.has(s)))
          ? n
          : -1,
      )
      .filter((n) => n >= 0);
    return {
      families,
      explain,
      against,
      opposite,
      method: 'cues',
      // Three or more ideas: one may be said in words no family holds.
      // Clear needs every idea of the point: a missing one leaves the interviewer a question to ask.
      required: families.length,
      distinctive,
      distinctiveClear: 0,
      needsExplaining: true,
      idea,
      reference: reference.trim() !== '',
    };
  }
  const words = contentWords(point.text);
  const families = words.map((w) => ({ label: w, alternatives: [{ stems: [stem(w)], negated: avoiding }] }));
  const distinctive = words.map((w, n) => (shared.has(stem(w)) ? -1 : n)).filter((n) => n >= 0);
  return {
    families,
    explain,
    against,
    opposite,
    method: 'content-words',
    required: words.length <= 2 ? words.length : Math.max(2, Math.ceil(words.length * CONTENT_WORD_SHARE)),
    distinctive,
    // Up to three distinctive words: all of them; more: most of them.
    distinctiveClear: distinctive.length <= 3 ? distinctive.length : Math.ceil(distinctive.length * CONTENT_WORD_SHARE),
    needsExplaining: words.length === 1,
    idea,
    reference: reference.trim() !== '',
  };
}

/** The prompt's and the round's other points' words: stems, and their texts as stem sequences. */
export type SharedWords = ReadonlySet<string> & { text?: string };

/**
 * Whether a phrase (as stems) is the point's own evidence: a word of it that is not the prompt's,
 * another point's or an everyday word (one letter or digit, "k" or "2", is too small to count), or
 * a phrase of several words the prompt and the other points never say as such ("4 kib", "o of 1").
 */
export function isOwnPhrase(stems: readonly string[], shared: SharedWords): boolean {
  const content = stems.filter((st) => !STOPWORDS.has(st));
  if (content.some((st) => st.length > 1 && !shared.has(st) && !COMMON.has(st))) return true;
  return stems.length > 1 && !(shared.text ?? '').includes(` ${stems.join(' ')} `);
}

/** Stems of the prompt and of every point but `index`, as a set and as text. */
export function sharedWords(prompt: string, points: readonly { text: string }[], index: number): SharedWords {
  const texts = [prompt, ...points.filter((_, i) => i !== index).map((p) => p.text)];
  const set: Set<string> & { text?: string } = new Set(texts.flatMap((t) => contentWords(t).map(stem)));
  set.text = ` ${texts.map((t) => normalise(t).map(stem).join(' ')).join(' | ')} `;
  return set;
}
