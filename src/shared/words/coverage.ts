/**
 * Which expected points a transcript covers, how surely, with the words that show it and where
 * they are on the recording. A suggestion only: the review's checklist counts the user's own
 * ticks. Three levels (docs/metrics.md, "Coverage"):
 * - "clear": the idea is said and tied to its mechanism or consequence, within a sentence or two,
 *   and not denied or contradicted. The only level that may stop an interviewer from asking.
 * - "mentioned": a term of the point is said (not denied), but not explained.
 * - "not-heard": neither.
 * Cues are families of paraphrases (docs/content-format.md, "Cues"); the words are compared as
 * stems of lemmas (tokens.ts, lemmas.ts), denial and windows come from coverage-scope.ts.
 */
import { z } from 'zod';
import type { TranscriptSegment } from '../transcript';
import { inList, isDenied, isExplained, layout, type Layout } from './coverage-scope';
import { paraphrasesOf } from './coverage-paraphrases';
import { oppositesOf } from './coverage-opposites';
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

/** Words allowed between two words of one cue phrase ("subtract max" is said as "subtract the row max"). */
export const CUE_GAP = 2;
/** Without cues: the share of the point's content words that must be said within one window. */
export const CONTENT_WORD_SHARE = 0.75;
/** Evidence for one point must fall within this many consecutive sentences. */
export const WINDOW_SENTENCES = 2;
/** A cue prefixed "why:" is an explanation (mechanism or consequence); "not:" a misuse that voids the point. */
export const EXPLAIN_PREFIX = 'why:';
export const AGAINST_PREFIX = 'not:';

export const expectedPoint = z.object({
  text: z.string().min(1),
  /** Each cue is one idea the answer must mention; alternatives are separated by "|". */
  cues: z.array(z.string().min(1)).default([]),
});
export type ExpectedPoint = z.input<typeof expectedPoint>;

export const coverageConfidence = z.enum(['clear', 'mentioned', 'not-heard']);
export type CoverageConfidence = z.infer<typeof coverageConfidence>;
/** How each level is said to the user (review, `coverage` command). */
export const CONFIDENCE_WORDS: Record<CoverageConfidence, string> = {
  clear: 'clearly covered',
  mentioned: 'mentioned',
  'not-heard': 'not heard',
};

export const pointCoverage = z.object({
  index: z.number().int().min(0),
  text: z.string(),
  /** "clear": said and explained; "mentioned": named only; "not-heard". Only "clear" may stop a follow-up. */
  confidence: coverageConfidence,
  /** The same as confidence === 'clear' (kept for readers of the yes/no suggestion). */
  covered: z.boolean(),
  /** The words that show it, as spoken (null when not heard). */
  evidence: z.string().nullable(),
  /** Where the evidence is on the recording (null without word times or when not heard). */
  evidenceStartMs: z.number().int().min(0).nullable(),
  evidenceEndMs: z.number().int().min(0).nullable(),
  /** The evidence times were spread evenly over a segment (the model gave no word times). */
  evidenceEstimated: z.boolean(),
  /** Cues the point was matched on: its own cues, or its content words when it has none. */
  method: z.enum(['cues', 'content-words']),
  /** What was found (the cues or content words), in the point's order. */
  matched: z.array(z.string()),
  /** What was looked for and not found near the rest. */
  missing: z.array(z.string()),
});
export type PointCoverage = z.infer<typeof pointCoverage>;

type Alternative = { stems: string[]; negated: boolean };
type Family = { label: string; alternatives: Alternative[] };
/** `distinct`: the words said are not the prompt's or another point's. */
type Hit = { first: number; last: number; distinct: boolean; denied: boolean };
/** What a point needs: `required` families for "clear", of which `distinctiveClear` distinctive. */
type Plan = {
  families: Family[];
  explain: Family[];
  against: Family[];
  /** Predicates that contradict the point ("blows up" for a gradient that vanishes): no clear beside its terms. */
  opposite: Family[];
  method: PointCoverage['method'];
  required: number;
  distinctive: number[];
  distinctiveClear: number;
  /** A single family must be explained in its own sentence to be clear. */
  needsExplaining: boolean;
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

/** Words of expected points that say how, not what ("state the complexity"): not evidence on their own. */
const GENERIC = new Set(
  'state mention explain handle use using also both way approach avoid clarify discuss describe include including whether rather instead within then'.split(
    ' ',
  ),
);
const isContent = (t: Token) => t.stem !== '' && !STOPWORDS.has(t.lower) && t.lower.length > 1;
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

function planFor(point: z.infer<typeof expectedPoint>, shared: ReadonlySet<string>): Plan {
  const avoiding = isAvoiding(point.text);
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
    const families = cues.map((c) => family(c, avoiding, true));
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
  };
}

