/**
 * `npm run -s coverage -- --item ITEM_ID [--round N] --text FILE [--json] [--data-dir DIR]`: reads a
 * plain-text transcript and prints each expected point of that round (N counts from 1; default 1)
 * with its confidence ("clear", "mentioned" or "not-heard"; covered is true only for "clear") and
 * its evidence, plus the filler counts. `--json` prints exactly
 * {"points": [{index, text, covered, evidence, confidence}], "fillers": {total, share, counts}},
 * points in the content file's order, index from 0. Bad input exits 2 with a message saying what was wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shippedPaths } from '../src/main/services/app-root';
import { loadContent } from '../src/main/services/content/load';
import {
  CONFIDENCE_WORDS,
  computeFromWords,
  coverageOfWords,
  expectedPointsOf,
  fillerKinds,
  wordsFromText,
} from '../src/shared/words';
import { BadInput, cliMain, parseCli, projectRoot, resolveFromUser } from './cli-args';

const USAGE = 'usage: npm run -s coverage -- --item ITEM_ID [--round N] --text FILE [--json] [--data-dir DIR]';

async function main(argv: string[]) {
  const { values } = parseCli(
    argv,
    {
      item: { type: 'string' },
      round: { type: 'string' },
      text: { type: 'string' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
    USAGE,
  );
  const { item: itemId, round: roundArg, text: textArg, json = false, 'data-dir': dataDir } = values;
  if (!itemId) throw new BadInput(`--item is required\n${USAGE}`);
  if (!textArg) throw new BadInput(`--text is required\n${USAGE}`);

  const content = await loadContent({
    builtinDir: shippedPaths(projectRoot).builtinContentDir,
    userDir: dataDir ? path.join(resolveFromUser(dataDir), 'content') : undefined,
  });
  const item = content.items.get(itemId);
  if (!item) {
    const ids = [...content.items.keys()].sort();
    throw new BadInput(`no loop or mock has the id "${itemId}". Known ids:\n  ${ids.join('\n  ')}`);
  }
  const roundNumber = roundArg === undefined ? 1 : Number(roundArg);
  if (!Number.isInteger(roundNumber) || roundNumber < 1 || roundNumber > item.rounds.length) {
    const range =
      item.rounds.length === 1
        ? 'it has 1 round: use --round 1'
        : `it has ${item.rounds.length} rounds: use --round 1 to ${item.rounds.length}`;
    throw new BadInput(`--round ${roundArg} is out of range for "${itemId}" (${range})`);
  }
  const round = item.rounds[roundNumber - 1]!;
  const file = resolveFromUser(textArg);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInput(
      code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`,
    );
  }

  const words = wordsFromText(text);
  const points = expectedPointsOf(round);
  const coverage = coverageOfWords(points, words, { prompt: round.prompt, reference: round.referenceAnswer });
  const metrics = computeFromWords(words);
  const fillers = { total: metrics.fillers.total, share: metrics.fillers.share, counts: metrics.fillers.counts };

  if (json) {
    const out = {
      points: coverage.map((c) => ({
        index: c.index,
        text: c.text,
        covered: c.covered,
        evidence: c.evidence,
        confidence: c.confidence,
      })),
      fillers,
    };
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  const title =
    item.rounds.length > 1
      ? `${item.title}, round ${roundNumber}${round.title ? ` (${round.title})` : ''}`
      : item.title;
  const count = (level: string) => coverage.filter((c) => c.confidence === level).length;
  console.log(
    `${title}: ${count('clear')} of ${coverage.length} expected points clearly covered, ${count('mentioned')} mentioned (${words.length} words)`,
  );
  const box = { clear: '[x]', mentioned: '[~]', 'not-heard': '[ ]' } as const;
  for (const c of coverage) {
    console.log(`  ${box[c.confidence]} ${c.index}. ${c.text}`);
    console.log(
      `        ${CONFIDENCE_WORDS[c.confidence]}${c.evidence ? `; evidence: "${c.evidence}"` : c.matched.length ? `; heard only: ${c.matched.join(', ')}` : ''}`,
    );
  }
  const share = fillers.share === null ? '—' : `${Math.round(fillers.share * 1000) / 10} % of words`;
  console.log(`  fillers: ${fillers.total} (${share})`);
  for (const kind of fillerKinds)
    if (fillers.counts[kind] > 0) console.log(`    ${kind.padEnd(10)} ${fillers.counts[kind]}`);
}

cliMain('coverage', () => main(process.argv.slice(2)));
