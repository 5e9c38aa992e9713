/** Stored transcripts: one round's, and the search over all of them. */
import type { HandlerGroup } from '../infra/handlers';
import type { TranscriptStore } from './store';

export function transcriptHandlers({ transcripts }: { transcripts: TranscriptStore }): HandlerGroup<'transcript'> {
  return {
    'transcript:get': ({ roundId }) => transcripts.view(roundId),
    'transcript:search': (input) => transcripts.search(input),
  };
}