/** Every place one family is said (`denied` when the answer denies it there): an alternative's stems in order, at most CUE_GAP words apart. */
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

function hitsOf(
  tokens: readonly Token[],
  content: readonly number[],
  at: Layout,
  f: Family,
  shared: SharedWords,
): Hit[] {
  const hits: Hit[] = [];
  for (const { stems, negated } of f.alternatives) {
    for (let c = 0; c < content.length; c++) {
      if (tokens[content[c]!]!.stem !== stems[0]) continue;
      let k = c,
        ok = true;
      for (let s = 1; s < stems.length && ok; s++) {
        ok = false;
        for (let g = 1; g <= CUE_GAP + 1 && k + g < content.length; g++) {
          if (tokens[content[k + g]!]!.stem === stems[s]) {
            k += g;
            ok = true;
            break;
          }
        }
      }
      if (!ok) continue;
      const first = content[c]!,
        last = content[k]!;
      const denied = !negated && isDenied(tokens, at, first, last);
      hits.push({ first, last, denied, distinct: isOwnPhrase(stems, shared) });
    }
  }
  return hits.sort((a, b) => a.first - b.first);
}

type Verdict = { confidence: CoverageConfidence; hits: Hit[]; heard: number[] };

/** The best level a point reaches in any window of WINDOW_SENTENCES sentences. */
function judge(
  plan: Plan,
  tokens: readonly Token[],
  at: Layout,
  hits: Hit[][],
  explainHits: Hit[][],
  againstHits: Hit[][],
  oppositeHits: Hit[][],
): Verdict {
  const inWindow = (h: Hit, s: number) => at.sentence[h.first]! >= s && at.sentence[h.last]! < s + WINDOW_SENTENCES;
  const starts = new Set(
    hits.flatMap((hs) => hs.filter((h) => !h.denied).map((h) => at.sentence[h.first]!)).flatMap((s) => [s - 1, s]),
  );
  // Doubt over the whole answer: a point whose idea is denied or misused anywhere in it is at
  // most mentioned, since "clear" may stop an interviewer from asking about it.
  const doubted = hits.some((hs) => hs.some((h) => h.denied)) || againstHits.some((hs) => hs.some((h) => !h.denied));
  let mentioned: Verdict | null = null;
  // A mention needs two of the point's families (one if it has one), or one said in the point's own words.
  const mentionNeed = Math.min(2, plan.families.length);
  for (const s of [...starts].filter((s) => s >= 0).sort((a, b) => a - b)) {
    // Per family, the point's own words where it said them ("delete" over a shared "evict"), and
    // the other families' words nearest to them, so the evidence is one stretch of speech.
    const said = hits.map((hs) => hs.filter((h) => !h.denied && inWindow(h, s)));
    const anchor = said.flat().find((h) => h.distinct) ?? said.flat()[0];
    const chosen = said.map((hs) => {
      if (!anchor || hs.length === 0) return null;
      const own = hs.filter((h) => h.distinct);
      const pool = own.length > 0 ? own : hs;
      return pool.reduce((a, b) => (Math.abs(b.first - anchor.first) < Math.abs(a.first - anchor.first) ? b : a));
    });
    // "Seeds don't matter": a point whose idea is denied here is not heard here, whatever else is said.
    if (hits.some((hs, n) => !chosen[n] && hs.some((h) => h.denied && inWindow(h, s)))) continue;
    const heard = chosen.map((h, n) => (h ? n : -1)).filter((n) => n >= 0);
    const distinctiveHeard = heard.filter((n) => plan.distinctive.includes(n)).length;
    // A single idea heard is a mention when its words are the point's own, not the prompt's or another point's.
    const own = chosen.some((h) => h?.distinct);
    if (heard.length < mentionNeed && !own) continue;
    if (plan.distinctive.length > 0 && distinctiveHeard === 0) continue;
    // A term said alongside its misuse ("FSDP … but every GPU still keeps all the weights") is not heard.
    if (againstHits.some((hs) => hs.some((h) => !h.denied && inWindow(h, s)))) continue;
    const found = chosen.filter((h): h is Hit => h !== null);
    // An explanation is words besides the term: a "why:" phrase that is the term itself does not count.
    const besides = (h: Hit) =>
      !h.denied && inWindow(h, s) && !found.some((f) => h.first <= f.last && f.first <= h.last);
    // A "why:" phrase inside a list of names ("bf16, checkpointing, ZeRO, FSDP") explains nothing.
    const explained = explainHits.some((hs) => hs.some((h) => besides(h) && !inList(tokens, at, h)));
    // Clear needs the point's own words, not only the prompt's: two of them when a family is missing.
    const ownHits = found.filter((h) => h.distinct).length;
    const clear =
      heard.length >= plan.required &&
      ownHits >= (heard.length < plan.families.length ? 2 : 1) &&
      distinctiveHeard >= plan.distinctiveClear &&
      // A point with "why:" families is clear only with one of them said: naming its terms is not enough.
      (plan.explain.length > 0
        ? explained
        : !plan.needsExplaining || (found.length > 0 && isExplained(tokens, at, found, isContent, heard.length < 2)));
    // A term named in a list ("bf16, checkpointing, ZeRO, FSDP") is named, not explained.
    const listed = found.some((h) => inList(tokens, at, h));
    // The ideas of a clear point are tied together in one sentence, not picked from two.
    const together = new Set(found.map((h) => at.sentence[h.first])).size === 1;
    // The term with a contradicting predicate in its sentence ("saturates … blows up") is a misuse.
    const contradicted = oppositeHits.some((hs) =>
      hs.some((h) => !h.denied && found.some((f) => at.sentence[f.first] === at.sentence[h.first])),
    );
    if (clear && !doubted && !listed && together && !contradicted) {
      const withExplain = explainHits.flatMap((hs) => hs.filter(besides).slice(0, 1));
      return { confidence: 'clear', hits: [...found, ...withExplain], heard };
    }
    if (!mentioned || heard.length > mentioned.heard.length)
      mentioned = { confidence: 'mentioned', hits: found, heard };
  }
  return (
    mentioned ?? {
      confidence: 'not-heard',
      hits: [],
      heard: hits.map((hs, n) => (hs.some((h) => !h.denied) ? n : -1)).filter((n) => n >= 0),
    }
  );
}

