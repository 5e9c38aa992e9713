/**
 * The slowest content file to load or refuse, over the known-hostile shapes (tests/support/
 * hostile-content.ts: a long line of anchors, alias bombs, deep nesting, many errors, huge flow
 * collections, long keys, many documents, bad encodings, files near the limits). Each file is read
 * from a temp folder and parsed as a start would (parseContentFile); median of five per shape.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseContentFile } from '../src/main/services/content/load';
import { hostileContentFiles } from '../tests/support/hostile-content';
import { percentile, round, type Bench } from './figure';

const RUNS = 5;

export const contentBench: Bench = {
  name: 'content',
  figures: ['content_worst_file_ms'],
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-content-'));
    const timings: { name: string; ms: number }[] = [];
    try {
      const shapes = hostileContentFiles();
      for (const shape of shapes) fs.writeFileSync(path.join(dir, shape.name), shape.bytes);
      // The parser module's first load is a start's cost, not a file's.
      await parseContentFile(path.join(dir, shapes[0]!.name));
      for (const shape of shapes) {
        const runs: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          const result = await parseContentFile(path.join(dir, shape.name));
          runs.push(performance.now() - started);
          if (result.ok !== shape.loads) {
            throw new Error(`${shape.name} was ${result.ok ? 'loaded' : `refused: ${result.problems[0]?.message}`}`);
          }
        }
        timings.push({
          name: shape.name,
          ms: percentile(
            runs.sort((a, b) => a - b),
            50,
          ),
        });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    timings.sort((a, b) => b.ms - a.ms);
    const [worst, next] = timings;
    return [
      {
        name: 'content_worst_file_ms',
        value: round(worst!.ms, 1),
        unit: 'ms',
        note: `${timings.length} shapes; slowest ${worst!.name}, then ${next!.name} ${round(next!.ms, 1)} ms`,
      },
    ];
  },
};
