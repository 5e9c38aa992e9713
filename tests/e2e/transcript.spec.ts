/**
 * Transcripts in review, in Chromium against rounds recorded with the real services (espeak-ng
 * speech as webm) and transcripts saved with the real TranscriptStore (SQLite): search across
 * transcripts from the Review list opens a round at the hit's moment, the panel follows playback
 * (words, and the whole segment where the model gave no word times), a click on a word seeks, the
 * follow-ups read inline where they were asked, and a failed transcript says why.
 */
import type { Locator, Page } from '@playwright/test';
import type { TranscriptSegment } from '../../src/shared/transcript';
import { wavDurationSeconds, webmFixture } from '../support/audio';
import { call, makeApp, recordRound } from '../support/sessions';
import { startServer } from '../support/web-server';
import { expect, test } from './fixtures';

const loops = {
  'e2e-transcript.yaml': `kind: loop
id: e2e-transcript
title: E2E transcript loop
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain how a hash map works, and what happens as it fills up.
    budgetSeconds: 20
    expectedPoints:
      - text: Keys are hashed into an array of buckets
        cues: [hash, bucket]
      - text: Collisions are handled by chaining or open addressing
        cues: [collision, chaining|short list|open addressing]
      - The table grows and rehashes to keep the load factor low
    followUps:
      - { text: What is the worst case?, atSeconds: 2 }
`,
  'e2e-transcript-two.yaml': `kind: loop
id: e2e-transcript-two
title: Second transcript loop
category: E2E
rounds:
  - title: Design
    questionType: theory
    prompt: Design a cache.
    budgetSeconds: 20
    expectedPoints:
      - Pick an eviction policy
`,
};

const title = 'E2E transcript loop: Explain';
const failedTitle = 'Second transcript loop: Design';

/** Words spread evenly over [startMs, endMs], as a model with word times would give them. */
function timedSegment(text: string, startMs: number, endMs: number): TranscriptSegment {
  const words = text.split(' ');
  const step = (endMs - startMs) / words.length;
  return {
    startMs,
    endMs,
    text,
    words: words.map((w, i) => ({
      text: w,
      startMs: Math.round(startMs + i * step),
      endMs: Math.round(startMs + (i + 1) * step),
    })),
  };
}

async function expectTimeNear(audio: Locator, seconds: number): Promise<void> {
  await expect
    .poll(async () => Math.abs((await audio.evaluate((a: HTMLAudioElement) => a.currentTime)) - seconds), {
      timeout: 5000,
    })
    .toBeLessThanOrEqual(0.25);
}

