/**
 * Playback position and state, written by the waveform and read by the few controls that show it,
 * so ticking time re-renders only the readout and the play button, not the whole review.
 */
import { useSyncExternalStore } from 'react';

export type PlayerState = { time: number; playing: boolean; ready: boolean };

/** What the rest of the review can ask the waveform to do. */
export type PlayerControls = {
  playPause: () => void;
  seek: (seconds: number) => void;
  skip: (seconds: number) => void;
  time: () => number;
  duration: () => number;
};

export type PlayerStore = {
  get: () => PlayerState;
  set: (patch: Partial<PlayerState>) => void;
  subscribe: (listener: () => void) => () => void;
};

export function createPlayerStore(): PlayerStore {
  let state: PlayerState = { time: 0, playing: false, ready: false };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      const next = { ...state, ...patch };
      if (next.time === state.time && next.playing === state.playing && next.ready === state.ready) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function usePlayerState(store: PlayerStore): PlayerState {
  return useSyncExternalStore(store.subscribe, store.get);
}
