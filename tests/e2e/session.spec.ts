/**
 * The live session in Chromium with the fake microphone playing espeak-ng speech: two rounds with
 * spoken follow-ups at known times, real recordings finalized on disk, and crash recovery after the
 * server is killed mid-round. The page is instrumented (MediaRecorder start/stop and utterance
 * starts) so timings are measured from outside the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { decodeToPcm, probeDurationMs } from '../../src/main/services/recording/ffmpeg';
import { bestAlignment, envelope, speechMask } from '../support/envelope';
import { answerWav } from '../support/fixtures-paths';
import { startServer } from '../support/web-server';
import { expect, test } from './fixtures';

const twoRoundLoop = `kind: loop
id: e2e-two-rounds
title: E2E two rounds
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain how a hash map works.
    budgetSeconds: 40
    expectedPoints: [buckets and hashing]
    followUps:
      - { text: What is the worst case?, atSeconds: 3 }
      - { text: How do you resize it?, atSeconds: 9 }
  - title: Extend
    questionType: implementation
    prompt: Now make it safe for many threads.
    budgetSeconds: 30
    expectedPoints: [striped locks]
    followUps:
      - { text: Where is the contention?, atSeconds: 4 }
`;

type Probe = { recorders: { start: number; stop: number | null }[]; utterances: { text: string; at: number }[] };

async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe = {
      recorders: [] as { start: number; stop: number | null }[],
      utterances: [] as { text: string; at: number }[],
    };
    (window as unknown as { __probe: typeof probe }).__probe = probe;
    const start = MediaRecorder.prototype.start;
    MediaRecorder.prototype.start = function (this: MediaRecorder & { __probe?: number }, ...args: [number?]) {
      this.__probe = probe.recorders.push({ start: performance.now(), stop: null }) - 1;
      return start.apply(this, args);
    };
    const stop = MediaRecorder.prototype.stop;
    MediaRecorder.prototype.stop = function (this: MediaRecorder & { __probe?: number }) {
      const entry = this.__probe === undefined ? undefined : probe.recorders[this.__probe];
      if (entry && entry.stop === null) entry.stop = performance.now();
      return stop.apply(this);
    };
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      utterance.addEventListener('start', () => probe.utterances.push({ text: utterance.text, at: performance.now() }));
      speak(utterance);
    };
  });
}

const readProbe = (page: Page) => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

async function startLoop(page: Page) {
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('E2E two rounds');
  await page.getByRole('option', { name: /E2E two rounds/ }).click();
  await page.getByRole('button', { name: 'Start E2E two rounds' }).click();
  await page.getByRole('button', { name: 'Begin session' }).click();
}

test.describe('live session', () => {
  test.use({ userContent: { 'e2e-two-rounds.yaml': twoRoundLoop } });
  test.setTimeout(150_000);

  test('two rounds: spoken prompts and follow-ups on time, recordings finalized and matching the rows', async ({
    page,
    server,
    snap,
  }) => {
    await instrument(page);
    await page.goto(server.url);
    await startLoop(page);

    // Round 1: prompt, answer cue, two scheduled follow-ups.
    await expect(page.getByRole('region', { name: 'Prompt' })).toContainText('Explain how a hash map works.');
    await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
    const followUps = page.getByRole('log', { name: 'Follow-ups' });
    await expect(followUps).toContainText('What is the worst case?', { timeout: 10_000 });
    await expect(page.getByRole('meter', { name: 'Microphone level' })).toBeVisible();
    await expect(page.getByRole('timer', { name: 'Round timer' })).toBeVisible();
    await snap('session-round');
    await expect(followUps).toContainText('How do you resize it?', { timeout: 15_000 });
    await page.waitForTimeout(2500);
    await page.getByRole('button', { name: 'Next round' }).click();

    // The reset screen names the switch, then round 2.
    await expect(page.getByRole('heading', { name: /Next: round 2 of 2/ })).toBeVisible({ timeout: 20_000 });
    await snap('session-reset');
    await page.getByRole('button', { name: 'Start round 2' }).click();
    await expect(page.getByRole('region', { name: 'Prompt' })).toContainText('Now make it safe for many threads.');
    await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
    await expect(followUps).toContainText('Where is the contention?', { timeout: 10_000 });
    await page.waitForTimeout(2500);
    await page.getByRole('button', { name: 'Finish session' }).click();
    await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });
    await snap('session-complete');

    const probe = await readProbe(page);
    expect(probe.recorders).toHaveLength(2);

    const db = new Database(path.join(server.dataDir, 'loop-coach.db'), { readonly: true });
    const rows = db
      .prepare(
        `SELECT r.id AS roundId, r.idx, r.status AS roundStatus, rec.file, rec.status, rec.bytes, rec.duration_ms AS durationMs
         FROM rounds r JOIN recordings rec ON rec.round_id = r.id ORDER BY r.idx`,
      )
      .all() as {
      roundId: string;
      idx: number;
      roundStatus: string;
      file: string;
      status: string;
      bytes: number;
      durationMs: number;
    }[];
    expect(rows).toHaveLength(2);

    const sourcePcm = await decodeToPcm(answerWav, 16000);
    const sourceMask = speechMask(envelope(sourcePcm, 16000));
    for (const [i, row] of rows.entries()) {
      expect(row).toMatchObject({ idx: i, roundStatus: 'done', status: 'finalized' });
      const file = path.join(server.dataDir, row.file);
      expect(fs.statSync(file).size).toBe(row.bytes);
      // Decoded duration against the recorder's wall time, measured in the page.
      const wallSeconds = (probe.recorders[i]!.stop! - probe.recorders[i]!.start) / 1000;
      const pcm = await decodeToPcm(file, 16000);
      const decodedSeconds = pcm.length / 16000;
      console.log(`round ${i + 1}: decoded ${decodedSeconds.toFixed(3)} s, wall ${wallSeconds.toFixed(3)} s`);
      expect(
        Math.abs(decodedSeconds - wallSeconds),
        `round ${i + 1}: decoded ${decodedSeconds}s, wall ${wallSeconds}s`,
      ).toBeLessThan(0.5);
      expect(Math.abs(row.durationMs / 1000 - decodedSeconds)).toBeLessThan(0.1);
      expect(await probeDurationMs(file)).toBe(row.durationMs);
      // The loud parts of the recording line up with the speech fed to the microphone.
      const { agreement } = bestAlignment(speechMask(envelope(pcm, 16000)), sourceMask);
      expect(agreement, `round ${i + 1} speech/silence agreement`).toBeGreaterThan(0.8);
    }

    // Follow-ups: stored schedule vs spoken start, and the utterance really started then.
    const asked = db
      .prepare(
        `SELECT r.idx AS roundIdx, f.text, f.trigger, f.scheduled_ms AS scheduledMs, f.spoken_start_ms AS spokenStartMs, f.spoken_end_ms AS spokenEndMs
         FROM follow_ups f JOIN rounds r ON r.id = f.round_id ORDER BY r.idx, f.idx`,
      )
      .all() as {
      roundIdx: number;
      text: string;
      trigger: string;
      scheduledMs: number;
      spokenStartMs: number;
      spokenEndMs: number | null;
    }[];
    expect(asked.map((f) => f.text)).toEqual([
      'What is the worst case?',
      'How do you resize it?',
      'Where is the contention?',
    ]);
    for (const f of asked) {
      expect(f.trigger).toBe('scheduled');
      expect(f.spokenStartMs - f.scheduledMs, f.text).toBeGreaterThanOrEqual(0);
      expect(f.spokenStartMs - f.scheduledMs, f.text).toBeLessThanOrEqual(300);
      expect(f.spokenEndMs).not.toBeNull();
      const utterance = probe.utterances.find((u) => f.text.startsWith(u.text) || u.text.startsWith(f.text));
      expect(utterance, `utterance for "${f.text}"`).toBeDefined();
      const measured = utterance!.at - probe.recorders[f.roundIdx]!.start;
      expect(
        Math.abs(measured - f.scheduledMs),
        `${f.text}: started ${measured} ms, scheduled ${f.scheduledMs} ms`,
      ).toBeLessThanOrEqual(300);
    }

    // From the end of the session straight to a round's review.
    await page.getByRole('button', { name: 'Review round 1' }).click();
    await expect(page.getByRole('button', { name: 'Reveal answer' })).toBeVisible();

    // Events agree with the rows.
    const events = (
      db.prepare('SELECT type, round_id AS roundId FROM session_events ORDER BY id').all() as {
        type: string;
        roundId: string | null;
      }[]
    ).map((e) => e.type);
    for (const type of [
      'session-created',
      'round-started',
      'prompt-spoken',
      'answer-cue',
      'round-done',
      'session-end',
    ]) {
      expect(events, type).toContain(type);
    }
    expect(events.filter((t) => t === 'round-started')).toHaveLength(2);
    expect(events.filter((t) => t === 'round-done')).toHaveLength(2);
    const session = db.prepare('SELECT status, ended_at AS endedAt FROM sessions').get() as {
      status: string;
      endedAt: number | null;
    };
    expect(session.status).toBe('ended');
    expect(session.endedAt).not.toBeNull();
    db.close();
  });

  test('killing the server mid-round: the next start recovers the round, playable and seekable', async ({
    page,
    server,
    dataDir,
    snap,
  }) => {
    await instrument(page);
    await page.goto(server.url);
    await startLoop(page);
    await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(6000);
    const killedAt = await page.evaluate(() => performance.now());
    await server.stop('SIGKILL');
    const recordedFor = (killedAt - (await readProbe(page)).recorders[0]!.start) / 1000;

    const restarted = await startServer(dataDir);
    try {
      const db = new Database(path.join(dataDir, 'loop-coach.db'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db.prepare('SELECT file, status, duration_ms AS durationMs, bytes FROM recordings').get() as {
        file: string;
        status: string;
        durationMs: number;
        bytes: number;
      };
      const round = db.prepare('SELECT status FROM rounds WHERE idx = 0').get() as { status: string };
      db.close();
      expect(row.status).toBe('recovered');
      expect(round.status).toBe('recovered');
      expect(row.durationMs / 1000, `recovered ${row.durationMs} ms of ${recordedFor} s`).toBeGreaterThanOrEqual(
        recordedFor - 1.5,
      );
      const file = path.join(dataDir, row.file);
      const pcm = await decodeToPcm(file, 16000);
      expect(Math.abs(pcm.length / 16000 - row.durationMs / 1000)).toBeLessThan(0.15);
      const fromMiddle = await decodeToPcm(file, 16000, 3);
      expect(Math.abs(fromMiddle.length / 16000 - (row.durationMs / 1000 - 3))).toBeLessThan(0.15);

      // The app offers to resume or close the unfinished session.
      const fresh = await page.context().newPage();
      await fresh.goto(restarted.url);
      await fresh
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Session', exact: true })
        .click();
      const banner = fresh.getByRole('region', { name: 'Unfinished session' });
      await expect(banner).toContainText('E2E two rounds');
      await expect(banner.getByRole('button', { name: 'Resume E2E two rounds' })).toBeVisible();
      await expect(banner.getByRole('button', { name: 'Close E2E two rounds' })).toBeVisible();
      await fresh.screenshot({
        path: path.resolve(__dirname, '..', '..', 'test-results', 'screenshots', 'session-recovered.png'),
      });
      void snap;
    } finally {
      await restarted.stop();
    }
  });
});