async function calm(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test.describe('transcripts in review', () => {
  // One long walk through the review; on a machine shared with other builds it can take minutes.
  test.setTimeout(300_000);

  test('search finds and opens a moment; the panel follows playback, seeks on a word, shows follow-ups inline', async ({
    page,
    dataDir,
    snap,
  }) => {
    const { webm, wav } = webmFixture('e2e-transcript-answer', [
      'A hash map stores each key in a bucket chosen by its hash.',
      1.4,
      'Collisions share a bucket as a short list.',
      1.2,
      'It doubles when it fills up.',
      0.3,
    ]);
    const durationMs = Math.floor(wavDurationSeconds(wav) * 1000);
    // Three stretches of speech on the recording's timeline, the last without word times.
    const at = (fraction: number) => Math.round(durationMs * fraction);
    const segments: TranscriptSegment[] = [
      timedSegment('A hash map stores each key in a bucket chosen by its hash.', at(0), at(0.4)),
      timedSegment('Collisions share a bucket as a short list.', at(0.5), at(0.75)),
      { startMs: at(0.82), endMs: at(0.97), text: 'It doubles when it fills up.', words: [] },
    ];
    const followUpAt = at(0.45);
    const shortWord = segments[1]!.words.find((w) => w.text === 'short')!;

    const app = await makeApp(dataDir, loops);
    try {
      const session = await call(app, 'session:start', { source: { type: 'item', id: 'e2e-transcript' } });
      const round = await recordRound(app, session.id, 0, webm);
      await call(app, 'followup:record', {
        roundId: round.id,
        index: 0,
        trigger: 'scheduled',
        text: 'What is the worst case?',
        scheduledMs: followUpAt - 200,
        spokenStartMs: followUpAt,
        spokenEndMs: followUpAt + 900,
      });
      app.transcripts.save({ roundId: round.id, modelId: 'fixture-tiny', segments, createdAt: Date.now() });

      // A round whose transcription failed, with many "bucket" moments saved earlier (to page through).
      const other = await call(app, 'session:start', { source: { type: 'item', id: 'e2e-transcript-two' } });
      const otherRound = await recordRound(app, other.id, 0, webm);
      app.transcripts.save({
        roundId: otherRound.id,
        modelId: 'fixture-tiny',
        createdAt: Date.now(),
        segments: Array.from({ length: 24 }, (_, i) => ({
          startMs: i * 100,
          endMs: i * 100 + 90,
          text: `Each bucket holds entries ${i}`,
          words: [],
        })),
      });
      app.transcripts.markPending(otherRound.id, 'fixture-tiny');
      app.transcripts.markFailed(otherRound.id, 'The model file encoder.onnx is missing.');
    } finally {
      app.close();
    }

    const server = await startServer(dataDir);
    try {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(server.url);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();

      // Search: matches marked, paged with "Show more".
      const search = page.getByRole('searchbox', { name: 'Search transcripts' });
      await search.fill('bucket');
      const results = page.getByRole('list', { name: 'Transcript search results' });
      await expect(page.getByRole('status').filter({ hasText: '26 moments in your transcripts' })).toBeVisible();
      await expect(results.getByRole('button')).toHaveCount(20);
      await expect(results.locator('mark').first()).toHaveText(/^bucket$/i);
      await page.getByRole('button', { name: 'Show more (6 left)' }).click();
      await expect(results.getByRole('button')).toHaveCount(26);
      await expect(page.getByRole('button', { name: /^Show more/ })).toHaveCount(0);

      await search.fill('collisions short');
      const hit = results.getByRole('button', { name: new RegExp(`^Open ${title} at `) });
      await expect(hit).toHaveCount(1);
      await expect(hit.locator('mark')).toHaveText(['Collisions', 'short']);
      await calm(page);
      await snap('transcript-search-1366-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await snap('transcript-search-1366-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      // Opening the hit lands in the round's review at that moment.
      await hit.click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      const audio = page.locator('.review-player audio');
      await expectTimeNear(audio, segments[1]!.startMs / 1000);

      // The panel: segments in order with the follow-up inline between the answer and the reply to it.
      const panel = page.getByRole('region', { name: 'Transcript' });
      const list = panel.getByRole('list', { name: 'Transcript' });
      await expect(list.getByRole('listitem')).toHaveText([
        /A hash map stores each key/,
        /Follow-up\s+What is the worst case\?/,
        /Collisions share a bucket/,
        /It doubles when it fills up/,
      ]);
      // Playback is inside the second segment: it and its first word are current.
      await expect(list.locator('li[aria-current="true"]')).toHaveText(/Collisions share a bucket/);
      await expect(list.locator('.transcript-word[aria-current="true"]')).toHaveText('Collisions');

      // A click on a word seeks there, and that word becomes the current one.
      await list.getByText('short', { exact: true }).click();
      await expectTimeNear(audio, shortWord.startMs / 1000);
      await expect(list.locator('.transcript-word[aria-current="true"]')).toHaveText('short');

      // The follow-up's time button seeks to where it was asked.
      await list.getByRole('button', { name: /^Jump to the follow-up asked at .*What is the worst case\?$/ }).click();
      await expectTimeNear(audio, followUpAt / 1000);
      await expect(list.locator('li[aria-current="true"]')).toHaveCount(0);

      // Playing follows the words, then falls back to the whole segment where there are no word times.
      await list.getByRole('button', { name: /^Jump to [0-9:]*: Collisions share/ }).click();
      // Every word that becomes current is noted in order (a word is current for a fraction of a second).
      await list.evaluate((el) => {
        const seen: string[] = [];
        (window as unknown as { spokenWords: string[] }).spokenWords = seen;
        new MutationObserver(() => {
          const current = el.querySelector<HTMLElement>('.transcript-word[aria-current="true"]')?.dataset.ms;
          if (current && seen.at(-1) !== current) seen.push(current);
        }).observe(el, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
      });
      await page.getByRole('button', { name: 'Play' }).click();
      await expect(list.locator('li[aria-current="true"]')).toHaveText(/It doubles when it fills up/, {
        timeout: 15_000,
      });
      await expect(list.locator('li[aria-current="true"] .transcript-word')).toHaveCount(0);
      const spoken = (await page.evaluate(() => (window as unknown as { spokenWords: string[] }).spokenWords)).map(
        Number,
      );
      // The words of the segment went by in order (some may be skipped between two frames, never reordered).
      const starts = segments[1]!.words.map((w) => w.startMs);
      expect(spoken.filter((ms) => !starts.includes(ms))).toEqual([]);
      expect(spoken).toEqual([...spoken].sort((a, b) => a - b));
      expect(spoken.length).toBeGreaterThanOrEqual(3);
      // The last segment runs to the end of the recording, where playback stops by itself.
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 15_000 });

      // Keyboard: Up/Down move between the rows' time buttons.
      await list.getByRole('button', { name: /^Jump to [0-9:]*: A hash map/ }).focus();
      await page.keyboard.press('ArrowDown');
      await expect(list.getByRole('button', { name: /^Jump to the follow-up asked at/ })).toBeFocused();

      // The report card's words: pace, fillers, and the follow-up taken up or not.
      const words = page.getByRole('region', { name: 'Word report' });
      await expect(words.getByRole('row', { name: /^Pace / })).toContainText('wpm');
      await expect(words.getByRole('row', { name: /^Filler words / })).toContainText('% of words');
      await expect(words.getByRole('table', { name: 'Follow-ups, by your words' }).getByRole('row')).toHaveCount(2);

      // Suggestions in the checklist after the reveal: evidence and time, never a mark until confirmed.
      const answer = page.getByRole('region', { name: 'Answer', exact: true });
      await answer.getByRole('button', { name: 'Reveal answer' }).click();
      const points = answer.getByRole('list').first();
      // Three levels: explained (clear), named only (mentioned), not heard.
      await expect(answer.getByText('0 of 3 covered · transcript: 1 clearly covered, 1 mentioned')).toBeVisible();
      await expect(points.getByRole('listitem').nth(0)).toContainText('Clearly covered');
      await expect(points.getByRole('listitem').nth(1)).toContainText('Mentioned');
      await expect(points.getByRole('listitem').nth(1)).toContainText('Collisions share a bucket as a short');
      await expect(points.getByRole('listitem').nth(2)).toContainText('Not heard in the transcript.');
      const coveredRadios = points.getByRole('radio', { name: 'Covered' });
      await expect(coveredRadios).toHaveCount(3);
      for (let i = 0; i < 3; i++) await expect(coveredRadios.nth(i)).not.toBeChecked();
      await calm(page);
      await answer.scrollIntoViewIfNeeded();
      for (const width of [1366, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        await answer.scrollIntoViewIfNeeded();
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await calm(page);
          await snap(`transcript-suggestions-${width}-${colorScheme}`);
        }
      }
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.emulateMedia({ colorScheme: 'light' });
      // "Hear it" plays from the evidence.
      await points.getByRole('button', { name: /^Hear the evidence for point 2, at / }).click();
      await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 15_000 });
      // One click confirms; only then does it count.
      await points.getByRole('button', { name: 'Confirm point 2 covered' }).click();
      await expect(coveredRadios.nth(1)).toBeChecked();
      await expect(answer.getByText('1 of 3 covered · transcript: 1 clearly covered, 1 mentioned')).toBeVisible();
      await expect(points.getByRole('button', { name: 'Confirm point 2 covered' })).toHaveCount(0);
      await words.scrollIntoViewIfNeeded();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await calm(page);
        await snap(`transcript-word-report-1366-${colorScheme}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });

      await list.getByText('short', { exact: true }).click();
      await expect(list.locator('.transcript-word[aria-current="true"]')).toHaveText('short');
      await panel.scrollIntoViewIfNeeded();
      for (const width of [1366, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await calm(page);
          await snap(`transcript-review-${width}-${colorScheme}`);
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });

      // A round whose transcription failed says why (and keeps the earlier transcript).
      await page.getByRole('button', { name: 'Review list' }).click();
      await page.getByRole('button', { name: `Review ${failedTitle}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: failedTitle })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Transcript' }).getByRole('alert')).toHaveText(
        /Transcribing again failed: The model file encoder\.onnx is missing\./,
      );
    } finally {
      await server.stop();
    }
  });
});

