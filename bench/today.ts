/**
 * "Today" with a year of practice stored (100,000 rounds): today:get through the service, which reads
 * the latest attempts per item and per question type in SQL and plans in memory. Median of five after
 * one warm-up; the baseline is the obvious alternative, reading every practised round with its review
 * and analysis into memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLoopCoach } from '../src/main/services/app';
import { seedProgress } from '../tests/support/seed-progress';
import { percentile, round, type Bench } from './figure';

const root = path.resolve(__dirname, '..');

export const todayBench: Bench = {
  name: 'today',
  figures: ['today_100k_rounds_ms'],
  async run() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-today-'));
    const seeded = seedProgress(dataDir, { sessions: 25_000, roundsPerSession: 4, seed: 13, weeks: 52 });
    const app = await createLoopCoach({
      dataDir,
      builtinContentDir: path.join(root, 'content'),
      migrationsDir: path.join(root, 'resources', 'migrations'),
      transport: 'web',
      version: 'bench',
    });
    const times: number[] = [];
    const naive: number[] = [];
    let proposed = 0;
    try {
      app.handlers['today:get']({});
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        proposed = (await app.handlers['today:get']({})).items.length;
        times.push(performance.now() - started);
        const t = performance.now();
        app.db.$client
          .prepare(
            `SELECT r.item_id, r.started_at, rv.clarity, rv.rigor, rv.speed, rv.points_json, a.metrics_json
             FROM rounds r LEFT JOIN round_reviews rv ON rv.round_id = r.id LEFT JOIN round_analyses a ON a.round_id = r.id
             WHERE r.started_at IS NOT NULL`,
          )
          .all()
          .forEach((row) => JSON.parse((row as { metrics_json: string | null }).metrics_json ?? 'null'));
        naive.push(performance.now() - t);
      }
    } finally {
      app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    times.sort((a, b) => a - b);
    naive.sort((a, b) => a - b);
    const value = round(percentile(times, 50), 1);
    const baseline = round(percentile(naive, 50), 1);
    return [
      {
        name: 'today_100k_rounds_ms',
        value,
        unit: 'ms',
        baseline,
        ratio: round(baseline / value, 1),
        note: `${seeded.rounds} rounds, ${proposed} items proposed; median of 5; baseline: every round read into memory`,
      },
    ];
  },
};
