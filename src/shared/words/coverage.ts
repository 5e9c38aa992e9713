/**
 * Which expected points a transcript covers, how surely, with the words that show it and where
 * they are on the recording. A suggestion only: the review's checklist counts the user's own
 * ticks. Three levels (docs/metrics.md, "Coverage"):
 * - "clear": the idea is said and tied to its mechanism or consequence, within a sentence or two,
 *   and not denied or contradicted. The only level that may stop an interviewer from asking.
 * - "mentioned": a term of the point is said (not denied), but not explained.
 * - "not-heard": neither.
 * Cues are families of paraphrases (docs/content-format.md, "Cues"), planned per point in
 * coverage-plan.ts; the words are compared as stems of lemmas (tokens.ts, lemmas.ts), denial and
 * windows come from coverage-scope.ts, the idea's second signal from coverage-support.ts.
 */
import { z } from 'zod';
import type { TranscriptSegment } from '../transcript';
import { inList, isDenied, isExplained, layout, type Layout } from './coverage-scope';
import { ideaSupport, isMisdefined, plainWords } from './coverage-support';
import {
  expectedPoint,
  isContent,
  isIgnored,
  isOwnPhrase,
  planFor,
  sharedWords,
  type ExpectedPoint,
  type Family,
  type Plan,
  type SharedWords,
} from './coverage-plan';
import { tokenise, wordsFromSegments, type TimedWord, type Token } from './tokens';

export {
  AGAINST_PREFIX,
  COMMON,
  CONTENT_WORD_SHARE,
  EXPLAIN_PREFIX,
  expectedPoint,
  isOwnPhrase,
  sharedWords,
  type ExpectedPoint,
  type SharedWords,
} from './coverage-plan';

/** Words allowed between two words of one cue phrase ("subtract max" is said as "subtract the row max"). */
export const CUE_GAP = 2;
/** Evidence for one point must fall within this many consecutive sentences. */
export const WINDOW_SENTENCES = 2;
/** Clear needs this many distinct words of the point's text or reference answer in the evidence sentence, besides the cue hits. */
export const SUPPORT_WORDS = 3;
/** Clear needs this many distinct content words in the evidence sentence that are no term of any point (not a name-drop). */
export const PLAIN_WORDS = 3;
/** An evidence sentence holding the own words of this many other points of the round is a survey: at most mentioned. */
export const SURVEY_POINTS = 3;

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

/** `distinct`: the words said are not the prompt's or another point's. */
type Hit = { first: number; last: number; distinct: boolean; denied: boolean };

/** The stems of a hit's words, joined as a family alternative's are. */
const stemsOf = (tokens: readonly Token[], h: Hit) =>
  tokens
    .slice(h.first, h.last + 1)
    .filter((t) => t.stem)
    .map((t) => t.stem)
    .join(' ');

/** Every place one family is said (`denied` when the answer denies it there): an alternative's stems in order, at most CUE_GAP words apart. */
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

/** Where a point's families are said in the answer, and which tokens are a term of any point of the round. */
type Heard = {
  hits: Hit[][];
  explainHits: Hit[][];
  againstHits: Hit[][];
  oppositeHits: Hit[][];
  /** Tokens that any point's cue families matched: not words said *about* a term. */
  terms: ReadonlySet<number>;
  /** The other points' own words said (not denied) in the answer. */
  others: readonly Hit[][];
};

