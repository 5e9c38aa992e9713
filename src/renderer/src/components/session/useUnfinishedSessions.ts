/** Sessions a crash, a closed window or leaving mid-round left unfinished (recovery:list). */
import { useCallback, useEffect, useState } from 'react';
import type { UnfinishedSession } from '../../../../shared/contract';
import { call } from '../../api/client';

export function useUnfinishedSessions(): { list: UnfinishedSession[]; reload: () => void } {
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
  return { list, reload };
}
