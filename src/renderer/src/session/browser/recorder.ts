/**
 * One round's recording: MediaRecorder (webm/opus) with 1 s chunks handed on as they arrive, and an
 * AudioWorklet measuring peaks and loudness. Holds no audio itself: memory stays flat however long
 * the round.
 */
import { PEAKS_PER_SECOND } from '@shared/contract';
import { preferredMimeType } from './microphone';

export type RecorderHandlers = {
  onChunk: (data: Uint8Array<ArrayBuffer>, peaks: Uint8Array<ArrayBuffer>) => void;
  /** Loudness (RMS, 0–1) about ten times a second. */
  onLevel: (rms: number) => void;
  /** The microphone went away mid-round (unplugged, revoked). */
  onTrackEnded: () => void;
};

export const CHUNK_MS = 1000;

export class RoundRecorder {
  readonly mimeType: string;
  private recorder: MediaRecorder;
  private context: AudioContext | null = null;
  private meter: AudioWorkletNode | null = null;
  private pendingPeaks: number[] = [];
  private stopped: Promise<void> | null = null;
  private chunkChain: Promise<void> = Promise.resolve();

  constructor(
    private readonly stream: MediaStream,
    private readonly handlers: RecorderHandlers,
  ) {
    this.mimeType = preferredMimeType();
    this.recorder = new MediaRecorder(
      stream,
      this.mimeType ? { mimeType: this.mimeType, audioBitsPerSecond: 48_000 } : {},
    );
    this.recorder.addEventListener('dataavailable', (event) => {
      // An empty chunk (e.g. around a pause) keeps its peaks for the next one instead of dropping them.
      if (event.data.size === 0) return;
      const peaks = quantize(this.pendingPeaks);
      this.pendingPeaks = [];
      // Blob → bytes is async; chain so chunks keep their order.
      this.chunkChain = this.chunkChain.then(async () => {
        this.handlers.onChunk(new Uint8Array(await event.data.arrayBuffer()), peaks);
      });
    });
    for (const track of stream.getAudioTracks()) track.addEventListener('ended', () => this.handlers.onTrackEnded());
  }

  /** Starts recording; resolves with performance.now() at the start. */
  async start(): Promise<number> {
    try {
      this.context = new AudioContext();
      await this.context.audioWorklet.addModule(new URL('worklets/level-meter.js', document.baseURI).href);
      this.meter = new AudioWorkletNode(this.context, 'level-meter', {
        processorOptions: { peaksPerSecond: PEAKS_PER_SECOND },
      });
      this.meter.port.onmessage = (event: MessageEvent<{ peaks: Float32Array; rms: number }>) => {
        // A batch already in flight when the pause began still belongs to recorded audio.
        for (const p of event.data.peaks) this.pendingPeaks.push(p);
        this.handlers.onLevel(event.data.rms);
      };
      this.context.createMediaStreamSource(this.stream).connect(this.meter);
      await this.context.resume();
    } catch (error) {
      // Without the meter the recording still works; peaks and the level meter are lost.
      console.warn('Level meter unavailable:', error);
    }
    this.recorder.start(CHUNK_MS);
    return performance.now();
  }

  pause(): void {
    if (this.recorder.state === 'recording') this.recorder.pause();
    this.meter?.port.postMessage({ paused: true });
  }

  resume(): void {
    if (this.recorder.state === 'paused') this.recorder.resume();
    this.meter?.port.postMessage({ paused: false });
  }

  get state(): RecordingState {
    return this.recorder.state;
  }

  /** Stops and resolves once the last chunk has been handed on. Safe to call twice. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      const finish = () => {
        void this.chunkChain.then(() => {
          this.meter?.disconnect();
          void this.context?.close().catch(() => undefined);
          for (const track of this.stream.getTracks()) track.stop();
          resolve();
        });
      };
      if (this.recorder.state === 'inactive') return finish();
      this.recorder.addEventListener('stop', finish, { once: true });
      this.recorder.stop();
    });
    return this.stopped;
  }
}

/** 0–1 peaks to bytes on a square-root scale, so quiet speech still shows on the waveform. */
function quantize(peaks: number[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(peaks.length);
  peaks.forEach((p, i) => (out[i] = Math.min(255, Math.round(Math.sqrt(Math.min(1, p)) * 255))));
  return out;
}
