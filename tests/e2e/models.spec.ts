/**
 * Settings → Transcription against a local model host (tests/support/model-server.ts) given to browser
 * mode with --model-catalog: a download shows its progress, is cancelled and resumed, survives a cut
 * connection (Resume continues with Range), installs and is put to use; a file with the wrong hash is
 * refused with a message naming it, and after a wrong hash the row offers Download, as its message says
 * (the failed file starts again from its first byte; files already checked are kept). Screenshots light
 * and dark at 1366 and 1024 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fixtureBytes, fixtureEntry, startModelServer, type ModelServer } from '../support/model-server';
import { makeDataDir, startServer, type RunningServer } from '../support/web-server';
import { screenshotDir } from './fixtures';

let host: ModelServer;
let server: RunningServer;
let dataDir: string;

test.beforeEach(async () => {
  host = await startModelServer({
    'encoder.onnx': { body: fixtureBytes(1_500_000, 11), stallAfter: 400_000 },
    'decoder.onnx': { body: fixtureBytes(200_000, 12) },
    'joiner.onnx': { body: fixtureBytes(50_000, 13) },
    'tokens.txt': { body: Buffer.from('<blk> 0\n▁a 1\n▁b 2\n'), lfs: false },
  });
  dataDir = makeDataDir('loop-coach-models-e2e-');
  const good = fixtureEntry(host, { id: 'tiny-fixture' });
  const broken = {
    ...fixtureEntry(host, {
      id: 'broken-mirror',
      names: ['joiner.onnx', 'tokens.txt'],
      pinned: { 'joiner.onnx': '0'.repeat(64) },
    }),
    title: 'Broken mirror',
    summary: 'Its joiner does not match the hash pinned for it.',
  };
  // Hashes from the host: a test can make it publish a wrong one for the second file, then fix it.
  const halfBroken = {
    ...fixtureEntry(host, { id: 'half-broken', names: ['joiner.onnx', 'decoder.onnx'] }),
    title: 'Half-broken mirror',
    summary: 'Its second file may not match the hash its host publishes.',
  };
  const catalogue = path.join(dataDir, 'catalogue.json');
  fs.writeFileSync(catalogue, JSON.stringify([{ ...good, recommended: true }, broken, halfBroken]));
  server = await startServer(dataDir, ['--model-catalog', catalogue]);
});

test.afterEach(async () => {
  await server.stop();
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openTranscription(page: Page) {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('region', { name: 'Transcription' });
  await expect(section.getByRole('list', { name: 'Speech models' })).toBeVisible();
  return section;
}

async function snapAll(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const)
    for (const width of [1366, 1024]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole('region', { name: 'Transcription' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${colorScheme}-${width}.png`) });
    }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('download with progress, cancel, resume after a cut connection, then use the model', async ({ page }) => {
  const section = await openTranscription(page);
  await expect(section.getByTestId('transcription-current')).toHaveText(/No model in use: rounds are not transcribed/);
  const row = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Tiny fixture model' }) });
  await row.getByRole('button', { name: 'Download Tiny fixture model' }).click();

  // The host stalls after 400 kB: the bar shows how far it got.
  const bar = row.getByRole('progressbar', { name: 'Download of Tiny fixture model' });
  await expect(bar).toBeVisible();
  await expect(row.getByTestId('model-progress-text')).toHaveText(/Downloading 400 kB of 1\.8 MB/);
  await snapAll(page, 'settings-transcription-downloading');

  await row.getByRole('button', { name: 'Cancel the download of Tiny fixture model' }).click();
  await expect(row.getByTestId('model-progress-text')).toHaveText(/Stopped at 400 kB of/);
  // Next time the host cuts the connection part-way instead.
  delete host.files['encoder.onnx']!.stallAfter;
  host.files['encoder.onnx']!.cutAfter = [300_000];
  await row.getByRole('button', { name: 'Resume the download of Tiny fixture model' }).click();
  const cutMessage =
    /The download of encoder\.onnx stopped after (\d+) of 1500000 bytes \(the connection was cut \(UND_ERR_SOCKET\)\)\. Press Resume/;
  await expect(row.getByRole('alert')).toHaveText(cutMessage);
  // What reached the disk before the cut: at most the 700 kB sent (under load the last chunks can still
  // be in flight when the socket closes), and exactly where the resume must continue.
  const kept = Number(cutMessage.exec((await row.getByRole('alert').textContent()) ?? '')![1]);
  expect(kept).toBeGreaterThan(400_000);
  expect(kept).toBeLessThanOrEqual(700_000);
  await snapAll(page, 'settings-transcription-interrupted');

  await row.getByRole('button', { name: 'Resume the download of Tiny fixture model' }).click();
  await expect(row.getByRole('button', { name: 'Use Tiny fixture model' })).toBeVisible();
  await expect(row.getByRole('alert')).toHaveCount(0);
  const encoderRanges = host.requests
    .filter((r) => r.method === 'GET' && r.path === '/cdn/encoder.onnx')
    .map((r) => r.range);
  expect(encoderRanges).toEqual([null, 'bytes=400000-', `bytes=${kept}-`]);
  expect(fs.existsSync(path.join(dataDir, 'models', 'tiny-fixture', 'installed.json'))).toBe(true);

  await row.getByRole('button', { name: 'Use Tiny fixture model' }).click();
  await expect(section.getByTestId('transcription-current')).toHaveText(
    'Transcribing new rounds with Tiny fixture model.',
  );
  await expect(row.getByText('In use')).toBeVisible();
  await snapAll(page, 'settings-transcription-installed');
  // The choice is saved: it is there after a reload.
  await page.reload();
  await expect((await openTranscription(page)).getByTestId('transcription-current')).toHaveText(
    'Transcribing new rounds with Tiny fixture model.',
  );
});

test('a file with the wrong hash is refused by name and never installed', async ({ page }) => {
  const section = await openTranscription(page);
  const row = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Broken mirror' }) });
  await row.getByRole('button', { name: 'Download Broken mirror' }).click();
  await expect(row.getByRole('alert')).toHaveText(
    /joiner\.onnx does not match the SHA-256 pinned for it in Loop Coach .*deleted and will not be loaded/,
  );
  await expect(row.getByRole('button', { name: 'Use Broken mirror' })).toHaveCount(0);
  expect(fs.readdirSync(path.join(dataDir, 'models', 'broken-mirror'))).toEqual([]);
  await snapAll(page, 'settings-transcription-wrong-hash');
});

test('after a wrong hash the row offers Download, as its message says, and Download fetches that file again', async ({
  page,
}) => {
  host.files['decoder.onnx']!.publishedSha256 = 'cd'.repeat(32);
  const section = await openTranscription(page);
  const row = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Half-broken mirror' }) });
  await row.getByRole('button', { name: 'Download Half-broken mirror' }).click();
  await expect(row.getByRole('alert')).toHaveText(
    /^decoder\.onnx does not match the SHA-256 127\.0\.0\.1:\d+ publishes for it .*it was deleted and will not be loaded\. Press Download to fetch it again\.$/,
  );
  // The checked joiner stays on disk (the row is partial); the decoder's bytes are gone, so there is
  // nothing to resume: the button is the one the message names.
  await expect(row).toHaveAttribute('data-status', 'partial');
  expect(fs.readdirSync(path.join(dataDir, 'models', 'half-broken'))).toEqual(['joiner.onnx']);
  await expect(row.getByRole('button', { name: 'Resume the download of Half-broken mirror' })).toHaveCount(0);
  const again = row.getByRole('button', { name: 'Download Half-broken mirror' });
  await expect(again).toBeVisible();
  await expect(row.getByRole('button', { name: 'Remove Half-broken mirror' })).toBeVisible();
  await snapAll(page, 'settings-transcription-wrong-hash-partial');

  delete host.files['decoder.onnx']!.publishedSha256;
  await again.click();
  await expect(row.getByRole('button', { name: 'Use Half-broken mirror' })).toBeVisible();
  await expect(row.getByRole('alert')).toHaveCount(0);
  const gets = (name: string) =>
    host.requests.filter((r) => r.method === 'GET' && r.path === `/cdn/${name}`).map((r) => r.range);
  // The decoder from its first byte both times; the joiner kept (hashed again on disk, not fetched again).
  expect(gets('decoder.onnx')).toEqual([null, null]);
  expect(gets('joiner.onnx')).toEqual([null]);
});
