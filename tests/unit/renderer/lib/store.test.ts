import { describe, expect, it } from 'vitest';
import { createStore } from '../../../../src/renderer/src/lib/store';

describe('createStore', () => {
  it('holds the state it was given and replaces it on set', () => {
    const store = createStore({ count: 0 });
    expect(store.get()).toEqual({ count: 0 });
    store.set({ count: 2 });
    expect(store.get()).toEqual({ count: 2 });
  });

  it('tells each subscriber of every change until it unsubscribes', () => {
    const store = createStore(0);
    const seen: string[] = [];
    const offA = store.subscribe(() => seen.push(`a${store.get()}`));
    store.subscribe(() => seen.push(`b${store.get()}`));
    store.set(1);
    offA();
    store.set(2);
    expect(seen).toEqual(['a1', 'b1', 'b2']);
  });

  it('stays quiet when the new state equals the old one', () => {
    const store = createStore({ time: 1, playing: false }, (a, b) => a.time === b.time && a.playing === b.playing);
    let calls = 0;
    store.subscribe(() => calls++);
    const before = store.get();
    store.set({ time: 1, playing: false });
    expect(calls).toBe(0);
    expect(store.get()).toBe(before);
    store.set({ time: 2, playing: false });
    expect(calls).toBe(1);
  });

  it('compares with Object.is by default: the same value is no change, a new object is', () => {
    const store = createStore<{ n: number } | 'idle'>('idle');
    let calls = 0;
    store.subscribe(() => calls++);
    store.set('idle');
    expect(calls).toBe(0);
    store.set({ n: 1 });
    store.set({ n: 1 });
    expect(calls).toBe(2);
  });

  it('a listener added or removed during a notification counts from the next one', () => {
    const store = createStore(0);
    const seen: string[] = [];
    let offB: () => void = () => undefined;
    store.subscribe(() => {
      seen.push('a');
      offB();
    });
    offB = store.subscribe(() => seen.push('b'));
    store.subscribe(() => store.subscribe(() => seen.push('late')));
    store.set(1);
    expect(seen).toEqual(['a', 'b']);
    store.set(2);
    expect(seen).toEqual(['a', 'b', 'a', 'late']);
  });
});
