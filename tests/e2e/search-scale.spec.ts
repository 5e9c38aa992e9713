/**
 * "Search what you said" at a year of practice behaves as it does with a handful of rounds: a word
 * gives the first 20 moments, best match first (the order TranscriptStore.search gives, read from
 * the same database), "Show more" appends the next page with the first kept, and a moment from
 * the second page opens its round's review there: the playhead, the current segment and its
 * current word are the hit's. The year is the cached 100,000-round history (1,000 transcribed
 * rounds, tests/e2e/seeded.ts); the handful is 20 rounds seeded afresh, every one transcribed.
 * Screenshots: test-results/screenshots/search-100k-{1366,1024}-{light,dark}.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Page } from '@playwright/test';
import { seededRandom, seedHistory } from '../../bench/seed-history';
import type { AppDatabase } from '../../src/main/services/db/open';
import * as schema from '../../src/main/services/db/schema';
import { dataPaths } from '../../src/main/services/infra/paths';
import { TranscriptStore } from '../../src/main/services/transcripts/store';
import type { TranscriptSearchResult } from '../../src/shared/contract';
import { formatClock } from '../../src/renderer/src/lib/format';
import { makeDataDir } from '../support/web-server';
import { expect, screenshotDir, test } from './fixtures';
import { SEEDED_ROUNDS, seededTest } from './seeded';

/** In one sentence of the seeder's bank (bench/seed-transcripts.ts), so in about one segment of 30. */
const WORD = 'eviction';
/** The hit opened: on the second page. */
const DEEP = 27;

/** What the app's own search answers for this data folder (read-only, beside the running server). */
function expectedSearch(dataDir: string, offset: number, limit: number): TranscriptSearchResult {
  const client = new Database(dataPaths(dataDir).databaseFile, { readonly: true, fileMustExist: true });
  try {
    const store = new TranscriptStore(drizzle(client, { schema }) as AppDatabase, () => Date.now());
    return store.search({ query: WORD, offset, limit });
  } finally {
    client.close();
  }
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.mouse.move(1, 1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}-${colorScheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** The walk both sizes share: search, page, open a moment from the second page. */
async function searchPageAndOpen(page: Page, dataDir: string, screenshots?: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  const expected = expectedSearch(dataDir, 0, 40);
  // Enough moments for two pages and more, at either size (the seeder's words make sure of it).
  expect(expected.total).toBeGreaterThan(40);

  await page.getByRole('searchbox', { name: 'Search transcripts' }).fill(WORD);
  const results = page.getByRole('list', { name: 'Transcript search results' });
  const hits = results.getByRole('button', { name: /^Open / });
  // The first search reads a freshly copied database: allow for a cold disk cache on a busy machine.
  await expect(
    page.getByRole('status').filter({ hasText: `${expected.total} moments in your transcripts` }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(hits).toHaveCount(20);
  await expect(hits.first().locator('mark').first()).toHaveText(new RegExp(`^${WORD}$`, 'i'));
  const label = (i: number) => hits.nth(i).getAttribute('aria-label');
  const firstPage = await hits.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  // Best match first, as the search service orders them.
  firstPage.forEach((l, i) => expect(l).toMatch(new RegExp(`^Open ${escape(expected.hits[i]!.title)} at `)));
  if (screenshots) await shoot(page, screenshots);

  await page.getByRole('button', { name: `Show more (${expected.total - 20} left)` }).click();
  await expect(hits).toHaveCount(40);
  const bothPages = await hits.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  expect(bothPages.slice(0, 20)).toEqual(firstPage);
  bothPages
    .slice(20)
    .forEach((l, i) => expect(l).toMatch(new RegExp(`^Open ${escape(expected.hits[20 + i]!.title)} at `)));
  await expect(page.getByRole('button', { name: `Show more (${expected.total - 40} left)` })).toBeVisible();

  // A moment on the second page opens its round's review at that moment.
  const target = expected.hits[DEEP]!;
  const deepLabel = (await label(DEEP))!;
  await hits.nth(DEEP).click();
  await expect(page.getByRole('heading', { level: 1, name: target.title })).toBeVisible();
  const transcript = page.getByRole('region', { name: 'Transcript' }).getByRole('list', { name: 'Transcript' });
  const current = transcript.locator('li[aria-current="true"]');
  await expect(current).toHaveCount(1);
  // The current segment is the hit's (its text holds the matched word), and its first word is current.
  await expect(current.getByRole('button', { name: /^Jump to / })).toHaveAccessibleName(
    new RegExp(`^Jump to ${deepLabel.replace(/^Open .* at ([0-9:]+): .*$/, '$1')}: `),
  );
  await expect(current).toContainText(new RegExp(WORD, 'i'));
  await expect(current.locator('.transcript-word[aria-current="true"]')).toHaveAttribute(
    'data-ms',
    String(target.startMs),
  );
  // The playhead is there too. (A seeded round has no audio file, so the player's position is the
  // readout's, not the media element's.)
  await expect(page.getByRole('region', { name: 'Recording' }).getByLabel('Position', { exact: true })).toHaveText(
    new RegExp(`^${escape(formatClock(target.startMs, { tenths: true }))}\\b`),
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

seededTest(
  `Search at ${SEEDED_ROUNDS} rounds: first page, Show more, a moment opens there`,
  async ({ seededApp, seededServer }) => {
    seededTest.setTimeout(180_000);
    await searchPageAndOpen(seededApp, seededServer.dataDir, 'search-100k');
  },
);

/** Twenty rounds, every one transcribed: over 40 moments of the word, so two pages and more. */
const handful = test.extend({
  dataDir: [
    // Playwright reads the fixtures a fixture needs from this pattern; this one needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = makeDataDir();
      const now = Date.parse('2026-11-30T20:00:00Z');
      await seedHistory({ dataDir: dir, rounds: 20, now, random: seededRandom(20), transcribedShare: 1 });
      await use(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'test' },
  ],
});

handful('Search at 20 rounds: first page, Show more, a moment opens there', async ({ app, dataDir }) => {
  await searchPageAndOpen(app, dataDir);
});
