/** Long recordings for benchmarks, made once with espeak-ng, sox and ffmpeg and cached. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { composeWav, liveWebm } from '../tests/support/audio';

export const benchDir = path.resolve(__dirname, '..', 'bench-results', 'fixtures');

/** A `minutes`-long spoken answer as MediaRecorder-like webm/opus (a one-minute answer, repeated). */
export function longRecording(minutes: number): string {
  fs.mkdirSync(benchDir, { recursive: true });
  const webm = path.join(benchDir, `answer-${minutes}min.webm`);
  if (fs.existsSync(webm)) return webm;
  const minute = path.join(benchDir, 'answer-1min.wav');
  if (!fs.existsSync(minute)) {
    const parts: (string | number)[] = [];
    for (let i = 0; i < 6; i++)
      parts.push(
        `Point ${i + 1}: the model overfits when variance dominates, so we regularise and validate.`,
        1.2 + (i % 3) * 0.6,
      );
    const raw = path.join(benchDir, 'answer-raw.wav');
    composeWav(parts, raw, fs.mkdtempSync(path.join(benchDir, 'work-')));
    execFileSync('sox', [raw, minute, 'pad', '0', '60', 'trim', '0', '60']);
  }
  const long = path.join(benchDir, `answer-${minutes}min.wav`);
  execFileSync('sox', [minute, long, 'repeat', String(minutes - 1)]);
  liveWebm(long, webm);
  fs.rmSync(long);
  return webm;
}
