/** Word metrics: one round's, and the weekly trends. */
import type { HandlerGroup } from '../infra/handlers';
import type { RoundWords } from './round-words';

export function wordsHandlers({ words }: { words: RoundWords }): HandlerGroup<'words'> {
  return {
    'words:round': ({ roundId }) => words.view(roundId),
    'words:trends': (input) => words.trends(input),
  };
}
