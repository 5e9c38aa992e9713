/** The content library: loaded once, refreshed when the main side reports a change. */
import type { LibraryView } from '@shared/contract';
import { call, subscribe } from './client';
import { createResource, useResource } from './resource';

const libraryListeners = new Set<() => void>();

export const libraryResource = createResource<LibraryView>(
  () => call('library:list', {}),
  (resource) => {
    subscribe('library:changed', () => {
      for (const listener of libraryListeners) listener();
      void resource.refresh().catch(() => undefined);
    });
  },
);

/** Re-reads every content file on disk (built-in and the user's folder). */
export function reloadLibrary(): Promise<LibraryView> {
  for (const listener of libraryListeners) listener();
  return libraryResource.runWith(() => call('library:reload', {}));
}

/** Called whenever content may have changed (e.g. to drop cached previews). */
export function onLibraryChange(listener: () => void): () => void {
  libraryListeners.add(listener);
  return () => libraryListeners.delete(listener);
}

export const useLibrary = () => useResource(libraryResource);

/** Resolves once the library has loaded (or failed to): the first screen is then drawn. */
export function libraryLoaded(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      const { data, error } = libraryResource.getState();
      if (data === null && error === null) return false;
      resolve();
      return true;
    };
    if (done()) return;
    const unsubscribe = libraryResource.subscribe(() => {
      if (done()) unsubscribe();
    });
  });
}
