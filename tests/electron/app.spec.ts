/**
 * The built app in the real Electron (Playwright's _electron), where the binary can be had: CI's
 * desktop workflow and any developer machine. Not run by `npm test`; `npm run test:electron` runs it.
 * The Library opens; a prompt is spoken by a system voice; a round is recorded from the fake
 * microphone (--fake-microphone, ignored by packaged builds); its analysis and transcript arrive
 * through the utility process; the round is reviewed at 1.5x.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { FIXTURE_MODEL_ID, installFixtureModel } from '../support/asr-model';
import { waitForVoices } from '../support/voices';

const repoRoot = path.resolve(__dirname, '..', '..');
const answerWav = path.join(repoRoot, 'tests', 'fixtures', 'electron', 'answer.wav');
const prompt = 'Explain how a hash map works.';
const loop = `kind: loop
id: e2e-electron
title: E2E Electron loop
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: ${prompt}
    budgetSeconds: 40
    expectedPoints: [buckets and hashing]
    followUps:
      - { text: What is the worst case?, atSeconds: 3 }
`;

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
type PreloadApi = Record<string, (input?: unknown) => Promise<Result<unknown>>>;

/** One request through the preload, as the renderer makes it. */
async function call<T>(page: Page, method: string, input?: unknown): Promise<T> {
  const result = await page.evaluate(
    ([m, i]) => (window as unknown as { loopCoach: PreloadApi }).loopCoach[m as string]!(i),
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

let electronApp: ElectronApplication;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-electron-'));
  fs.mkdirSync(path.join(dataDir, 'content'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'content', 'e2e-electron.yaml'), loop);
  installFixtureModel(dataDir);
  electronApp = await _electron.launch({
    args: [repoRoot, `--data-dir=${dataDir}`, `--fake-microphone=${answerWav}`],
    cwd: repoRoot,
  });
});

test.afterEach(async () => {
  await electronApp?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('Library, a spoken prompt, a round from the fake microphone, its analysis and transcript, review at 1.5x', async () => {
  const page = await electronApp.firstWindow();
  expect(await electronApp.evaluate(({ app }) => app.isPackaged)).toBe(false);

  // The Library, over the Electron client path.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search the library' })).toBeVisible();
  expect(await page.evaluate(() => typeof (window as { loopCoach?: unknown }).loopCoach)).toBe('object');

  // System voices (Linux: speech-dispatcher, which the app must switch on).
  await waitForVoices(page, 'Electron lists system voices');
  // Note each utterance the engine really starts saying ('start' fires only then).
  await page.evaluate(() => {
    const spoken: string[] = [];
    (window as unknown as { __spoken: string[] }).__spoken = spoken;
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      utterance.addEventListener('start', () => spoken.push(utterance.text));
      speak(utterance);
    };
  });
  await call(page, 'settingsUpdate', { transcriptionModelId: FIXTURE_MODEL_ID });

  // A round, recorded from the fake microphone.
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('E2E Electron loop');
  await page.getByRole('option', { name: /E2E Electron loop/ }).click();
  await page.getByRole('button', { name: 'Start E2E Electron loop' }).click();
  await page.getByRole('button', { name: 'Begin session' }).click();
  await expect(page.getByRole('region', { name: 'Prompt' })).toContainText(prompt);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken), {
      message: 'the prompt is spoken',
      timeout: 30_000,
    })
    .toContainEqual(expect.stringContaining(prompt));
  await expect(page.getByText('Answer now')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('meter', { name: 'Microphone level' })).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Round timer' }).locator('.round-timer-elapsed')).toHaveText(
    /^0:(09|[1-5]\d)$/,
    { timeout: 30_000 },
  );
  await page.getByRole('button', { name: 'Finish session' }).click();
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });

  // Its analysis and transcript, from the utility process.
  const sessions = await call<{ entries: { id: string }[] }>(page, 'sessionList', { limit: 1 });
  const session = await call<{ rounds: { id: string }[] }>(page, 'sessionGet', { sessionId: sessions.entries[0]!.id });
  const roundId = session.rounds[0]!.id;
  await expect
    .poll(async () => (await call<{ status: string }>(page, 'analysisGet', { roundId })).status, { timeout: 90_000 })
    .toBe('done');
  const analysis = await call<{ segments: unknown[]; error: string | null }>(page, 'analysisGet', { roundId });
  expect(analysis.error).toBeNull();
  expect(analysis.segments.length).toBeGreaterThan(0);
  type Transcript = { status: string; transcript: { segments: { text: string }[] } | null };
  await expect
    .poll(async () => (await call<Transcript>(page, 'transcriptGet', { roundId })).status, { timeout: 90_000 })
    .toBe('done');
  const transcript = await call<Transcript>(page, 'transcriptGet', { roundId });
  expect(transcript.transcript!.segments.length).toBeGreaterThan(0);
  expect(new Set(transcript.transcript!.segments.map((s) => s.text))).toEqual(new Set(['loop coach']));

  // Reviewed at 1.5x: the recording comes from app://.
  await page.getByRole('button', { name: 'Review round 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E2E Electron loop: Explain' })).toBeVisible();
  const audio = page.locator('.review-player audio');
  await expect(page.getByRole('radio', { name: '1.5x' })).toBeChecked();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(1);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.currentSrc)).toMatch(
    /^app:\/\/loop-coach\/media\/recordings\//,
  );
});
