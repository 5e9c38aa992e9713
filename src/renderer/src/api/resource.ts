/**
 * A tiny cached resource: one value fetched from the API, shared by every component that reads it
 * and kept across screen switches (so revisiting a screen does not flash a loading state).
 */
import { useSyncExternalStore } from 'react';
import { createStore } from '../lib/store';

export type ResourceState<T> = {
  data: T | null;
  error: unknown;
  /** True while a fetch is in flight (also when refreshing data already shown). */
  loading: boolean;
};

export type Resource<T> = {
  getState: () => ResourceState<T>;
  subscribe: (listener: () => void) => () => void;
  /**
   * Starts the first fetch now, before any component reads the value (the first screen's data is
   * asked for while React renders its shell); a no-op once started.
   */
  load: () => void;
  /** Fetches again with the resource's own fetcher. */
  refresh: () => Promise<T>;
  /** Fetches with another call that returns the same value (e.g. library:reload). */
  runWith: (fetcher: () => Promise<T>) => Promise<T>;
  /** Sets the value directly (e.g. from a mutation's response). */
  set: (data: T) => void;
};

export function createResource<T>(
  fetcher: () => Promise<T>,
  onFirstUse?: (resource: Resource<T>) => void,
): Resource<T> {
  const store = createStore<ResourceState<T>>({ data: null, error: null, loading: false });
  let started = false;
  let sequence = 0;
  const update = (patch: Partial<ResourceState<T>>) => store.set({ ...store.get(), ...patch });

  const runWith = async (fetch: () => Promise<T>): Promise<T> => {
    const mine = ++sequence;
    update({ loading: true });
    try {
      const data = await fetch();
      if (mine === sequence) update({ data, error: null, loading: false });
      return data;
    } catch (error) {
      if (mine === sequence) update({ error, loading: false });
      throw error;
    }
  };

  const resource: Resource<T> = {
    getState: store.get,
    subscribe(listener) {
      const unsubscribe = store.subscribe(listener);
      resource.load();
      return unsubscribe;
    },
    load() {
      if (started) return;
      started = true;
      onFirstUse?.(resource);
      void runWith(fetcher).catch(() => undefined);
    },
    refresh: () => runWith(fetcher),
    runWith,
    set: (data) => {
      sequence++;
      update({ data, error: null, loading: false });
    },
  };
  return resource;
}

export function useResource<T>(resource: Resource<T>): ResourceState<T> {
  return useSyncExternalStore(resource.subscribe, resource.getState);
}
