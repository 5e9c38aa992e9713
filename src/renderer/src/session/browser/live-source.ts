/**
 * The browser's LiveSource: asks the main side to listen to the round's recording ('live:start'),
 * and while it does, captures the microphone (live-capture.ts) and hears the round's
 * 'live:utterance' and 'live:status' events, feeding the round screen's display (live-store.ts).
 * Without a model (or any failure to start) it does not listen, and the round runs as before.
 */
import type { EventChannel } from '@shared/channels';
import type { EventPayload, LiveFramesInput, LiveStartOutput } from '@shared/contract';
import type { LiveEvents, LiveSource } from '../engine/live-source';
import { RoundClock } from '../engine/round-clock';
import type { Call } from '../engine/runner-deps';
import { LiveCapture, type LiveCaptureOptions } from './live-capture';
import { liveDisplay, liveOff } from './live-store';

type Subscribe = <E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void) => () => void;

export type BrowserLiveDeps = {
  call: Call;
  subscribe: Subscribe;
  warn: (...args: unknown[]) => void;
  now: () => number;
  /** The audio capture (unit tests, which have no AudioContext, pass their own). */
  createCapture?: (stream: MediaStream, options: LiveCaptureOptions) => CapturePort;
};

type CapturePort = Pick<LiveCapture, 'start' | 'pause' | 'resume' | 'stop'>;

const channels = { utterance: 'live:utterance', status: 'live:status' } as const;

export class BrowserLiveSource implements LiveSource {
  private round: { roundId: string; recordingId: string } | null = null;
  private clock: RoundClock | null = null;
  private capture: CapturePort | null = null;
  private paused = false;
  private stopped = false;
  private readonly unsubscribes: (() => void)[] = [];

  constructor(
    private readonly stream: MediaStream,
    private readonly deps: BrowserLiveDeps,
  ) {}

  async start(round: { roundId: string; recordingId: string; recordingStartPerfMs: number }): Promise<LiveStartOutput> {
    this.round = { roundId: round.roundId, recordingId: round.recordingId };
    this.clock = new RoundClock(round.recordingStartPerfMs, this.deps.now);
    if (this.paused) this.clock.pause();
    liveDisplay.set(liveOff);
    let answer: LiveStartOutput;
    try {
      answer = await this.deps.call('live:start', { recordingId: round.recordingId });
    } catch (error) {
      this.deps.warn('live:start failed', error);
      return { listening: false, reason: 'worker-failed', message: (error as Error).message };
    }
    if (!answer.listening || this.stopped) return answer;
    this.unsubscribes.push(
      this.on('status', (status) => this.show(status.state)),
      this.on('utterance', (utterance) => {
        if (liveDisplay.get().roundId === round.roundId)
          liveDisplay.set({ ...liveDisplay.get(), coverage: utterance.coverage });
      }),
    );
    liveDisplay.set({ roundId: round.roundId, state: 'listening', coverage: [] });
    const clock = this.clock;
    const createCapture = this.deps.createCapture ?? ((stream, options) => new LiveCapture(stream, options));
    this.capture = createCapture(this.stream, {
      recordingId: round.recordingId,
      recordingMsAt: (perfMs) => clock.toClock(perfMs),
      send: (frame: LiveFramesInput) => this.deps.call('live:frames', frame),
      warn: this.deps.warn,
    });
    if (this.paused) this.capture.pause();
    try {
      await this.capture.start();
    } catch (error) {
      // Listening without audio would only ever say nothing: the round runs as it did before.
      this.deps.warn('live capture could not start', error);
      this.stop();
      return { listening: false, reason: 'worker-failed', message: `Live capture could not start: ${String(error)}` };
    }
    return answer;
  }

  on<K extends keyof LiveEvents>(event: K, listener: (payload: LiveEvents[K]) => void): () => void {
    return this.deps.subscribe(channels[event], (payload) => {
      const round = this.round;
      if (round && payload.roundId === round.roundId && payload.recordingId === round.recordingId) {
        listener(payload as LiveEvents[K]);
      }
    });
  }

  pause(): void {
    this.paused = true;
    this.clock?.pause();
    this.capture?.pause();
  }

  resume(): void {
    this.paused = false;
    this.clock?.resume();
    this.capture?.resume();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.capture?.stop();
    this.capture = null;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    if (liveDisplay.get().roundId === this.round?.roundId) liveDisplay.set(liveOff);
  }

  private show(state: 'listening' | 'behind' | 'stopped'): void {
    const shown = liveDisplay.get();
    if (shown.roundId !== this.round?.roundId) return;
    // "Behind" is said once and stays for the round: the follow-ups go by the clock from then on.
    if (shown.state === 'behind') return;
    liveDisplay.set({ ...shown, state });
  }
}
