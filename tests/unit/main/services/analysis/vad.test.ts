import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeAudioFile } from '../../../../../src/main/services/analysis/analyze-file';
import { ffmpegPath } from '../../../../../src/main/services/recording/ffmpeg';
import { segment, type Segment } from '../../../../../src/shared/metrics';
import { repoRoot } from '../../../../support/temp';

/**
 * Synthetic answers with known silences: espeak-ng phrases trimmed to their first and last sound,
 * joined by exact gaps with sox, so the true speech segments are known to the sample.
 */
const phrases = [
  'The gradient of the loss with respect to the logits is p minus y.',
  'That follows from the sigmoid derivative cancelling the log.',
  'With mean squared error the gradient vanishes when the model is confidently wrong.',
  'So cross entropy trains faster.',
  'One caveat is label noise.',
];
const gaps = [0.8, 1.6, 0.7, 2.4];
const dir = path.join(repoRoot, 'test-results', 'fixtures', 'vad');
let truth: Segment[] = [];
let total = 0;

function build(): void {
  fs.mkdirSync(dir, { recursive: true });
  const parts: string[] = [];
  truth = [];
  let t = 1.0;
  const lead = path.join(dir, 'lead.wav');
  execFileSync('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', lead, 'trim', '0', '1.0']);
  parts.push(lead);
  phrases.forEach((phrase, i) => {
    const raw = path.join(dir, `raw-${i}.wav`);
    const trimmed = path.join(dir, `phrase-${i}.wav`);
    execFileSync('espeak-ng', ['-s', '165', '-w', raw, phrase]);
    // Cut espeak's own leading and trailing silence so the phrase starts and ends on sound.
    execFileSync('sox', [
      '-R',
      raw,
      '-r',
      '16000',
      '-c',
      '1',
      '-b',
      '16',
      trimmed,
      'silence',
      '1',
      '0.01',
      '1%',
      'reverse',
      'silence',
      '1',
      '0.01',
      '1%',
      'reverse',
    ]);
    const length = Number(execFileSync('soxi', ['-D', trimmed]).toString());
    truth.push({ startMs: Math.round(t * 1000), endMs: Math.round((t + length) * 1000) });
    t += length;
    parts.push(trimmed);
    const gap = gaps[i] ?? 1.5;
    const silence = path.join(dir, `gap-${i}.wav`);
    execFileSync('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', silence, 'trim', '0', String(gap)]);
    parts.push(silence);
    t += gap;
  });
  total = t;
  execFileSync('sox', ['-R', ...parts, path.join(dir, 'clean.wav')]);
  const noise = path.join(dir, 'noise.wav');
  // -R: repeatable noise, so every run tests the same audio.
  execFileSync('sox', [
    '-R',
    '-n',
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    noise,
    'synth',
    String(t),
    'pinknoise',
    'vol',
    '0.05',
  ]);
  execFileSync('sox', ['-R', '-m', path.join(dir, 'clean.wav'), noise, path.join(dir, 'noisy.wav')]);
  // The same answer as a MediaRecorder-style webm, to check decoding.
  execFileSync(ffmpegPath(), [
    '-y',
    '-v',
    'error',
    '-i',
    path.join(dir, 'noisy.wav'),
    '-c:a',
    'libopus',
    '-b:a',
    '48k',
    path.join(dir, 'noisy.webm'),
  ]);
}

/**
 * Segments are integer ms on the recording's timeline; every true boundary has a detected one
 * within ±tolerance, and no true pause ≥ 0.7 s is bridged.
 */
function check(found: Segment[], toleranceMs = 200) {
  expect(segment.array().parse(found)).toEqual(found);
  for (const t of truth) {
    const starts = found.map((f) => Math.abs(f.startMs - t.startMs));
    const ends = found.map((f) => Math.abs(f.endMs - t.endMs));
    expect(Math.min(...starts), `start of speech at ${t.startMs} ms`).toBeLessThanOrEqual(toleranceMs);
    expect(Math.min(...ends), `end of speech at ${t.endMs} ms`).toBeLessThanOrEqual(toleranceMs);
  }
  for (let i = 1; i < truth.length; i++) {
    const pause = { startMs: truth[i - 1]!.endMs, endMs: truth[i]!.startMs };
    if (pause.endMs - pause.startMs < 700) continue;
    const bridged = found.some((f) => f.startMs <= pause.startMs + 200 && f.endMs >= pause.endMs - 200);
    expect(bridged, `pause ${pause.startMs}–${pause.endMs} ms missed`).toBe(false);
  }
}

beforeAll(build, 60_000);

describe('speech detection on synthetic answers with known silences', () => {
  it('finds segment boundaries within ±0.2 s and every pause of 0.7 s or more (clean)', async () => {
    const { segments, durationMs } = await analyzeAudioFile(path.join(dir, 'clean.wav'));
    expect(Math.abs(durationMs / 1000 - total)).toBeLessThan(0.05);
    check(segments);
  });

  it('does the same with background noise mixed in', async () => {
    check((await analyzeAudioFile(path.join(dir, 'noisy.wav'))).segments);
  });

  it('decodes webm/opus too', async () => {
    check((await analyzeAudioFile(path.join(dir, 'noisy.webm'))).segments);
  });
});
