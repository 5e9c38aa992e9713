/** One SessionRunner per mounted session view; React reads its state through a subscription. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SessionView } from '@shared/contract';
import { createSessionRunner } from '../../session/browser/browser-runner';
import type { SessionRunner } from '../../session/engine/session-runner';
import type { RunnerState } from '../../session/engine/runner-state';

export function useSessionRunner(session: SessionView): { runner: SessionRunner; state: RunnerState } {
  // The parent keys this hook's component by session id, so one runner lives as long as the view.
  const [runner] = useState(() => createSessionRunner(session));
  useEffect(() => {
    // StrictMode mounts twice (attach, detach, attach): the runner leaves nothing behind in between.
    runner.attach();
    return () => runner.detach();
  }, [runner]);
  const state = useSyncExternalStore(runner.subscribe, runner.getState);
  return { runner, state };
}
