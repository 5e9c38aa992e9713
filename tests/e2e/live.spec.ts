/**
 * Live listening, the page's side (issue 19): in real Chromium the fake microphone's speech goes
 * through the real AudioWorklet (bundled under the strict CSP) as 16 kHz Int16 PCM 'live:frames',
 * alongside the recording; and the round screen shows "Listening", the expected points heard (with
 * the practice-aid setting on) and the one-time notice when the machine falls behind.
 *
 * The main side's live handlers are placeholders on this branch (never listening), so only what
 * the real server cannot answer yet is stood in for with page.route: 'live:start' answers
 * listening, 'live:frames' is read and acknowledged here, and the live events are served on a
 * stand-in event stream. Everything else (session, recording, settings) is the real server. The
 * tests assert order, continuity and content, never a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page, Request, Route } from '@playwright/test';
import { decodeToPcm } from '../../src/main/services/recording/ffmpeg';
import type { LivePointCoverage, LiveStatus, LiveUtterance } from '../../src/shared/contract';
import { envelope } from '../support/envelope';
import { answerWav } from '../support/fixtures-paths';
import { expect, screenshotDir, test } from './fixtures';

const liveLoop = `kind: loop
id: e2e-live
title: E2E live listening
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain how a hash map works.
    budgetSeconds: 60
    expectedPoints: [Keys are hashed into buckets, Collisions are chained or probed, It resizes as it fills]
    followUps:
      - { text: What is the worst case?, atSeconds: 2 }
`;

type Frame = { recordingId: string; seq: number; startSample: number; pcm: Int16Array };

/**
 * One 'live:frames' request as the page sent it: JSON (the bytes as an object of index → byte, the
 * web transport today) or raw bytes with the other fields in the query (the binary transport).
 */
function decodeFrame(request: Request): Frame {
  const type = request.headers()['content-type'] ?? '';
  let fields: { recordingId: string; seq: number; startSample: number };
  let bytes: Uint8Array;
  if (type.includes('json')) {
    const body = request.postDataJSON() as typeof fields & { data: Record<string, number> | number[] };
    fields = body;
    bytes = Uint8Array.from(Array.isArray(body.data) ? body.data : Object.values(body.data));
  } else {
    const query = new URL(request.url()).searchParams;
    fields = {
      recordingId: query.get('recordingId')!,
      seq: Number(query.get('seq')),
      startSample: Number(query.get('startSample')),
    };
    bytes = new Uint8Array(request.postDataBuffer()!);
  }
  expect(bytes.byteLength % 2, 'whole 16-bit samples').toBe(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pcm = Int16Array.from({ length: bytes.byteLength / 2 }, (_, i) => view.getInt16(i * 2, true));
  return { recordingId: fields.recordingId, seq: fields.seq, startSample: fields.startSample, pcm };
}

const ok = (route: Route, value: unknown) =>
  route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });

/**
 * Stands in for the main side's live handlers: listens (after `startDelayMs`, as a main side
 * loading its model would), and keeps every frame it is sent.
 */
async function standInForLive(page: Page, startDelayMs = 0): Promise<Frame[]> {
  const frames: Frame[] = [];
  await page.route('**/api/live:start', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, startDelayMs));
    await ok(route, { listening: true, modelId: 'stand-in' });
  });
  await page.route('**/api/live:frames**', (route) => {
    frames.push(decodeFrame(route.request()));
    return ok(route, { backlogMs: 0 });
  });
  return frames;
}

/**
 * A stand-in for the event stream: each connection is held open until the test emits, then
 * delivers those events and ends (the page reconnects at once). The real stream's events are not
 * needed by a running round.
 */
