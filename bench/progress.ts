/**
 * The Progress page at 1,000, 10,000 and 100,000 stored rounds (a year of seeded practice, cached
 * under bench-results/seeded/): from clicking "Progress" in a fresh tab (nothing kept yet) to every
 * chart drawn — the five trend charts with their lines and the latest session's time allocation —
 * which covers the progress:get aggregation, the transfer and the render, timed in the page (the
 * click event to the frame after the charts were in the DOM). Median of seven, in Chromium against
 * browser mode. Also: a revisit in the same tab (painted from the kept summary),
 * the payload at 10,000 rounds and the database's size per 10,000 rounds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { armClickToDrawn, screensPrefetched } from './in-page';
import { openDatabase } from '../src/main/services/db/open';
import { dataPaths } from '../src/main/services/infra/paths';
import { progressSummary } from '../src/main/services/progress/summary';
import { startServer } from '../tests/support/web-server';
import { launchChromium } from './browser';
import { percentile, round, type Bench, type Figure } from './figure';
import { seededDataDir } from './seed-cache';

const RUNS = 7;
const migrationsDir = path.resolve(__dirname, '..', 'resources', 'migrations');

/** In the page: the five trend charts have their seven lines and the time allocation its bars. */
const chartsDrawn = `document.querySelectorAll('.trend-chart svg.trend-svg path.trend-line').length >= 7 &&
  Boolean(document.querySelector('[data-testid="time-allocation"] rect.time-alloc-bar'))`;

const median = (times: number[]) =>
  round(
    percentile(
      [...times].sort((a, b) => a - b),
      50,
    ),
    0,
  );
const spread = (times: number[]) => `min ${Math.round(Math.min(...times))}, max ${Math.round(Math.max(...times))}`;

type Measured = { open: number[]; revisit: number[]; dbBytes: number; payloadBytes: number };

async function measure(rounds: number): Promise<Measured> {
  const dataDir = await seededDataDir(fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-progress-')), rounds);
  const dbBytes = fs.statSync(dataPaths(dataDir).databaseFile).size;
  const { db } = openDatabase({ file: dataPaths(dataDir).databaseFile, migrationsDir, now: Date.now });
  // What the web transport sends for the page's first request (HTTP adds only headers).
  const payloadBytes = JSON.stringify({
    ok: true,
    value: progressSummary(db, { timeZone: 'UTC', category: null, questionType: null }),
  }).length;
  db.$client.close();
  const server = await startServer(dataDir);
  const browser = await launchChromium();
  const open: number[] = [];
  const revisit: number[] = [];
  try {
    const nav = (page: Page, name: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto(server.url);
      await page.getByRole('listbox', { name: 'Library items' }).waitFor();
      await screensPrefetched(page);
      let drawn = await armClickToDrawn(page, chartsDrawn);
      await nav(page, 'Progress').click();
      open.push(await drawn());
      await nav(page, 'Library').click();
      await page.getByRole('listbox', { name: 'Library items' }).waitFor();
      drawn = await armClickToDrawn(page, chartsDrawn);
      await nav(page, 'Progress').click();
      revisit.push(await drawn());
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { open, revisit, dbBytes, payloadBytes };
}

export const progressBench: Bench = {
  name: 'progress',
  figures: [
    'progress_open_1k_ms',
    'progress_open_10k_ms',
    'progress_open_100k_ms',
    'progress_revisit_100k_ms',
    'progress_payload_10k_kb',
    'db_size_per_10k_rounds_mb',
  ],
  async run() {
    const figures: Figure[] = [];
    const sizes = (process.env.LOOP_COACH_BENCH_PROGRESS_SIZES ?? '1000,10000,100000').split(',').map(Number);
    for (const rounds of sizes) {
      const label = rounds >= 1000 ? `${rounds / 1000}k` : String(rounds);
      const m = await measure(rounds);
      figures.push({
        name: `progress_open_${label}_ms`,
        value: median(m.open),
        unit: 'ms',
        note: `${rounds} rounds, fresh tab, timed in the page; median of ${RUNS} (${spread(m.open)})`,
      });
      if (rounds === 100_000)
        figures.push({
          name: 'progress_revisit_100k_ms',
          value: median(m.revisit),
          unit: 'ms',
          note: `painted from the kept summary, then refreshed; median of ${RUNS} (${spread(m.revisit)})`,
        });
      if (rounds === 10_000)
        figures.push({
          name: 'progress_payload_10k_kb',
          value: round(m.payloadBytes / 1024, 1),
          unit: 'KB',
          note: 'progress:get for the whole history (before: ~8 MB, a row per round)',
        });
      if (rounds === Math.max(...sizes))
        figures.push({
          name: 'db_size_per_10k_rounds_mb',
          value: round(m.dbBytes / (rounds / 10_000) / 1024 / 1024, 1),
          unit: 'MB',
          note: `${rounds} seeded rounds: ${round(m.dbBytes / 1024 / 1024, 0)} MB in all (segments, plans, metrics JSON)`,
        });
    }
    return figures;
  },
};
