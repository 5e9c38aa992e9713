/**
 * AudioWorklet: the microphone, mixed to mono, resampled to 16 kHz behind a low-pass filter, as
 * Int16 batches of ~200 ms posted to the page (which sends them as 'live:frames'). Runs on the audio
 * thread of its own AudioContext, so nothing here can hold up the recorder.
 *
 * Bundled by Vite (`?worker&url` in live-capture.ts) into a file of the app's own origin: the strict
 * CSP's script-src 'self' admits it, and no blob: or data: URL is needed.
 *
 * Messages in: { paused: boolean } (with the recording: paused audio is not on its timeline) and
 * { flush: true } (the round ends: post the partial batch, then { flushed: true }).
 * Messages out: { first: number } (the context frame of the first sample, once), { index, samples }.
 */
// Only the pure audio arithmetic: the contract (and zod) stay out of the audio thread.
import { mixToMono, PcmBatcher, Resampler, toInt16, type PcmBatch } from '../engine/live-pcm';

// The AudioWorkletGlobalScope's names (TypeScript's DOM library has none of them).
declare const sampleRate: number;
declare const currentFrame: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, ctor: new (options: ProcessorOptions) => AudioWorkletProcessor): void;

type ProcessorOptions = { processorOptions: { outRate: number; batchSamples: number } };

class LiveCapture extends AudioWorkletProcessor {
  private readonly resampler: Resampler;
  private readonly batcher: PcmBatcher;
  private started = false;
  private paused = false;
  private done = false;

  constructor({ processorOptions }: ProcessorOptions) {
    super();
    this.resampler = new Resampler(sampleRate, processorOptions.outRate);
    this.batcher = new PcmBatcher(processorOptions.batchSamples);
    this.port.onmessage = (event: MessageEvent<{ paused?: boolean; flush?: boolean }>) => {
      if (event.data.flush) {
        this.post(this.batcher.flush());
        this.done = true;
        this.port.postMessage({ flushed: true });
      } else if (event.data.paused !== undefined && event.data.paused !== this.paused) {
        this.paused = event.data.paused;
        // What was heard before the pause reaches the worker now, not after the resume.
        if (this.paused) this.post(this.batcher.flush());
      }
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.done) return false;
    const channels = inputs[0];
    if (!channels || channels.length === 0 || this.paused) return true;
    if (!this.started) {
      this.started = true;
      this.port.postMessage({ first: currentFrame });
    }
    for (const batch of this.batcher.push(toInt16(this.resampler.push(mixToMono(channels))))) this.post(batch);
    return true;
  }

  private post(batch: PcmBatch | null): void {
    if (batch) this.port.postMessage(batch, [batch.samples.buffer]);
  }
}

registerProcessor('live-capture', LiveCapture);