/** The best level a point reaches in any window of WINDOW_SENTENCES sentences. */
function judge(plan: Plan, tokens: readonly Token[], at: Layout, heardIn: Heard): Verdict {
  const { hits, explainHits, againstHits, oppositeHits, terms, others } = heardIn;
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
    const termKeys = new Set(plan.families.flatMap((f) => f.alternatives.map((a) => a.stems.join(' '))));
    const firstTermSentence = Math.min(...found.map((f) => at.sentence[f.first]!));
    const explains = (h: Hit) =>
      besides(h) &&
      !inList(tokens, at, h) &&
      // An explanation follows the terms or stands beside them: a sentence before them is about something else.
      at.sentence[h.first]! >= firstTermSentence &&
      // A "why:" phrase that is also one of the point's terms ("diversity", "prior") explains only with words around it.
      (!termKeys.has(stemsOf(tokens, h)) || isExplained(tokens, at, [...found, h], isContent, false));
    const explained = explainHits.some((hs) => hs.some(explains));
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
    // A second signal besides the cues: the sentence speaks of the point's idea, not only its term ("honestly").
    // Without a reference answer the point's text alone is too short to ask three of its words of a sentence.
    const supported = !plan.reference || ideaSupport(tokens, at, found, plan.idea) >= SUPPORT_WORDS;
    // A term defined here as something the point never speaks of ("the propensity is how popular the item is") is misused.
    const misdefined = isMisdefined(tokens, at, said.flat(), plan.idea, isIgnored);
    // Words about the terms, not only terms of this or another point: "diversity and freshness." names them.
    const plain = (t: Token) => isContent(t) && !isIgnored(t.stem);
    const spoken = plainWords(tokens, at, found, terms, plain) >= PLAIN_WORDS;
    // A sentence that runs through the terms of SURVEY_POINTS other points is a survey of the round, not this point explained.
    const surveyed = othersIn(at, found, [...hits.flat(), ...explainHits.flat()], others) >= SURVEY_POINTS;
    if (!surveyed && clear && supported && spoken && !misdefined && !doubted && !listed && together && !contradicted) {
      const withExplain = explainHits.flatMap((hs) => hs.filter(explains).slice(0, 1));
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

/**
 * How many other points have their own words in the sentences of `found`, leaving out words this
 * point's cues also match (`mine`: "new date" is this point's when it explains it, not a deadline).
 */
function othersIn(at: Layout, found: readonly Hit[], mine: readonly Hit[], others: readonly Hit[][]): number {
  const sentences = new Set(found.map((h) => at.sentence[h.first]!));
  return others.filter((hs) =>
    hs.some((h) => sentences.has(at.sentence[h.first]!) && !mine.some((m) => h.first <= m.last && m.first <= h.last)),
  ).length;
}

/** Coverage of each expected point, in the points' order, for words laid out on the recording. */
export function coverageOfWords(
  points: readonly ExpectedPoint[],
  words: readonly TimedWord[],
  options: { prompt?: string; reference?: string | null } = {},
): PointCoverage[] {
  const tokens = tokenise(words);
  const at = layout(tokens, words);
  const content = tokens.map((t, i) => (t.stem ? i : -1)).filter((i) => i >= 0);
  const parsed = points.map((p) => expectedPoint.parse(p));
  const planned = parsed.map((point, index) => {
    const shared = sharedWords(options.prompt ?? '', parsed, index);
    const plan = planFor(point, shared, options.reference ?? '');
    return { plan, shared, hits: plan.families.map((f) => hitsOf(tokens, content, at, f, shared)) };
  });
  const terms = new Set<number>();
  // A point's cue phrases are terms; the content words of a point without cues are ordinary words.
  for (const { plan, hits } of planned)
    if (plan.method === 'cues') for (const h of hits.flat()) for (let i = h.first; i <= h.last; i++) terms.add(i);
  return parsed.map((point, index) => {
    const { plan, shared, hits } = planned[index]!;
    const find = (fs: Family[]) => fs.map((f) => hitsOf(tokens, content, at, f, shared));
    const verdict = judge(plan, tokens, at, {
      hits,
      explainHits: find(plan.explain),
      againstHits: find(plan.against),
      oppositeHits: find(plan.opposite),
      terms,
      others: planned.filter((_, i) => i !== index).map((o) => o.hits.flat().filter((h) => h.distinct && !h.denied)),
    });
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
  options: { prompt?: string; reference?: string | null } = {},
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
