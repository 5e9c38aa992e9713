/**
 * "Today" in Chromium on a history seeded through the real services (tests/support/seed-today.ts):
 * the Library opens with the proposed session (the two items missed most recently, most overdue
 * first, each saying why), retire and bring back one, one click starts the session through
 * session:start, and finishing it moves both items to "Coming up" with their next dates.
 * Screenshots in light and dark at 1366 and 1024 px (test-results/screenshots only).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DAY, HOUR, aced, practise, todayApp, weak } from '../support/seed-today';
import { startServer } from '../support/web-server';
import { expect, screenshotDir, test } from './fixtures';

const mock = (id: string, title: string, questionType: string, prompt: string) => `kind: mock
id: ${id}
title: ${title}
category: Warm-ups
rounds:
  - questionType: ${questionType}
    prompt: ${prompt}
    budgetSeconds: 30
    expectedPoints: [first point, second point, third point, fourth point]
`;
const files = {
  'today-hash-map.yaml': mock('today-hash-map', 'Hash map basics', 'theory', 'Explain how a hash map works.'),
  'today-locks.yaml': mock('today-locks', 'Locks in one minute', 'implementation', 'When would you use a lock?'),
};

/** Every built-in category aced a day ago, and the two warm-ups missed: they are what is due. */
async function seed(dataDir: string): Promise<void> {
  const now = Date.now();
  const clock = { now };
  const app = await todayApp(dataDir, files, clock, { builtin: true });
  try {
    const firstOfEach = new Map<string, string>();
    for (const item of [...app.content().items.values()].sort((a, b) => a.id.localeCompare(b.id)))
      if (item.category !== 'Warm-ups' && !firstOfEach.has(item.category)) firstOfEach.set(item.category, item.id);
    for (const id of firstOfEach.values()) await practise(app, clock, { type: 'item', id }, now - 30 * HOUR, aced);
    await practise(app, clock, { type: 'item', id: 'today-locks' }, now - 2 * DAY, weak);
    await practise(app, clock, { type: 'item', id: 'today-hash-map' }, now - 20 * HOUR, weak);
  } finally {
    app.close();
  }
}

/** Opens the app once the browser lists speech voices (the test's speech-dispatcher may still be loading). */
async function openWithVoices(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect
    .poll(
      async () => {
        const voices = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              if (speechSynthesis.getVoices().length) return resolve(speechSynthesis.getVoices().length);
              speechSynthesis.addEventListener('voiceschanged', () => resolve(speechSynthesis.getVoices().length));
              setTimeout(() => resolve(speechSynthesis.getVoices().length), 2000);
            }),
        );
        if (voices === 0) await page.reload();
        return voices;
      },
      { message: 'the browser lists speech voices', timeout: 30_000 },
    )
    .toBeGreaterThan(0);
}

async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.mouse.move(1, 1);
  for (const width of [1366, 1024])
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}-${scheme}.png`) });
    }
  await page.setViewportSize({ width: 1366, height: 800 });
}

test('Today proposes what is due, starts it in one click, and finishing it moves the items on', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(150_000);
  await seed(dataDir);
  const server = await startServer(dataDir);
  try {
    await openWithVoices(page, server.url);
    const today = page.getByTestId('today');
    await expect(today.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible();
    const proposed = today.getByRole('list', { name: 'Proposed items' }).getByRole('listitem');
    // The one missed two days ago is more overdue than the one missed yesterday; nothing else is due.
    await expect(proposed).toHaveCount(2);
    await expect(proposed.nth(0)).toContainText('Locks in one minute');
    await expect(proposed.nth(1)).toContainText('Hash map basics');
    await expect(proposed.nth(1)).toContainText('Weak last time');
    await expect(proposed.nth(1)).toContainText('missed 3 of 4 expected points');
    await expect(today).toContainText('2 items · 1 min');
    await screenshots(page, 'today');

    // Retire one: it leaves the proposal, and its question type (still due) brings another item of
    // that type in its place; bring it back from the Retired list.
    await today.getByRole('button', { name: 'Retire Hash map basics' }).click();
    await expect(proposed.filter({ hasText: 'Hash map basics' })).toHaveCount(0);
    await expect(proposed.nth(1)).toContainText('Question type due');
    await expect(proposed.nth(1)).toContainText('the last round of this type was weak');
    await today.getByText(/Retired \(1\)/).click();
    await today.getByRole('button', { name: 'Bring back Hash map basics' }).click();
    await expect(proposed).toHaveCount(2);
    await expect(proposed.nth(1)).toContainText('Hash map basics');

    // One click starts it through the Library's session start; both rounds run.
    await today.getByRole('button', { name: 'Start today’s session' }).click();
    await expect(page.getByRole('heading', { name: /Practice: Locks in one minute · Hash map basics/ })).toBeVisible();
    await page.getByRole('button', { name: 'Begin session' }).click();
    await expect(page.getByRole('region', { name: 'Prompt' })).toContainText('When would you use a lock?');
    await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Next round' }).click();
    await page.getByRole('button', { name: 'Start round 2' }).click({ timeout: 20_000 });
    await expect(page.getByRole('region', { name: 'Prompt' })).toContainText('Explain how a hash map works.');
    await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Finish session' }).click();
    await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });

    // Back on the Library, both items have moved on: nothing is due, and they come up later.
    await page.getByRole('button', { name: 'Go to the Library' }).click();
    await expect(today).toContainText('Nothing is due today.');
    await expect(proposed).toHaveCount(0);
    await today.getByText(/Coming up \(\d+\)/).click();
    const upcoming = today.getByRole('list', { name: 'Coming up' });
    for (const title of ['Locks in one minute', 'Hash map basics'])
      await expect(upcoming.getByRole('listitem').filter({ hasText: title })).toContainText(
        /due in \d+ (h|days)|due tomorrow/,
      );
    await screenshots(page, 'today-after');
  } finally {
    await server.stop();
  }
});
