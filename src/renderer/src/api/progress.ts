/**
 * Everything the Progress page charts (progress:get), loaded once and kept across screen switches;
 * fetched again (at most once a second) when a session or a round's analysis changes.
 */
import type { ProgressView } from '../../../shared/contract';
import { call, subscribe } from './client';
import { createResource, useResource } from './resource';

export const progressResource = createResource<ProgressView>(
  () => call('progress:get', {}),
  (resource) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void resource.refresh().catch(() => undefined);
      }, 1000);
    };
    subscribe('session:changed', later);
    subscribe('analysis:changed', later);
  },
);

export const useProgress = () => useResource(progressResource);
