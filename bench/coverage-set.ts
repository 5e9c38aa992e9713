/**
 * The labelled coverage set in tests/fixtures/coverage/: answers written for built-in items, each
 * with the expected points a careful reader says it covers. Scores the matcher per (answer, point):
 * a point the matcher calls covered that the label does not is a false positive.
 * `npx tsx bench/coverage-set.ts [--split tune|held-out] [--no-cues]` prints every mistake.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { shippedPaths } from '../src/main/services/app-root';
import { loadContent, type LoadedContent } from '../src/main/services/content/load';
import { coverageOfWords, wordsFromText, type PointCoverage } from '../src/shared/words';

export const coverageFixtureDir = path.resolve(__dirname, '../tests/fixtures/coverage');

export const coverageSplit = z.enum(['tune', 'held-out']);
export type CoverageSplit = z.infer<typeof coverageSplit>;

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
export type LabelledAnswer = z.infer<typeof labelledAnswer> & { item: string; round: number };

export function loadLabelledSet(dir = coverageFixtureDir): LabelledAnswer[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const file = fixtureFile.parse(parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      return file.answers.map((a) => ({ ...a, item: file.item, round: file.round }));
    });
}

export const builtinContent = () =>
  loadContent({ builtinDir: shippedPaths(path.resolve(__dirname, '..')).builtinContentDir });

export type Scored = { answer: LabelledAnswer; coverage: PointCoverage[] };
export type Score = { tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; f1: number };

export function scoreSet(
  answers: readonly LabelledAnswer[],
  content: LoadedContent,
  options: { cues?: boolean } = {},
): { score: Score; scored: Scored[] } {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  const scored = answers.map((answer) => {
    const item = content.items.get(answer.item);
    const round = item?.rounds[answer.round];
    if (!round)
      throw new Error(`labelled answer ${answer.id}: no built-in item "${answer.item}" round ${answer.round}`);
    const bad = answer.covers.find((i) => i >= round.expectedPoints.length);
    if (bad !== undefined) throw new Error(`labelled answer ${answer.id}: point ${bad} is out of range`);
    const points = round.expectedPoints.map((text, i) => ({
      text,
      cues: options.cues === false ? [] : (round.expectedPointCues[i] ?? []),
    }));
    const coverage = coverageOfWords(points, wordsFromText(answer.text), { prompt: round.prompt });
    for (const c of coverage) {
      const labelled = answer.covers.includes(c.index);
      if (c.covered && labelled) tp++;
      else if (c.covered) fp++;
      else if (labelled) fn++;
      else tn++;
    }
    return { answer, coverage };
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { score: { tp, fp, fn, tn, precision, recall, f1 }, scored };
}

async function printMistakes() {
  const argv = process.argv.slice(2);
  const splitIndex = argv.indexOf('--split');
  const split = splitIndex >= 0 ? coverageSplit.parse(argv[splitIndex + 1]) : undefined;
  const content = await builtinContent();
  const answers = loadLabelledSet().filter((a) => !split || a.split === split);
  const { score, scored } = scoreSet(answers, content, { cues: !argv.includes('--no-cues') });
  for (const { answer, coverage } of scored) {
    for (const c of coverage) {
      const labelled = answer.covers.includes(c.index);
      if (c.covered === labelled) continue;
      const what = c.covered
        ? `FALSE COVERED on "${c.evidence}"`
        : `MISSED (heard ${c.matched.join(', ') || 'nothing'}; missing ${c.missing.join(', ')})`;
      console.log(`${answer.id} #${c.index} ${c.text}\n    ${what}`);
    }
  }
  console.log(`${answers.length} answers`, score);
}

if (require.main === module) void printMistakes();
