/**
 * Live listening for one round: starts the LiveSource on the round's microphone stream with the
 * recording's t0, keeps the latest utterance and the coverage before it, pauses, resumes and stops
 * with the recording. Listening that cannot start (no model) leaves the round as it was; listening
 * that falls behind or stops mid-round is given up for the rest of the round (the follow-ups go back
 * to the clock), said once through `onFellBehind`.
 */
import type { LivePointCoverage, LiveStatus, LiveUtterance } from '@shared/contract';
import type { Heard } from './adaptive-rules';
import type { ThoughtInput } from './end-of-thought';
import type { LiveSource } from './live-source';
import type { RunnerDeps, StreamPort } from './runner-deps';

export type ListeningState = 'starting' | 'listening' | 'off' | 'fell-behind';

export const FELL_BEHIND_MESSAGE =
  'Live listening fell behind: for the rest of this round, follow-ups come by the clock.';
export const LISTENING_STOPPED_MESSAGE =
  'Live listening stopped: for the rest of this round, follow-ups come by the clock.';

export type RoundListeningOptions = {
  createLive: NonNullable<RunnerDeps['createLive']>;
  stream: StreamPort;
  roundId: string;
  recordingId: string;
  /** The recording's t0 on performance.now()'s clock. */
  recordingStartPerfMs: number;
  onFellBehind: (message: string) => void;
  warn: (...args: unknown[]) => void;
};

export class RoundListening {
  private readonly source: LiveSource;
  private readonly unsubscribers: (() => void)[] = [];
  private state_: ListeningState = 'starting';
  private latest: LiveUtterance | null = null;
  private previous: readonly LivePointCoverage[] = [];
  private stopped = false;

  constructor(private readonly options: RoundListeningOptions) {
    const { createLive, stream, roundId, recordingId, recordingStartPerfMs } = options;
    this.source = createLive(stream);
    // Subscribed before starting: nothing the source says early is lost.
    this.unsubscribers.push(
      this.source.on('utterance', (u) => this.utterance(u)),
      this.source.on('status', (s) => this.status(s)),
    );
    this.source
      .start({ roundId, recordingId, recordingStartPerfMs })
      .then((started) => {
        if (this.state_ === 'starting') this.state_ = started.listening ? 'listening' : 'off';
      })
      .catch((error: unknown) => {
        if (this.state_ === 'starting') this.state_ = 'off';
        options.warn('live listening could not start', error);
      });
  }

  get state(): ListeningState {
    return this.state_;
  }

  /** What was heard, for the adaptive rules; null unless listening now. */
  get heard(): Heard | null {
    if (this.state_ !== 'listening') return null;
    const last = this.latest;
    return {
      coverage: last?.coverage ?? [],
      previous: this.previous,
      last: last ? { startMs: last.startMs, endMs: last.endMs } : null,
    };
  }

  /** The live words for the end-of-thought rule; null unless listening now (think time alone). */
  get words(): ThoughtInput['words'] {
    if (this.state_ !== 'listening') return null;
    return { last: this.latest ? { text: this.latest.text, endMs: this.latest.endMs } : null };
  }

  pause(): void {
    if (!this.stopped) this.source.pause();
  }

  resume(): void {
    if (!this.stopped) this.source.resume();
  }

  /** The round is over (or left): stop sending audio and hear nothing more. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.source.stop();
  }

  private utterance(u: LiveUtterance): void {
    if (u.roundId !== this.options.roundId || this.stopped) return;
    if (this.latest && u.n <= this.latest.n) return;
    this.previous = this.latest?.coverage ?? [];
    this.latest = u;
  }

  private status(s: LiveStatus): void {
    if (s.roundId !== this.options.roundId || this.stopped) return;
    if (s.state === 'listening' || this.state_ === 'fell-behind' || this.state_ === 'off') return;
    this.state_ = 'fell-behind';
    const fallback = s.state === 'behind' ? FELL_BEHIND_MESSAGE : LISTENING_STOPPED_MESSAGE;
    this.options.onFellBehind(s.message ? `${fallback} (${s.message})` : fallback);
  }
}

/** Listening for a round just opened, where the page offers it (null: the round runs as before). */
export function listenToRound(
  deps: Pick<RunnerDeps, 'createLive' | 'warn'>,
  round: { stream: StreamPort; roundId: string; recordingId: string; t0: number },
  onFellBehind: (message: string) => void,
): RoundListening | null {
  if (!deps.createLive) return null;
  const { stream, roundId, recordingId, t0 } = round;
  return new RoundListening({
    createLive: deps.createLive,
    stream,
    roundId,
    recordingId,
    recordingStartPerfMs: t0,
    onFellBehind,
    warn: deps.warn,
  });
}
