/**
 * "Today" (today:get), kept across screen switches and fetched again (at most once a second) when a
 * session or a round's analysis changes, since both move the items' next dates. Snoozing and retiring
 * answer with the new view.
 */
import type { TodayView } from '@shared/contract';
import { call, subscribe } from './client';
import { createResource, useResource } from './resource';

export const todayResource = createResource<TodayView>(
  () => call('today:get', {}),
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

export const useToday = () => useResource(todayResource);

export const snoozeItem = (itemId: string, days: number) =>
  todayResource.runWith(() => call('today:snooze', { itemId, days }));
export const retireItem = (itemId: string, retired: boolean) =>
  todayResource.runWith(() => call('today:retire', { itemId, retired }));
