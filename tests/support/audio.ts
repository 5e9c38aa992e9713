/** Real audio for tests: espeak-ng speech, sox for silences, ffmpeg for MediaRecorder-like webm. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeToPcm, ffmpegPath } from '../../src/main/services/recording/ffmpeg';
import { PEAKS_PER_SECOND, type RoundView } from '../../src/shared/contract';

export function speak(text: string, wavFile: string): void {
  execFileSync('espeak-ng', ['-s', '165', '-w', wavFile, text]);
}

/** Concatenates speech and silences (seconds) into one 48 kHz mono WAV. */
export function composeWav(parts: (string | number)[], out: string, workDir: string): void {
  const files = parts.map((part, i) => {
    const file = `${workDir}/part-${i}.wav`;
    if (typeof part === 'number')
      execFileSync('sox', ['-R', '-n', '-r', '22050', '-c', '1', '-b', '16', file, 'trim', '0', String(part)]);
    else speak(part, file);
    return file;
  });
  execFileSync('sox', ['-R', ...files, '-r', '48000', '-c', '1', '-b', '16', out]);
}

/** Encodes like Chromium's MediaRecorder: opus in a live webm with no duration and no cues. */
export function liveWebm(input: string, out: string): void {
  execFileSync(ffmpegPath(), [
    '-y',
    '-v',
    'error',
    '-i',
    input,
    '-c:a',
    'libopus',
    '-b:a',
    '48k',
    '-f',
    'webm',
    '-live',
    '1',
    '-cluster_time_limit',
    '1000',
    out,
  ]);
}

export function wavDurationSeconds(file: string): number {
  return Number(execFileSync('soxi', ['-D', file]).toString().trim());
}

/** Splits a file's bytes into n roughly equal chunks, the way MediaRecorder's timeslice does. */
export function chunksOf(file: string, n: number): Uint8Array[] {
  const bytes = fs.readFileSync(file);
  const size = Math.ceil(bytes.length / n);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(new Uint8Array(bytes.subarray(i, i + size)));
  return out;
}

/** Waveform peaks for chunk `seq`, different in length and value per chunk, so a doubled or lost chunk shows. */
export function chunkPeaks(seq: number): Uint8Array {
  return new Uint8Array(20 + ((seq * 7) % 31)).fill(seq + 1);
}

/** The bytes of these chunks one after another: what a file holding exactly them holds. */
export const joined = (chunks: Uint8Array[]) => Buffer.concat(chunks.map((c) => Buffer.from(c)));

/** A spoken answer as MediaRecorder-like webm, made once and cached under test-results/fixtures. */
export function webmFixture(name: string, parts: (string | number)[]): { webm: string; wav: string } {
  const dir = path.resolve(__dirname, '..', '..', 'test-results', 'fixtures');
  const wav = path.join(dir, `${name}.wav`);
  const webm = path.join(dir, `${name}.webm`);
  if (!fs.existsSync(webm)) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-audio-'));
    fs.mkdirSync(dir, { recursive: true });
    composeWav(parts, wav, work);
    liveWebm(wav, webm);
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { webm, wav };
}

/**
 * The answer's real envelope as the recorder's peaks: max |sample| per 1/50 s on a square-root scale,
 * what the level meter computes.
 */
export async function realPeaks(webm: string): Promise<Uint8Array> {
  const pcm = await decodeToPcm(webm, 16000);
  const perPeak = 16000 / PEAKS_PER_SECOND;
  const peaks = new Uint8Array(Math.ceil(pcm.length / perPeak));
  for (let i = 0; i < peaks.length; i++) {
    let max = 0;
    for (let j = i * perPeak; j < Math.min(pcm.length, (i + 1) * perPeak); j++) max = Math.max(max, Math.abs(pcm[j]!));
    peaks[i] = Math.round(Math.sqrt(Math.min(1, max / 32768)) * 255);
  }
  return peaks;
}

/** Writes a recorded round's real peaks over the flat placeholders recordRound stores. */
export async function storeRealPeaks(dataDir: string, round: RoundView, webm: string): Promise<void> {
  fs.writeFileSync(path.join(dataDir, round.recording!.peaksUrl.slice('/media/'.length)), await realPeaks(webm));
}
