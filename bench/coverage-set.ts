/**
 * The labelled coverage set in tests/fixtures/coverage/: answers written for built-in items, each
 * with the expected points a careful reader says it covers. Scores the matcher per (answer, point):
 * a point the matcher calls covered that the label does not is a false positive.
 * `npx tsx bench/coverage-set.ts [--set tune|dev|dev2|dev3|test|test4|test5] [--no-cues]` prints every mistake.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { shippedPaths } from '../src/main/services/app-root';
import { loadContent, type LoadedContent } from '../src/main/services/content/load';
import { BadInput, cliMain, parseCli } from '../scripts/cli-args';
import { STOPWORDS, coverageOfWords, normalise, stem, wordsFromText, type PointCoverage } from '../src/shared/words';

export const coverageFixtureDir = path.resolve(__dirname, '../tests/fixtures/coverage');
/**
 * Sets written by helpers who never saw the cues or the matcher: dev, dev2, dev3, test and test4
 * (each looked at since), and test5, the newest blind set, scored once after the freeze.
 */
export const heldoutFixtureDir = path.resolve(__dirname, '../tests/fixtures/coverage-heldout');

export const heldoutSets = ['dev', 'dev2', 'dev3', 'test', 'test4', 'test5'] as const;
export type HeldoutSet = (typeof heldoutSets)[number];
/** The blind sets, oldest first: the held-out figures come from the newest one present. */
export const blindSets = ['test', 'test4', 'test5'] as const satisfies readonly HeldoutSet[];

/** The newest blind set that is there (test5 once it is written), or null. */
export function newestBlindSet(dir = heldoutFixtureDir): HeldoutSet | null {
  return [...blindSets].reverse().find((name) => fs.existsSync(path.join(dir, name))) ?? null;
}

export const coverageSplit = z.enum(['tune', 'held-out']);
export type CoverageSplit = z.infer<typeof coverageSplit>;
export const pointLabel = z.enum(['covered', 'mentioned', 'absent']);
export type PointLabel = z.infer<typeof pointLabel>;

const labelledAnswer = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(['paraphrased', 'partial', 'wrong', 'off-topic']),
  /** "tune": looked at while the cues and the matcher's constants were set; "held-out": never. */
  split: coverageSplit,
  covers: z.array(z.number().int().min(0)),
  text: z.string().min(1),
});
const fixtureFile = z.strictObject({
  item: z.string(),
  /** Round of the item, from 0. */
  round: z.number().int().min(0).default(0),
  answers: z.array(labelledAnswer).min(1),
});
/** The blind sets' files: one label per point, rounds counted from 1; notes are kept by the writers. */
const heldoutFile = z.object({
  item: z.string(),
  round: z.number().int().min(1).default(1),
  answers: z
    .array(
      z.object({
        id: z.string().min(1),
        kind: z.string().min(1),
        labels: z.array(pointLabel),
        text: z.string().min(1),
      }),
    )
    .min(1),
});
export type LabelledAnswer = {
  id: string;
  kind: string;
  split: CoverageSplit;
  item: string;
  round: number;
  /** One label per point of the round. */
  labels: PointLabel[];
  text: string;
};

const yamlFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

