/**
 * Live capture for one round: the recorder's own MediaStream, tapped by an AudioWorklet in a second
 * AudioContext (never instead of the recorder, and never able to slow it: nothing here touches the
 * MediaRecorder or the level meter's context), turned into 16 kHz Int16 PCM batches and sent as
 * 'live:frames', one request at a time, placed on the recording's timeline by startSample.
 *
 * A send that fails or answers a backlog is not retried: the next batch goes on (the main side
 * decides when it is behind). While a send is slow, batches queue up to MAX_QUEUED_SAMPLES and are
 * merged into one request; past that the oldest are dropped.
 */
import { LIVE_SAMPLE_RATE, MAX_LIVE_FRAME_SAMPLES, type LiveFramesInput } from '@shared/contract';
import { LIVE_BATCH_SAMPLES, LiveFrameQueue, startOffsetSamples, type PcmBatch } from '../engine/live-pcm';
import workletUrl from './live-capture.worklet.ts?worker&url';

/** Audio waiting for a slow send before the oldest is dropped (5 s). */
export const MAX_QUEUED_SAMPLES = 5 * LIVE_SAMPLE_RATE;
/** A send with no answer in this long no longer holds up the next one. */
const SEND_TIMEOUT_MS = 2000;
/** The last batch at the round's end is waited for this long at most. */
const FLUSH_TIMEOUT_MS = 1000;

export type LiveCaptureOptions = {
  recordingId: string;
  /** Recording time (ms, paused time left out) at a performance.now() moment. */
  recordingMsAt: (perfMs: number) => number;
  send: (frame: LiveFramesInput) => Promise<unknown>;
  warn: (...args: unknown[]) => void;
};

type WorkletMessage = { first: number } | { flushed: true } | PcmBatch;

export class LiveCapture {
  private context: AudioContext | null = null;
  private node: AudioWorkletNode | null = null;
  private source: MediaStreamAudioSourceNode | null = null;
  private queue: LiveFrameQueue | null = null;
  private sending = false;
  private paused = false;
  private stopped = false;
  private failedSends = 0;

  constructor(
    private readonly stream: MediaStream,
    private readonly options: LiveCaptureOptions,
  ) {}

  /** Opens the audio graph; resolves once the worklet hears the microphone (or throws why not). */
  async start(): Promise<void> {
    const context = new AudioContext();
    this.context = context;
    await context.audioWorklet.addModule(new URL(workletUrl, document.baseURI).href);
    if (this.stopped) return this.close();
    const node = new AudioWorkletNode(context, 'live-capture', {
      numberOfOutputs: 0,
      channelCountMode: 'explicit',
      channelCount: 1,
      processorOptions: { outRate: LIVE_SAMPLE_RATE, batchSamples: LIVE_BATCH_SAMPLES },
    });
    this.node = node;
    node.port.onmessage = (event: MessageEvent<WorkletMessage>) => this.onMessage(event.data);
    if (this.paused) node.port.postMessage({ paused: true });
    this.source = context.createMediaStreamSource(this.stream);
    this.source.connect(node);
    await context.resume();
  }

  pause(): void {
    this.paused = true;
    this.node?.port.postMessage({ paused: true });
  }

  resume(): void {
    this.paused = false;
    this.node?.port.postMessage({ paused: false });
  }

  /** Sends what the worklet still holds, then closes the audio graph. The microphone stays open (the recorder's). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.node) return void this.close();
    this.node.port.postMessage({ flush: true });
    setTimeout(() => this.close(), FLUSH_TIMEOUT_MS);
  }

  private onMessage(message: WorkletMessage): void {
    if ('first' in message) {
      const context = this.context!;
      // The first sample's moment on performance.now()'s clock: the context's clock has moved on
      // from that frame by (currentTime − frame time) since.
      const perfAt = performance.now() - (context.currentTime - message.first / context.sampleRate) * 1000;
      const offset = startOffsetSamples(this.options.recordingMsAt(perfAt), LIVE_SAMPLE_RATE);
      this.queue = new LiveFrameQueue(offset, MAX_LIVE_FRAME_SAMPLES, MAX_QUEUED_SAMPLES);
    } else if ('flushed' in message) {
      this.close();
    } else if (this.queue) {
      this.queue.push(message);
      this.pump();
    }
  }

  private pump(): void {
    if (this.sending || !this.queue) return;
    const frame = this.queue.take();
    if (!frame) return;
    this.sending = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = this.options.send({ recordingId: this.options.recordingId, ...frame }).catch((error: unknown) => {
      // Said once per round: a main side that refuses one frame most likely refuses them all.
      if (this.failedSends++ === 0) this.options.warn('live:frames failed (later failures are not logged)', error);
    });
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, SEND_TIMEOUT_MS)));
    void Promise.race([answered, late]).then(() => {
      clearTimeout(timer);
      this.sending = false;
      this.pump();
    });
  }

  private close(): void {
    this.source?.disconnect();
    this.node?.disconnect();
    if (this.node) this.node.port.onmessage = null;
    this.source = null;
    this.node = null;
    const context = this.context;
    this.context = null;
    if (context && context.state !== 'closed') void context.close().catch(() => undefined);
  }
}
