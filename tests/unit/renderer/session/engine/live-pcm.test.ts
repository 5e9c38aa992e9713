/**
 * The live stream's audio arithmetic (engine/live-pcm.ts): resampling to 16 kHz keeps speech-band
 * tones and removes what would fold back, Int16 LE conversion, ~200 ms batches whose indices run on
 * without a gap, and the frames' startSample on the recording timeline.
 */
import { describe, expect, it } from 'vitest';
import {
  int16ToLeBytes,
  LIVE_BATCH_SAMPLES,
  LiveFrameQueue,
  mixToMono,
  PcmBatcher,
  Resampler,
  startOffsetSamples,
  toInt16,
} from '../../../../../src/renderer/src/session/engine/live-pcm';

function tone(frequency: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / rate);
  return out;
}

/** Feeds `input` in render quanta of 128, as the AudioWorklet does, and joins the output. */
function resampleInQuanta(resampler: Resampler, input: Float32Array): Float32Array {
  const parts: Float32Array[] = [];
  for (let at = 0; at < input.length; at += 128) parts.push(resampler.push(input.subarray(at, at + 128)));
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** RMS of the middle part (away from the start's half-kernel of silence). */
function rms(samples: Float32Array): number {
  const middle = samples.subarray(Math.floor(samples.length / 4), Math.floor((samples.length * 3) / 4));
  return Math.sqrt(middle.reduce((s, v) => s + v * v, 0) / middle.length);
}

/** The amplitude of one frequency in `samples` at `rate` (a single DFT bin, over the middle half). */
function amplitudeAt(samples: Float32Array, rate: number, frequency: number): number {
  const middle = samples.subarray(Math.floor(samples.length / 4), Math.floor((samples.length * 3) / 4));
  let re = 0;
  let im = 0;
  for (let i = 0; i < middle.length; i++) {
    re += middle[i]! * Math.cos((2 * Math.PI * frequency * i) / rate);
    im += middle[i]! * Math.sin((2 * Math.PI * frequency * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / middle.length;
}

describe('Resampler', () => {
  for (const inRate of [48000, 44100]) {
    it(`turns ${inRate} Hz into 16 kHz: one output sample per ${inRate / 16000} input samples, none lost between quanta`, () => {
      const resampler = new Resampler(inRate, 16000);
      const input = tone(440, inRate, 2);
      const out = resampleInQuanta(resampler, input);
      // Everything but the last half-kernel of input (waiting for more) has come out.
      const expected = Math.floor(((input.length - 1 - resampler.halfWidth) * 16000) / inRate) + 1;
      expect(out.length).toBe(expected);
      expect(resampler.produced).toBe(expected);
    });

    it(`keeps a speech-band tone at ${inRate} Hz (level and frequency) and lines it up with the input`, () => {
      const out = resampleInQuanta(new Resampler(inRate, 16000), tone(1000, inRate, 1));
      expect(amplitudeAt(out, 16000, 1000)).toBeCloseTo(0.5, 2);
      // Zero phase: output n is input n·in/out, so it equals the tone sampled at 16 kHz.
      const reference = tone(1000, 16000, 1);
      for (let n = 4000; n < 4100; n++) expect(out[n]).toBeCloseTo(reference[n]!, 2);
    });

    it(`removes a tone above 8 kHz at ${inRate} Hz instead of folding it into the speech band`, () => {
      // 12 kHz sampled naively at 16 kHz (every third sample) aliases to 4 kHz at full level.
      const input = tone(12000, inRate, 1);
      const out = resampleInQuanta(new Resampler(inRate, 16000), input);
      expect(rms(out)).toBeLessThan(0.005);
      const naive = Float32Array.from({ length: Math.floor((input.length * 16000) / inRate) }, (_, n) => {
        return input[Math.floor((n * inRate) / 16000)]!;
      });
      expect(rms(naive)).toBeGreaterThan(0.2);
    });
  }

  it('keeps a constant level exactly, whatever the phase (44.1 kHz has a new phase every sample)', () => {
    const out = resampleInQuanta(new Resampler(44100, 16000), new Float32Array(44100).fill(0.25));
    for (const v of out.subarray(100)) expect(v).toBeCloseTo(0.25, 5);
  });

  it('passes 16 kHz through unchanged', () => {
    const input = tone(300, 16000, 0.5);
    const out = resampleInQuanta(new Resampler(16000, 16000), input);
    for (let n = 100; n < out.length; n++) expect(out[n]).toBeCloseTo(input[n]!, 3);
  });

  it('refuses a rate that is not positive, naming it', () => {
    expect(() => new Resampler(0, 16000)).toThrow('sample rates must be positive (got 0 → 16000)');
  });
});

describe('PCM format', () => {
  it('mixes channels to their mean', () => {
    const mono = mixToMono([Float32Array.of(1, 0.5, -1), Float32Array.of(0, 0.5, 1)]);
    expect(Array.from(mono)).toEqual([0.5, 0.5, 0]);
  });

  it('converts float to Int16 with clipping and rounding, and writes little-endian bytes', () => {
    const pcm = toInt16(Float32Array.of(0, 1, -1, 2, -2, 0.5, -0.5));
    expect(Array.from(pcm)).toEqual([0, 32767, -32768, 32767, -32768, 16384, -16384]);
    const bytes = int16ToLeBytes(Int16Array.of(1, -2, 0x1234));
    expect(Array.from(bytes)).toEqual([0x01, 0x00, 0xfe, 0xff, 0x34, 0x12]);
  });
});

describe('PcmBatcher', () => {
  it('cuts ~200 ms batches whose indices follow on without a gap, and flushes the rest', () => {
    const batcher = new PcmBatcher();
    const batches = [];
    let fed = 0;
    // Quanta of 43 and 42 samples: 128 input samples at 48 kHz come out as 42 or 43.
    for (let i = 0; fed < 10_000; i++) {
      const n = i % 3 === 0 ? 43 : 42;
      batches.push(...batcher.push(Int16Array.from({ length: n }, (_, k) => (fed + k) % 30000)));
      fed += n;
    }
    const last = batcher.flush();
    expect(batches.every((b) => b.samples.length === LIVE_BATCH_SAMPLES)).toBe(true);
    const all = [...batches, last!];
    let expected = 0;
    for (const b of all) {
      expect(b.index).toBe(expected);
      // Every sample is there in order.
      expect(b.samples[0]).toBe(expected % 30000);
      expected += b.samples.length;
    }
    expect(expected).toBe(fed);
    expect(batcher.flush()).toBeNull();
  });
});

describe('LiveFrameQueue and the recording timeline', () => {
  const batch = (index: number, length: number) => ({ index, samples: new Int16Array(length).fill(7) });

  it('places the capture on the recording: a first sample heard 1.25 s into the recording starts at sample 20000', () => {
    expect(startOffsetSamples(1250, 16000)).toBe(20000);
    expect(startOffsetSamples(0, 16000)).toBe(0);
  });

  it('numbers the frames and starts each where the last ended, offset by where the capture began', () => {
    const queue = new LiveFrameQueue(20000, 32000, 80000);
    queue.push(batch(0, 3200));
    const first = queue.take()!;
    queue.push(batch(3200, 3200));
    const second = queue.take()!;
    expect([first.seq, first.startSample, first.data.byteLength]).toEqual([0, 20000, 6400]);
    expect([second.seq, second.startSample]).toEqual([1, 23200]);
    expect(queue.take()).toBeNull();
  });

  it('merges batches that queued up behind a slow send into one frame, up to the request limit', () => {
    const queue = new LiveFrameQueue(0, 32000, 80000);
    for (let i = 0; i < 12; i++) queue.push(batch(i * 3200, 3200));
    const merged = queue.take()!;
    expect([merged.seq, merged.startSample, merged.data.byteLength / 2]).toEqual([0, 0, 32000]);
    const rest = queue.take()!;
    expect([rest.seq, rest.startSample, rest.data.byteLength / 2]).toEqual([1, 32000, 6400]);
  });

  it('drops the oldest audio past the queue limit, and later frames keep their place on the timeline', () => {
    const queue = new LiveFrameQueue(0, 32000, 9600);
    for (let i = 0; i < 5; i++) queue.push(batch(i * 3200, 3200));
    expect(queue.dropped).toBe(6400);
    const frame = queue.take()!;
    expect([frame.startSample, frame.data.byteLength / 2]).toEqual([6400, 9600]);
  });

  it('does not merge across a gap (a flushed pause leaves none, but a drop does)', () => {
    const queue = new LiveFrameQueue(0, 32000, 80000);
    queue.push(batch(0, 1000));
    queue.push(batch(5000, 3200));
    expect(queue.take()!.data.byteLength / 2).toBe(1000);
    expect(queue.take()!.startSample).toBe(5000);
  });
});
