/**
 * Progress in Chromium against a data folder seeded with 600 synthetic rounds over ten weeks: trend
 * charts drawn as SVG with a point per week, the Category and Question type filters changing what is
 * charted, weakest areas, baselines, the postmortems' action list and the latest session's time
 * allocation; screenshots in light and dark (test-results/screenshots only: `npm run screenshots`
 * copies them into docs/screenshots); then Settings' export downloads a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedProgress } from '../support/seed-progress';
import { startServer } from '../support/web-server';
import { expect, screenshotDir, test } from './fixtures';

test('progress charts seeded history, filters it and exports it', async ({ page, dataDir }) => {
  const seeded = seedProgress(dataDir, { sessions: 200, roundsPerSession: 3, seed: 42 });
  expect(seeded.rounds).toBe(600);
  const server = await startServer(dataDir);
  try {
    await page.goto(server.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Progress', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();

    // Trends: one SVG per chart, a point per week on each score line.
    for (const name of ['Trends', 'Weakest areas', 'Personal baselines', 'What I’ll change']) {
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    }
    for (const name of ['Clarity, rigor and speed', 'Think time', 'Talk time', 'Overrun', 'Ramble time']) {
      await expect(page.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
    }
    const scores = page.getByRole('region', { name: 'Clarity, rigor and speed' });
    await expect(scores.locator('svg.trend-svg')).toHaveCount(1);
    // The five charts of Trends (the word trends below draw their own once their request answers).
    await expect(page.locator('section[aria-labelledby="progress-trends"] .trend-chart svg.trend-svg')).toHaveCount(5);
    const scoreDots = scores.locator('.trend-dots circle');
    await expect.poll(() => scoreDots.count()).toBeGreaterThanOrEqual(3 * 10);
    await expect(page.locator('.trend-chart .trend-tick').first()).toBeVisible();
    await expect(scores.locator('.trend-chart')).toHaveAttribute('aria-label', /Weekly average scores.*Clarity: \d/);

    // Filters change what is charted.
    const status = page.locator('#progress-trends ~ .progress-note');
    await expect(status).toHaveText(/Weekly averages of 600 rounds across 1\d weeks\./);
    // The numbers behind each chart, for screen readers: a row per week, a column per line.
    const weeks = Number(/across (\d+) weeks/.exec((await status.textContent()) ?? '')?.[1]);
    const numbers = scores.getByRole('table', { name: 'Clarity, rigor and speed, weekly averages' });
    await expect(numbers.locator('tbody tr')).toHaveCount(weeks);
    await expect(numbers.locator('thead th')).toHaveText(['Week of', 'Clarity', 'Rigor', 'Speed']);
    await expect(scoreDots).toHaveCount(3 * weeks);
    const category = page.getByLabel('Category', { exact: true });
    const questionType = page.getByLabel('Question type', { exact: true });
    await category.selectOption('Behavioural');
    // Until the filtered summary is in, the note says "Updating…" over the previous counts.
    await expect(status).toHaveText(/^Weekly averages of (?!600 )\d+ rounds/);
    const behavioural = Number(/of (\d+) rounds/.exec((await status.textContent()) ?? '')?.[1]);
    expect(behavioural).toBeGreaterThan(20);
    expect(behavioural).toBeLessThan(600);
    await questionType.selectOption('motivation');
    await expect(status).toHaveText(new RegExp(`^Weekly averages of (?!${behavioural} )\\d+ rounds?`));
    const motivation = Number(/of (\d+) rounds?/.exec((await status.textContent()) ?? '')?.[1]);
    expect(motivation).toBeGreaterThan(0);
    expect(motivation).toBeLessThan(behavioural);
    await category.selectOption('Theory');
    await expect(page.getByText('No rounds match these filters')).toBeVisible();
    await category.selectOption('');
    await questionType.selectOption('');
    await expect(status).toHaveText(/of 600 rounds/);

    // Weakest areas, baselines, actions.
    await expect(page.locator('.weakest-list').first().locator('li').first()).toContainText('ML system design');
    await expect(page.locator('table.baselines tbody tr')).toHaveCount(seeded.questionTypes.length);
    const actions = page.getByTestId('action-list');
    await expect(actions.locator('li')).toHaveCount(Math.min(10, seeded.changes.length));
    for (const change of seeded.changes.slice(0, 3)) await expect(actions).toContainText(change);

    // The latest session's time allocation: a stacked bar chart with a table behind it.
    const allocation = page.getByTestId('time-allocation');
    await expect(allocation.locator('svg.time-alloc-svg')).toBeVisible();
    await expect.poll(() => allocation.locator('rect.time-alloc-bar').count()).toBeGreaterThanOrEqual(3 * 2);
    await expect(allocation.locator('.time-alloc-chart')).toHaveAttribute('aria-label', /Round 1, .*planned .*actual/);
    await allocation.getByText('Show the numbers').click();
    await expect(allocation.locator('table tbody tr')).toHaveCount(3);

    // Screenshots, light then dark (the charts read their colours from the theme at runtime).
    fs.mkdirSync(screenshotDir, { recursive: true });
    await allocation.getByText('Show the numbers').click();
    // Tall enough for every section down to the time allocation; no tooltip left open by the clicks.
    await page.setViewportSize({ width: 1280, height: 3000 });
    await page.mouse.move(1, 1);
    await page.locator('.screen-scroll').evaluate((el) => el.scrollTo(0, 0));
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const light = path.join(screenshotDir, 'progress-light.png');
    await page.screenshot({ path: light });
    await allocation.screenshot({ path: path.join(screenshotDir, 'progress-time-allocation-light.png') });
    const lightAxis = await page.locator('.trend-chart .trend-tick').first().getAttribute('fill');

    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => page.locator('.trend-chart .trend-tick').first().getAttribute('fill')).not.toBe(lightAxis);
    const dark = path.join(screenshotDir, 'progress-dark.png');
    await page.screenshot({ path: dark });
    await allocation.screenshot({ path: path.join(screenshotDir, 'progress-time-allocation-dark.png') });
    await scores.screenshot({ path: path.join(screenshotDir, 'progress-scores-dark.png') });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1280, height: 820 });

    // Export from Settings downloads the file and says how many sessions it holds.
    await nav.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Export your data' })).toBeVisible();
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^loop-coach-.*\.json$/);
    const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8')) as { sessions: unknown[] };
    expect(exported.sessions).toHaveLength(200);
    await expect(page.getByText('Exported 200 sessions')).toBeVisible();
    await page.getByRole('region', { name: 'Export your data' }).screenshot({
      path: path.join(screenshotDir, 'settings-export.png'),
    });
    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Markdown report' }).click(),
    ]);
    expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  } finally {
    await server.stop();
  }
});
