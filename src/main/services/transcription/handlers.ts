/** Transcribing rounds on request: one round, or a batch of older ones. */
import type { HandlerGroup } from '../infra/handlers';
import type { TranscriptionService } from './service';

export function transcriptionHandlers({
  transcription,
}: {
  transcription: TranscriptionService;
}): HandlerGroup<'transcription'> {
  return {
    'transcription:backfill': ({ limit }) => transcription.backfillOlder(limit),
    'transcription:run': ({ roundId }) => transcription.run(roundId),
  };
}
