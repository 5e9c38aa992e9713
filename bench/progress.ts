/**
 * The Progress page with 10,000 rounds stored: from clicking "Progress" to every trend chart drawn,
 * which covers the progress:get query, the transfer and the render. Median of three.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedProgress } from '../tests/support/seed-progress';
import { startServer } from '../tests/support/web-server';
import { launchChromium } from './browser';
import { percentile, round, type Bench } from './figure';

export const progressBench: Bench = {
  name: 'progress',
  figures: ['progress_10k_rounds_ms'],
  async run() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-progress-'));
    const seeded = seedProgress(dataDir, { sessions: 2500, roundsPerSession: 4, seed: 10_000 });
    const server = await startServer(dataDir);
    const browser = await launchChromium();
    const times: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.getByRole('listbox', { name: 'Library items' }).waitFor();
        const started = await page.evaluate(() => performance.now());
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('button', { name: 'Progress', exact: true })
          .click();
        await page.locator('.trend-chart svg.recharts-surface').nth(4).waitFor();
        await page.locator('.trend-chart .recharts-line-curve').first().waitFor();
        times.push((await page.evaluate(() => performance.now())) - started);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    times.sort((a, b) => a - b);
    return [
      {
        name: 'progress_10k_rounds_ms',
        value: round(percentile(times, 50), 0),
        unit: 'ms',
        note: `${seeded.rounds} rounds; median of 3`,
      },
    ];
  },
};
