/**
 * A round's transcript (transcript:get), fetched again whenever 'transcript:changed' names the round,
 * so the panel moves from pending → running → done by itself while the engine works.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TranscriptView } from '@shared/contract';
import { call, subscribe } from '../../api/client';

export type TranscriptState = { view: TranscriptView | null; error: unknown; reload: () => void };

export function useTranscript(roundId: string): TranscriptState {
  const [state, setState] = useState<{ roundId: string; view: TranscriptView | null; error: unknown }>({
    roundId,
    view: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    call('transcript:get', { roundId }).then(
      (view) => {
        if (!cancelled) setState({ roundId, view, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ roundId, view: s.roundId === roundId ? s.view : null, error }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [roundId, version]);

  useEffect(
    () =>
      subscribe('transcript:changed', (payload) => {
        if (payload.roundId === roundId) reload();
      }),
    [roundId, reload],
  );

  const current = state.roundId === roundId ? state : { view: null, error: null };
  return { view: current.view, error: current.error, reload };
}
