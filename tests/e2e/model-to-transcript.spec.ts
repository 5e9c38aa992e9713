/**
 * The whole native path in one walk, in Chromium against browser mode given a catalogue with
 * --model-catalog whose entries serve the real tiny fixture model (tests/fixtures/asr/tiny-tdt-fixture)
 * from a local Hugging Face–shaped host (tests/support/model-server.ts):
 * a refused connection is named in Settings → Transcription; once the host is up, a download that the
 * host cuts mid-file resumes and installs; a mirror publishing a wrong hash is refused by name and
 * installs nothing; the installed model is put to use, a round is recorded from the fake microphone,
 * and its review's transcript panel shows the fixture's words ("loop coach") with times — a click on a
 * word seeks the player there. Screenshots light/dark at 1366 and 1024 px.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fixtureModelDir } from '../support/asr-model';
import { fixtureEntry, startModelServer, type ModelServer, type ServedFile } from '../support/model-server';
import { api } from '../support/recording-client';
import { makeDataDir, startServer, type RunningServer } from '../support/web-server';
import { screenshotDir, waitForVoices } from './fixtures';

const loop = `kind: loop
id: e2e-chain
title: E2E model to transcript
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain a hash map.
    budgetSeconds: 30
    expectedPoints: [buckets]
`;

const modelTitle = 'Tiny fixture model';
const brokenTitle = 'Lying mirror';
const fixtureFile = (name: string) => fs.readFileSync(path.join(fixtureModelDir, name));
const encoderBytes = fixtureFile('encoder.onnx').length;
// Part-way through the encoder, where the host cuts the first connection.
const cutAt = Math.floor(encoderBytes / 2);

/** A port nothing listens on (yet): reserved by listening and closing, so a connection to it is refused. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Resolves once the app has stored the bytes sent before the cut: a cut that reached the client with
 * its last bytes (under load they can arrive together) may otherwise leave nothing kept to resume.
 */
async function storedBeforeCut(): Promise<void> {
  const part = path.join(dataDir, 'models', 'tiny-fixture', 'encoder.onnx.part');
  const size = () => (fs.existsSync(part) ? fs.statSync(part).size : 0);
  while (size() < cutAt) await new Promise((resolve) => setTimeout(resolve, 20));
}

function servedFiles(): Record<string, ServedFile> {
  return {
    'encoder.onnx': { body: fixtureFile('encoder.onnx'), cutAfter: [cutAt], beforeCut: storedBeforeCut },
    'decoder.onnx': { body: fixtureFile('decoder.onnx') },
    'joiner.onnx': { body: fixtureFile('joiner.onnx') },
    'tokens.txt': { body: fixtureFile('tokens.txt'), lfs: false },
    // The same joiner under another name, whose host publishes a SHA-256 that is not the file's.
    'joiner-mirror.onnx': { body: fixtureFile('joiner.onnx'), publishedSha256: 'f'.repeat(64) },
  };
}

let host: ModelServer | null = null;
let server: RunningServer;
let dataDir: string;
let port: number;

test.beforeEach(async () => {
  dataDir = makeDataDir('loop-coach-chain-e2e-');
  fs.mkdirSync(path.join(dataDir, 'content'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'content', 'e2e-chain.yaml'), loop);
  port = await closedPort();
  // The catalogue names the host's URLs before the host is up: the first download meets a closed port.
  const offline: ModelServer = {
    port,
    files: servedFiles(),
    requests: [],
    url: (name) => `http://127.0.0.1:${port}/repo/resolve/main/${encodeURIComponent(name)}`,
    close: async () => {},
  };
  const good = {
    ...fixtureEntry(offline, {
      id: 'tiny-fixture',
      names: ['encoder.onnx', 'decoder.onnx', 'joiner.onnx', 'tokens.txt'],
    }),
    family: 'nemo-transducer' as const,
    recommended: true,
  };
  const lying = {
    ...fixtureEntry(offline, {
      id: 'lying-mirror',
      names: ['encoder.onnx', 'decoder.onnx', 'joiner-mirror.onnx', 'tokens.txt'],
    }),
    family: 'nemo-transducer' as const,
    title: brokenTitle,
    summary: 'Its host publishes a hash that its joiner does not have.',
  };
  const catalogue = path.join(dataDir, 'catalogue.json');
  fs.writeFileSync(catalogue, JSON.stringify([good, lying]));
  server = await startServer(dataDir, ['--model-catalog', catalogue]);
});

