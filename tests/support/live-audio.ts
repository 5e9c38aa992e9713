/**
 * Real speech for live listening: espeak-ng sentences and silences as 16 kHz Int16 LE PCM (what the
 * page's AudioWorklet sends), the known spans of each sentence, and the JSON the live recognizer's
 * test stand-in reads (src/main/services/live/stand-in.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeWav, speak, wavDurationSeconds } from './audio';

export const LIVE_RATE = 16000;

/**
 * The hash-map answer the E2E fake microphone plays (tests/e2e/global-setup.ts): three sentences that
 * cover three expected points, with silences of 2, 2.5 and 3 s after them.
 */
export const hashMapAnswer: (string | number)[] = [
  'A hash map stores each key in a bucket chosen by its hash.',
  2,
  'Collisions share a bucket, so lookups scan a short list.',
  2.5,
  'When the table fills up, it doubles and rehashes every key.',
  3,
];

export type LiveFixture = {
  wav: string;
  /** 16 kHz mono Int16 little-endian samples. */
  pcm: Buffer;
  /** Each sentence's span in the file (ms). */
  spoken: { text: string; startMs: number; endMs: number }[];
  /** The stand-in recognizer's JSON for this audio. */
  standIn: string;
};

/**
 * The stand-in's utterance list for composeWav parts: each sentence's voiced length and the silence
 * before it, measured on the samples (espeak pads its own output with quiet), counting the loop.
 */
export function standInJson(
  parts: (string | number)[],
  workDir: string,
): { utterances: object[]; spans: LiveFixture['spoken'] } {
  let at = 0;
  let lastVoicedEnd: number | null = null;
  const utterances: { text: string; durationMs: number; gapBeforeMs: number }[] = [];
  const spans: LiveFixture['spoken'] = [];
  parts.forEach((part, i) => {
    if (typeof part === 'number') {
      at += part * 1000;
      return;
    }
    const file = path.join(workDir, `measure-${i}.wav`);
    speak(part, file);
    const raw = path.join(workDir, `measure-${i}.s16le`);
    pcmFile(file, raw);
    const voiced = voicedSpanMs(fs.readFileSync(raw));
    const start = at + voiced.startMs;
    const end = at + voiced.endMs;
    utterances.push({
      text: part,
      durationMs: Math.round(end - start),
      gapBeforeMs: lastVoicedEnd === null ? 0 : Math.round(start - lastVoicedEnd),
    });
    spans.push({ text: part, startMs: Math.round(start), endMs: Math.round(end) });
    lastVoicedEnd = end;
    at += wavDurationSeconds(file) * 1000;
  });
  // The file loops: the first sentence follows the last one's trailing silence.
  utterances[0]!.gapBeforeMs = Math.round(at - lastVoicedEnd! + spans[0]!.startMs);
  return { utterances, spans };
}

/** Where a clip's sound starts and ends (ms): the first and last sample above 1 % of full scale. */
function voicedSpanMs(pcm: Buffer): { startMs: number; endMs: number } {
  const n = pcm.length / 2;
  const loud = (i: number) => Math.abs(pcm.readInt16LE(i * 2)) > 328;
  let first = 0;
  while (first < n && !loud(first)) first++;
  let last = n - 1;
  while (last > first && !loud(last)) last--;
  return { startMs: (first * 1000) / LIVE_RATE, endMs: ((last + 1) * 1000) / LIVE_RATE };
}

/** A spoken answer for live tests, made once under test-results/fixtures. */
export function liveFixture(name: string, parts: (string | number)[]): LiveFixture {
  const dir = path.resolve(__dirname, '..', '..', 'test-results', 'fixtures');
  fs.mkdirSync(dir, { recursive: true });
  const wav = path.join(dir, `${name}.wav`);
  const raw = path.join(dir, `${name}.s16le`);
  const standIn = path.join(dir, `${name}.live.json`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-live-'));
  try {
    if (!fs.existsSync(wav)) composeWav(parts, wav, work);
    if (!fs.existsSync(raw)) pcmFile(wav, raw);
    const { utterances, spans } = standInJson(parts, work);
    fs.writeFileSync(standIn, JSON.stringify({ utterances }, null, 2));
    return { wav, pcm: fs.readFileSync(raw), spoken: spans, standIn };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Any WAV → 16 kHz mono signed 16-bit little-endian raw samples. */
export function pcmFile(wav: string, out: string): void {
  execFileSync('sox', [wav, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-L', '-t', 'raw', out]);
}

/** Splits PCM into frames of `ms` (the last may be shorter), each with its first sample on the recording. */
export function framesOf(
  pcm: Buffer,
  ms = 100,
  startSample = 0,
): { startSample: number; data: Uint8Array<ArrayBuffer> }[] {
  const bytes = (LIVE_RATE * ms * 2) / 1000;
  const out: { startSample: number; data: Uint8Array<ArrayBuffer> }[] = [];
  for (let i = 0; i < pcm.length; i += bytes)
    out.push({ startSample: startSample + i / 2, data: new Uint8Array(pcm.subarray(i, i + bytes)) });
  return out;
}
