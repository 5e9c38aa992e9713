/** The runner's state as an external store for React: one object, replaced on every change. */
import type { SessionView } from '../../../../shared/contract';
import { initialState, type RunnerState } from './runner-state';

export class RunnerStore {
  private state: RunnerState;
  private readonly listeners = new Set<() => void>();

  constructor(session: SessionView) {
    this.state = initialState(session);
  }

  getState = (): RunnerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get listenerCount(): number {
    return this.listeners.size;
  }

  set(patch: Partial<RunnerState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
