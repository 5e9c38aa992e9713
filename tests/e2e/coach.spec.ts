/**
 * The coach in Chromium on a seeded history: ten weeks of synthetic loops (tests/support/seed-progress)
 * plus two real recorded attempts at one mock, recorded and scored through the services. The session
 * summary draws the fatigue picture; a blind re-score prompt appears on Review once enabled in Settings
 * and its result lands on Progress; the retake view compares the attempts point by point with their
 * recordings playable; the weekly action list is made on request and checked off. Screenshots light and
 * dark at 1366 and 1024 px in test-results/screenshots.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { webmFixture } from '../support/audio';
import { seedProgress } from '../support/seed-progress';
import { call, makeApp, recordRound } from '../support/sessions';
import { startServer } from '../support/web-server';
import { expect, screenshotDir, test } from './fixtures';

const DAY = 24 * 3600 * 1000;

async function shoot(page: Page, name: string, target?: ReturnType<Page['locator']>) {
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const file = path.join(screenshotDir, `coach-${name}-${width}-${scheme}.png`);
      if (target) await target.screenshot({ path: file });
      else await page.screenshot({ path: file });
    }
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('coach: fatigue picture, blind re-score onto Progress, retakes side by side, weekly actions', async ({
  page,
  dataDir,
}) => {
  // Six sections photographed four ways each; on a loaded 2-core machine that alone takes a minute or two.
  test.setTimeout(420_000);
  const now = Date.now();
  seedProgress(dataDir, { sessions: 60, roundsPerSession: 3, seed: 13, endAt: now - 5 * DAY });
  // Two attempts at the same mock, four and three and a half days ago, recorded and scored for real.
  let clock = now - 4 * DAY;
  const app = await makeApp(dataDir, {}, () => clock);
  const { webm } = webmFixture('coach-kv-answer', [
    'The cache keeps keys and values of earlier tokens.',
    0.6,
    'It grows with the sequence.',
  ]);
  const attempts: string[] = [];
  for (const [i, scores] of [
    { clarity: 2, rigor: 2, speed: 3 },
    { clarity: 4, rigor: 3, speed: 4 },
  ].entries()) {
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'breadth-kv-cache' } });
    const round = await recordRound(app, session.id, 0, webm, 3);
    await call(app, 'session:control', { sessionId: session.id, action: 'end' });
    await call(app, 'review:save', {
      roundId: round.id,
      scores,
      postmortem: { change: i === 0 ? 'Say what is cached in one sentence first.' : 'Give the memory formula.' },
    });
    attempts.push(round.id);
    clock += DAY / 2;
  }
  await app.analysis.idle();
  // Prompts off to start with: the Review screen must not ask.
  await call(app, 'settings:update', { rescorePrompts: 'off' });
  app.close();

  const server = await startServer(dataDir);
  try {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(server.url);
    const nav = page.getByRole('navigation', { name: 'Main' });

    // 1. The session summary of a seeded three-round loop shows the fatigue picture.
    await nav.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Recent sessions' })).toBeVisible();
    await expect(page.getByTestId('rescore-prompt')).toHaveCount(0);
    await page
      .getByRole('button', { name: /^Summary of Practice set/ })
      .first()
      .click();
    const fatigue = page.getByRole('region', { name: 'Fatigue across the loop' });
    await expect(fatigue).toBeVisible();
    const chart = fatigue.getByTestId('fatigue-chart');
    await expect(chart).toHaveAttribute('aria-label', /^Round 1: .*; Round 2: .*; Round 3: .*\. The loop /);
    await expect(chart.locator('circle.fatigue-dot')).toHaveCount(3);
    await fatigue.getByText('Show the numbers').click();
    await expect(fatigue.locator('table tbody tr')).toHaveCount(3);
    await shoot(page, 'fatigue-summary', fatigue);

    // 2. Enabling re-score prompts in Settings makes Review ask about the oldest recorded round, blind.
    await nav.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Blind re-score prompts').selectOption('on');
    await nav.getByRole('button', { name: 'Review', exact: true }).click();
    const prompt = page.getByTestId('rescore-prompt');
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText('The KV cache and why it gets bigger over a sequence');
    await expect(prompt.locator('audio')).toHaveAttribute('src', /^\/media\/recordings\//);
    // Blind: nothing is selected, the earlier score is nowhere on it.
    await expect(prompt.getByRole('radio', { checked: true })).toHaveCount(0);
    await shoot(page, 'rescore-prompt', prompt);
    for (const [dimension, level] of [
      ['Clarity', '4'],
      ['Rigor', '2'],
      ['Speed', '3'],
    ] as const) {
      await prompt
        .getByRole('radiogroup', { name: dimension })
        .getByRole('radio', { name: level, exact: true })
        .check();
    }
    await prompt.getByRole('button', { name: 'Save re-score' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    // 3. Progress: the re-score against the earlier 2 / 2 / 3, and the weekly actions on request.
    await nav.getByRole('button', { name: 'Progress', exact: true }).click();
    const calibration = page.getByRole('region', { name: 'Honest self-scores' });
    await expect(calibration.getByTestId('drift-clarity')).toHaveAttribute(
      'aria-label',
      'Clarity: 1 re-score, off by 2.0 points on average, the earlier score was harsh.',
    );
    await expect(calibration.getByTestId('drift-rigor')).toHaveAttribute('aria-label', /off by 0\.0 points/);
    await expect(calibration.getByRole('table', { name: /Speed score against mean overrun/ })).toBeVisible();
    const fatigueHistory = page.getByTestId('fatigue-history');
    await expect.poll(() => fatigueHistory.locator('rect').count()).toBeGreaterThan(5);

    const weekly = page.getByRole('region', { name: 'This week’s actions' });
    await weekly.getByRole('button', { name: 'Make a list from the last 7 days' }).click();
    const items = weekly.getByTestId('weekly-actions').locator('li');
    await expect(items.first()).toBeVisible();
    const count = await items.count();
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(5);
    await expect(weekly).toContainText(/Say what is cached in one sentence first\.|Give the memory formula\./);
    const first = items.first().getByRole('checkbox');
    await first.check();
    await expect(items.first()).toHaveClass(/is-done/);
    await page.reload();
    await nav.getByRole('button', { name: 'Progress', exact: true }).click();
    await expect(page.getByRole('region', { name: 'This week’s actions' }).getByRole('checkbox').first()).toBeChecked();
    await shoot(page, 'progress-weekly-actions', page.getByRole('region', { name: 'This week’s actions' }));
    await shoot(page, 'progress-calibration', calibration);
    await shoot(page, 'progress-fatigue', page.getByRole('region', { name: 'Fatigue across loops' }));

    // 4. Retakes side by side: the newer attempt's review → Compare attempts → a column per attempt.
    await nav.getByRole('button', { name: 'Review', exact: true }).click();
    await page
      .getByRole('button', { name: 'Summary of The KV cache and why it gets bigger over a sequence' })
      .first()
      .click();
    await page.getByRole('button', { name: /^Review The KV cache/ }).click();
    await page.getByRole('button', { name: 'Compare attempts' }).click();
    const retake = page.getByTestId('retake-table');
    await expect(retake.locator('thead th')).toHaveText(['Measure', /Attempt 1/, /Attempt 2/, 'First → last']);
    const row = (name: string) =>
      retake.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row('Clarity').locator('td')).toHaveText(['2', '4', 'better']);
    await expect(row('Speed').locator('td')).toHaveText(['3', '4', 'better']);
    await expect(row('What I’ll change').locator('td')).toHaveText([
      'Say what is cached in one sentence first.',
      'Give the memory formula.',
      '',
    ]);
    await expect(row('Think time').locator('td').first()).not.toHaveText('—');
    const audio = retake.getByLabel('Recording of attempt 1');
    await expect(audio).toHaveAttribute('src', /^\/media\/recordings\//);
    // Playable from this view: the browser loads it and it plays.
    await audio.evaluate((el: HTMLAudioElement) => {
      el.muted = true;
      return el.play();
    });
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime)).toBeGreaterThan(0);
    await audio.evaluate((el: HTMLAudioElement) => el.pause());
    await shoot(page, 'retake', page.getByRole('region', { name: 'Point by point' }));
    expect(attempts).toHaveLength(2);
  } finally {
    await server.stop();
  }
});
