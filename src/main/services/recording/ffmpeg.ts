/**
 * ffmpeg, shipped inside npm by @ffmpeg-installer (no download at install time), finalizes
 * MediaRecorder's webm: Chromium writes it as a live stream with no duration and no cues, so players
 * show no length and cannot seek reliably. A stream-copy remux writes the duration (and, with
 * ffmpeg 5+, cues; Chromium seeks the bundled 4.1's cue-less output by scanning clusters, checked
 * in the E2E review test) without re-encoding, and copes with a file cut short by a crash.
 * Chosen over pure-JS EBML rewriting, which must hold the whole file's element tree in memory.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { unpackedPath } from '../app-root';

let cached: string | null = null;

export function ffmpegPath(): string {
  if (cached) return cached;
  const fromEnv = process.env.LOOP_COACH_FFMPEG;
  let found: string;
  if (fromEnv) found = fromEnv;
  else {
    const require = createRequire(__filename);
    // Packaged apps keep native binaries outside the asar archive.
    found = unpackedPath((require('@ffmpeg-installer/ffmpeg') as { path: string }).path);
  }
  try {
    fs.accessSync(found, fs.constants.X_OK);
  } catch {
    // npm may have skipped the package's chmod step.
    fs.chmodSync(found, 0o755);
  }
  cached = found;
  return found;
}

function run(args: string[], timeoutMs = 120_000): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(ffmpegPath(), args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stderr: String(stderr) });
    });
  });
}

/** Stream-copies `input` to `output` as webm with duration and cues; tolerant of a truncated tail. */
export async function remuxWebm(input: string, output: string): Promise<void> {
  const { code, stderr } = await run([
    '-hide_banner',
    '-nostdin',
    '-y',
    '-v',
    'error',
    '-err_detect',
    'ignore_err',
    '-fflags',
    '+genpts+discardcorrupt',
    '-i',
    input,
    '-map',
    '0:a:0',
    '-c',
    'copy',
    '-f',
    'webm',
    output,
  ]);
  if (code !== 0 || !fs.existsSync(output) || fs.statSync(output).size === 0) {
    throw new Error(
      `ffmpeg could not finalize the recording: ${stderr.trim().split('\n').slice(-2).join(' ') || `exit ${code}`}`,
    );
  }
}

/** Duration from the container (written by remuxWebm), in ms; null if ffmpeg reports none. */
export async function probeDurationMs(file: string): Promise<number | null> {
  const { stderr } = await run(['-hide_banner', '-nostdin', '-i', file], 30_000);
  const match = /Duration:\s*(\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  if (!match) return null;
  return Math.round((Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])) * 1000);
}

/** Decodes any audio file (from `fromSeconds`) to mono 16-bit PCM at `sampleRate` (tests, analysis). */
export async function decodeToPcm(file: string, sampleRate = 16000, fromSeconds = 0): Promise<Int16Array> {
  return new Promise((resolve, reject) => {
    execFile(
      ffmpegPath(),
      [
        '-hide_banner',
        '-nostdin',
        '-v',
        'error',
        ...(fromSeconds > 0 ? ['-ss', String(fromSeconds)] : []),
        '-i',
        file,
        '-ac',
        '1',
        '-ar',
        String(sampleRate),
        '-f',
        's16le',
        '-',
      ],
      { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`ffmpeg could not decode ${file}: ${String(stderr).trim()}`));
        else resolve(new Int16Array(stdout.buffer, stdout.byteOffset, Math.floor(stdout.byteLength / 2)));
      },
    );
  });
}
