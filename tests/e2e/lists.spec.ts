/**
 * The Review screen's lists at a year of practice behave as they do with a handful of rounds: the
 * first page of the to-score queue and of session history shows, "Show more" appends the next page
 * (the rows already shown stay put), and a round or session deep in the list opens. The year is the
 * cached 100,000-round history (tests/e2e/seeded.ts: one copy shared with the other scale specs);
 * the handful is seeded afresh. The lists have no filters. Screenshots:
 * test-results/screenshots/lists-*-{1366,1024}-{light,dark}.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { seededRandom, seedHistory } from '../../bench/seed-history';
import { makeDataDir } from '../support/web-server';
import { expect, screenshotDir, test as base } from './fixtures';
import { SEEDED_ROUNDS, seededTest } from './seeded';

const NOW = Date.parse('2026-11-30T20:00:00Z');

const seeded = (rounds: number) =>
  base.extend({
    dataDir: [
      // Playwright reads the fixtures a fixture needs from this pattern; this one needs none.
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const dir = makeDataDir();
        await seedHistory({ dataDir: dir, rounds, now: NOW, random: seededRandom(rounds) });
        await use(dir);
        fs.rmSync(dir, { recursive: true, force: true });
      },
      // Seeding a large history takes a while on a busy machine; it is set-up, not the test.
      { scope: 'test', timeout: 300_000 },
    ],
  });

const queueList = (page: Page) => page.getByRole('list', { name: 'Rounds to score' });
const sessionList = (page: Page) =>
  page.getByRole('region', { name: 'Recent sessions' }).getByRole('list', { name: 'Sessions' });

async function openReview(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
}

const labels = (rows: Locator) => rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));

async function shoot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.mouse.move(1, 1);
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 820 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await page.screenshot({ path: path.join(screenshotDir, `lists-${name}-${width}-${colorScheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
}

seededTest(
  `Review lists at ${SEEDED_ROUNDS} rounds: a page at a time, Show more, and a click through`,
  async ({ seededApp: app }) => {
    // The first queries read a freshly copied 1.3 GB file: allow for a cold disk cache on a busy machine.
    seededTest.setTimeout(180_000);
    await openReview(app);
    const queueRows = queueList(app).getByRole('button', { name: /^Review / });
    await expect(queueRows).toHaveCount(20, { timeout: 60_000 });
    const firstPage = await labels(queueRows);
    await shoot(app, 'review-100k');
    const more = app.getByRole('button', { name: 'Show more rounds to score' });
    await more.scrollIntoViewIfNeeded();
    await shoot(app, 'review-100k-show-more');

    await more.click();
    await expect(queueRows).toHaveCount(40);
    // The first page is still there, in the same order, and the next page follows it.
    expect((await labels(queueRows)).slice(0, 20)).toEqual(firstPage);
    // ... and is other rounds (title, session, start and length tell each row apart), not the first again.
    expect(new Set(await queueRows.allTextContents()).size).toBe(40);

    const sessionRows = sessionList(app).getByRole('listitem');
    await expect(sessionRows).toHaveCount(20);
    await app.getByRole('button', { name: 'Show more sessions' }).click();
    await expect(sessionRows).toHaveCount(40);
    expect(new Set(await sessionRows.allTextContents()).size).toBe(40);

    // A round from the second page opens its review.
    const deep = queueRows.nth(27);
    const title = (await deep.getAttribute('aria-label'))!.replace(/^Review /, '');
    await deep.click();
    await expect(app.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // Back on the list, a session from the second page opens its summary.
    await app.getByRole('button', { name: 'Review list' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
    await app.getByRole('button', { name: 'Show more sessions' }).click();
    const summary = sessionList(app)
      .getByRole('button', { name: /^Summary of / })
      .nth(31);
    const sessionTitle = (await summary.getAttribute('aria-label'))!.replace(/^Summary of /, '');
    await summary.click();
    await expect(app.getByRole('heading', { level: 1, name: `Summary: ${sessionTitle}` })).toBeVisible();
  },
);

seeded(10)('Review lists at 10 rounds: everything on one page, no Show more', async ({ app }) => {
  await openReview(app);
  const queueRows = queueList(app).getByRole('button', { name: /^Review / });
  await expect(queueRows.first()).toBeVisible();
  const shown = await queueRows.count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(10);
  await expect(sessionList(app).getByRole('listitem').first()).toBeVisible();
  await expect(app.getByRole('button', { name: /^Show more/ })).toHaveCount(0);
  await shoot(app, 'review-10');
  const title = (await queueRows.last().getAttribute('aria-label'))!.replace(/^Review /, '');
  await queueRows.last().click();
  await expect(app.getByRole('heading', { level: 1, name: title })).toBeVisible();
});
