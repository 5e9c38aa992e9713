/** A round's audio recording: its view, the chunk limits, and the chunk/finish channels. */
import { z } from 'zod';
import { recordingStatus } from '../enums';
import { recordingId, type RequestSchemasFor } from './common';

/** Waveform peaks the renderer computes while recording, per second of audio. */
export const PEAKS_PER_SECOND = 50;
export const MAX_CHUNK_BYTES = 1024 * 1024;
export const MAX_PEAKS_PER_CHUNK = 2000;

export const recordingView = z.object({
  id: z.string(),
  roundId: z.string(),
  status: recordingStatus,
  mimeType: z.string(),
  bytes: z.number().int(),
  chunks: z.number().int(),
  /** Decoded duration of the finalized file; null while recording. */
  durationMs: z.number().int().nullable(),
  peaksPerSecond: z.number().int(),
  /** URL paths on the app's own origin (Range-capable), e.g. "/media/recordings/<session>/<round>.webm". */
  mediaUrl: z.string(),
  peaksUrl: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  error: z.string().nullable(),
});
export type RecordingView = z.infer<typeof recordingView>;

export const recordingRequests = {
  'recording:chunk': {
    input: z
      .object({
        recordingId,
        seq: z.number().int().min(0),
        /**
         * Where this chunk starts in the recording's audio bytes. When given, the append is positional:
         * a chunk already stored is acknowledged only if its bytes match, and one that does not start
         * where the stored audio ends is refused. The renderer always sends it.
         */
        offset: z.number().int().min(0).optional(),
        data: z
          .instanceof(Uint8Array)
          .refine((d) => d.byteLength <= MAX_CHUNK_BYTES, `a chunk is at most ${MAX_CHUNK_BYTES} bytes`),
        /** Waveform peaks for this chunk's audio, 0–255, at the recording's peaksPerSecond. */
        peaks: z
          .instanceof(Uint8Array)
          .refine((p) => p.byteLength <= MAX_PEAKS_PER_CHUNK, `at most ${MAX_PEAKS_PER_CHUNK} peaks a chunk`),
      })
      .strict(),
    output: z.object({ bytes: z.number().int(), chunks: z.number().int() }),
  },
  'recording:finish': {
    input: z
      .object({
        recordingId,
        /**
         * How many chunks the page produced. Finish waits (a few seconds at most) for any of them
         * still on their way, so a page that finishes while its uploader drains loses nothing.
         */
        chunks: z.number().int().min(0).optional(),
      })
      .strict(),
    output: recordingView,
  },
} satisfies RequestSchemasFor;
