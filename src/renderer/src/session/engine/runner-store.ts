/** The runner's state as an external store for React: one object, replaced on every change. */
import type { SessionView } from '@shared/contract';
import { createStore, type Store } from '../../lib/store';
import { initialState, type RunnerState } from './runner-state';

export class RunnerStore {
  private readonly store: Store<RunnerState>;

  constructor(session: SessionView) {
    this.store = createStore(initialState(session));
  }

  getState = (): RunnerState => this.store.get();

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  set(patch: Partial<RunnerState>): void {
    this.store.set({ ...this.store.get(), ...patch });
  }
}
