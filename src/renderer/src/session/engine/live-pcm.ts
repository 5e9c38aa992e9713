/**
 * The live stream's audio arithmetic, pure so it runs under Node and in the AudioWorklet alike:
 * resampling the audio context's rate down to 16 kHz behind a low-pass filter, float → Int16 LE,
 * ~200 ms batches, and where each batch sits on the recording's timeline.
 */

/** ~200 ms at 16 kHz: one 'live:frames' request per batch while the worker keeps up. */
export const LIVE_BATCH_SAMPLES = 3200;

/** Sinc zero crossings each side of the kernel: 8 gives > 60 dB stop-band with a Blackman window. */
const ZERO_CROSSINGS = 8;
/** Kernel table entries per input sample (its value between entries is interpolated linearly). */
const TABLE_STEPS = 64;
/** The pass band ends this far below the output's Nyquist frequency (the filter needs room to roll off). */
const ROLLOFF = 0.9;

/**
 * A streaming windowed-sinc resampler. Output sample n is input sample n·in/out, filtered with a
 * Blackman-windowed sinc cut off below the output's Nyquist frequency, so speech above 8 kHz does
 * not fold back into the band the recognizer hears. The filter is symmetric, so it adds no delay to
 * the timeline: output n lines up with input n·in/out exactly; only the last half-kernel of input
 * waits for the next push.
 */
export class Resampler {
  /** Kernel half-width in input samples. */
  readonly halfWidth: number;
  private readonly cutoff: number;
  private readonly table: Float32Array;
  /** Input kept for the kernel; buf[0] is absolute input sample `bufStart`. */
  private buf = new Float32Array(4096);
  private bufLen = 0;
  private bufStart = 0;
  private outCount = 0;

  constructor(
    readonly inRate: number,
    readonly outRate: number,
  ) {
    if (!(inRate > 0 && outRate > 0)) throw new Error(`sample rates must be positive (got ${inRate} → ${outRate})`);
    // Cycles per input sample: below the output's Nyquist when downsampling, the input's otherwise.
    this.cutoff = 0.5 * ROLLOFF * Math.min(1, outRate / inRate);
    this.halfWidth = Math.ceil(ZERO_CROSSINGS / (2 * this.cutoff));
    this.table = new Float32Array(this.halfWidth * TABLE_STEPS + 2);
    for (let i = 0; i < this.table.length; i++) {
      const x = i / TABLE_STEPS;
      const arg = 2 * this.cutoff * x;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
      const w = x >= this.halfWidth ? 0 : blackman(x / this.halfWidth);
      this.table[i] = sinc * w;
    }
  }

  /** Output samples made so far. */
  get produced(): number {
    return this.outCount;
  }

  /** Feeds input; returns every output sample it completes (possibly none). */
  push(input: Float32Array): Float32Array {
    this.append(input);
    const inEnd = this.bufStart + this.bufLen;
    // Output n needs input up to floor(n·in/out) + halfWidth.
    const last = Math.floor(((inEnd - 1 - this.halfWidth) * this.outRate) / this.inRate);
    const count = Math.max(0, last - this.outCount + 1);
    const out = new Float32Array(count);
    for (let k = 0; k < count; k++) out[k] = this.sampleAt(this.positionOf(this.outCount + k));
    this.outCount += count;
    return out;
  }

  /** Output n's place on the input, from integers so it never drifts over a long round. */
  private positionOf(n: number): number {
    return (n * this.inRate) / this.outRate;
  }

  /** The filtered input at a (fractional) absolute input position; input before sample 0 is silence. */
  private sampleAt(position: number): number {
    const first = Math.max(0, Math.ceil(position - this.halfWidth));
    const end = Math.floor(position + this.halfWidth);
    let sum = 0;
    let weights = 0;
    for (let i = first; i <= end; i++) {
      const t = Math.abs(i - position) * TABLE_STEPS;
      const j = Math.floor(t);
      const w = this.table[j]! + (this.table[j + 1]! - this.table[j]!) * (t - j);
      sum += w * this.buf[i - this.bufStart]!;
      weights += w;
    }
    // Normalised per sample: a constant input comes out at exactly the same level whatever the phase.
    return weights === 0 ? 0 : sum / weights;
  }

  private append(input: Float32Array): void {
    // Keep only what the next output still needs.
    const keepFrom = Math.max(0, Math.ceil(this.positionOf(this.outCount) - this.halfWidth));
    const drop = Math.min(this.bufLen, Math.max(0, keepFrom - this.bufStart));
    if (drop > 0) {
      this.buf.copyWithin(0, drop, this.bufLen);
      this.bufLen -= drop;
      this.bufStart += drop;
    }
    if (this.bufLen + input.length > this.buf.length) {
      const grown = new Float32Array(Math.max(this.buf.length * 2, this.bufLen + input.length));
      grown.set(this.buf.subarray(0, this.bufLen));
      this.buf = grown;
    }
    this.buf.set(input, this.bufLen);
    this.bufLen += input.length;
  }
}

