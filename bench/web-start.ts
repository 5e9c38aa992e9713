/**
 * Browser mode from process start to an interactive Library: the server process is spawned, Chromium
 * (already running, as a user's browser would be) opens the printed URL, and the clock stops at the
 * frame after the Library's list is in the page (on the wall clock, noted by the page itself); the
 * click through Playwright follows as a check. Median of five cold server starts.
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
    const clicked: number[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-start-'));
        const started = Date.now();
        const server = await startServer(dataDir);
        const page = await browser.newPage();
        // The page notes (on the wall clock) the frame after the Library's first item is in the DOM:
        // timed by the app's page, not by Playwright's polling before its click.
        await page.addInitScript(`new MutationObserver((_, observer) => {
          if (!document.querySelector('[aria-label="Library items"] [role="option"]')) return;
          observer.disconnect();
          requestAnimationFrame(() => { window.__libraryDrawnAt = performance.timeOrigin + performance.now(); });
        }).observe(document, { childList: true, subtree: true });`);
        await page.goto(server.url);
        await page.getByRole('listbox', { name: 'Library items' }).getByRole('option').first().click();
        clicked.push(Date.now() - started);
        times.push(((await page.evaluate('window.__libraryDrawnAt')) as number) - started);
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
        note: `spawn → the Library's list drawn, timed in the page; median of 5 (min ${Math.round(times[0]!)}, max ${Math.round(times.at(-1)!)}); through Playwright's click (its polling included) ${Math.round(
          percentile(
            [...clicked].sort((a, b) => a - b),
            50,
          ),
        )} ms`,
      },
    ];
  },
};
