/**
 * Opening a round's review asks for what it draws as early as it can, in Chromium against a round
 * recorded with the real services and a long transcript saved with the real TranscriptStore: the
 * transcript is asked for together with review:get (not once the review has rendered), the
 * waveform's peaks as soon as review:get answers (before the review is in the page), words:round
 * once (not again on learning the round is revealed), and only the rows near the transcript
 * panel's view are built word by word, the rest coming as they scroll into view, still seekable.
 * Orders and counts, never times.
 */
import type { Page } from '@playwright/test';
import type { TranscriptSegment } from '../../src/shared/transcript';
import { wavDurationSeconds, webmFixture } from '../support/audio';
import { call, makeApp, recordRound } from '../support/sessions';
import { startServer } from '../support/web-server';
import { expect, test } from './fixtures';

const loop = `kind: loop
id: e2e-review-open
title: E2E review open
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain how a hash map works.
    budgetSeconds: 20
    expectedPoints:
      - text: Keys are hashed into an array of buckets
        cues: [hash, bucket]
`;

const SEGMENTS = 120;
const WORDS = 25;

/** Many short segments, each word with its own time, so the panel scrolls through far more rows than it shows. */
function longTranscript(durationMs: number): TranscriptSegment[] {
  const step = Math.floor(durationMs / SEGMENTS);
  return Array.from({ length: SEGMENTS }, (_, s) => {
    const startMs = s * step;
    const words = Array.from({ length: WORDS }, (_, w) => ({
      text: w === 0 ? `row${s}` : w % 5 === 0 ? 'bucket' : 'hash',
      startMs: startMs + Math.floor((w * step) / WORDS),
      endMs: startMs + Math.floor(((w + 1) * step) / WORDS),
    }));
    return { startMs, endMs: words.at(-1)!.endMs, text: words.map((w) => w.text).join(' '), words };
  });
}

type Opening = {
  reviewInPage: number | null;
  resources: { name: string; startTime: number; responseEnd: number }[];
};

/** Notes, on the page's clock, when the review's heading first enters the page (armed before the click). */
async function watchOpening(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __opening: { reviewInPage: number | null } };
    w.__opening = { reviewInPage: null };
    performance.clearResourceTimings();
    const observer = new MutationObserver(() => {
      if (w.__opening.reviewInPage === null && document.querySelector('.round-review')) {
        w.__opening.reviewInPage = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

async function opening(page: Page): Promise<Opening> {
  return page.evaluate(() => ({
    reviewInPage: (window as unknown as { __opening: { reviewInPage: number | null } }).__opening.reviewInPage,
    resources: performance.getEntriesByType('resource').map((e) => ({
      name: decodeURIComponent(e.name),
      startTime: e.startTime,
      responseEnd: (e as PerformanceResourceTiming).responseEnd,
    })),
  }));
}

test.describe('opening a review', () => {
  test.setTimeout(180_000);

  test('asks for the transcript with the review, the peaks before drawing it, words once; rows get words near view', async ({
    page,
    dataDir,
  }) => {
    const { webm, wav } = webmFixture('e2e-review-open-answer', [
      'A hash map stores each key in a bucket chosen by its hash.',
      0.6,
      'Collisions share a bucket.',
    ]);
    const durationMs = Math.floor(wavDurationSeconds(wav) * 1000);
    const segments = longTranscript(durationMs);
    const app = await makeApp(dataDir, { 'e2e-review-open.yaml': loop });
    try {
      const session = await call(app, 'session:start', { source: { type: 'item', id: 'e2e-review-open' } });
      const round = await recordRound(app, session.id, 0, webm);
      app.transcripts.save({ roundId: round.id, modelId: 'fixture-tiny', segments, createdAt: Date.now() });
      // Revealed: words:round then carries suggestions, which is when the old code asked twice.
      await call(app, 'review:reveal', { roundId: round.id });
    } finally {
      app.close();
    }

    const server = await startServer(dataDir);
    try {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(server.url);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
      const queued = page.getByRole('list', { name: 'Rounds to score' }).getByRole('button').first();
      await expect(queued).toBeVisible();

      const wordsAsked: string[] = [];
      page.on('request', (request) => {
        if (decodeURIComponent(request.url()).includes('/api/words:round')) wordsAsked.push(request.url());
      });
      const reviewAnswer = page.waitForResponse((r) => decodeURIComponent(r.url()).includes('/api/review:get'));
      const wordsAnswer = page.waitForResponse((r) => decodeURIComponent(r.url()).includes('/api/words:round'));
      await watchOpening(page);
      await queued.click();
      const review = (await (await reviewAnswer).json()) as {
        value: { round: { recording: { peaksUrl: string } } };
      };
      const peaksPath = decodeURIComponent(review.value.round.recording.peaksUrl.split('?')[0]!);

      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
      const list = page.getByRole('list', { name: 'Transcript' });
      const rows = list.locator('li[data-segment]');
      await expect(rows).toHaveCount(SEGMENTS);
      await expect(rows.first().locator('.transcript-word')).toHaveCount(WORDS);
      // words:round has answered (the old code had asked again by the time the transcript was drawn).
      await wordsAnswer;

      const seen = await opening(page);
      const find = (part: string) => {
        const entry = seen.resources.find((r) => r.name.includes(part));
        expect(entry, `a request for ${part}`).not.toBeUndefined();
        return entry!;
      };
      const reviewGet = find('/api/review:get');
      // The transcript went out before review:get had answered: asked together, not after rendering.
      expect(find('/api/transcript:get').startTime).toBeLessThan(reviewGet.responseEnd);
      // The peaks went out before the review was in the page: on review:get's answer, not from the waveform.
      expect(seen.reviewInPage).not.toBeNull();
      expect(find(peaksPath).startTime).toBeLessThan(seen.reviewInPage!);
      expect(wordsAsked).toHaveLength(1);

      // Rows far below the panel's view hold their words as text; scrolled to, they get a word each.
      const last = rows.last();
      await expect(last).toContainText(`row${SEGMENTS - 1} hash`);
      expect(await last.locator('.transcript-word').count()).toBe(0);
      await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect(last.locator('.transcript-word')).toHaveCount(WORDS);
      // A word there seeks the recording to its time.
      const target = segments.at(-1)!.words[0]!;
      await last.locator('.transcript-word').first().click();
      const audio = page.locator('audio');
      await expect
        .poll(async () =>
          Math.abs((await audio.evaluate((a: HTMLAudioElement) => a.currentTime)) - target.startMs / 1000),
        )
        .toBeLessThanOrEqual(0.25);
    } finally {
      await server.stop();
    }
  });
});
