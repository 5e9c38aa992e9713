/**
 * Review in Chromium against rounds recorded with the real services (espeak-ng speech as webm):
 * the to-score queue, the waveform from stored peaks with follow-up markers, speed with pitch kept,
 * J/K and marker clicks seeking, blind scoring, reveal, scores, checklists, postmortem and a ramble
 * dragged on the waveform, all still there after a reload; then the attempts side by side.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { RoundView } from '../../src/shared/contract';
import type { LoopCoach } from '../../src/main/services/app';
import { chunksOf, realPeaks, webmFixture } from '../support/audio';
import { call, makeApp, recordRound } from '../support/sessions';
import { startServer } from '../support/web-server';
import { expect, test } from './fixtures';

const reviewLoop = `kind: loop
id: e2e-review
title: E2E review loop
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain how a hash map works, and what happens as it fills up.
    budgetSeconds: 20
    expectedPoints:
      - Keys are hashed into an array of buckets
      - Collisions are handled by chaining or open addressing
      - The table grows and rehashes to keep the load factor low
    followUps:
      - { text: What is the worst case?, atSeconds: 2 }
      - { text: How do you resize it?, atSeconds: 5 }
    referenceAnswer: |
      **Core idea.** Hash the key, take it modulo the number of buckets, and store the entry there.

      - Collisions: a short list per bucket (chaining) or probing for the next free slot.
      - Resizing: when the load factor passes about 0.75, double the table and rehash every key.

      \`\`\`python
      def bucket(key, n):
          return hash(key) % n
      \`\`\`

      Average lookup is \`O(1)\`; the worst case is \`O(n)\` when every key lands in one bucket.
      With $n$ keys in $m$ buckets the load factor is $\\alpha = n / m$, and a successful lookup with
      chaining inspects on average

      $$
      1 + \\frac{\\alpha}{2} \\text{ entries.}
      $$

      | Collisions | Expected lookup | Extra memory |
      | --- | --- | --- |
      | Chaining | $O(1 + \\alpha)$ | a pointer per entry |
      | Open addressing | $O\\left(\\frac{1}{1 - \\alpha}\\right)$ | none beyond the array |
`;

const roundTitle = 'E2E review loop: Explain';
const followUps = [
  { text: 'What is the worst case?', scheduledMs: 1800, spokenStartMs: 2000, spokenEndMs: 3300 },
  { text: 'How do you resize it?', scheduledMs: 4600, spokenStartMs: 5000, spokenEndMs: 6300 },
];
const points = [
  'Keys are hashed into an array of buckets',
  'Collisions are handled by chaining or open addressing',
  'The table grows and rehashes to keep the load factor low',
];
const postmortem = {
  'What went well in this round?': 'Stated the bucket idea in the first sentence.',
  'What did I miss or get wrong?': 'Never said what the load factor threshold is.',
  'What will I change next time?': 'Quantify the resize: double at 0.75 load.',
};

/**
 * Records a round as the renderer does, with the answer's real peaks travelling in its chunks
 * (max |sample| per 1/50 s on a square-root scale, what the level meter computes), so the stored
 * peaks file is the recording path's own output and nothing is written behind its back.
 */
async function recordWithRealPeaks(
  app: LoopCoach,
  sessionId: string,
  webm: string,
  chunkCount = 6,
): Promise<RoundView> {
  const peaks = await realPeaks(webm);
  const { round, recording } = await call(app, 'round:begin', { sessionId, roundIndex: 0, mimeType: 'audio/webm' });
  const chunks = chunksOf(webm, chunkCount);
  let offset = 0;
  for (const [seq, data] of chunks.entries()) {
    const share = peaks.subarray(
      Math.floor((seq * peaks.length) / chunks.length),
      Math.floor(((seq + 1) * peaks.length) / chunks.length),
    );
    await call(app, 'recording:chunk', {
      recordingId: recording.id,
      seq,
      offset,
      data: data as Uint8Array<ArrayBuffer>,
      peaks: new Uint8Array(share),
    });
    offset += data.byteLength;
  }
  await call(app, 'recording:finish', { recordingId: recording.id });
  const ended = await call(app, 'round:end', { roundId: round.id, outcome: 'done' });
  const stored = fs.readFileSync(path.join(app.paths.dataDir, ended.recording!.peaksUrl.slice('/media/'.length)));
  expect(Buffer.compare(stored, Buffer.from(peaks))).toBe(0);
  return ended;
}

