/** Running the speech-to-text engine: one round again, or every older round that has no transcript. */
import { z } from 'zod';
import { roundId, type RequestSchemasFor } from './common';
import { transcriptView } from './transcripts';

export const BACKFILL_MAX = 1000;

export const backfillResult = z.object({
  /** Rounds queued by this request (older rounds with audio and no transcript, newest first). */
  queued: z.number().int().min(0),
  /** Rounds still waiting or running, this request's included. */
  total: z.number().int().min(0),
});
export type BackfillResult = z.infer<typeof backfillResult>;

/** How far "transcribe older rounds" has got; sent when it starts and after every round. */
export const transcriptionProgress = z.object({ done: z.number().int().min(0), total: z.number().int().min(0) });
export type TranscriptionProgress = z.infer<typeof transcriptionProgress>;

export const transcriptionRequests = {
  'transcription:backfill': {
    input: z.object({ limit: z.number().int().min(1).max(BACKFILL_MAX).default(200) }).strict(),
    output: backfillResult,
  },
  /** Transcribes one round again (after a failure, or with another model); answers once it is queued. */
  'transcription:run': { input: z.object({ roundId }).strict(), output: transcriptView },
} satisfies RequestSchemasFor;
