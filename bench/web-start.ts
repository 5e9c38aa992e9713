/**
 * Browser mode from process start to an interactive Library: the server process is spawned, Chromium
 * (already running, as a user's browser would be) opens the printed URL, and the clock stops when the
 * Library's list can be clicked. Median of five cold server starts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../tests/support/web-server';
import { launchChromium } from './browser';
import { percentile, round, type Bench } from './figure';

export const webStartBench: Bench = {
  name: 'web start',
  figures: ['web_start_to_library_ms'],
  async run() {
    const browser = await launchChromium();
    const times: number[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-start-'));
        const started = performance.now();
        const server = await startServer(dataDir);
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.getByRole('listbox', { name: 'Library items' }).getByRole('option').first().click();
        times.push(performance.now() - started);
        await page.close();
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    } finally {
      await browser.close();
    }
    times.sort((a, b) => a - b);
    return [
      {
        name: 'web_start_to_library_ms',
        value: round(percentile(times, 50), 0),
        unit: 'ms',
        note: `median of 5 (min ${Math.round(times[0]!)}, max ${Math.round(times.at(-1)!)})`,
      },
    ];
  },
};
