/**
 * Why each follow-up came, in review (issue 19): a recorded round seeded through the real services
 * with the decisions an adaptive round stores (one follow-up skipped because the answer covered its
 * point, one asked because its point was only mentioned) and a transcript. The review says both
 * reasons, names the points by number until the answer is revealed and by their words after, Play
 * seeks the recording to the evidence and plays it, and the report card counts the interruption the
 * answer had already made unnecessary. Screenshots at 1366 and 1024 px, light and dark, go to
 * test-results/screenshots/review-reasons-*.png (docs/screenshots via `npm run screenshots`).
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { FollowUpDecision } from '../../src/shared/contract';
import { storeRealPeaks, webmFixture } from '../support/audio';
import { call, makeApp, recordRound } from '../support/sessions';
import { startServer } from '../support/web-server';
import { expect, screenshotDir, test } from './fixtures';

const loop = `kind: loop
id: e2e-reasons
title: E2E reasons loop
category: E2E
rounds:
  - title: LRU cache
    questionType: system-design
    prompt: Design an LRU cache with O(1) get and put.
    budgetSeconds: 60
    expectedPoints:
      - text: Hash map from key to node combined with a doubly linked list
        cues: [hash map|dictionary, linked list, "why: find the node|pointer|move to front"]
      - text: Evict the least recently used entry from the tail when full
        cues: [evict, tail|least recently]
    followUps:
      - { text: What do you evict when it is full?, atSeconds: 3 }
      - { text: How do you find the node to move to the front?, atSeconds: 6 }
`;

const evict = 'When it is full I evict the least recently used entry from the tail.';
const lru = 'I keep a dictionary from key to node and a linked list, so the map finds the node at once.';

const skipped: FollowUpDecision = {
  decision: 'skipped',
  reason: 'covered',
  planIndex: 0,
  text: 'What do you evict when it is full?',
  pointIndexes: [1],
  atMs: 3500,
  evidenceStartMs: 1200,
  evidenceEndMs: 3000,
};
const asked: FollowUpDecision = {
  decision: 'asked',
  reason: 'only-mentioned',
  planIndex: 1,
  text: 'How do you find the node to move to the front?',
  pointIndexes: [0],
  atMs: 7000,
  evidenceStartMs: null,
  evidenceEndMs: null,
};

/** `text`'s words back to back from `startMs`, as a transcript segment. */
function timed(startMs: number, text: string, eachMs: number) {
  const words = text
    .split(' ')
    .map((w, i) => ({ text: w, startMs: startMs + i * eachMs, endMs: startMs + (i + 1) * eachMs }));
  return { startMs, endMs: words.at(-1)!.endMs, text, words };
}

