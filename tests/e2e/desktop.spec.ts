/**
 * The desktop rehearsal: the built renderer in Chromium on the *Electron* client path
 * (window.loopCoach), bridged to the real main entry, preload, IPC registration and dispatch()
 * running in Node under the Electron stand-in, with every page and media request answered by the
 * real app:// protocol handler (tests/support/desktop-rehearsal.ts). Chromium is started only with
 * what the app set (app.commandLine, webPreferences): the prompt is spoken because the app appended
 * enable-speech-dispatcher. A loop is recorded; its analysis crashes the utility process (a corrupt
 * speech model) and is reported, then Try again analyses and transcribes it (fixture model) in a
 * fresh one, through process.parentPort under the memory cage; it is reviewed at 1.5x, scored and
 * reloaded; then the main side dies mid-round. Limits: docs/desktop-rehearsal.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from '@playwright/test';
import { FIXTURE_MODEL_ID, installFixtureModel } from '../support/asr-model';
import { chromiumPath } from '../support/chromium';
import { startDesktopMain, type DesktopMain } from '../support/desktop-rehearsal';
import { electronMock } from '../support/electron-mock';
import { expect, screenshotDir, test, waitForVoices } from './fixtures';

const desktopLoop = `kind: loop
id: e2e-desktop
title: E2E desktop loop
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain how a hash map works.
    budgetSeconds: 40
    expectedPoints: [buckets and hashing]
    followUps:
      - { text: What is the worst case?, atSeconds: 3 }
`;
const roundTitle = 'E2E desktop loop: Explain';

async function startLoop(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('E2E desktop loop');
  await page.getByRole('option', { name: /E2E desktop loop/ }).click();
  await page.getByRole('button', { name: 'Start E2E desktop loop' }).click();
  await page.getByRole('button', { name: 'Begin session' }).click();
}

async function openReviewScreen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
}

const chunkCalls = (main: DesktopMain) => main.calls.filter((c) => c.method === 'recordingChunk');

test.describe('desktop rehearsal', () => {
  test.use({ userContent: { 'e2e-desktop.yaml': desktopLoop } });
  test.setTimeout(180_000);

  let browser: Browser | null = null;
  const vadModel = process.env.LOOP_COACH_VAD_MODEL;
  test.afterEach(async () => {
    await browser?.close();
    if (vadModel === undefined) delete process.env.LOOP_COACH_VAD_MODEL;
    else process.env.LOOP_COACH_VAD_MODEL = vadModel;
  });

  test('record, crash and re-run the analysis, transcribe, review at 1.5x, score and reload over the Electron path; then the main side dies mid-round', async ({
    dataDir,
  }) => {
    installFixtureModel(dataDir);
    const main = await startDesktopMain(dataDir);
    // Chromium gets the app's switches and window options, and nothing else the app did not ask for.
    expect(main.launch.args).toContain('--enable-speech-dispatcher');
    expect(main.launch.args).toContain('--disable-background-timer-throttling');
    browser = await chromium.launch({ executablePath: chromiumPath, ...main.launch });
    const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
    const snap = async (name: string) => {
      fs.mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
    };
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    expect(await main.invoke('settings:update', { transcriptionModelId: FIXTURE_MODEL_ID })).toMatchObject({
      ok: true,
    });
    // The first utility process aborts in native code on a corrupt speech model, as sherpa-onnx does.
    const corrupt = path.join(dataDir, 'corrupt.onnx');
    fs.writeFileSync(corrupt, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256)));
    process.env.LOOP_COACH_VAD_MODEL = corrupt;
    await main.open(page);

    // The Electron client path: the preload's object is there, and the app uses it.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(await page.evaluate(() => typeof (window as { loopCoach?: unknown }).loopCoach)).toBe('object');
    // Answered by dispatch(), not refused by the sender check.
    expect(main.calls.find((c) => c.method === 'libraryList')).toMatchObject({ outcome: 'answered', ok: true });
    expect(main.served.find((s) => s.path === '/')).toMatchObject({ status: 200 });
    expect(main.served.find((s) => /^\/assets\/index-.*\.js$/.test(s.path))).toMatchObject({ status: 200 });

    // Voices are there only because the app appended enable-speech-dispatcher (Chromium reads them once up).
    await waitForVoices(page);

    // A round with its follow-up, recorded through recording:chunk over IPC.
    await startLoop(page);
    await expect(page.getByRole('region', { name: 'Prompt' })).toContainText('Explain how a hash map works.');
    // Spoken, not shown as text.
    await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('No speech voice is available')).toHaveCount(0);
    const followUps = page.getByRole('log', { name: 'Follow-ups' });
    await expect(followUps).toContainText('What is the worst case?', { timeout: 15_000 });
    await expect(page.getByRole('meter', { name: 'Microphone level' })).toBeVisible();
    await snap('desktop-round');
    // Speech after the follow-up reaches the recording before the round ends.
    const chunksAtFollowUp = chunkCalls(main).length;
    await expect.poll(() => chunkCalls(main).length, { timeout: 15_000 }).toBeGreaterThan(chunksAtFollowUp + 2);
    await page.getByRole('button', { name: 'Finish session' }).click();
    await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });
    expect(chunkCalls(main).every((c) => c.outcome === 'answered' && c.ok)).toBe(true);

    // Its review: the analysis crashed its utility process, and the review says so.
    await page.getByRole('button', { name: 'Review round 1' }).click();
    await expect(page.getByRole('heading', { level: 1, name: roundTitle })).toBeVisible();
    const report = page.getByTestId('report-card');
    await expect(report.getByText('The analysis failed')).toBeVisible({ timeout: 30_000 });
    await expect(report).toContainText(/speech analysis process exited with code \d+ while analysing this recording/);
    // Try again runs it in a fresh utility process, then the transcript follows in the same one.
    delete process.env.LOOP_COACH_VAD_MODEL;
    await report.getByRole('button', { name: 'Try again' }).click();
    await expect(report.getByRole('rowheader', { name: 'Think time' })).toBeVisible({ timeout: 30_000 });
    const transcript = page.getByRole('region', { name: 'Transcript' }).getByRole('list', { name: 'Transcript' });
    await expect(transcript.getByRole('listitem').first()).toHaveText(/\d+:\d\d.*loop coach/, { timeout: 30_000 });
    const forks = (service: string) => electronMock.utilityForks().filter((f) => f.options.serviceName === service);
    expect(forks('Loop Coach speech analysis')).toHaveLength(2);
    // The round was listened to live in a utility process of its own (with the corrupt speech model
    // it could not listen, so the transcript above came from the post-round path).
    expect(forks('Loop Coach live transcription')).toHaveLength(1);

    // The recording comes from the app:// handler, played at 1.5x.
    const waveform = page.getByRole('slider', { name: 'Playback position' });
    await expect(waveform.getByText('What is the worst case?')).toBeVisible();
    const audio = page.locator('.review-player audio');
    await expect(page.getByRole('radio', { name: '1.5x' })).toBeChecked();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(1);
    expect(await audio.evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);
    await page.getByRole('button', { name: 'Pause' }).click();
    const media = main.served.filter((s) => s.path.startsWith('/media/recordings/') && s.path.endsWith('.webm'));
    expect(media.length).toBeGreaterThan(0);
    expect(media.every((s) => s.status === 200 || s.status === 206)).toBe(true);

    // Scored, saved as it goes.
    await page.getByRole('radiogroup', { name: 'Clarity' }).getByRole('radio', { name: '4', exact: true }).check();
    await page.getByRole('radiogroup', { name: 'Rigor' }).getByRole('radio', { name: '3', exact: true }).check();
    await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: '5', exact: true }).check();
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
    await page.mouse.move(1, 1);
    await page.evaluate(() => document.querySelector('.screen-scroll')?.scrollTo(0, 0));
    await snap('desktop-review');

    // Reload: a new document, a new preload context, the scores still there.
    await page.reload();
    await openReviewScreen(page);
    await page.getByRole('button', { name: 'Summary of E2E desktop loop' }).first().click();
    await expect(page.getByRole('img', { name: 'Clarity 4 of 5, rigor 3 of 5, speed 5 of 5' })).toBeVisible();
    await page.getByRole('button', { name: `Review ${roundTitle}` }).click();
    await expect(
      page.getByRole('radiogroup', { name: 'Rigor' }).getByRole('radio', { name: '3', exact: true }),
    ).toBeChecked();

    // A second session; the main side dies mid-round.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library', exact: true }).click();
    const firstRecordingIds = new Set(main.acked.keys());
    await startLoop(page);
    await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
    await expect
      .poll(() => [...main.acked.keys()].filter((id) => !firstRecordingIds.has(id)).length, { timeout: 15_000 })
      .toBe(1);
    const recordingId = [...main.acked.keys()].find((id) => !firstRecordingIds.has(id))!;
    const callsBeforeKill = chunkCalls(main).length;
    await expect.poll(() => chunkCalls(main).length, { timeout: 15_000 }).toBeGreaterThan(callsBeforeKill + 1);
    main.kill();

    // The uploader retries the same chunk (the client returned "disconnected", it did not throw)…
    await expect
      .poll(
        () => {
          const rejected = chunkCalls(main).filter((c) => c.outcome === 'rejected');
          return rejected.length >= 2 && rejected.every((c) => c.seq === rejected[0]!.seq);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const answeredAtKill = chunkCalls(main).filter((c) => c.outcome === 'answered').length;
    // …keeping every chunk for later, and the page says so the way browser mode does when its server is gone.
    const notSaving = page.getByRole('alert').filter({ hasText: 'Your answer is not being saved right now' });
    await expect(notSaving).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Not saved — retrying')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-upload-state', 'retrying');
    await page.mouse.move(1, 1);
    await snap('desktop-main-gone');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await snap('desktop-main-gone-1024-dark');
    expect(pageErrors).toEqual([]);
    expect(chunkCalls(main).filter((c) => c.outcome === 'answered')).toHaveLength(answeredAtKill);

    // No acknowledged chunk is lost: the recording on disk holds every acknowledged byte.
    const ackedAtKill = main.acked.get(recordingId)!;
    const db = new Database(path.join(dataDir, 'loop-coach.db'), { readonly: true });
    const row = db.prepare('SELECT file, status, bytes FROM recordings WHERE id = ?').get(recordingId) as {
      file: string;
      status: string;
      bytes: number;
    };
    db.close();
    expect(row.status).toBe('recording');
    expect(row.bytes).toBe(ackedAtKill);
    expect(fs.statSync(path.join(dataDir, `${row.file}.part`)).size).toBe(ackedAtKill);
  });
});
