/**
 * Playback position and state, written by the waveform and read by the few controls that show it,
 * so ticking time re-renders only the readout and the play button, not the whole review.
 */
import { useSyncExternalStore } from 'react';
import { createStore } from '../../lib/store';

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
  const store = createStore<PlayerState>(
    { time: 0, playing: false, ready: false },
    (a, b) => a.time === b.time && a.playing === b.playing && a.ready === b.ready,
  );
  return {
    get: store.get,
    set: (patch) => store.set({ ...store.get(), ...patch }),
    subscribe: store.subscribe,
  };
}

export function usePlayerState(store: PlayerStore): PlayerState {
  return useSyncExternalStore(store.subscribe, store.get);
}
