/** One SessionRunner per mounted session view; React reads its state through a subscription. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SessionView } from '../../../../shared/contract';
import { SessionRunner } from './session-runner';
import type { RunnerState } from './runner-state';

export function useSessionRunner(session: SessionView): { runner: SessionRunner; state: RunnerState } {
  // The parent keys this hook's component by session id, so one runner lives as long as the view.
  const [runner] = useState(() => new SessionRunner(session));
  useEffect(() => {
    runner.attach();
    return () => runner.detach();
  }, [runner]);
  const state = useSyncExternalStore(runner.subscribe, runner.getState);
  return { runner, state };
}
