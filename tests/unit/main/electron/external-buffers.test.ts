/**
 * The stand-in's memory cage (tests/support/electron-external-buffers.ts): in a process playing
 * Electron, a sherpa-onnx call that would hand back an external buffer throws Electron's error, the
 * copying form of the same call works, and the speech analysis the app runs passes under it.
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeAudioFile } from '../../../../src/main/services/analysis/analyze-file';
import { webmFixture } from '../../../support/audio';
import {
  EXTERNAL_BUFFERS_NOT_ALLOWED,
  refuseExternalBuffers,
  sherpaExternalBufferFlags,
  unclassifiedSherpaExports,
} from '../../../support/electron-external-buffers';

type CircularBuffer = { push(s: Float32Array): void; get(start: number, n: number, external?: boolean): Float32Array };
type Sherpa = {
  CircularBuffer: new (capacity: number) => CircularBuffer;
  readWave(file: string, external?: boolean): { samples: Float32Array; sampleRate: number };
};

const load = createRequire(__filename);
let answer = { webm: '', wav: '' };

beforeAll(() => {
  answer = webmFixture('cage-answer', [0.6, 'We shipped on time.', 0.6]);
  refuseExternalBuffers();
}, 60_000);

describe('external buffers under the stand-in', () => {
  it('classifies every export of the installed sherpa-onnx addon, so an upgrade cannot add one unread', () => {
    const addon = load('sherpa-onnx-node/addon.js') as Record<string, unknown>;
    expect(unclassifiedSherpaExports(addon)).toEqual([]);
    for (const name of Object.keys(sherpaExternalBufferFlags)) expect(typeof addon[name]).toBe('function');
  });

  it('refuses a call left at its default, as Electron does, and allows the copying one', () => {
    const sherpa = load('sherpa-onnx-node') as Sherpa;
    const buffer = new sherpa.CircularBuffer(1024);
    buffer.push(new Float32Array([0.25, 0.5, 0.75]));
    expect(() => buffer.get(0, 3)).toThrow(EXTERNAL_BUFFERS_NOT_ALLOWED);
    expect(() => buffer.get(0, 3, true)).toThrow(EXTERNAL_BUFFERS_NOT_ALLOWED);
    expect([...buffer.get(0, 3, false)]).toEqual([0.25, 0.5, 0.75]);
    expect(() => sherpa.readWave(answer.wav)).toThrow(EXTERNAL_BUFFERS_NOT_ALLOWED);
    expect(sherpa.readWave(answer.wav, false).samples.length).toBeGreaterThan(1000);
  });

  it('lets the app’s own speech analysis run (VAD segments are copied, not external)', async () => {
    const { segments } = await analyzeAudioFile(answer.webm);
    expect(segments).toHaveLength(1);
  });
});
