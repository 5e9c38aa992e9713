/**
 * A session's plan (session:get) and each started round's analysis (analysis:get), turned into time
 * allocations; fetched again when the session or one of its rounds' analyses changes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '../../../../shared/contract';
import { call, subscribe } from '../../api/client';
import { timeAllocation, type TimeAllocation } from '../../lib/time-allocation';
import { roundTitle } from '../../../../shared/round-title';

export type AllocationRow = {
  roundId: string;
  label: string;
  title: string;
  /** Null when the round has no analysed recording. */
  allocation: TimeAllocation | null;
  budgetSeconds: number;
};

export type SessionAllocation = { session: SessionView; rows: AllocationRow[] };

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
    (async () => {
      const session = await call('session:get', { sessionId });
      const started = session.rounds.filter((r) => r.startedAt !== null);
      const analyses = await Promise.all(started.map((r) => call('analysis:get', { roundId: r.id })));
      const rows = started.map((r, i): AllocationRow => {
        const metrics = analyses[i]!.metrics;
        return {
          roundId: r.id,
          label: `Round ${r.index + 1}`,
          title: roundTitle(r),
          allocation: metrics ? timeAllocation(r.budgetSeconds, metrics) : null,
          budgetSeconds: r.budgetSeconds,
        };
      });
      return { session, rows };
    })().then(
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