test.describe('word trends on Progress', () => {
  test.setTimeout(120_000);

  test('draws weekly pace, fillers, hedges and follow-up uptake from the stored word metrics', async ({
    page,
    dataDir,
    snap,
  }) => {
    const { webm } = webmFixture('e2e-transcript-answer', [
      'A hash map stores each key in a bucket chosen by its hash.',
      1.4,
      'Collisions share a bucket as a short list.',
      1.2,
      'It doubles when it fills up.',
      0.3,
    ]);
    const week = 7 * 24 * 3600 * 1000;
    const start = Date.now() - 6 * week;
    let t = start;
    const app = await makeApp(dataDir, loops, () => t);
    try {
      for (let i = 0; i < 6; i++) {
        t = start + i * week;
        const session = await call(app, 'session:start', { source: { type: 'item', id: 'e2e-transcript' } });
        const round = await recordRound(app, session.id, 0, webm);
        // Slower and with fewer fillers week by week.
        const text =
          i < 3
            ? 'um so basically a hash map like stores each key in a bucket'
            : 'a hash map stores each key in a bucket';
        app.transcripts.save({
          roundId: round.id,
          modelId: 'fixture-tiny',
          createdAt: t,
          segments: [timedSegment(text, 0, 3000 + i * 400)],
        });
      }
    } finally {
      app.close();
    }
    const server = await startServer(dataDir);
    try {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(server.url);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Progress', exact: true })
        .click();
      const section = page.getByRole('region', { name: 'Your words' });
      await expect(section.getByText('Weekly averages of 6 transcribed rounds across')).toBeVisible();
      for (const title of ['Pace', 'Filler words', 'Hedges and restarts', 'Follow-ups'])
        await expect(section.getByRole('region', { name: title, exact: true })).toBeVisible();
      // Pace is drawn as a line through a dot per week, inside the shaded 100–165 wpm band.
      const pace = section.getByRole('region', { name: 'Pace', exact: true });
      await expect(pace.locator('path.trend-line')).toBeVisible();
      await expect(pace.locator('path.trend-line')).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){5}$/);
      await expect(pace.locator('.trend-dots circle')).toHaveCount(6);
      await expect(pace.locator('rect.trend-band')).toBeVisible();
      await expect(pace.getByRole('table', { name: 'Pace, weekly averages' }).locator('tbody tr')).toHaveCount(6);
      await expect(section.getByRole('img', { name: /^Weekly average words per minute/ })).toHaveAccessibleName(
        /6 weeks\./,
      );
      await section.scrollIntoViewIfNeeded();
      for (const width of [1366, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await calm(page);
          await section.scrollIntoViewIfNeeded();
          await snap(`word-trends-${width}-${colorScheme}`);
        }
      }
    } finally {
      await server.stop();
    }
  });
});
