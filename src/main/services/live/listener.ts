/**
 * One round's live listening inside the live worker: streaming Silero VAD (sherpa-onnx) over the
 * PCM as it arrives, and each utterance transcribed the moment the detector closes it. The detector
 * and the recognizer come in as arguments, so the cutting and timing logic is the same for the model
 * and the test stand-in.
 */
import type { TranscriptWord } from '../../../shared/transcript';
import { PAD_MS } from '../transcription/chunks';

export const LIVE_RATE = 16000;
/** Silero's window at 16 kHz. */
export const VAD_WINDOW = 512;
/** An utterance ends after this much silence: long enough to keep a sentence's commas inside it. */
export const LIVE_MIN_SILENCE_MS = 500;
/** Audio kept behind the newest sample: the longest utterance plus its padding. */
const HISTORY_SAMPLES = 40 * LIVE_RATE;

export type LiveVad = {
  acceptWaveform(samples: Float32Array): void;
  isEmpty(): boolean;
  front(enableExternalBuffer: boolean): { start: number; samples: Float32Array };
  pop(): void;
  flush(): void;
};

/** Transcribes one stretch of audio that starts at `startMs` on the recording (times in the result are on it). */
export type Recognize = (
  samples: Float32Array,
  chunk: { startMs: number; endMs: number },
  heard: Heard,
) => { text: string; words: TranscriptWord[] };

/**
 * What the detector measured of an utterance: its speech length, and the silence before it: exact
 * after an earlier utterance, else only a lower bound (the silence since the first frame).
 */
export type Heard = { durationMs: number; gapBeforeMs: number | null; silenceAtLeastMs: number };

export type HeardUtterance = { startMs: number; endMs: number; text: string; words: TranscriptWord[] };

const toMs = (sample: number) => Math.round((sample * 1000) / LIVE_RATE);

export class LiveListener {
  /** Timeline sample of the detector's sample 0 (the first frame's start). */
  private origin: number | null = null;
  /** The next timeline sample expected. */
  private next = 0;
  /** Recent audio as floats; history[0] is timeline sample `historyStart`. */
  private history = new Float32Array(HISTORY_SAMPLES * 2);
  private historyStart = 0;
  private historyLength = 0;
  /** Samples not yet a full detector window. */
  private pending: number[] = [];
  /** The last utterance's padded end (its chunk) and its speech end, both ms on the recording. */
  private lastEndMs: number | null = null;
  private lastSpeechEndMs: number | null = null;

  constructor(
    private readonly vad: LiveVad,
    private readonly recognize: Recognize,
  ) {}

  /** The timeline sample up to which audio has been through the detector. */
  get processed(): number {
    return this.next;
  }

  /**
   * Takes PCM placed at `startSample`; a gap since the last frame is silence (a lost frame never
   * shifts later words). Returns the utterances it closed, transcribed, in order.
   */
  accept(startSample: number, pcm: Int16Array): HeardUtterance[] {
    if (this.origin === null) this.origin = this.next = this.historyStart = startSample;
    if (startSample < this.next)
      throw new Error(`Frames at sample ${startSample} overlap audio already heard (up to ${this.next}).`);
    const heard: HeardUtterance[] = [];
    const feed = (value: number) => {
      this.remember(value);
      this.pending.push(value);
      if (this.pending.length === VAD_WINDOW) {
        this.vad.acceptWaveform(Float32Array.from(this.pending));
        this.pending = [];
        heard.push(...this.drain());
      }
    };
    for (let s = this.next; s < startSample; s++) feed(0);
    for (let i = 0; i < pcm.length; i++) feed(pcm[i]! / 32768);
    this.next = startSample + pcm.length;
    return heard;
  }

  /** The recording ended: the detector gives up what it holds, and the last utterance is transcribed. */
  finish(): HeardUtterance[] {
    if (this.pending.length > 0) {
      this.vad.acceptWaveform(Float32Array.from(this.pending));
      this.pending = [];
    }
    this.vad.flush();
    return this.drain();
  }

  private drain(): HeardUtterance[] {
    const out: HeardUtterance[] = [];
    while (!this.vad.isEmpty()) {
      // false: a copy in V8's memory; Electron's V8 cage refuses external buffers (sherpa-onnx #925).
      const segment = this.vad.front(false);
      this.vad.pop();
      const start = this.origin! + segment.start;
      const end = start + segment.samples.length;
      out.push(this.transcribe(start, end));
    }
    return out;
  }

  private transcribe(start: number, end: number): HeardUtterance {
    const pad = Math.round((PAD_MS * LIVE_RATE) / 1000);
    // Padded on both sides, never into the last utterance's chunk nor past the audio kept.
    const afterLast = this.lastEndMs === null ? 0 : Math.ceil((this.lastEndMs * LIVE_RATE) / 1000);
    const from = Math.max(this.historyStart, start - pad, afterLast);
    const to = Math.min(this.historyStart + this.historyLength, end + pad);
    const chunk = { startMs: toMs(from), endMs: toMs(to) };
    const samples = this.history.slice(from - this.historyStart, to - this.historyStart);
    const gapBeforeMs = this.lastSpeechEndMs === null ? null : Math.max(0, toMs(start) - this.lastSpeechEndMs);
    const silenceAtLeastMs = gapBeforeMs ?? toMs(start - this.origin!);
    const { text, words } = this.recognize(samples, chunk, {
      durationMs: toMs(end - start),
      gapBeforeMs,
      silenceAtLeastMs,
    });
    this.lastEndMs = chunk.endMs;
    this.lastSpeechEndMs = toMs(end);
    return { ...chunk, text: text.trim(), words };
  }

  private remember(value: number): void {
    if (this.historyLength === this.history.length) {
      // Keep the newest HISTORY_SAMPLES: older audio can no longer be part of an open utterance.
      const drop = this.historyLength - HISTORY_SAMPLES;
      this.history.copyWithin(0, drop);
      this.historyStart += drop;
      this.historyLength -= drop;
    }
    this.history[this.historyLength++] = value;
  }
}
