/**
 * The one small external store the renderer's state lives in (the wavesurfer.js shape): get the
 * state, set it, subscribe and get back the unsubscribe. React reads it with useSyncExternalStore;
 * it imports nothing, so the session engine uses it under Node too.
 */
export type Store<T> = {
  get: () => T;
  /** Replaces the state and tells every subscriber, unless `equal` finds nothing changed. */
  set: (next: T) => void;
  subscribe: (listener: () => void) => () => void;
};

export function createStore<T>(initial: T, equal: (a: T, b: T) => boolean = Object.is): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      if (equal(state, next)) return;
      state = next;
      // A copy: a listener that unsubscribes (or subscribes) while being told changes only the next round.
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
