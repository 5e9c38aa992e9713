/**
 * Progress on a year of practice: 100,000 rounds seeded through bench/seed-history.ts (cached under
 * bench-results/seeded/, so only the first run seeds; a copy per test). The page shows every
 * round, the filters change what the charts draw, the weakest areas, baselines and action list
 * fill in, a change line clicks through to its round's review, and a revisit paints at once from
 * the kept summary. Screenshots light and dark at 1366 and 1024 px (test-results/screenshots).
 */
import path from 'node:path';
import { seededDataDir } from '../../bench/seed-cache';
import { startServer } from '../support/web-server';
import { expect, screenshotDir, test } from './fixtures';

const ROUNDS = 100_000;

test('Progress at 100,000 rounds: charts, filters, a click through to a round', async ({ page, dataDir }) => {
  // Seeding 100,000 rounds takes about a minute on a quiet machine (once: the history is cached).
  test.setTimeout(15 * 60_000);
  await seededDataDir(dataDir, ROUNDS);
  const server = await startServer(dataDir);
  try {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(server.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await page.getByRole('listbox', { name: 'Library items' }).waitFor();
    await nav.getByRole('button', { name: 'Progress', exact: true }).click();
    // The first query reads a freshly copied 1.2 GB file: allow for a cold disk cache on a busy machine.
    await expect(page.getByText(`${ROUNDS} rounds recorded`)).toBeVisible({ timeout: 60_000 });

    const status = page.locator('#progress-trends ~ .progress-note');
    await expect(status).toHaveText(new RegExp(`^Weekly averages of ${ROUNDS} rounds across 5\\d weeks\\.$`));
    // The five charts of Trends; the word trends below draw their own once their request answers.
    const trends = page.locator('section[aria-labelledby="progress-trends"]');
    await expect(trends.locator('.trend-chart svg.trend-svg')).toHaveCount(5);
    const scores = page.getByRole('region', { name: 'Clarity, rigor and speed' });
    await expect.poll(() => scores.locator('.trend-dots circle').count()).toBeGreaterThanOrEqual(3 * 50);
    const firstLabel = await scores.locator('.trend-chart').getAttribute('aria-label');

    // Filters: a category, then a question type within it, then one that matches nothing.
    const count = async () => Number(/of (\d+) rounds?/.exec((await status.textContent()) ?? '')?.[1]);
    const category = page.getByLabel('Category', { exact: true });
    const questionType = page.getByLabel('Question type', { exact: true });
    await category.selectOption('Behavioural');
    await expect(status).not.toContainText('Updating');
    await expect(status).not.toContainText(`of ${ROUNDS} rounds`);
    const behavioural = await count();
    expect(behavioural).toBeGreaterThan(1000);
    expect(behavioural).toBeLessThan(ROUNDS);
    await expect(scores.locator('.trend-chart')).not.toHaveAttribute('aria-label', firstLabel!);
    await questionType.selectOption('behavioural');
    await expect(status).not.toContainText(`of ${behavioural} rounds`);
    const stories = await count();
    expect(stories).toBeGreaterThan(0);
    expect(stories).toBeLessThan(behavioural);
    await category.selectOption('Theory');
    await expect(page.getByText('No rounds match these filters')).toBeVisible();
    await category.selectOption('');
    await questionType.selectOption('');
    await expect(status).toHaveText(new RegExp(`of ${ROUNDS} rounds`));

    // Weakest areas (the seeded candidate finds ML system design hardest), baselines, actions.
    await expect(page.locator('.weakest-list').first().locator('li').first()).toContainText('ML system design');
    await expect.poll(() => page.locator('table.baselines tbody tr').count()).toBeGreaterThanOrEqual(8);
    const actions = page.getByTestId('action-list');
    await expect(actions.locator('li')).toHaveCount(10);
    const allocation = page.getByTestId('time-allocation');
    await expect(allocation.locator('svg.time-alloc-svg')).toBeVisible();

    // Screenshots: 1366 and 1024 wide, light and dark, tall enough for every section.
    await page.mouse.move(1, 1);
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 2900 });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        await page.locator('.screen-scroll').evaluate((el) => el.scrollTo(0, 0));
        await page.screenshot({ path: path.join(screenshotDir, `progress-100k-${width}-${scheme}.png`) });
      }
    }
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1366, height: 900 });

    // A change line opens its round's review.
    const first = actions.locator('li').first();
    const change = (await first.locator('.action-change').textContent())!;
    const title = (await first.locator('.action-open').textContent())!;
    await first.getByRole('button', { name: new RegExp(`^Review ${title}`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'What will I change next time?' })).toHaveValue(change);

    // Back on Progress, the kept summary paints at once (no loading state) and is refreshed.
    const progressButton = await nav.getByRole('button', { name: 'Progress', exact: true }).elementHandle();
    const paintedAtOnce = await page.evaluate(async (button) => {
      (button as HTMLButtonElement).click();
      // One task later React has rendered the screen; the refresh has not answered yet.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return {
        trends: document.querySelectorAll('section[aria-labelledby="progress-trends"] .trend-chart svg.trend-svg')
          .length,
        loading: document.body.textContent?.includes('Loading your progress') ?? true,
      };
    }, progressButton!);
    expect(paintedAtOnce).toEqual({ trends: 5, loading: false });
    await expect(status).toHaveText(new RegExp(`^Weekly averages of ${ROUNDS} rounds`));
  } finally {
    await server.stop();
  }
});
