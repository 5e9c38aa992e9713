/**
 * A real session in Chromium (fake microphone, real espeak-ng voices) while two busy processes load
 * both cores: how far from its schedule each follow-up starts speaking, observed from outside the app
 * (an init script records MediaRecorder.start and every utterance's `start` event on performance.now),
 * and how the renderer's JS heap grows over a few minutes of recording, extrapolated to 30 minutes.
 *
 * The schedule is the content's (answer cue + atSeconds), on the recording's timeline (ms since the
 * recorder started; the bench never pauses, so no paused time to subtract). The app's own stored
 * numbers are not used for the figure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { composeWav } from '../tests/support/audio';
import { startSpeechDispatcher } from '../tests/support/speech-dispatcher';
import { startServer } from '../tests/support/web-server';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/support/chromium';
import { benchDir } from './fixtures';
import { percentile, round, type Bench, type Figure } from './figure';

const FOLLOW_UPS = 24;
const SPACING = 7;

function loop(): string {
  const followUps = Array.from(
    { length: FOLLOW_UPS },
    (_, i) => `      - { text: Follow-up number ${i + 1}. Why?, atSeconds: ${6 + i * SPACING} }`,
  ).join('\n');
  return `kind: loop\nid: bench-live\ntitle: Bench live session\ncategory: Bench\nrounds:\n  - questionType: theory\n    prompt: Talk about hash maps for a few minutes.\n    budgetSeconds: 600\n    expectedPoints: [anything]\n    followUps:\n${followUps}\n`;
}

type Observed = { recorderStartAt: number | null; utterances: { text: string; at: number; calledAt: number }[] };

/** Runs in the page before the app: watches the recorder and the synthesiser from outside the app. */
function observePage(): void {
  const seen: Observed = { recorderStartAt: null, utterances: [] };
  (window as unknown as { __observed: Observed }).__observed = seen;
  const start = MediaRecorder.prototype.start;
  MediaRecorder.prototype.start = function (this: MediaRecorder, ...args: [number?]) {
    seen.recorderStartAt ??= performance.now();
    return start.apply(this, args);
  };
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
    const calledAt = performance.now();
    utterance.addEventListener('start', () =>
      seen.utterances.push({ text: utterance.text, at: performance.now(), calledAt }),
    );
    speak(utterance);
  };
}

/** Two busy processes, one per core of the build machine (also the live listening bench's load). */
export function loadCpu(): ChildProcess[] {
  return [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

export const liveSessionBench: Bench = {
  name: 'live session',
  figures: [
    'followup_start_error_p50_ms',
    'followup_start_error_p95_ms',
    'recording_memory_growth_30min_mb (renderer)',
  ],
  async run() {
    fs.mkdirSync(benchDir, { recursive: true });
    const answer = path.join(benchDir, 'live-answer.wav');
    if (!fs.existsSync(answer)) {
      composeWav(
        [
          'I would store the keys in buckets and resize when the load factor passes three quarters.',
          2,
          'Collisions are chained.',
          3,
        ],
        answer,
        fs.mkdtempSync(path.join(benchDir, 'work-')),
      );
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-live-'));
    fs.mkdirSync(path.join(dataDir, 'content'));
    fs.writeFileSync(path.join(dataDir, 'content', 'bench.yaml'), loop());
    const speech = await startSpeechDispatcher();
    const server = await startServer(dataDir);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...chromiumArgs({ fakeAudioFile: answer }), '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      env: { ...process.env, ...(speech ? { SPEECHD_ADDRESS: speech.address } : {}) },
    });
    const load = loadCpu();
    try {
      const page = await browser.newPage();
      await page.addInitScript(observePage);
      await page.goto(server.url);
      await page.getByRole('searchbox', { name: 'Search the library' }).fill('Bench live session');
      await page.getByRole('option', { name: /Bench live session/ }).click();
      await page.getByRole('button', { name: 'Start Bench live session' }).click();
      await page.getByRole('button', { name: 'Begin session' }).click();
      await page.getByText('Answer now').waitFor({ timeout: 60_000 });
      const heap = () =>
        page.evaluate(() => {
          (globalThis as { gc?: () => void }).gc?.();
          return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 1024 / 1024;
        });
      await page.waitForTimeout(20_000);
      const heapStart = await heap();
      const t0 = Date.now();
      await page
        .getByRole('log', { name: 'Follow-ups' })
        .getByText(`Follow-up number ${FOLLOW_UPS}.`)
        .waitFor({ timeout: (FOLLOW_UPS * SPACING + 60) * 1000 });
      await page.waitForTimeout(3000);
      const heapEnd = await heap();
      const minutes = (Date.now() - t0) / 60_000;
      await page.getByRole('button', { name: 'Finish session' }).click();
      await page.getByRole('heading', { name: 'Session complete' }).waitFor({ timeout: 60_000 });
      const observed = await page.evaluate(() => (window as unknown as { __observed: Observed }).__observed);
      const db = new Database(path.join(dataDir, 'loop-coach.db'), { readonly: true });
      // The answer cue is on the recording's timeline already (ms since the recorder started).
      const cue = db.prepare("SELECT data_json AS data FROM session_events WHERE type = 'answer-cue'").get() as {
        data: string;
      };
      db.close();
      const cueMs = (JSON.parse(cue.data) as { ms: number }).ms;
      if (observed.recorderStartAt === null) throw new Error('live session bench: the recorder never started');
      const errors: number[] = [];
      for (let i = 0; i < FOLLOW_UPS; i++) {
        const text = `Follow-up number ${i + 1}.`;
        const utterance = observed.utterances.find((u) => u.text.startsWith(text));
        if (!utterance) throw new Error(`live session bench: "${text}" was never spoken`);
        const scheduledMs = cueMs + (6 + i * SPACING) * 1000;
        errors.push(Math.abs(utterance.at - observed.recorderStartAt - scheduledMs));
        if (process.env.BENCH_DEBUG)
          console.log(
            `error ${Math.round(utterance.at - observed.recorderStartAt - scheduledMs)} call ${Math.round(utterance.calledAt - observed.recorderStartAt - scheduledMs)} synth ${Math.round(utterance.at - utterance.calledAt)}`,
          );
      }
      errors.sort((a, b) => a - b);
      const growth = ((heapEnd - heapStart) / minutes) * 30;
      const figures: Figure[] = [
        {
          name: 'followup_start_error_p50_ms',
          value: round(percentile(errors, 50), 0),
          unit: 'ms',
          note: `${errors.length} follow-ups, utterance start events observed in the page, both cores loaded`,
        },
        {
          name: 'followup_start_error_p95_ms',
          value: round(percentile(errors, 95), 0),
          unit: 'ms',
          note: `${errors.length} follow-ups, both cores loaded`,
        },
        {
          name: 'recording_memory_growth_30min_mb',
          value: round(Math.max(0, growth), 2),
          unit: 'MB',
          note: `renderer JS heap over ${minutes.toFixed(1)} min, extrapolated`,
        },
      ];
      return figures;
    } finally {
      for (const p of load) p.kill('SIGKILL');
      await browser.close();
      await server.stop();
      speech?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
