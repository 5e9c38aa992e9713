/** A LiveSource for driving the runner under fake timers: records what the runner asked of it, sends events. */
import type { LiveStartOutput, LiveStatus, LiveUtterance } from '../../../../../src/shared/contract';
import type { LiveEvents, LiveSource } from '../../../../../src/renderer/src/session/engine/live-source';

/** A LiveSource as the page's would be: what the runner asked of it, and events a test sends. */
export class FakeLive implements LiveSource {
  started: Parameters<LiveSource['start']>[0] | null = null;
  readonly calls: string[] = [];
  private readonly listeners = {
    utterance: new Set<(u: LiveUtterance) => void>(),
    status: new Set<(s: LiveStatus) => void>(),
  };

  constructor(private readonly answer: LiveStartOutput) {}

  start(round: Parameters<LiveSource['start']>[0]): Promise<LiveStartOutput> {
    this.started = round;
    this.calls.push('start');
    return Promise.resolve(this.answer);
  }
  on<K extends keyof LiveEvents>(event: K, listener: (payload: LiveEvents[K]) => void): () => void {
    const set = this.listeners[event] as Set<(payload: LiveEvents[K]) => void>;
    set.add(listener);
    return () => set.delete(listener);
  }
  pause(): void {
    this.calls.push('pause');
  }
  resume(): void {
    this.calls.push('resume');
  }
  stop(): void {
    this.calls.push('stop');
  }
  get subscribers(): number {
    return this.listeners.utterance.size + this.listeners.status.size;
  }
  utterance(u: Omit<LiveUtterance, 'roundId' | 'recordingId'>): void {
    const { roundId, recordingId } = this.started!;
    for (const listener of this.listeners.utterance) listener({ roundId, recordingId, ...u });
  }
  status(state: LiveStatus['state'], message: string | null = null): void {
    const { roundId, recordingId } = this.started!;
    for (const listener of this.listeners.status) listener({ roundId, recordingId, state, backlogMs: 5000, message });
  }
}
