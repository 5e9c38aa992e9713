/**
 * The coach's data: fetched on mount and again when a session, an analysis or the coach's own
 * state changes (coach:changed). Every hook returns { data, error, reload }.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EventChannel } from '@shared/channels';
import { call, subscribe } from './client';

export type Loaded<T> = { data: T | null; error: unknown; reload: () => void; set: (data: T) => void };

export function useCoach<T>(
  key: string,
  fetcher: () => Promise<T>,
  refreshOn: readonly EventChannel[] = ['session:changed', 'coach:changed'],
): Loaded<T> {
  const [state, setState] = useState<{ key: string; data: T | null; error: unknown }>({
    key,
    data: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const set = useCallback((data: T) => setState({ key, data, error: null }), [key]);
  useEffect(() => {
    let cancelled = false;
    fetcher().then(
      (data) => !cancelled && setState({ key, data, error: null }),
      (error: unknown) => !cancelled && setState((s) => ({ key, data: s.key === key ? s.data : null, error })),
    );
    return () => {
      cancelled = true;
    };
    // The fetcher is derived from the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
  useEffect(() => {
    const offs = refreshOn.map((channel) => subscribe(channel, reload));
    return () => offs.forEach((off) => off());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);
  const current = state.key === key;
  return { data: current ? state.data : null, error: current ? state.error : null, reload, set };
}

export const useSessionFatigue = (sessionId: string) =>
  useCoach(`fatigue:${sessionId}`, () => call('coach:fatigue', { sessionId }));
export const useFatigueHistory = () => useCoach('fatigue-history', () => call('coach:fatigueHistory', { limit: 30 }));
export const useCalibration = () => useCoach('calibration', () => call('coach:calibration', {}));
export const useRetake = (roundId: string) => useCoach(`retake:${roundId}`, () => call('coach:retake', { roundId }));
export const useActionList = (weekStartMs: number) =>
  useCoach(`actions:${weekStartMs}`, () => call('coach:actions', { weekStartMs }));
/** The re-score prompt is fetched once per mount: answering or dismissing it must not fetch another. */
export const useRescorePrompt = () => useCoach('rescore-prompt', () => call('coach:rescorePrompt', {}), []);
