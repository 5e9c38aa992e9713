/**
 * The Progress page's summary (progress:get), one per filter, painted from the last payload kept
 * here and in sessionStorage (so a revisit or a reload draws at once) and fetched again on every
 * visit, on every filter change, and — at most once a second — when a session or a round's
 * analysis changes. The summary is a few hundred numbers; sessionStorage holds a dozen at most.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { progressSummary, type ProgressFilter, type ProgressSummary } from '@shared/contract';
import { localTimeZone } from '../lib/local-week';
import { createStore } from '../lib/store';
import { call, subscribe } from './client';

export type ProgressState = {
  /** The summary for the filter asked for, or — while that loads — the last one shown. */
  data: ProgressSummary | null;
  /** True while `data` is not (yet) the fresh summary for the filter asked for. */
  stale: boolean;
  error: unknown;
};

const STORAGE_PREFIX = 'loop-coach:progress:';
const MAX_KEPT = 12;
const keyOf = (f: ProgressFilter) => JSON.stringify([localTimeZone(), f.category, f.questionType]);

type Entry = { data: ProgressSummary | null; fresh: boolean; error: unknown };
const entries = new Map<string, Entry>();
const snapshots = new Map<string, ProgressState>();
/** Counts changes: the state itself is the entries above, read through snapshot(). */
const changes = createStore(0);
let lastShown: ProgressSummary | null = null;
let current: ProgressFilter | null = null;
const sequence = new Map<string, number>();

function stored(key: string): ProgressSummary | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_PREFIX + key);
    if (!raw) return null;
    const parsed = progressSummary.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function keep(key: string, data: ProgressSummary): void {
  try {
    sessionStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(data));
    const keys = Object.keys(sessionStorage).filter((k) => k.startsWith(STORAGE_PREFIX));
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_KEPT))) sessionStorage.removeItem(old);
  } catch {
    // A full or disabled storage only costs the instant paint on the next visit.
  }
}

function entryOf(key: string): Entry {
  let entry = entries.get(key);
  if (!entry) {
    entry = { data: stored(key), fresh: false, error: null };
    entries.set(key, entry);
  }
  return entry;
}

function update(key: string, patch: Partial<Entry>): void {
  entries.set(key, { ...entryOf(key), ...patch });
  snapshots.clear();
  changes.set(changes.get() + 1);
}

function snapshot(filter: ProgressFilter): ProgressState {
  const key = keyOf(filter);
  let state = snapshots.get(key);
  if (!state) {
    const entry = entryOf(key);
    state = { data: entry.data ?? lastShown, stale: !entry.fresh || entry.data === null, error: entry.error };
    snapshots.set(key, state);
  }
  return state;
}

/** Fetches the summary for `filter`; an older answer for the same filter never replaces a newer one. */
export async function loadProgress(filter: ProgressFilter): Promise<void> {
  const key = keyOf(filter);
  const mine = (sequence.get(key) ?? 0) + 1;
  sequence.set(key, mine);
  try {
    const data = await call('progress:get', { timeZone: localTimeZone(), ...filter });
    if (sequence.get(key) !== mine) return;
    lastShown = data;
    keep(key, data);
    update(key, { data, fresh: true, error: null });
  } catch (error) {
    if (sequence.get(key) === mine) update(key, { error });
  }
}

let watching = 0;
let unwatch: (() => void) | null = null;

/** While a Progress page is open: new rounds, ended sessions and finished analyses refresh it. */
function watch(): () => void {
  if (watching++ === 0) {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      // Every other filter's summary is out of date now too: it paints, then refreshes, when chosen.
      for (const [key, entry] of entries) entries.set(key, { ...entry, fresh: false });
      snapshots.clear();
      timer ??= setTimeout(() => {
        timer = null;
        if (current) void loadProgress(current);
      }, 1000);
    };
    const offs = [subscribe('session:changed', later), subscribe('analysis:changed', later)];
    unwatch = () => {
      if (timer) clearTimeout(timer);
      for (const off of offs) off();
    };
  }
  return () => {
    if (--watching === 0) {
      unwatch?.();
      unwatch = null;
    }
  };
}

/** The summary for this filter: painted from what is kept, refreshed on mount and filter change. */
export function useProgressSummary(filter: ProgressFilter): ProgressState {
  const { category, questionType } = filter;
  const state = useSyncExternalStore(changes.subscribe, () => snapshot({ category, questionType }));
  useEffect(() => watch(), []);
  useEffect(() => {
    current = { category, questionType };
    void loadProgress(current);
  }, [category, questionType]);
  return state;
}
