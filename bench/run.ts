/**
 * `npm run bench [-- --json FILE] [--only NAME[,NAME]]`: measures every figure, prints a table, and
 * optionally writes {"figures": [{name, value, unit, baseline?, ratio?}]}. A benchmark, not a test:
 * nothing here passes or fails on a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BadInput, parseCli } from '../scripts/cli-args';
import type { Bench, Figure } from './figure';
import { analysisBench } from './analysis';
import { recordingMain } from './recording-main';
import { recordingDuringAnalysis } from './recording-analysis';
import { waveformBench } from './waveform';
import { webStartBench } from './web-start';
import { liveSessionBench } from './live-session';
import { endOfThoughtBench } from './end-of-thought';
import { liveListeningBench } from './live-listening';
import { progressBench } from './progress';
import { todayBench } from './today';
import { transcriptsBench } from './transcripts';
import { coverageBench } from './coverage';
import { coachBench } from './coach';
import { reviewBench } from './review';
import { modelsBench } from './models';
import { transcriptionBench } from './transcription';
import { contentBench } from './content';

const benches: Bench[] = [
  recordingMain,
  recordingDuringAnalysis,
  liveSessionBench,
  endOfThoughtBench,
  liveListeningBench,
  analysisBench,
  waveformBench,
  progressBench,
  todayBench,
  coachBench,
  reviewBench,
  transcriptionBench,
  transcriptsBench,
  webStartBench,
  contentBench,
  coverageBench,
  modelsBench,
];

function combine(figures: Figure[]): Figure[] {
  // Where two sides measure the same figure, report the larger (the worse one) and name both.
  const byName = new Map<string, Figure[]>();
  for (const f of figures) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  return [...byName.values()].map((same) => {
    if (same.length === 1) return same[0]!;
    const worst = same.reduce((a, b) => (b.value > a.value ? b : a));
    return { ...worst, note: `larger of ${same.map((f) => `${f.note}: ${f.value} ${f.unit}`).join('; ')}` };
  });
}

async function main() {
  const { values } = parseCli(
    process.argv.slice(2),
    { json: { type: 'string' }, only: { type: 'string' } },
    'usage: npm run bench [-- --json FILE] [--only NAME[,NAME]]',
  );
  const jsonFile = values.json;
  const only = values.only?.split(',') ?? null;

  const all: Figure[] = [];
  for (const bench of benches) {
    if (only && !only.some((o) => bench.name.includes(o) || bench.figures.some((f) => f.includes(o)))) continue;
    const started = performance.now();
    process.stdout.write(`running ${bench.name}… `);
    const figures = await bench.run();
    console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
    all.push(...figures);
  }
  const figures = combine(all);
  const rows = figures.map((f) => [
    f.name,
    String(f.value),
    f.unit,
    f.baseline === undefined ? '' : String(f.baseline),
    f.ratio === undefined ? '' : `${f.ratio}x`,
    f.note ?? '',
  ]);
  const header = ['figure', 'value', 'unit', 'baseline', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  if (jsonFile) {
    fs.mkdirSync(path.dirname(path.resolve(jsonFile)), { recursive: true });
    fs.writeFileSync(jsonFile, `${JSON.stringify({ figures: figures.map(({ note: _note, ...f }) => f) }, null, 2)}\n`);
    console.log(`\nwrote ${jsonFile}`);
  }
}

main().catch((error: unknown) => {
  // A mistyped flag needs its message only; a bench that broke needs its stack.
  const bad = error instanceof BadInput;
  console.error(`bench: ${bad ? error.message : ((error as Error).stack ?? error)}`);
  process.exitCode = bad ? 2 : 1;
});
