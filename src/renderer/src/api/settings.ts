/**
 * Settings: applied optimistically (the theme changes at once), persisted through settings:update.
 * Rapid changes (dragging a slider) are batched into one update.
 */
import type { Settings } from '@shared/contract';
import { call } from './client';
import { createResource, useResource } from './resource';

export const settingsResource = createResource<Settings>(() => call('settings:get', {}));

type SaveState = { status: 'idle' | 'saving' | 'saved' | 'error'; error: string | null };
let saveState: SaveState = { status: 'idle', error: null };
const saveListeners = new Set<() => void>();
const setSaveState = (next: SaveState) => {
  saveState = next;
  for (const listener of saveListeners) listener();
};

let pending: Partial<Settings> = {};
let timer: ReturnType<typeof setTimeout> | null = null;
/** The last settings the main side confirmed: what a failed update falls back to. */
let confirmed: Settings | null = null;

async function flush() {
  timer = null;
  const patch = pending;
  pending = {};
  if (Object.keys(patch).length === 0) return;
  setSaveState({ status: 'saving', error: null });
  try {
    // Only the changed fields: the main side keeps what the user set apart from defaults (a follow-up
    // mode never chosen follows the speech model, docs/follow-ups.md). The patch schema has no
    // .default() (zod 4 would fill absent fields with it), which the settings contract test guards.
    const saved = await call('settings:update', patch);
    confirmed = saved;
    // Keep any change made while this one was in flight.
    settingsResource.set({ ...saved, ...pending });
    setSaveState({ status: Object.keys(pending).length ? 'saving' : 'saved', error: null });
  } catch (error) {
    if (confirmed) settingsResource.set({ ...confirmed, ...pending });
    setSaveState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

export function updateSettings(patch: Partial<Settings>, delayMs = 200): void {
  const current = settingsResource.getState().data;
  if (!current) return;
  confirmed ??= current;
  settingsResource.set({ ...current, ...patch });
  pending = { ...pending, ...patch };
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flush(), delayMs);
}

export const useSettings = () => useResource(settingsResource);

export function subscribeSaveState(listener: () => void): () => void {
  saveListeners.add(listener);
  return () => saveListeners.delete(listener);
}
export const getSaveState = () => saveState;
