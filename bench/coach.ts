/**
 * The coach's reads at a year's scale: seeded history of 10 000 and 100 000 rounds (4 per session),
 * each coach channel called through the real handlers; median of 7 calls after a warm-up.
 */
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedProgress } from '../tests/support/seed-progress';
import { call, makeApp } from '../tests/support/sessions';
import type { Bench, Figure } from './figure';
import { round } from './figure';

const sizes = [10_000, 100_000] as const;
const label = (n: number) => `${n / 1000}k`;

async function median(fn: () => Promise<unknown>, times = 7): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export const coachBench: Bench = {
  name: 'coach',
  figures: sizes.flatMap((n) =>
    ['fatigue_session', 'fatigue_history', 'calibration', 'actions_generate', 'retake'].map(
      (f) => `coach_${f}_${label(n)}_ms`,
    ),
  ),
  run: async () => {
    const figures: Figure[] = [];
    for (const n of sizes) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-coach-'));
      const seeded = seedProgress(dataDir, { sessions: n / 4, roundsPerSession: 4, seed: n, weeks: 52 });
      const app = await makeApp(dataDir);
      try {
        const someRound = app.db.$client.prepare<[], { id: string }>('SELECT id FROM rounds LIMIT 1').get()!.id;
        const measured: [string, () => Promise<unknown>][] = [
          ['fatigue_session', () => call(app, 'coach:fatigue', { sessionId: seeded.latestSessionId })],
          ['fatigue_history', () => call(app, 'coach:fatigueHistory', { limit: 30 })],
          ['calibration', () => call(app, 'coach:calibration', {})],
          ['actions_generate', () => call(app, 'coach:actionsGenerate', {})],
          ['retake', () => call(app, 'coach:retake', { roundId: someRound })],
        ];
        for (const [name, fn] of measured) {
          figures.push({ name: `coach_${name}_${label(n)}_ms`, value: round(await median(fn), 2), unit: 'ms' });
        }
      } finally {
        app.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    return figures;
  },
};
