/** Sessions a crash, a closed window or leaving mid-round left unfinished (recovery:list). */
import { useCallback, useEffect, useState } from 'react';
import type { UnfinishedSession } from '@shared/contract';
import { call } from '../../api/client';

export type UnfinishedSessionsState = {
  list: UnfinishedSession[];
  reload: () => void;
  /** Abandons the session (every recording is kept; it just stops being offered) and reloads the list. */
  close: (sessionId: string) => Promise<void>;
};

export function useUnfinishedSessions(): UnfinishedSessionsState {
  const [list, setList] = useState<UnfinishedSession[]>([]);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let cancelled = false;
    call('recovery:list', {}).then(
      (unfinished) => {
        if (!cancelled) setList(unfinished);
      },
      (error: unknown) => console.warn('recovery:list failed', error),
    );
    return () => {
      cancelled = true;
    };
  }, [version]);
  const close = useCallback(
    async (sessionId: string) => {
      await call('session:control', { sessionId, action: 'abandon' });
      reload();
    },
    [reload],
  );
  return { list, reload, close };
}
