/**
 * What the page's microphone really delivered, for E2E checks that must hold on a starved machine:
 * each MediaRecorder's non-empty chunks as it handed them on, and the microphone track's own count
 * of delivered audio (MediaStreamTrack.stats.deliveredFramesDuration) while that recorder was
 * recording, pauses left out. A fake capture device that falls behind the wall clock delivers less
 * audio; comparing the stored recording with these figures, not with the wall clock or the source
 * file, still catches a chunk the app lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export type CapturedRecording = {
  /** performance.now() at start() and at stop(). */
  start: number;
  stop: number | null;
  /** Ms of audio the microphone track delivered while recording (not paused). */
  deliveredMs: number;
  /** Non-empty chunks the recorder handed on (the app stores one per chunk). */
  chunks: number;
  /** The chunks joined, written to a file: the audio the recorder made of what it was given. */
  file: string;
};

/** Installs the probe before the page's own scripts run. */
export async function probeCapture(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Entry = { start: number; stop: number | null; deliveredMs: number; since: number; blobs: Blob[] };
    type Probed = MediaRecorder & { __capture?: Entry };
    const entries: Entry[] = [];
    (window as unknown as { __capture: Entry[] }).__capture = entries;
    const delivered = (recorder: MediaRecorder) => {
      const track = recorder.stream.getAudioTracks()[0] as
        (MediaStreamTrack & { stats?: { deliveredFramesDuration: number } }) | undefined;
      return track?.stats?.deliveredFramesDuration ?? Number.NaN;
    };
    const wrap = <K extends 'start' | 'pause' | 'resume' | 'stop'>(
      name: K,
      before: (r: Probed, e: Entry | undefined) => void,
    ) => {
      const original = MediaRecorder.prototype[name] as (...args: unknown[]) => void;
      MediaRecorder.prototype[name] = function (this: Probed, ...args: unknown[]) {
        before(this, this.__capture);
        return original.apply(this, args);
      } as MediaRecorder[K];
    };
    wrap('start', (recorder) => {
      const entry: Entry = {
        start: performance.now(),
        stop: null,
        deliveredMs: 0,
        since: delivered(recorder),
        blobs: [],
      };
      recorder.__capture = entry;
      entries.push(entry);
      recorder.addEventListener('dataavailable', (event) => {
        if (event.data.size > 0) entry.blobs.push(event.data);
      });
    });
    wrap('pause', (recorder, entry) => {
      if (entry && recorder.state === 'recording') entry.deliveredMs += delivered(recorder) - entry.since;
    });
    wrap('resume', (recorder, entry) => {
      if (entry && recorder.state === 'paused') entry.since = delivered(recorder);
    });
    wrap('stop', (recorder, entry) => {
      if (!entry || entry.stop !== null) return;
      if (recorder.state === 'recording') entry.deliveredMs += delivered(recorder) - entry.since;
      entry.stop = performance.now();
    });
  });
}

/** Every recording the page made so far (call after it stopped), its audio written into `dir`. */
export async function readCapture(page: Page, dir: string): Promise<CapturedRecording[]> {
  const entries = await page.evaluate(async () => {
    const captured = (
      window as unknown as { __capture: { start: number; stop: number | null; deliveredMs: number; blobs: Blob[] }[] }
    ).__capture;
    return Promise.all(
      captured.map(async ({ start, stop, deliveredMs, blobs }) => {
        const bytes = new Uint8Array(await new Blob(blobs).arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        return { start, stop, deliveredMs, chunks: blobs.length, base64: btoa(binary) };
      }),
    );
  });
  fs.mkdirSync(dir, { recursive: true });
  return entries.map(({ base64, ...entry }, i) => {
    const file = path.join(dir, `captured-${i}.webm`);
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return { ...entry, file };
  });
}
