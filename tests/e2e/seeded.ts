/**
 * A year of seeded practice for the scale E2E: the cached 100,000-round history of
 * bench/seed-cache.ts (the same seed and size as progress-scale.spec.ts, so a run seeds once for
 * all of them), copied once per Playwright worker into a data folder and served by one
 * browser-mode server. The tests that use it only read and navigate (lists, search, opening a
 * review), so they share that copy: each copy of the ~1.3 GB database costs seconds of disk
 * (README, "Test"). A test that writes to the history takes its own copy with seededDataDir().
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { seededDataDir } from '../../bench/seed-cache';
import { makeDataDir, startServer, type RunningServer } from '../support/web-server';
import { expect, test as base } from './fixtures';

export const SEEDED_ROUNDS = 100_000;

type SeededWorker = { seededServer: RunningServer };
type SeededTest = { seededApp: Page };

export const seededTest = base.extend<SeededTest, SeededWorker>({
  seededServer: [
    // Playwright reads the fixtures a fixture needs from this pattern; this one needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = makeDataDir('loop-coach-e2e-seeded-');
      try {
        await seededDataDir(dir, SEEDED_ROUNDS);
        const server = await startServer(dir);
        try {
          await use(server);
        } finally {
          await server.stop();
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    // Seeding 100,000 rounds (a fresh clone, once) takes minutes on a busy machine; it is set-up.
    { scope: 'worker', timeout: 15 * 60_000 },
  ],
  seededApp: async ({ page, seededServer }, use) => {
    await page.goto(seededServer.url);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await use(page);
  },
});
