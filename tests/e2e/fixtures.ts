/**
 * Playwright fixtures: a fresh data folder and a running browser-mode server per test, and the
 * app page already opened with the run's token. Screenshots go to test-results/screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { makeDataDir, startServer, type RunningServer } from '../support/web-server';

export const screenshotDir = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

type Fixtures = {
  /** Files to place in <data dir>/content before the server starts. */
  userContent: Record<string, string>;
  dataDir: string;
  server: RunningServer;
  app: Page;
  snap: (name: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  userContent: [{}, { option: true }],
  dataDir: async ({ userContent }, use) => {
    const dir = makeDataDir();
    for (const [name, body] of Object.entries(userContent)) {
      const file = path.join(dir, 'content', name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, body);
    }
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  server: async ({ dataDir }, use) => {
    const server = await startServer(dataDir);
    await use(server);
    await server.stop();
  },
  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await use(page);
  },
  snap: async ({ page }, use) => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    await use(async (name) => {
      await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });
    });
  },
});

export { waitForVoices } from '../support/voices';

export { expect };
