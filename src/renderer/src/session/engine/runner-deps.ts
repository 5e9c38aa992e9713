/**
 * What the live runner needs from the outside world, injected so unit tests drive it under Node
 * with fake timers: the clock and timers, the API, speech, the microphone and recording, the cue
 * sound, randomness, and the page-exit hooks. `session/browser/browser-runner.ts` wires the real ones.
 */
import type { RequestChannel } from '@shared/channels';
import type { ApiError, RecordingView, RequestInput, RequestOutput, RoundView, Settings } from '@shared/contract';
import type { LiveSource } from './live-source';
import type { SpokenTimes } from './speech-timing';

export type Timer = unknown;

export type CueKind = 'follow-up' | 'answer' | 'time';

/** What the recording's chunk uploader reports. */
export type UploadStatus =
  | { state: 'saving'; unsavedChunks: number }
  /** A send failed; chunks are kept and resent. `sinceMs` is on performance.now()'s clock. */
  | { state: 'retrying'; unsavedChunks: number; sinceMs: number; reason: string }
  | { state: 'failed'; error: ApiError };

/** performance.now()'s clock and the timers that run on it. */
export type Timers = {
  now(): number;
  setTimeout(fn: () => void, ms: number): Timer;
  clearTimeout(timer: Timer): void;
  setInterval(fn: () => void, ms: number): Timer;
  clearInterval(timer: Timer): void;
};

/** Writes one entry to the session's event log (best effort: a failure is only warned about). */
export type RunnerLog = (
  type: RequestInput<'session:event'>['type'],
  data: NonNullable<RequestInput<'session:event'>['data']>,
  roundId?: string,
) => void;

export type Call = <C extends RequestChannel>(channel: C, input: RequestInput<C>) => Promise<RequestOutput<C>>;

export type SpeakerPort = {
  readonly available: boolean;
  /** speak() → utterance `start`, recently (ms): how early to call speak() to start on time. */
  readonly startLatencyMs: number;
  speak(text: string, onStart?: (at: number) => void): Promise<SpokenTimes>;
  warm(): Promise<void>;
  cancel(): void;
};

export type MediaLoss = { kind: 'unplugged' | 'upload'; message: string };

export type MediaHandlers = {
  onLevel: (rms: number) => void;
  /** Recording stopped by itself mid-round; the audio so far is being saved. */
  onLost: (loss: MediaLoss) => void;
  /** Chunks are (again) being saved, or are waiting to be resent. */
  onUploadStatus: (status: Exclude<UploadStatus, { state: 'failed' }>) => void;
};

/** One round's recording (RoundMedia in the browser). */
export type MediaPort = {
  /** Starts recording; resolves with performance.now() at the start (the round's t0). */
  start(): Promise<number>;
  pause(): void;
  resume(): void;
  readonly open: boolean;
  stop(): Promise<RecordingView | null>;
  abandonForPageExit(): void;
};

/** The microphone stream, opaque to the runner. */
export type StreamPort = { stopTracks(): void };

export type RunnerDeps = {
  timers: Timers;
  call: Call;
  /** Made once per runner; resolves with a speaker whose `available` is false when there is no voice. */
  makeSpeaker(): Promise<SpeakerPort>;
  speechRate(): number;
  /** Starts the platform loading its voices (they arrive asynchronously). */
  loadVoices(): void;
  /** Throws MicrophoneError when the microphone cannot be opened. */
  openMicrophone(): Promise<StreamPort>;
  mimeType(): string;
  createMedia(stream: StreamPort, recording: RecordingView, handlers: MediaHandlers): MediaPort;
  /** Plays a chime now, or at a moment on performance.now()'s clock. */
  cue(kind: CueKind, atPerfMs?: number): void;
  random(): number;
  /** Best-effort request while the page goes away. */
  sendWhileLeaving<C extends RequestChannel>(channel: C, input: RequestInput<C>): void;
  /** Subscribes to the page being hidden for good; returns its unsubscribe. */
  onPageHide(listener: () => void): () => void;
  warn(...args: unknown[]): void;
  /** Live listening for one round on the microphone stream; absent where it cannot run (tests, old pages). */
  createLive?(stream: StreamPort): LiveSource;
  /** The think time and long-silence limit (Settings); absent: the defaults (end-of-thought.ts). */
  endOfThought?(): Pick<Settings, 'thinkTimeMs' | 'longSilenceMs'>;
};

export type { RoundView };