function blackman(u: number): number {
  // u in [0, 1): the window's right half, 1 at the centre.
  const x = 0.5 + 0.5 * u;
  return 0.42 - 0.5 * Math.cos(2 * Math.PI * x) + 0.08 * Math.cos(4 * Math.PI * x);
}

/** Mixes a render quantum's channels to mono (the mean), so a stereo input loses nothing. */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const out = new Float32Array(channels[0]?.length ?? 0);
  for (const channel of channels) {
    for (let i = 0; i < out.length; i++) out[i] = out[i]! + channel[i]! / channels.length;
  }
  return out;
}

/** Float samples (-1…1) to signed 16-bit, clipped and rounded. */
export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.max(-1, Math.min(1, samples[i]!));
    out[i] = Math.round(v < 0 ? v * 0x8000 : v * 0x7fff);
  }
  return out;
}

/** Int16 samples as little-endian bytes (the wire format, whatever the machine's byte order). */
export function int16ToLeBytes(samples: Int16Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i]!, true);
  return bytes;
}

/** One batch of 16 kHz samples; `index` counts output samples from the capture's first one. */
export type PcmBatch = { index: number; samples: Int16Array };

/** Cuts a stream of Int16 samples into batches of `size`; flush() hands on a partial one. */
export class PcmBatcher {
  private fill: Int16Array;
  private filled = 0;
  private total = 0;

  constructor(private readonly size = LIVE_BATCH_SAMPLES) {
    this.fill = new Int16Array(size);
  }

  push(samples: Int16Array): PcmBatch[] {
    const batches: PcmBatch[] = [];
    let at = 0;
    while (at < samples.length) {
      const n = Math.min(this.size - this.filled, samples.length - at);
      this.fill.set(samples.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === this.size) batches.push(this.take());
    }
    return batches;
  }

  flush(): PcmBatch | null {
    return this.filled === 0 ? null : this.take();
  }

  private take(): PcmBatch {
    // The batch keeps its own buffer (it is transferred to the page); a fresh one fills next.
    const batch = { index: this.total, samples: this.fill.slice(0, this.filled) };
    this.total += this.filled;
    this.filled = 0;
    return batch;
  }
}

/**
 * Where the capture's first sample sits on the recording's timeline, in samples at `rate`: the
 * capture starts after the recording (live:start answers first), so its audio begins later.
 * `firstSampleRecordingMs` is the recording time (paused time left out) its first sample was heard.
 */
export function startOffsetSamples(firstSampleRecordingMs: number, rate: number): number {
  return Math.max(0, Math.round((firstSampleRecordingMs * rate) / 1000));
}

/** One 'live:frames' request's audio, before it gets its recording id. */
export type LiveFrame = { seq: number; startSample: number; data: Uint8Array<ArrayBuffer> };

/**
 * The frames waiting to be sent, one request at a time and in order. Never blocks the audio: batches
 * that queue up while a send is slow are merged into one request (up to `maxSamples`), and past
 * `maxQueued` samples the oldest are dropped (the worker is behind anyway; later audio keeps its
 * place on the timeline through startSample, so nothing after a gap shifts).
 */
export class LiveFrameQueue {
  private queue: { startSample: number; samples: Int16Array }[] = [];
  private queued = 0;
  private seq = 0;
  dropped = 0;

  constructor(
    private readonly offset: number,
    private readonly maxSamples: number,
    private readonly maxQueued: number,
  ) {}

  get length(): number {
    return this.queue.length;
  }

  push(batch: PcmBatch): void {
    this.queue.push({ startSample: this.offset + batch.index, samples: batch.samples });
    this.queued += batch.samples.length;
    while (this.queued > this.maxQueued && this.queue.length > 1) {
      const old = this.queue.shift()!;
      this.queued -= old.samples.length;
      this.dropped += old.samples.length;
    }
  }

  /** The next request: the oldest batch and every batch contiguous after it, up to maxSamples. */
  take(): LiveFrame | null {
    const first = this.queue[0];
    if (!first) return null;
    let count = 0;
    let end = first.startSample;
    let n = 0;
    for (const b of this.queue) {
      if (b.startSample !== end || count + b.samples.length > this.maxSamples) break;
      count += b.samples.length;
      end += b.samples.length;
      n++;
    }
    if (n === 0) n = 1; // A single batch larger than the limit is cut by the worklet's size; never here.
    const parts = this.queue.splice(0, n);
    const joined = new Int16Array(parts.reduce((s, p) => s + p.samples.length, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p.samples, at);
      at += p.samples.length;
    }
    this.queued -= joined.length;
    return { seq: this.seq++, startSample: first.startSample, data: int16ToLeBytes(joined) };
  }
}
