/**
 * Speech to text in Chromium, browser mode: the tiny fixture model installed in the data folder as
 * the model manager installs one, the setting chosen, a round recorded through the page from the
 * fake microphone → the round's transcript arrives (real worker, real native sherpa-onnx). The
 * review's transcript panel belongs to another branch, so the transcript is read through the API.
 * Then Settings → Transcription's "Transcribe older rounds" (screenshots, light and dark).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_MODEL_ID, installFixtureModel } from '../support/asr-model';
import { webmFixture } from '../support/audio';
import { api, streamUntilKilled } from '../support/recording-client';
import type { RunningServer } from '../support/web-server';
import { expect, screenshotDir, test as base, waitForVoices } from './fixtures';

const loop = `kind: loop
id: e2e-asr
title: E2E transcribed
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain a hash map.
    budgetSeconds: 30
    expectedPoints: [buckets]
`;

const test = base.extend({
  // The model is in place before the server starts, as after a finished download.
  dataDir: async ({ dataDir }, use) => {
    installFixtureModel(dataDir);
    await use(dataDir);
  },
});

type Transcript = {
  status: string;
  error: string | null;
  transcript: {
    modelId: string;
    segments: {
      startMs: number;
      endMs: number;
      text: string;
      words: { text: string; startMs: number; endMs: number }[];
    }[];
  } | null;
};

/** A round recorded before any model was chosen, sent over HTTP as the renderer sends it. */
async function olderRound(server: RunningServer): Promise<string> {
  const webm = webmFixture('e2e-asr-older', [0.5, 'An older answer about buckets.', 0.5]).webm;
  const session = (await api(server, 'session:start', { source: { type: 'item', id: 'e2e-asr' } })).value as {
    id: string;
  };
  const begun = (await api(server, 'round:begin', { sessionId: session.id, roundIndex: 0, mimeType: 'audio/webm' }))
    .value as { round: { id: string }; recording: { id: string } };
  expect(await streamUntilKilled(server, begun.recording.id, webm, 3, 0)).toBe(3);
  expect((await api(server, 'recording:finish', { recordingId: begun.recording.id })).ok).toBe(true);
  expect((await api(server, 'round:end', { roundId: begun.round.id, outcome: 'done' })).ok).toBe(true);
  await expect
    .poll(
      async () => ((await api(server, 'analysis:get', { roundId: begun.round.id })).value as { status: string }).status,
    )
    .toBe('done');
  return begun.round.id;
}

test.describe('transcription', () => {
  test.use({ userContent: { 'e2e-asr.yaml': loop } });
  test.setTimeout(150_000);

  test('a recorded round is transcribed after its analysis; older rounds on request from Settings', async ({
    app,
    server,
  }) => {
    const older = await olderRound(server);
    const chosen = await api(server, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID });
    expect(chosen.ok).toBe(true);
    // The page read the settings before the API changed them (the model manager's UI sets it in-page).
    await app.reload();
    await waitForVoices(app);

    await app.getByRole('searchbox', { name: 'Search the library' }).fill('E2E transcribed');
    await app.getByRole('option', { name: /E2E transcribed/ }).click();
    await app.getByRole('button', { name: 'Start E2E transcribed' }).click();
    await app.getByRole('button', { name: 'Begin session' }).click();
    await expect(app.getByText('Answer now')).toBeVisible({ timeout: 30_000 });
    // The fake microphone plays the answer; let the timer pass its first sentence (4 s of speech).
    await expect(app.getByRole('timer', { name: 'Round timer' }).locator('.round-timer-elapsed')).toHaveText(
      /^0:(0[6-9]|[1-5]\d)$/,
      { timeout: 20_000 },
    );
    await app.getByRole('button', { name: 'Finish session' }).click();
    await expect(app.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });

    // The older round was analysed before a model was chosen: it has no transcript.
    expect(((await api(server, 'transcript:get', { roundId: older })).value as Transcript).status).toBe('none');
    const sessions = ((await api(server, 'session:list', { limit: 1 })).value as { entries: { id: string }[] }).entries;
    const session = (await api(server, 'session:get', { sessionId: sessions[0]!.id })).value as {
      rounds: { id: string; recording: { durationMs: number | null } | null }[];
    };
    const roundId = session.rounds[0]!.id;
    let view: Transcript | null = null;
    await expect
      .poll(
        async () => {
          view = (await api(server, 'transcript:get', { roundId })).value as Transcript;
          return view.status;
        },
        { message: 'the transcript is done', timeout: 60_000 },
      )
      .toBe('done');
    const done = view as unknown as Transcript;
    expect(done.error).toBeNull();
    expect(done.transcript!.modelId).toBe(FIXTURE_MODEL_ID);
    const segments = done.transcript!.segments;
    expect(segments.length).toBeGreaterThan(0);
    const recorded = (await api(server, 'session:get', { sessionId: sessions[0]!.id })).value as typeof session;
    const durationMs = recorded.rounds[0]!.recording!.durationMs!;
    for (const s of segments) {
      expect(s.text).toBe('loop coach');
      expect(s.words.map((w) => w.text)).toEqual(['loop', 'coach']);
      for (const w of s.words) {
        expect(w.startMs).toBeGreaterThanOrEqual(s.startMs);
        expect(w.endMs).toBeLessThanOrEqual(Math.min(s.endMs, durationMs));
      }
    }

    // The older round is transcribed on request from Settings, with a progress bar.
    await app
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Settings/ })
      .click();
    const button = app.getByRole('button', { name: 'Transcribe older rounds' });
    await expect(button).toBeEnabled();
    await button.click();
    await expect(app.getByRole('status').filter({ hasText: 'Done: 1 older round transcribed.' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(app.getByRole('progressbar', { name: 'Transcribing older rounds' })).toHaveAttribute('value', '1');
    const olderView = (await api(server, 'transcript:get', { roundId: older })).value as Transcript;
    expect(olderView.status).toBe('done');
    expect(olderView.transcript!.segments.map((s) => s.text)).toEqual(['loop coach']);
    const section = app.getByRole('region', { name: 'Transcription' });
    await section.scrollIntoViewIfNeeded();
    fs.mkdirSync(screenshotDir, { recursive: true });
    for (const width of [1366, 1024]) {
      await app.setViewportSize({ width, height: 820 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await app.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await section.screenshot({ path: path.join(screenshotDir, `transcribe-older-${width}-${colorScheme}.png`) });
      }
    }
    // Asked again: nothing is left.
    await app.setViewportSize({ width: 1280, height: 820 });
    await button.click();
    await expect(
      app.getByRole('status').filter({ hasText: 'Every round with a recording already has a transcript.' }),
    ).toBeVisible();
  });
});
