/**
 * The Review screen at a year of practice, in Chromium against the real browser-mode server:
 * - review_list_open_{10k,100k}_ms: from clicking "Review" to the first page of the to-score queue
 *   drawn, with 10,000 and 100,000 rounds stored (seeded once by seedHistory, cached under
 *   bench-results/seeds/);
 * - review_open_3h_ms: from clicking a 3-hour round in the queue to its waveform drawn from the
 *   stored peaks and the Play button enabled (timed in the page: bench/in-page.ts). The round is recorded through the real services
 *   (round:begin, 1 MB chunks with their peaks, recording:finish's remux), once, and cached.
 * Each figure is the median of five opens, each in a fresh tab.
 */
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createLoopCoach } from '../src/main/services/app';
import { dispatch } from '../src/main/services/infra/dispatch';
import { decodeToPcm, ffmpegPath } from '../src/main/services/recording/ffmpeg';
import type { RequestChannel } from '../src/shared/channels';
import { MAX_CHUNK_BYTES, MAX_PEAKS_PER_CHUNK, PEAKS_PER_SECOND, type RequestInput } from '../src/shared/contract';
import { startServer } from '../tests/support/web-server';
import { launchChromium } from './browser';
import { percentile, round, type Bench, type Figure } from './figure';
import { benchDir, longRecording } from './fixtures';
import { armClickToDrawn, screensPrefetched } from './in-page';
import { seededRandom, seedHistory } from './seed-history';

const root = path.resolve(__dirname, '..');
const seedsDir = path.join(root, 'bench-results', 'seeds');
const OPENS = 5;
/** The seeded history's last round starts here (fixed, so a cached seed is the same history). */
const SEED_NOW = Date.parse('2026-11-30T20:00:00Z');

/** A data folder with `rounds` rounds of history, seeded once and kept (a marker says it is complete). */
async function historyDir(rounds: number): Promise<string> {
  const dir = path.join(seedsDir, `history-${rounds}`);
  const done = path.join(dir, '.seeded');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await seedHistory({ dataDir: dir, rounds, now: SEED_NOW, random: seededRandom(rounds) });
  fs.writeFileSync(done, `${rounds}\n`);
  return dir;
}

/** A 3-hour answer as MediaRecorder-like webm: one encoded minute, stream-copied 180 times (no re-encode). */
function threeHourRecording(): string {
  const out = path.join(benchDir, 'answer-180min.webm');
  if (fs.existsSync(out)) return out;
  const minute = path.join(benchDir, 'answer-1min-live.webm');
  if (!fs.existsSync(minute)) {
    const wav = path.join(benchDir, 'answer-1min.wav');
    // longRecording() makes the spoken minute on the way to a (short) two-minute answer.
    if (!fs.existsSync(wav)) longRecording(2);
    execFileSync(ffmpegPath(), ['-y', '-v', 'error', '-i', wav, '-c:a', 'libopus', '-b:a', '48k', minute]);
  }
  const list = path.join(benchDir, 'answer-180min.txt');
  fs.writeFileSync(list, Array.from({ length: 180 }, () => `file '${minute}'`).join('\n'));
  const temp = `${out}.tmp`;
  execFileSync(ffmpegPath(), [
    '-y',
    '-v',
    'error',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    list,
    '-c',
    'copy',
    '-f',
    'webm',
    '-live',
    '1',
    '-cluster_time_limit',
    '1000',
    temp,
  ]);
  fs.renameSync(temp, out);
  return out;
}

/** The recorder's peaks (one byte per 1/50 s, sqrt-scaled) of one minute, repeated to `minutes`. */
async function repeatedPeaks(minuteWebm: string, minutes: number): Promise<Uint8Array> {
  const sampleRate = 8000;
  const pcm = await decodeToPcm(minuteWebm, sampleRate);
  const bin = sampleRate / PEAKS_PER_SECOND;
  const perMinute = 60 * PEAKS_PER_SECOND;
  const minute = new Uint8Array(perMinute);
  for (let i = 0; i < perMinute && (i + 1) * bin <= pcm.length; i++) {
    let max = 0;
    for (let j = i * bin; j < (i + 1) * bin; j++) max = Math.max(max, Math.abs(pcm[j]!));
    minute[i] = Math.round(Math.sqrt(max / 32768) * 255);
  }
  const out = new Uint8Array(perMinute * minutes);
  for (let m = 0; m < minutes; m++) out.set(minute, m * perMinute);
  return out;
}

