/**
 * Waveform peaks match the audio after a pause: a round is recorded in Chromium with the fake
 * microphone, paused mid-round and resumed; the stored recording is the audio the page's recorder
 * made (every chunk, nothing else), and the stored peaks' loud regions line up with its peak
 * envelope (the largest |sample| per 10 ms, as the meter measures) within 0.2 s, before and after
 * the pause.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decodeToPcm } from '../../src/main/services/recording/ffmpeg';
import { PEAKS_PER_SECOND } from '../../src/shared/contract';
import { probeCapture, readCapture } from '../support/capture-probe';
import { peakEnvelope, speechMask } from '../support/envelope';
import { expect, test } from './fixtures';

const loop = `kind: loop
id: e2e-peaks
title: E2E peaks
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain how a hash map works.
    budgetSeconds: 120
    expectedPoints: [buckets and hashing]
`;

function stored(dataDir: string): { chunks: number; file: string; peaksFile: string } | undefined {
  const db = new Database(path.join(dataDir, 'loop-coach.db'), { readonly: true });
  try {
    return db.prepare('SELECT chunks, file, peaks_file AS peaksFile FROM recordings').get() as
      { chunks: number; file: string; peaksFile: string } | undefined;
  } finally {
    db.close();
  }
}

/** The lag (in frames, within ±maxLag) at which `b` best matches `a` over frames [from, to), and how well. */
function bestLag(
  a: Uint8Array,
  b: Uint8Array,
  from: number,
  to: number,
  maxLag: number,
): { lag: number; agreement: number } {
  let best = { lag: 0, agreement: -1 };
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let same = 0;
    let n = 0;
    for (let i = from; i < to; i++) {
      const j = i + lag;
      if (j < 0 || j >= b.length) continue;
      n++;
      if (a[i] === b[j]) same++;
    }
    const agreement = n ? same / n : 0;
    if (agreement > best.agreement) best = { lag, agreement };
  }
  return best;
}

test.describe('peaks', () => {
  test.use({ userContent: { 'e2e-peaks.yaml': loop } });
  test.setTimeout(150_000);

  test('after a pause mid-round the stored peaks line up with the decoded audio within 0.2 s', async ({
    page,
    server,
    dataDir,
  }) => {
    await probeCapture(page);
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('E2E peaks');
    await page.getByRole('option', { name: /E2E peaks/ }).click();
    await page.getByRole('button', { name: 'Start E2E peaks' }).click();
    await page.getByRole('button', { name: 'Begin session' }).click();
    await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => stored(dataDir)?.chunks ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(6);

    await page.getByRole('button', { name: 'Pause' }).click();
    const pausedAt = await page.evaluate(() => performance.now());
    // Paused for 3 s on the page's clock while the microphone keeps hearing speech.
    await page.waitForFunction((since) => performance.now() - since >= 3000, pausedAt, { polling: 100 });
    await page.getByRole('button', { name: 'Resume' }).click();
    const resumedWith = stored(dataDir)!.chunks;
    await expect.poll(() => stored(dataDir)?.chunks ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(resumedWith + 8);
    await page.getByRole('button', { name: 'Finish session' }).click();
    await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });

    const row = stored(dataDir)!;
    const pcm = await decodeToPcm(path.join(dataDir, row.file), 16000);
    // What is stored is what the page's recorder made of the microphone's audio: every chunk, the
    // same samples (compared with that, not the wall clock, so a starved fake microphone cannot fail it).
    const [captured] = await readCapture(page, test.info().outputDir);
    expect(row.chunks, 'chunks stored against chunks the page recorded').toBe(captured!.chunks);
    const pagePcm = await decodeToPcm(captured!.file, 16000);
    console.log(
      `stored ${(pcm.length / 16000).toFixed(3)} s, the page's recording ${(pagePcm.length / 16000).toFixed(3)} s, ` +
        `the microphone delivered ${(captured!.deliveredMs / 1000).toFixed(3)} s while recording`,
    );
    expect(Math.abs(pcm.length - pagePcm.length) / 16000).toBeLessThan(0.1);
    // Like with like: a stored peak is the largest |sample| of its 10 ms, so the audio's is too.
    const audioMask = speechMask(peakEnvelope(pcm, 16000, 1000 / PEAKS_PER_SECOND));
    const peakBytes = fs.readFileSync(path.join(dataDir, row.peaksFile));
    const peaksMask = speechMask(Float64Array.from(peakBytes, (b) => (b / 255) ** 2));
    console.log(`audio ${audioMask.length} frames, peaks ${peakBytes.length}`);

    // As many peaks as the audio has time for: none made while paused.
    expect(Math.abs(peakBytes.length - audioMask.length) / PEAKS_PER_SECOND).toBeLessThanOrEqual(1);
    // Window by window (3 s long, one starting every second), the peaks' speech/silence pattern sits
    // where the audio's does — before the pause and after it. The pause sits where the recording
    // was `resumedWith` chunks (1 s each) long.
    const pauseAtSeconds = resumedWith;
    const window = 3 * PEAKS_PER_SECOND;
    const windows: { at: number; lag: number; agreement: number }[] = [];
    for (let from = 0; from + window <= audioMask.length; from += PEAKS_PER_SECOND) {
      let speech = 0;
      for (let i = from; i < from + window; i++) speech += audioMask[i]!;
      if (speech < window * 0.2 || speech > window * 0.8) continue; // no edge to align on
      // Within ±1 s: the answer's speech and silences repeat every few seconds, so a wider search
      // could match the neighbouring sentence.
      const { lag, agreement } = bestLag(audioMask, peaksMask, from, from + window, PEAKS_PER_SECOND);
      windows.push({ at: from / PEAKS_PER_SECOND, lag: lag / PEAKS_PER_SECOND, agreement });
    }
    const report = windows.map((w) => `${w.at}s: lag ${w.lag}s, ${w.agreement.toFixed(2)}`).join('; ');
    console.log(`pause at ${pauseAtSeconds} s of audio; ${report}`);
    expect(windows.filter((w) => w.at + 3 <= pauseAtSeconds - 1).length, report).toBeGreaterThanOrEqual(1);
    expect(windows.filter((w) => w.at >= pauseAtSeconds + 1).length, report).toBeGreaterThanOrEqual(2);
    for (const w of windows) {
      expect(Math.abs(w.lag), report).toBeLessThanOrEqual(0.2);
      expect(w.agreement, report).toBeGreaterThan(0.75);
    }
  });
});