/** Coverage of each expected point, in the points' order, for words laid out on the recording. */
export function coverageOfWords(
  points: readonly ExpectedPoint[],
  words: readonly TimedWord[],
  options: { prompt?: string } = {},
): PointCoverage[] {
  const tokens = tokenise(words);
  const at = layout(tokens, words);
  const content = tokens.map((t, i) => (t.stem ? i : -1)).filter((i) => i >= 0);
  const parsed = points.map((p) => expectedPoint.parse(p));
  return parsed.map((point, index) => {
    const shared = sharedWords(options.prompt ?? '', parsed, index);
    const plan = planFor(point, shared);
    const find = (fs: Family[]) => fs.map((f) => hitsOf(tokens, content, at, f, shared));
    const verdict = judge(
      plan,
      tokens,
      at,
      find(plan.families),
      find(plan.explain),
      find(plan.against),
      find(plan.opposite),
    );
    const labels = plan.families.map((f) => f.label);
    const base = {
      index,
      text: point.text,
      method: plan.method,
      confidence: verdict.confidence,
      covered: verdict.confidence === 'clear',
      matched: verdict.heard.map((n) => labels[n]!),
      missing: labels.filter((_, n) => !verdict.heard.includes(n)),
    };
    if (verdict.confidence === 'not-heard' || verdict.hits.length === 0)
      return { ...base, evidence: null, evidenceStartMs: null, evidenceEndMs: null, evidenceEstimated: false };
    const firstWord = tokens[Math.min(...verdict.hits.map((h) => h.first))]!.word;
    const lastWord = tokens[Math.max(...verdict.hits.map((h) => h.last))]!.word;
    const evidenceWords = words.slice(firstWord, lastWord + 1);
    return {
      ...base,
      evidence: evidenceWords.map((w) => w.text).join(' '),
      evidenceStartMs: words[firstWord]!.startMs,
      evidenceEndMs: words[lastWord]!.endMs,
      evidenceEstimated: evidenceWords.some((w) => w.estimated),
    };
  });
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
