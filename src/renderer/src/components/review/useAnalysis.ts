/**
 * A round's speech analysis (analysis:get), fetched again whenever 'analysis:changed' names the round;
 * run() asks for the analysis again (analysis:run), e.g. after a failure. While the worker reads the
 * round's audio, 'analysis:progress' gives how far it is (0..1).
 */
import { useCallback, useEffect, useState } from 'react';
import type { AnalysisView } from '@shared/contract';
import { call, subscribe } from '../../api/client';

export type AnalysisState = {
  analysis: AnalysisView | null;
  error: unknown;
  /** True while analysis:run is being asked for. */
  running: boolean;
  /** How much of the audio the running analysis has read (0..1), or null before its first report. */
  progress: number | null;
  run: () => void;
  reload: () => void;
};

export function useAnalysis(roundId: string): AnalysisState {
  const [state, setState] = useState<{ roundId: string; analysis: AnalysisView | null; error: unknown }>({
    roundId,
    analysis: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ roundId: string; fraction: number } | null>(null);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    call('analysis:get', { roundId }).then(
      (analysis) => {
        if (!cancelled) setState({ roundId, analysis, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ roundId, analysis: s.roundId === roundId ? s.analysis : null, error }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [roundId, version]);

  useEffect(
    () =>
      subscribe('analysis:changed', (payload) => {
        if (payload.roundId !== roundId) return;
        setProgress(null);
        reload();
      }),
    [roundId, reload],
  );

  useEffect(
    () =>
      subscribe('analysis:progress', (payload) => {
        if (payload.roundId === roundId) setProgress({ roundId, fraction: payload.fraction });
      }),
    [roundId],
  );

  const run = useCallback(() => {
    setRunning(true);
    call('analysis:run', { roundId }).then(
      (analysis) => {
        setRunning(false);
        setState({ roundId, analysis, error: null });
      },
      (error: unknown) => {
        setRunning(false);
        setState((s) => ({ ...s, error }));
      },
    );
  }, [roundId]);

  const current = state.roundId === roundId;
  return {
    analysis: current ? state.analysis : null,
    error: current ? state.error : null,
    running,
    progress: progress?.roundId === roundId ? progress.fraction : null,
    run,
    reload,
  };
}