/** A data folder holding one session whose round is a 3-hour recording, made through the services. */
export async function threeHourDir(): Promise<string> {
  const dir = path.join(seedsDir, 'review-3h');
  const done = path.join(dir, '.seeded');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const webm = threeHourRecording();
  const peaks = await repeatedPeaks(path.join(benchDir, 'answer-1min-live.webm'), 180);
  const app = await createLoopCoach({
    dataDir: dir,
    builtinContentDir: path.join(root, 'content'),
    migrationsDir: path.join(root, 'resources', 'migrations'),
    transport: 'web',
    version: 'bench',
    // A worker that exits at once: the round's analysis is stored as failed, so no server start of
    // the bench re-runs the VAD over three hours (analysis_rtf_60min measures that) while it measures.
    launchAnalysis: () => {
      const process = Object.assign(new EventEmitter(), { send: () => true, kill: () => true });
      setImmediate(() => process.emit('exit', 1, null));
      return process;
    },
  });
  const call = async <C extends RequestChannel>(channel: C, input: RequestInput<C>) => {
    const result = await dispatch(app.handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as Awaited<ReturnType<(typeof app.handlers)[C]>>;
  };
  try {
    const session = await call('session:start', { source: { type: 'item', id: 'lru-cache' } });
    const { round: begun, recording } = await call('round:begin', {
      sessionId: session.id,
      roundIndex: 0,
      mimeType: 'audio/webm;codecs=opus',
    });
    const bytes = fs.readFileSync(webm);
    // Enough chunks that neither the bytes nor the peaks of one pass the contract's caps; peaks are
    // spread over them in order, as the recorder sends them.
    const chunks = Math.max(Math.ceil(bytes.length / MAX_CHUNK_BYTES), Math.ceil(peaks.length / MAX_PEAKS_PER_CHUNK));
    const bytesPer = Math.ceil(bytes.length / chunks);
    const peaksPer = Math.ceil(peaks.length / chunks);
    for (let seq = 0; seq < chunks; seq++) {
      await call('recording:chunk', {
        recordingId: recording.id,
        seq,
        data: new Uint8Array(bytes.subarray(seq * bytesPer, (seq + 1) * bytesPer)),
        peaks: peaks.slice(seq * peaksPer, (seq + 1) * peaksPer),
      });
    }
    const finished = await call('recording:finish', { recordingId: recording.id, chunks });
    if (finished.status !== 'finalized') throw new Error(`the 3-hour recording is ${finished.status}`);
    await call('round:end', { roundId: begun.id, outcome: 'done' });
    await app.analysis.idle();
  } finally {
    app.close();
  }
  fs.writeFileSync(done, '3h\n');
  return dir;
}

/** Opens the app in a fresh tab and waits for the Library; returns the tab. */
async function openApp(browser: Awaited<ReturnType<typeof launchChromium>>, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(url);
  await page.getByRole('listbox', { name: 'Library items' }).getByRole('option').first().waitFor();
  await screensPrefetched(page);
  return page;
}

const toReview = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
const firstQueued = (page: Page) => page.getByRole('list', { name: 'Rounds to score' }).getByRole('button').first();

/** In the page: the Review queue's first round is there. */
const firstQueuedDrawn = `Boolean(document.querySelector('[aria-label="Rounds to score"] button'))`;

/** Median ms from clicking Review to the first queued round drawn (timed in the page), over OPENS fresh tabs. */
async function listOpen(dataDir: string, label: string, rounds: number): Promise<Figure> {
  const server = await startServer(dataDir);
  const browser = await launchChromium();
  const times: number[] = [];
  let shown = 0;
  try {
    for (let i = 0; i < OPENS; i++) {
      const page = await openApp(browser, server.url);
      const drawn = await armClickToDrawn(page, firstQueuedDrawn);
      await toReview(page);
      times.push(await drawn());
      await firstQueued(page).waitFor();
      shown = await page.getByRole('list', { name: 'Rounds to score' }).getByRole('listitem').count();
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  times.sort((a, b) => a - b);
  return {
    name: `review_list_open_${label}_ms`,
    value: round(percentile(times, 50), 0),
    unit: 'ms',
    note: `${rounds} rounds stored, first page of ${shown}; median of ${OPENS} (min ${Math.round(times[0]!)}, max ${Math.round(times.at(-1)!)})`,
  };
}

/** In the page: wavesurfer's canvas (in its shadow root) has a size and the Play button is enabled. */
const threeHoursDrawn = `(() => {
  const host = [...(document.querySelector('[data-testid="waveform"]')?.children ?? [])].find((el) => el.shadowRoot);
  const canvas = host?.shadowRoot.querySelector('canvas');
  const play = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Play');
  return Boolean(canvas && canvas.width > 0 && play && !play.disabled);
})()`;

/** Median ms from clicking the 3-hour round to its peaks drawn and Play enabled, timed in the page. */
export async function openThreeHours(dataDir: string): Promise<Figure> {
  const server = await startServer(dataDir);
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < OPENS; i++) {
      const page = await openApp(browser, server.url);
      await toReview(page);
      const row = firstQueued(page);
      await row.waitFor();
      const drawn = await armClickToDrawn(page, threeHoursDrawn);
      await row.click();
      times.push(await drawn());
      // The same state through Playwright, so the figure cannot stand for something the user does not see.
      await page.locator('[data-testid="waveform"] canvas').first().waitFor();
      await page.getByRole('button', { name: 'Play', exact: true }).and(page.locator(':enabled')).waitFor();
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  times.sort((a, b) => a - b);
  return {
    name: 'review_open_3h_ms',
    value: round(percentile(times, 50), 0),
    unit: 'ms',
    note: `3-hour recording, click → peaks drawn and playable (timed in the page); median of ${OPENS} (min ${Math.round(times[0]!)}, max ${Math.round(times.at(-1)!)})`,
  };
}

export const reviewBench: Bench = {
  name: 'review',
  figures: ['review_list_open_10k_ms', 'review_list_open_100k_ms', 'review_open_3h_ms'],
  async run() {
    const figures: Figure[] = [];
    figures.push(await listOpen(await historyDir(10_000), '10k', 10_000));
    figures.push(await listOpen(await historyDir(100_000), '100k', 100_000));
    figures.push(await openThreeHours(await threeHourDir()));
    return figures;
  },
};