test.afterEach(async () => {
  await server.stop();
  await host?.close();
  host = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openTranscription(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('region', { name: 'Transcription' });
  await expect(section.getByRole('list', { name: 'Speech models' })).toBeVisible({ timeout: 30_000 });
  return section;
}

async function calm(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function snapAll(page: Page, name: string, target: Locator): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const)
    for (const width of [1366, 1024]) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width, height: 900 });
      await target.scrollIntoViewIfNeeded();
      await calm(page);
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${colorScheme}-${width}.png`) });
    }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('refused, cut and resumed, wrong hash refused, then used: a recorded round reviews with its transcript', async ({
  page,
}) => {
  // Download, install, record, analyse and transcribe on a machine shared with busy builds.
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(server.url);
  const section = await openTranscription(page);
  const row = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: modelTitle }) });

  // 1. Nothing listens on the host's port: the error says so, naming the cause.
  await row.getByRole('button', { name: `Download ${modelTitle}` }).click();
  await expect(row.getByRole('alert')).toHaveText(/the connection was refused \(ECONNREFUSED\)/, { timeout: 30_000 });
  await expect(row.getByRole('button', { name: `Use ${modelTitle}` })).toHaveCount(0);

  // 2. The host comes up on that port and cuts the encoder's first GET part-way; Resume continues with Range.
  host = await startModelServer(servedFiles(), { port });
  await row.getByRole('button', { name: new RegExp(`^(Download|Resume the download of) ${modelTitle}$`) }).click();
  // The host sends half the encoder, waits until the app has stored it, then cuts.
  await expect(row.getByRole('alert')).toHaveText(
    new RegExp(`The download of encoder\\.onnx stopped after ${cutAt} of ${encoderBytes} bytes .*cut.*Press Resume`),
    { timeout: 30_000 },
  );
  await expect(row.getByRole('progressbar', { name: `Download of ${modelTitle}` })).toBeVisible();
  await expect(row.getByTestId('model-progress-text')).toHaveText(/^Stopped at .+ of .+$/);
  await row.getByRole('button', { name: `Resume the download of ${modelTitle}` }).click();
  await expect(row.getByRole('button', { name: `Use ${modelTitle}` })).toBeVisible({ timeout: 30_000 });
  await expect(row.getByRole('alert')).toHaveCount(0);
  const encoderRanges = host.requests
    .filter((r) => r.method === 'GET' && r.path === '/cdn/encoder.onnx')
    .map((r) => r.range);
  // Resume asks for the rest from where the kept part ends.
  expect(encoderRanges).toEqual([null, `bytes=${cutAt}-`]);
  const installedDir = path.join(dataDir, 'models', 'tiny-fixture');
  expect(fs.readFileSync(path.join(installedDir, 'encoder.onnx')).equals(fixtureFile('encoder.onnx'))).toBe(true);

  // 3. The lying mirror: its joiner is refused by name, and nothing of it is installed.
  const lyingRow = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: brokenTitle }) });
  await lyingRow.getByRole('button', { name: `Download ${brokenTitle}` }).click();
  await expect(lyingRow.getByRole('alert')).toHaveText(
    /joiner-mirror\.onnx does not match the SHA-256 .* publishes for it .*deleted and will not be loaded/,
    { timeout: 30_000 },
  );
  await expect(lyingRow.getByRole('button', { name: `Use ${brokenTitle}` })).toHaveCount(0);
  const lyingDir = path.join(dataDir, 'models', 'lying-mirror');
  expect(fs.existsSync(path.join(lyingDir, 'installed.json'))).toBe(false);
  expect(fs.existsSync(path.join(lyingDir, 'joiner-mirror.onnx'))).toBe(false);

  // 4. Use the downloaded model.
  await row.getByRole('button', { name: `Use ${modelTitle}` }).click();
  await expect(section.getByTestId('transcription-current')).toHaveText(`Transcribing new rounds with ${modelTitle}.`);
  await snapAll(page, 'chain-settings-transcription-installed', section);

  // Record a round from the fake microphone.
  await waitForVoices(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('E2E model to transcript');
  await page.getByRole('option', { name: /E2E model to transcript/ }).click();
  await page.getByRole('button', { name: 'Start E2E model to transcript' }).click();
  await page.getByRole('button', { name: 'Begin session' }).click();
  await expect(page.getByText('Answer now')).toBeVisible({ timeout: 30_000 });
  // Let the timer pass the fake microphone's first sentence.
  await expect(page.getByRole('timer', { name: 'Round timer' }).locator('.round-timer-elapsed')).toHaveText(
    /^0:(0[6-9]|[1-5]\d)$/,
    { timeout: 30_000 },
  );
  await page.getByRole('button', { name: 'Finish session' }).click();
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });

  // The transcript is made after the round's analysis, in the worker, with the downloaded model.
  const sessions = ((await api(server, 'session:list', { limit: 1 })).value as { entries: { id: string }[] }).entries;
  const session = (await api(server, 'session:get', { sessionId: sessions[0]!.id })).value as {
    rounds: { id: string }[];
  };
  const roundId = session.rounds[0]!.id;
  await expect
    .poll(async () => ((await api(server, 'transcript:get', { roundId })).value as { status: string }).status, {
      message: 'the round is transcribed',
      timeout: 120_000,
    })
    .toBe('done');

  await page.getByRole('button', { name: 'Review round 1' }).click();
  const panel = page.getByRole('region', { name: 'Transcript' });
  const list = panel.getByRole('list', { name: 'Transcript' });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  // Every stretch of speech reads "loop coach", with its time.
  const items = list.getByRole('listitem');
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await expect(items.nth(i)).toHaveText(/\d+:\d\d.*loop coach/);
    await expect(items.nth(i).getByRole('button', { name: /^Jump to \d+:\d\d: loop coach$/ })).toBeVisible();
  }
  const words = list.locator('.transcript-word');
  await expect(words.first()).toHaveText('loop');

  // A click on a word seeks the player to that word's start.
  const coach = list.locator('.transcript-word', { hasText: /^coach\s*$/ }).last();
  const coachMs = Number(await coach.getAttribute('data-ms'));
  expect(coachMs).toBeGreaterThan(0);
  await coach.click();
  const audio = page.locator('.review-player audio');
  await expect
    .poll(async () => Math.abs((await audio.evaluate((a: HTMLAudioElement) => a.currentTime)) - coachMs / 1000), {
      message: 'the player is at the clicked word',
      timeout: 15_000,
    })
    .toBeLessThanOrEqual(0.25);
  await expect(list.locator('.transcript-word[aria-current="true"]')).toHaveText('coach');

  // 5. The review with its transcript.
  await snapAll(page, 'chain-review-transcript', panel);
});
