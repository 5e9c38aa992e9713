/** A round's transcript and search across every transcript. */
import { z } from 'zod';
import { transcriptStatus } from '../enums';
import { roundTranscript } from '../transcript';
import { roundId, type RequestSchemasFor } from './common';

export const transcriptView = z.object({
  roundId: z.string(),
  status: z.enum(['none', ...transcriptStatus.options]),
  error: z.string().nullable(),
  transcript: roundTranscript.nullable(),
});
export type TranscriptView = z.infer<typeof transcriptView>;

/** A piece of a search hit's text; `match` marks the words the query found. */
export const snippetPart = z.object({ text: z.string(), match: z.boolean() });

export const transcriptSearchHit = z.object({
  roundId: z.string(),
  sessionId: z.string(),
  title: z.string(),
  /** When the round started (epoch ms). */
  startedAt: z.number().nullable(),
  /** Where the matching segment starts on the recording's timeline. */
  startMs: z.number().int().min(0),
  snippet: z.array(snippetPart),
});
export type TranscriptSearchHit = z.infer<typeof transcriptSearchHit>;

export const TRANSCRIPT_SEARCH_PAGE_MAX = 50;

export const transcriptSearchResult = z.object({
  /** Matching segments in all transcripts (not only this page). */
  total: z.number().int().min(0),
  hits: z.array(transcriptSearchHit),
});
export type TranscriptSearchResult = z.infer<typeof transcriptSearchResult>;

export const transcriptRequests = {
  'transcript:get': { input: z.object({ roundId }).strict(), output: transcriptView },
  'transcript:search': {
    input: z
      .object({
        query: z.string().max(200),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(TRANSCRIPT_SEARCH_PAGE_MAX).default(20),
      })
      .strict(),
    output: transcriptSearchResult,
  },
} satisfies RequestSchemasFor;