async function shoot(page: Page, name: string, scrollTo: Locator): Promise<void> {
  await page.mouse.move(1, 1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 820 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await scrollTo.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      // Scrolled into view below the sticky player, not under it (its heading readable).
      const heading = scrollTo.getByRole('heading').first();
      const [player, shown] = await Promise.all([page.locator('.review-player').boundingBox(), heading.boundingBox()]);
      expect(shown!.y, `${name} at ${width} px: under the player`).toBeGreaterThanOrEqual(player!.y + player!.height);
      // Nothing in the section is wider than it (a long point or question wraps).
      expect(await scrollTo.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `${name} at ${width} px`).toBe(
        true,
      );
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}-${colorScheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
}

test.describe('review: why each follow-up came', () => {
  test.setTimeout(150_000);

  test('says why one follow-up was skipped and one asked; Play seeks to the evidence; the report card counts', async ({
    page,
    dataDir,
  }) => {
    const { webm } = webmFixture('e2e-reasons-answer', [0.8, evict, 0.6, lru, 1.2]);
    const app = await makeApp(dataDir, { 'e2e-reasons.yaml': loop });
    try {
      expect((await call(app, 'library:list', {})).problems).toEqual([]);
      const session = await call(app, 'session:start', { source: { type: 'item', id: 'e2e-reasons' } });
      const round = await recordRound(app, session.id, 0, webm);
      await storeRealPeaks(dataDir, round, webm);
      // The points each planned follow-up probes, as the round plan carries them (the content format's
      // `probes` arrives with the built-in library's update).
      app.db.$client
        .prepare(
          "UPDATE rounds SET plan_json = json_set(plan_json, '$.followUps[0].probes', json('[1]'), '$.followUps[1].probes', json('[0]')) WHERE id = ?",
        )
        .run(round.id);
      await call(app, 'followup:record', {
        roundId: round.id,
        index: 1,
        text: asked.text,
        trigger: 'jittered',
        scheduledMs: 7000,
        spokenStartMs: 7000,
        spokenEndMs: 7800,
      });
      for (const decision of [asked, skipped]) await call(app, 'followup:decision', { roundId: round.id, decision });
      // The finished transcript: the first point was clearly said before the asked follow-up.
      app.transcripts.save({
        roundId: round.id,
        modelId: 'fixture-tiny',
        createdAt: 1,
        segments: [timed(1200, evict, 130), timed(3200, lru, 170)],
      });
    } finally {
      app.close();
    }

    const server = await startServer(dataDir);
    try {
      await page.setViewportSize({ width: 1366, height: 820 });
      await page.goto(server.url);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
      await page
        .getByRole('region', { name: 'To score' })
        .getByRole('button', { name: 'Review E2E reasons loop: LRU cache' })
        .click();
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();

      // In time order: the skip, then the question asked; the points by number while hidden.
      const reasons = page.getByRole('region', { name: 'Why each follow-up came' });
      const items = reasons.getByRole('list', { name: 'Follow-up decisions' }).getByRole('listitem');
      await expect(items).toHaveCount(2);
      await expect(items.nth(0)).toContainText(/^Skipped at 0:03: you covered point 2 at 0:01\./);
      await expect(items.nth(0)).toContainText(skipped.text);
      await expect(items.nth(1)).toContainText(
        /^Asked at 0:07: you had only mentioned point 1, without explaining it\./,
      );
      await expect(reasons).toContainText('Reveal the answer to read the points by name.');
      await expect(reasons).not.toContainText('Evict the least recently used');
      // Only the skip had evidence to hear.
      await expect(items.nth(1).getByRole('button')).toHaveCount(0);

      // The report card counts the question the answer had already made unnecessary.
      await expect(page.getByTestId('report-card')).toContainText(
        '1 interruption your answer had already made unnecessary',
      );

      // Revealed: the points by their words.
      await page.getByRole('button', { name: 'Reveal answer' }).click();
      await expect(items.nth(0)).toContainText(
        'you covered “Evict the least recently used entry from the tail when full” at 0:01.',
      );
      await expect(items.nth(1)).toContainText(
        'you had only mentioned “Hash map from key to node combined with a doubly linked list”',
      );

      // Play: from elsewhere on the recording (the asked follow-up, later), the player seeks back to
      // the evidence and plays from there.
      const audio = page.locator('.review-player audio');
      await page.getByRole('button', { name: /^Go to follow-up 1, asked at 0:07/ }).click();
      await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(6.5);
      await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.seeking)).toBe(false);
      await audio.evaluate((a: HTMLAudioElement) => {
        const w = window as unknown as { heard: string[] };
        w.heard = [];
        a.addEventListener('seeked', () => w.heard.push(`seeked ${a.currentTime.toFixed(2)}`));
        a.addEventListener('playing', () => w.heard.push('playing'));
      });
      const play = items.nth(0).getByRole('button', {
        name: 'Play your answer at 0:01, where you spoke about “Evict the least recently used entry from the tail when full”',
      });
      await play.click();
      await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
      const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard);
      const target = skipped.evidenceStartMs! / 1000;
      // Seeked to the evidence's start (a position on the recording), then played on from it.
      const seekedThenPlayed = (events: string[]) => {
        const seek = events.findIndex(
          (e) => e.startsWith('seeked') && Math.abs(Number(e.split(' ')[1]) - target) < 0.1,
        );
        return seek >= 0 && events.lastIndexOf('playing') > seek;
      };
      await expect
        .poll(async () => seekedThenPlayed(await heard()), { message: 'seeked to the evidence, then played' })
        .toBe(true);
      const position = await audio.evaluate((a: HTMLAudioElement) => a.currentTime);
      expect(position).toBeGreaterThanOrEqual(skipped.evidenceStartMs! / 1000 - 0.05);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();

      await shoot(page, 'review-reasons', reasons);
      await shoot(page, 'review-interruptions', page.getByTestId('report-card').locator('xpath=..'));
    } finally {
      await server.stop();
    }
  });
});
