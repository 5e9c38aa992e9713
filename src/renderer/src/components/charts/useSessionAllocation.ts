/**
 * A session's time allocation per started round (session:allocation, one request computed on the
 * main side); fetched again when the session or one of its rounds' analyses changes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SessionAllocation } from '@shared/contract';
import { call, subscribe } from '../../api/client';

export type { AllocationRow, SessionAllocation } from '@shared/contract';

export function useSessionAllocation(sessionId: string): { data: SessionAllocation | null; error: unknown } {
  const [state, setState] = useState<{ key: string; data: SessionAllocation | null; error: unknown }>({
    key: '',
    data: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    call('session:allocation', { sessionId }).then(
      (data) => {
        if (!cancelled) setState({ key: sessionId, data, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ key: sessionId, data: s.key === sessionId ? s.data : null, error }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, version]);

  const roundIds = state.data?.rows.map((r) => r.roundId).join(',') ?? '';
  useEffect(() => {
    const ids = new Set(roundIds.split(','));
    const offAnalysis = subscribe('analysis:changed', (p) => {
      if (ids.has(p.roundId)) reload();
    });
    const offSession = subscribe('session:changed', (p) => {
      if (p.sessionId === sessionId) reload();
    });
    return () => {
      offAnalysis();
      offSession();
    };
  }, [roundIds, sessionId, reload]);

  const current = state.key === sessionId;
  return { data: current ? state.data : null, error: current ? state.error : null };
}