async function standInEvents(page: Page) {
  let pending: string[] = [];
  let release: (() => void) | null = null;
  const connected: (() => void)[] = [];
  await page.route('**/api/events**', async (route) => {
    for (const resolve of connected.splice(0)) resolve();
    if (pending.length === 0) await new Promise<void>((resolve) => (release = resolve));
    const body = `retry: 50\n\n${pending.join('')}`;
    pending = [];
    await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body }).catch(() => {});
  });
  /** Delivers an event; resolves when the page has read it (its stream reconnected after it). */
  return (channel: 'live:utterance' | 'live:status', payload: LiveUtterance | LiveStatus): Promise<void> => {
    pending.push(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`);
    const read = new Promise<void>((resolve) => connected.push(resolve));
    release?.();
    release = null;
    return read;
  };
}

async function startLiveLoop(page: Page) {
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('E2E live listening');
  await page.getByRole('option', { name: /E2E live listening/ }).click();
  await page.getByRole('button', { name: 'Start E2E live listening' }).click();
  const begun = page.waitForResponse('**/api/round:begin');
  await page.getByRole('button', { name: 'Begin session' }).click();
  const { value } = (await (await begun).json()) as { value: { round: { id: string }; recording: { id: string } } };
  return { roundId: value.round.id, recordingId: value.recording.id };
}

type RoundIds = { roundId: string; recordingId: string };

/** An utterance event of the round with the coverage so far. */
const utteranceOf = (ids: RoundIds, n: number, coverage: LivePointCoverage[]): LiveUtterance => ({
  ...ids,
  n,
  startMs: 1000,
  endMs: 3600,
  text: 'keys are hashed into buckets and collisions',
  words: [],
  coverage,
});

/** A round that listens (stand-ins for the live handlers and events), answering, with "Listening" shown. */
async function listeningRound(page: Page, url: string, before: () => Promise<void> = async () => {}) {
  await standInForLive(page);
  const emit = await standInEvents(page);
  await page.goto(url);
  await before();
  const ids = await startLiveLoop(page);
  await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.round-stage').getByRole('status').filter({ hasText: 'Listening' })).toBeVisible();
  return { emit, ids };
}

/** The frames laid on the recording timeline by startSample (gaps stay silent). */
function onTimeline(frames: Frame[]): Int16Array {
  const last = frames[frames.length - 1]!;
  const out = new Int16Array(last.startSample + last.pcm.length);
  for (const f of frames) out.set(f.pcm, f.startSample);
  return out;
}

function pearson(a: Float64Array, b: Float64Array): number {
  const mean = (xs: Float64Array) => xs.reduce((x, y) => x + y, 0) / xs.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [sab, saa, sbb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb || 1);
}

/** Best Pearson correlation of `part` against the looped `source` over every lag. */
function bestCorrelation(part: Float64Array, source: Float64Array): number {
  const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
  let best = -1;
  for (let lag = 0; lag < source.length; lag++) {
    const window = Float64Array.from(part, (_, i) => source[(i + lag) % source.length]!);
    const [ma, mb] = [mean(part), mean(window)];
    let [sab, saa, sbb] = [0, 0, 0];
    for (let i = 0; i < part.length; i++) {
      sab += (part[i]! - ma) * (window[i]! - mb);
      saa += (part[i]! - ma) ** 2;
      sbb += (window[i]! - mb) ** 2;
    }
    best = Math.max(best, sab / Math.sqrt(saa * sbb || 1));
  }
  return best;
}

function findWebm(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.webm'));
}

test.describe('live listening', () => {
  test.use({ userContent: { 'e2e-live.yaml': liveLoop } });
  test.setTimeout(120_000);

  test('the AudioWorklet sends 16 kHz PCM of the answer on the recording timeline, in order, through a pause, beside the recording', async ({
    page,
    server,
  }) => {
    // Listening starts well after the recording: the frames must still land where their audio is.
    const frames = await standInForLive(page, 1500);
    await page.goto(server.url);
    const { recordingId } = await startLiveLoop(page);
    await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });

    // About 8 s of audio, a pause and its resume, then about 4 s more.
    await expect.poll(() => frames.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(40);
    // The recorder's own level meter still hears the microphone beside the capture.
    const meter = page.getByRole('meter', { name: 'Microphone level' });
    await expect
      .poll(async () => Number(await meter.getAttribute('aria-valuenow')), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByText('Paused', { exact: true })).toBeVisible();
    const atPause = frames.length;
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => frames.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(atPause + 20);
    await page.getByRole('button', { name: 'Finish session' }).click();
    await expect(page.getByRole('heading', { name: /Session complete/ })).toBeVisible({ timeout: 20_000 });
    const sent = frames.length;

    // Ordered, numbered from 0, each starting where the last ended: nothing lost, nothing doubled,
    // and the pause leaves no gap (paused audio is not on the recording either).
    expect(frames.every((f) => f.recordingId === recordingId)).toBe(true);
    expect(frames.map((f) => f.seq)).toEqual(frames.map((_, i) => i));
    for (let i = 1; i < frames.length; i++) {
      expect(frames[i]!.startSample, `frame ${i} follows frame ${i - 1}`).toBe(
        frames[i - 1]!.startSample + frames[i - 1]!.pcm.length,
      );
    }
    // ~200 ms batches (a pause or the round's end sends the partial one).
    expect(frames.filter((f) => f.pcm.length === 3200).length).toBeGreaterThan(frames.length / 2);
    expect(frames.every((f) => f.pcm.length > 0 && f.pcm.length <= 32000)).toBe(true);

    // Not silence: the answer's speech.
    const timeline = onTimeline(frames);
    const loud = envelope(timeline, 16000).filter((v) => v > 0.02).length;
    expect(loud, '50 ms frames of speech').toBeGreaterThan(10);

    // 16 kHz: the speech/silence pattern of the spoken answer (the fake microphone's file, looped)
    // lines up with the frames read at 16 kHz; read at another rate it would be stretched. Before
    // the pause only: the file played on while paused, so the audio after it is another lag.
    const source = envelope(await decodeToPcm(answerWav, 16000), 16000, 20);
    const beforePause = frames[atPause - 1]!;
    const live = timeline.subarray(frames[0]!.startSample, beforePause.startSample + beforePause.pcm.length);
    const at16k = bestCorrelation(envelope(live, 16000, 20), source);
    const at48k = Int16Array.from({ length: Math.floor(live.length / 3) }, (_, i) => live[i * 3]!);
    const asIf48k = bestCorrelation(envelope(at48k, 16000, 20), source);
    expect(at16k, 'loudness follows the spoken answer').toBeGreaterThan(0.8);
    expect(asIf48k, 'and would not at a wrong rate').toBeLessThan(0.7);

    // The recording was made as before, and the frames sit on its timeline: their loudness follows
    // the recording's at the same place (give or take start-up jitter of a few 20 ms frames; missing
    // the late start, or the pause, would put them a second or more off).
    const webm = findWebm(server.dataDir);
    expect(webm).toHaveLength(1);
    const recorded = envelope(await decodeToPcm(path.join(server.dataDir, webm[0]!), 16000), 16000, 20);
    const placed = envelope(timeline, 16000, 20);
    const span = placed.subarray(
      Math.ceil(frames[0]!.startSample / 320) + 25,
      Math.min(placed.length, recorded.length) - 25,
    );
    const offset = Math.ceil(frames[0]!.startSample / 320) + 25;
    const lags = Array.from({ length: 51 }, (_, i) => i - 25).map((lag) => ({
      lag,
      r: pearson(
        span,
        Float64Array.from(span, (_, i) => recorded[offset + i + lag]!),
      ),
    }));
    const best = lags.reduce((a, b) => (b.r > a.r ? b : a));
    expect(frames[0]!.startSample, 'the late start is on the timeline').toBeGreaterThan(16000);
    expect(
      best.r,
      `live frames line up with the recording (best within ±0.5 s: ${JSON.stringify(best)})`,
    ).toBeGreaterThan(0.8);

    // The round's end stopped the capture: nothing more came while the recording was decoded above.
    expect(frames.length).toBe(sent);
  });

  test('the round shows "Listening", the points heard with the practice aid on, and says once when it falls behind (screenshots)', async ({
    page,
    server,
  }) => {
    const { emit, ids } = await listeningRound(page, server.url, async () => {
      // The practice aid is off by default and turned on in Settings.
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('button', { name: 'Settings', exact: true }).click();
      const aid = page.getByRole('checkbox', { name: 'Show expected points as they are heard' });
      await expect(aid).not.toBeChecked();
      await aid.check();
      await expect(aid).toBeChecked();
      await nav.getByRole('button', { name: 'Library', exact: true }).click();
    });
    const points = page.getByRole('list', { name: 'Expected points heard' });
    await expect(page.getByText('Nothing heard yet.')).toBeVisible();

    const coverage: LivePointCoverage[] = [
      { index: 0, confidence: 'clear', evidenceStartMs: 1200, evidenceEndMs: 2600 },
      { index: 1, confidence: 'mentioned', evidenceStartMs: 3100, evidenceEndMs: 3500 },
      { index: 2, confidence: 'not-heard', evidenceStartMs: null, evidenceEndMs: null },
    ];
    // Another round's utterance is not this round's.
    await emit('live:utterance', utteranceOf({ ...ids, roundId: 'another-round' }, 0, coverage));
    await expect(page.getByText('Nothing heard yet.')).toBeVisible();
    await emit('live:utterance', utteranceOf(ids, 0, coverage));
    await expect(points.getByRole('listitem')).toHaveText([
      'Point 1: clear',
      'Point 2: mentioned',
      'Point 3: not heard',
    ]);
    await expect(follow(page)).toContainText('What is the worst case?', { timeout: 15_000 });
    // The point texts never reach the page during the round.
    await expect(page.locator('body')).not.toContainText('Collisions are chained');

    await page.mouse.move(1, 1);
    fs.mkdirSync(screenshotDir, { recursive: true });
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 820 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        await expect(points).toBeInViewport();
        await page.screenshot({ path: path.join(screenshotDir, `live-session-${width}-${colorScheme}.png`) });
      }
    }
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });

    // Behind: said once, and it stays (a later "listening" does not take it back); the panel goes.
    const status = (state: LiveStatus['state'], backlogMs: number): LiveStatus => ({
      ...ids,
      state,
      backlogMs,
      message: null,
    });
    await emit('live:status', status('behind', 6000));
    const behind = page.getByText(
      'This machine could not keep up with live listening; follow-ups for this round come by the clock.',
    );
    await expect(behind).toHaveCount(1);
    await expect(points).toHaveCount(0);
    await emit('live:status', status('listening', 0));
    await emit('live:utterance', utteranceOf(ids, 1, coverage));
    await expect(behind).toHaveCount(1);
    await expect(points).toHaveCount(0);
    await page.screenshot({ path: path.join(screenshotDir, 'live-session-behind.png') });
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('with the practice aid off (the default), listening shows only the quiet status line', async ({
    page,
    server,
  }) => {
    const { emit, ids } = await listeningRound(page, server.url);
    await emit(
      'live:utterance',
      utteranceOf(ids, 0, [{ index: 0, confidence: 'clear', evidenceStartMs: 1200, evidenceEndMs: 2600 }]),
    );
    await expect(page.getByText('Expected points heard')).toHaveCount(0);
    await expect(page.getByText('Point 1')).toHaveCount(0);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
});

const follow = (page: Page) => page.getByRole('log', { name: 'Follow-ups' });