async function expectTimeNear(audio: Locator, seconds: number): Promise<void> {
  await expect
    .poll(async () => Math.abs((await audio.evaluate((a: HTMLAudioElement) => a.currentTime)) - seconds), {
      timeout: 5000,
    })
    .toBeLessThanOrEqual(0.25);
}

/** Screenshots without a hover or focus ring on whatever was clicked last. */
async function calm(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function openReviewScreen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
}

test.describe('review', () => {
  test.setTimeout(120_000);

  test('queue → listen, mark and score a round → everything survives a reload → compare attempts', async ({
    page,
    dataDir,
    snap,
  }) => {
    const { webm } = webmFixture('e2e-review-answer', [
      'A hash map stores each key in a bucket chosen by its hash.',
      1.4,
      'Collisions share a bucket as a short list.',
      1.2,
      'It doubles when it fills up.',
      0.3,
    ]);

    // Seed with the real services before the server starts.
    const app = await makeApp(dataDir, { 'e2e-review.yaml': reviewLoop });
    let round: RoundView;
    try {
      const { problems } = await call(app, 'library:list', {});
      expect(problems).toEqual([]);
      await call(app, 'settings:update', { blindScoring: true });
      // An earlier, scored attempt at the same prompt.
      const earlier = await call(app, 'session:start', { source: { type: 'item', id: 'e2e-review' } });
      const earlierRound = await recordWithRealPeaks(app, earlier.id, webm);
      await call(app, 'review:save', {
        roundId: earlierRound.id,
        scores: { clarity: 2, rigor: 3, speed: 2 },
        postmortem: { change: 'Lead with the bucket array before the details.' },
      });
      // A round of a built-in loop, so the queue has more than one entry.
      const other = await call(app, 'session:start', { source: { type: 'item', id: 'loop-rag-experiment' } });
      await recordRound(app, other.id, 0, webm);
      await new Promise((resolve) => setTimeout(resolve, 20));
      // The attempt reviewed here, with two follow-ups spoken at 2 s and 5 s.
      const session = await call(app, 'session:start', { source: { type: 'item', id: 'e2e-review' } });
      round = await recordWithRealPeaks(app, session.id, webm);
      for (const [index, f] of followUps.entries())
        await call(app, 'followup:record', { roundId: round.id, index, trigger: 'scheduled', ...f });
    } finally {
      app.close();
    }

    const server = await startServer(dataDir);
    try {
      await page.goto(server.url);
      await openReviewScreen(page);

      // The queue: unscored recorded rounds, newest first; the scored attempt is not in it.
      const queue = page.getByRole('region', { name: 'To score' });
      await expect(queue.getByRole('button', { name: /^Review / })).toHaveCount(2);
      await expect(queue.getByRole('button', { name: /^Review / }).first()).toHaveAccessibleName(
        `Review ${roundTitle}`,
      );
      await snap('review-queue');
      await queue.getByRole('button', { name: `Review ${roundTitle}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: roundTitle })).toBeVisible();

      // The waveform is drawn from the stored peaks, with a labelled marker per follow-up.
      const waveform = page.getByRole('slider', { name: 'Playback position' });
      await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
      for (const f of followUps) await expect(waveform.getByText(f.text)).toBeVisible();
      const audio = page.locator('.review-player audio');
      await expect(audio).toHaveAttribute('preload', 'metadata');

      // Speed: default from settings (1.5x), pitch preserved.
      await expect(page.getByRole('radio', { name: '1.5x' })).toBeChecked();
      await page.getByRole('radio', { name: '2x' }).check();
      expect(await audio.evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(2);
      await page.getByRole('radio', { name: '1.5x' }).check();
      expect(
        await audio.evaluate((a: HTMLAudioElement) => ({ rate: a.playbackRate, pitch: a.preservesPitch })),
      ).toEqual({ rate: 1.5, pitch: true });
      await waveform.focus();
      await page.keyboard.press('[');
      await expect(page.getByRole('radio', { name: '1.25x' })).toBeChecked();
      await page.keyboard.press(']');
      await expect(page.getByRole('radio', { name: '1.5x' })).toBeChecked();

      // K / J step through the follow-ups; clicking a marker seeks to it.
      await page.keyboard.press('k');
      await expectTimeNear(audio, 2);
      await page.keyboard.press('k');
      await expectTimeNear(audio, 5);
      await page.keyboard.press('j');
      await expectTimeNear(audio, 2);
      await page.keyboard.press('ArrowRight');
      await expectTimeNear(audio, 7);
      await waveform.getByText('How do you resize it?').click();
      await expectTimeNear(audio, 5);
      await waveform.getByText('What is the worst case?').click();
      await expectTimeNear(audio, 2);

      // It really plays (and pauses) at that speed.
      await page.getByRole('button', { name: 'Play' }).click();
      await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
      await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(2.5);
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
      // Skip silences: playing from inside the pause after the first sentence (about 3.6–5.0 s) jumps
      // straight to the next speech, far sooner than playback at 1.5x would get there.
      await page.getByRole('checkbox', { name: 'Skip silences' }).check();
      const duration = await audio.evaluate((a: HTMLAudioElement) => a.duration);
      const waveBox = (await waveform.boundingBox())!;
      await page.mouse.click(waveBox.x + (waveBox.width * 3.9) / duration, waveBox.y + waveBox.height * 0.7);
      await expectTimeNear(audio, 3.9);
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(200);
      const afterSkip = await audio.evaluate((a: HTMLAudioElement) => a.currentTime);
      await page.getByRole('button', { name: 'Pause' }).click();
      expect(afterSkip).toBeGreaterThan(4.6);

      // Blind scoring: timing stays hidden until all three scores are set.
      const timing = page.getByRole('region', { name: 'Timing' });
      await expect(timing).toContainText('Blind scoring is on');
      await expect(page.locator('.player-total')).toHaveCount(0);

      // A point mark at the current time (key 1) and a ramble dragged on the waveform.
      await waveform.getByText('What is the worst case?').click();
      await page.keyboard.press('1');
      const marks = page.getByRole('list', { name: 'Marks' });
      await expect(marks.getByText('Core answer')).toBeVisible();
      const box = (await waveform.boundingBox())!;
      const y = box.y + box.height * 0.7;
      await page.mouse.move(box.x + box.width * 0.64, y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.64 + 0.022 * i), y);
      await page.mouse.up();
      await expect(marks.getByText('Ramble')).toBeVisible();
      await expect(waveform.locator('[part~="region"]')).toHaveCount(1);
      // The speech analysis the server ran at start shades speech under the waveform.
      await expect(page.getByRole('img', { name: /^Speech \d+ % of the recording, in \d+ stretches$/ })).toBeVisible({
        timeout: 20_000,
      });
      await calm(page);
      await page.evaluate(() => document.querySelector('.screen-scroll')?.scrollTo(0, 0));
      await snap('review-light');

      // Reveal, score, tick, write.
      await expect(page.getByText(points[0]!)).toHaveCount(0);
      await page.getByRole('button', { name: 'Reveal answer' }).click();
      await expect(page.getByRole('heading', { name: 'Reference answer' })).toBeVisible();
      await expect(page.locator('.markdown pre code')).toContainText('return hash(key) % n');
      await expect(page.locator('.markdown strong').first()).toHaveText('Core idea.');
      // The formula is typeset (MathML drawn by Chromium: a fraction with real width and height) and
      // the comparison is a table.
      const formula = page.locator('.markdown math[display="block"]');
      await expect(formula.locator('mfrac')).toHaveCount(1);
      const drawn = (await formula.boundingBox())!;
      expect(drawn.width).toBeGreaterThan(40);
      expect(drawn.height).toBeGreaterThan(20);
      await expect(page.locator('.markdown table').getByRole('cell', { name: 'Open addressing' })).toBeVisible();
      const viewport = page.viewportSize()!;
      for (const theme of ['light', 'dark'] as const) {
        for (const width of [1366, 1024]) {
          await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
          await page.setViewportSize({ width, height: 768 });
          await page.locator('.markdown table').scrollIntoViewIfNeeded();
          await calm(page);
          await snap(`review-answer-${theme}-${width}`);
        }
      }
      await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
      await page.setViewportSize(viewport);
      await page.getByRole('radiogroup', { name: points[0] }).getByRole('radio', { name: 'Covered' }).check();
      await page.getByRole('radiogroup', { name: points[2] }).getByRole('radio', { name: 'Missed' }).check();
      await page.getByRole('radiogroup', { name: 'Clarity' }).getByRole('radio', { name: '4', exact: true }).check();
      await page.getByRole('radiogroup', { name: 'Rigor' }).getByRole('radio', { name: '3', exact: true }).check();
      await expect(timing).toContainText('Blind scoring is on');
      await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: '5', exact: true }).check();
      await expect(timing).toContainText('Within budget');
      await expect(timing).not.toContainText('Blind scoring is on');
      await expect(page.locator('.player-total')).toBeVisible();
      await page.getByRole('checkbox', { name: 'Before answering, I restated the question.' }).check();
      await page.getByRole('checkbox', { name: 'When challenged, I did not panic or get defensive.' }).check();
      for (const [prompt, text] of Object.entries(postmortem))
        await page.getByRole('textbox', { name: prompt }).fill(text);
      await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
      await calm(page);
      await page.evaluate(() => document.querySelectorAll('.score-scale')[1]?.scrollIntoView({ block: 'start' }));
      await snap('review-scoring');
      // The whole review at once (a tall window), to check every panel.
      await page.setViewportSize({ width: 1280, height: 2400 });
      await snap('review-full');
      await page.setViewportSize({ width: 1280, height: 820 });

      // Dark theme: the waveform's colours follow the tokens.
      await calm(page);
      await page.evaluate(() => {
        document.documentElement.dataset.theme = 'dark';
        document.querySelector('.screen-scroll')?.scrollTo(0, 0);
      });
      await page.waitForTimeout(300);
      await snap('review-dark');
      await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));

      // Reload: everything was saved as it went. The scored round left the queue: open it from the summary.
      await page.reload();
      await openReviewScreen(page);
      await expect(
        page.getByRole('region', { name: 'To score' }).getByRole('button', { name: /^Review / }),
      ).toHaveCount(1);
      await page.getByRole('button', { name: 'Summary of E2E review loop' }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'Summary: E2E review loop' })).toBeVisible();
      await expect(page.getByRole('img', { name: 'Clarity 4 of 5, rigor 3 of 5, speed 5 of 5' })).toBeVisible();
      await page.getByRole('button', { name: `Review ${roundTitle}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: roundTitle })).toBeVisible();

      await expect(
        page.getByRole('radiogroup', { name: 'Clarity' }).getByRole('radio', { name: '4', exact: true }),
      ).toBeChecked();
      await expect(
        page.getByRole('radiogroup', { name: 'Rigor' }).getByRole('radio', { name: '3', exact: true }),
      ).toBeChecked();
      await expect(
        page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: '5', exact: true }),
      ).toBeChecked();
      await expect(
        page.getByRole('radiogroup', { name: points[0] }).getByRole('radio', { name: 'Covered' }),
      ).toBeChecked();
      await expect(
        page.getByRole('radiogroup', { name: points[2] }).getByRole('radio', { name: 'Missed' }),
      ).toBeChecked();
      await expect(
        page.getByRole('radiogroup', { name: points[1] }).getByRole('radio', { name: 'Covered' }),
      ).not.toBeChecked();
      await expect(page.getByRole('checkbox', { name: 'Before answering, I restated the question.' })).toBeChecked();
      await expect(
        page.getByRole('checkbox', { name: 'Before answering, I stated my assumptions.' }),
      ).not.toBeChecked();
      for (const [prompt, text] of Object.entries(postmortem))
        await expect(page.getByRole('textbox', { name: prompt })).toHaveValue(text);
      await expect(page.getByRole('list', { name: 'Marks' }).getByText('Ramble')).toBeVisible();
      await expect(page.getByRole('list', { name: 'Marks' }).getByText('Core answer')).toBeVisible();
      await expect(waveform.locator('[part~="region"]')).toHaveCount(1);

      // Deleting a mark removes it from the list and the waveform.
      await page
        .getByRole('list', { name: 'Marks' })
        .getByRole('listitem')
        .filter({ hasText: 'Core answer' })
        .getByRole('button', { name: 'Delete mark' })
        .click();
      await expect(page.getByRole('list', { name: 'Marks' }).getByText('Core answer')).toHaveCount(0);

      // Compare: both attempts side by side, with the earlier "what I'll change" line and audio.
      await page.getByRole('button', { name: 'Compare attempts' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Compare attempts' })).toBeVisible();
      const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Attempt / }) });
      await expect(cards).toHaveCount(2);
      await expect(cards.first()).toContainText('Lead with the bucket array before the details.');
      await expect(cards.nth(1)).toContainText('Quantify the resize: double at 0.75 load.');
      await page.getByRole('button', { name: 'Play attempt 1' }).click();
      await expect(page.getByRole('button', { name: 'Pause attempt 1' })).toBeVisible();
      await page.getByRole('button', { name: 'Pause attempt 1' }).click();
      await calm(page);
      await snap('review-compare');
    } finally {
      await server.stop();
    }
  });
});
