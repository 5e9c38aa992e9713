/** Recent sessions (for Session, Review and Progress), refreshed when any session changes. */
import { useCallback, useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/contract';
import { call, subscribe } from './client';

export type SessionListEntry = RequestOutput<'session:list'>[number];

export type RecentSessions = {
  sessions: SessionListEntry[] | null;
  error: unknown;
  reload: () => void;
};

export function useRecentSessions(limit = 20): RecentSessions {
  const [sessions, setSessions] = useState<SessionListEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    call('session:list', { limit }).then(
      (list) => {
        if (cancelled) return;
        setSessions(list);
        setError(null);
      },
      (err: unknown) => {
        if (!cancelled) setError(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [limit, version]);

  useEffect(() => subscribe('session:changed', reload), [reload]);

  return { sessions, error, reload };
}