/** The tuning set (written with the cues): a point in `covers` is covered, every other absent. */
export function loadLabelledSet(dir = coverageFixtureDir, content?: LoadedContent): LabelledAnswer[] {
  return yamlFiles(dir).flatMap((f) => {
    const file = fixtureFile.parse(parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    return file.answers.map(({ covers, ...a }) => {
      const count =
        content?.items.get(file.item)?.rounds[file.round]?.expectedPoints.length ?? Math.max(0, ...covers) + 1;
      const labels = Array.from({ length: count }, (_, i): PointLabel => (covers.includes(i) ? 'covered' : 'absent'));
      return { ...a, item: file.item, round: file.round, labels };
    });
  });
}

/** A blind set (tests/fixtures/coverage-heldout/<name>); [] when it is not there. */
export function loadHeldoutSet(name: HeldoutSet, dir = heldoutFixtureDir): LabelledAnswer[] {
  const at = path.join(dir, name);
  if (!fs.existsSync(at)) return [];
  return yamlFiles(at).flatMap((f) => {
    const file = heldoutFile.parse(parse(fs.readFileSync(path.join(at, f), 'utf8')));
    return file.answers.map((a) => ({
      ...a,
      split: 'held-out' as const,
      item: file.item,
      round: file.round - 1,
    }));
  });
}

export const builtinContent = () =>
  loadContent({ builtinDir: shippedPaths(path.resolve(__dirname, '..')).builtinContentDir });

export type Scored = { answer: LabelledAnswer; coverage: PointCoverage[] };
/**
 * tp/fp/fn/tn, precision, recall and F1 count covered or mentioned as positive, against a
 * prediction of clear or mentioned. `clearPrecision`: of the points called clear, the share
 * labelled covered (`clear` of them were called clear).
 */
export type Score = {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  clear: number;
  clearPrecision: number;
  /** (answer, point) pairs left out: points written as plain strings, rubric checks with no cues. */
  rubricChecks: number;
};

/** How a point is predicted: the matcher, or one of the floors the issue compares it with. */
export type Predictor = 'matcher' | 'no-cues' | 'all-covered' | 'keyword';

/** Plain keyword floor: half of the point's content words said anywhere in the answer. */
function keywordMatch(pointText: string, answer: string): boolean {
  const said = new Set(normalise(answer).map(stem));
  const words = [
    ...new Set(
      normalise(pointText)
        .filter((w) => !STOPWORDS.has(w) && w.length > 2)
        .map(stem),
    ),
  ];
  return words.length > 0 && words.filter((w) => said.has(w)).length >= Math.ceil(words.length / 2);
}

export function scoreSet(
  answers: readonly LabelledAnswer[],
  content: LoadedContent,
  options: { cues?: boolean; predictor?: Predictor } = {},
): { score: Score; scored: Scored[] } {
  const predictor = options.predictor ?? (options.cues === false ? 'no-cues' : 'matcher');
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0,
    clear = 0,
    clearRight = 0,
    rubricChecks = 0;
  const scored = answers.map((answer) => {
    const item = content.items.get(answer.item);
    const round = item?.rounds[answer.round];
    if (!round)
      throw new Error(`labelled answer ${answer.id}: no built-in item "${answer.item}" round ${answer.round + 1}`);
    if (answer.labels.length !== round.expectedPoints.length)
      throw new Error(
        `labelled answer ${answer.id}: ${answer.labels.length} labels for ${round.expectedPoints.length} points`,
      );
    const points = round.expectedPoints.map((text, i) => ({
      text,
      cues: predictor === 'no-cues' ? [] : (round.expectedPointCues[i] ?? []),
    }));
    let coverage = coverageOfWords(points, wordsFromText(answer.text), {
      prompt: round.prompt,
      reference: round.referenceAnswer,
    });
    if (predictor === 'all-covered' || predictor === 'keyword')
      coverage = coverage.map((c) => {
        const yes = predictor === 'all-covered' || keywordMatch(c.text, answer.text);
        return { ...c, confidence: yes ? 'clear' : 'not-heard', covered: yes };
      });
    // A point written as a plain string (no cues) is a rubric check ("Fits within two minutes
    // spoken"), not something heard in the words: the blind writers could not label it, so it is
    // left out of every figure.
    const heardPoints = coverage.filter((c) => (round.expectedPointCues[c.index] ?? []).length > 0);
    rubricChecks += coverage.length - heardPoints.length;
    coverage = heardPoints;
    for (const c of coverage) {
      const label = answer.labels[c.index]!;
      const labelled = label !== 'absent';
      const said = c.confidence !== 'not-heard';
      if (said && labelled) tp++;
      else if (said) fp++;
      else if (labelled) fn++;
      else tn++;
      if (c.confidence === 'clear') {
        clear++;
        if (label === 'covered') clearRight++;
      }
    }
    return { answer, coverage };
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const clearPrecision = clear ? clearRight / clear : 1;
  return { score: { tp, fp, fn, tn, precision, recall, f1, clear, clearPrecision, rubricChecks }, scored };
}

async function printMistakes() {
  const { values } = parseCli(
    process.argv.slice(2),
    { set: { type: 'string', default: 'tune' }, 'no-cues': { type: 'boolean' } },
    `usage: node --import tsx bench/coverage-set.ts [--set tune|${heldoutSets.join('|')}] [--no-cues]`,
  );
  const set = values.set;
  const content = await builtinContent();
  const heldout = heldoutSets.find((name) => name === set);
  if (!heldout && set !== 'tune') throw new BadInput(`--set ${set}: not one of tune, ${heldoutSets.join(', ')}`);
  const answers = heldout ? loadHeldoutSet(heldout) : loadLabelledSet(coverageFixtureDir, content);
  if (answers.length === 0) throw new BadInput(`--set ${set}: no answers in ${path.join(heldoutFixtureDir, set)}`);
  const { score, scored } = scoreSet(answers, content, { cues: !values['no-cues'] });
  for (const { answer, coverage } of scored) {
    for (const c of coverage) {
      const label = answer.labels[c.index]!;
      const wrongClear = c.confidence === 'clear' && label !== 'covered';
      const wrongSaid = (c.confidence !== 'not-heard') !== (label !== 'absent');
      if (!wrongClear && !wrongSaid) continue;
      console.log(
        `${answer.id} (${answer.kind}) #${c.index} ${c.text}\n    label ${label}, said ${c.confidence}` +
          (c.evidence ? ` on "${c.evidence}"` : ` (heard ${c.matched.join(', ') || 'nothing'})`),
      );
    }
  }
  console.log(`${answers.length} answers`, score);
}

if (require.main === module) cliMain('coverage-set', printMistakes);
