/**
 * A round's word metrics and expected-point suggestions (words:round), fetched again when its
 * transcript changes and when the answer is revealed (suggestions are only given after the reveal).
 * `revealed` is null until the review is loaded: nothing is asked before then, so opening an
 * already revealed round asks once, not once before and again after learning it is revealed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RoundWordsView } from '@shared/contract';
import { call, subscribe } from '../../api/client';

export type RoundWordsState = { words: RoundWordsView | null; error: unknown; reload: () => void };

export function useRoundWords(roundId: string, revealed: boolean | null): RoundWordsState {
  const [state, setState] = useState<{ key: string; words: RoundWordsView | null; error: unknown }>({
    key: '',
    words: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const key = `${roundId}:${revealed}`;

  useEffect(() => {
    if (revealed === null) return;
    let cancelled = false;
    call('words:round', { roundId }).then(
      (words) => {
        if (!cancelled) setState({ key, words, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ key, words: s.words?.roundId === roundId ? s.words : null, error }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [roundId, key, revealed, version]);

  useEffect(
    () =>
      subscribe('transcript:changed', (payload) => {
        if (payload.roundId === roundId) reload();
      }),
    [roundId, reload],
  );

  const current = state.words?.roundId === roundId ? state : { words: null, error: state.error };
  return { words: current.words, error: current.error, reload };
}
