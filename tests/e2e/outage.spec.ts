/**
 * The recording survives its server: the browser-mode server is SIGKILLed for 20 s mid-round and
 * started again on the same port and data folder. The open tab (same access token, kept in the data
 * folder) resends every chunk it kept, and the round's final recording holds every chunk the page
 * recorded before, during and after the outage: as much audio as the microphone delivered, the
 * same audio as the page's recorder made. (Not the wall time: a fake microphone starved of CPU
 * delivers less.) The page shows the not-saving state during the outage (observed on
 * <html data-upload-state>, which the uploader mirrors).
 *
 * Also here: the styled page a tab without access gets, in light and dark.
 */
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { decodeToPcm } from '../../src/main/services/recording/ffmpeg';
import { probeCapture, readCapture } from '../support/capture-probe';
import { envelope, speechMask } from '../support/envelope';
import { startServer, type RunningServer } from '../support/web-server';
import { expect, screenshotDir, test } from './fixtures';

const oneRoundLoop = `kind: loop
id: e2e-outage
title: E2E outage
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain how a hash map works.
    budgetSeconds: 120
    expectedPoints: [buckets and hashing]
`;

type Probe = { uploadStates: { state: string; at: number }[] };

/** Records every change of the uploader's mirrored state, on the page's clock, and what the microphone delivered. */
async function instrument(page: Page): Promise<void> {
  await probeCapture(page);
  await page.addInitScript(() => {
    const probe = { uploadStates: [] as { state: string; at: number }[] };
    (window as unknown as { __probe: typeof probe }).__probe = probe;
    new MutationObserver(() => {
      const state = document.documentElement.dataset.uploadState ?? '';
      const last = probe.uploadStates[probe.uploadStates.length - 1];
      if (state && last?.state !== state) probe.uploadStates.push({ state, at: performance.now() });
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-upload-state'] });
  });
}

const readProbe = (page: Page) => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
const pageNow = (page: Page) => page.evaluate(() => performance.now());

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function storedChunks(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'loop-coach.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT chunks FROM recordings').get() as { chunks: number } | undefined;
    return row?.chunks ?? 0;
  } finally {
    db.close();
  }
}

test.describe('server outage mid-round', () => {
  test.use({ userContent: { 'e2e-outage.yaml': oneRoundLoop } });
  test.setTimeout(180_000);

  test('killed for 20 s and started again: the recording holds every second, and the page said it was not saving', async ({
    page,
    dataDir,
  }) => {
    const port = await freePort();
    const args = ['--port', String(port), '--resume-grace-seconds', '90'];
    let server: RunningServer = await startServer(dataDir, args);
    try {
      await instrument(page);
      await page.goto(server.url);
      await page.getByRole('searchbox', { name: 'Search the library' }).fill('E2E outage');
      await page.getByRole('option', { name: /E2E outage/ }).click();
      await page.getByRole('button', { name: 'Start E2E outage' }).click();
      await page.getByRole('button', { name: 'Begin session' }).click();
      await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
      await expect.poll(() => storedChunks(dataDir), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);

      const killedAt = await pageNow(page);
      await server.stop('SIGKILL');
      const html = page.locator('html');
      await expect(html).toHaveAttribute('data-upload-state', 'retrying');
      // The outage lasts 20 s on the page's clock; meanwhile the page keeps recording and keeps the chunks.
      await page.waitForFunction((since) => performance.now() - since >= 20_000, killedAt, {
        timeout: 40_000,
        polling: 250,
      });
      const restartAt = await pageNow(page);
      expect(Number(await html.getAttribute('data-upload-unsaved'))).toBeGreaterThanOrEqual(15);

      server = await startServer(dataDir, args);
      await expect(html).toHaveAttribute('data-upload-state', 'saving', { timeout: 30_000 });
      const backAt = storedChunks(dataDir);
      // Some more answer after the outage, then the round ends normally.
      await expect.poll(() => storedChunks(dataDir), { timeout: 20_000 }).toBeGreaterThanOrEqual(backAt + 4);
      await page.getByRole('button', { name: 'Finish session' }).click();
      await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });

      const probe = await readProbe(page);
      // Order of events: saving, then retrying after the kill and before the restart, then saving again.
      const retrying = probe.uploadStates.find((s) => s.state === 'retrying');
      expect(retrying, JSON.stringify(probe.uploadStates)).toBeTruthy();
      expect(retrying!.at).toBeGreaterThan(killedAt);
      expect(retrying!.at).toBeLessThan(restartAt);
      const savingAgain = probe.uploadStates.find((s) => s.state === 'saving' && s.at > retrying!.at);
      expect(savingAgain!.at).toBeGreaterThan(restartAt);
      expect(probe.uploadStates.some((s) => s.state === 'failed')).toBe(false);

      const db = new Database(path.join(dataDir, 'loop-coach.db'), { readonly: true });
      const row = db.prepare('SELECT file, status, chunks FROM recordings').get() as {
        file: string;
        status: string;
        chunks: number;
      };
      db.close();
      expect(row.status).toBe('finalized');
      const [captured] = await readCapture(page, test.info().outputDir);
      // Every chunk the page's recorder made is stored, none twice.
      expect(row.chunks, 'chunks stored against chunks the page recorded').toBe(captured!.chunks);
      const pcm = await decodeToPcm(path.join(dataDir, row.file), 16000);
      const pagePcm = await decodeToPcm(captured!.file, 16000);
      const decodedSeconds = pcm.length / 16000;
      const deliveredSeconds = captured!.deliveredMs / 1000;
      const wallSeconds = (captured!.stop! - captured!.start) / 1000;
      console.log(
        `outage round: decoded ${decodedSeconds.toFixed(3)} s, the page's recording ${(pagePcm.length / 16000).toFixed(3)} s, ` +
          `the microphone delivered ${deliveredSeconds.toFixed(3)} s in ${wallSeconds.toFixed(3)} s of wall time`,
      );
      // As much audio as the microphone delivered while recording (a chunk is 1 s).
      expect(
        Math.abs(decodedSeconds - deliveredSeconds),
        `decoded ${decodedSeconds}s, delivered ${deliveredSeconds}s`,
      ).toBeLessThan(0.5);
      // The same audio as the page recorded, loud where it was loud, across the outage.
      expect(Math.abs(pcm.length - pagePcm.length) / 16000).toBeLessThan(0.1);
      const stored = speechMask(envelope(pcm, 16000));
      const recorded = speechMask(envelope(pagePcm, 16000));
      let same = 0;
      for (let i = 0; i < recorded.length; i++) if (stored[i] === recorded[i]) same++;
      expect(same / recorded.length, 'speech/silence agreement with what the page recorded').toBeGreaterThan(0.95);
      expect(recorded.reduce((a, b) => a + b, 0) / recorded.length, 'share of speech in the answer').toBeGreaterThan(
        0.2,
      );
    } finally {
      await server.stop();
    }
  });

  test('a tab without access gets a styled page saying how to get back in (light and dark)', async ({
    page,
    server,
  }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1366, 1024]) {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 768 });
        const response = await page.goto(`${server.origin}/session`);
        expect(response!.status()).toBe(401);
        await expect(page.getByRole('heading', { name: "This tab's access to Loop Coach has expired." })).toBeVisible();
        await expect(page.getByText('npm run web', { exact: true }).first()).toBeVisible();
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(background).toBe(colorScheme === 'dark' ? 'rgb(21, 23, 28)' : 'rgb(246, 247, 249)');
        await page.screenshot({ path: path.join(screenshotDir, `access-expired-${colorScheme}-${width}.png`) });
      }
    }
  });
});
