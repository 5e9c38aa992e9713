/** Progress over time: scored rounds with their metrics, the changes the candidate committed to, and export. */
import { z } from 'zod';
import { roundMetrics } from '../metrics';
import type { RequestSchemasFor } from './common';
import { scores } from './review';

export const progressRound = z.object({
  roundId: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  title: z.string(),
  startedAt: z.number(),
  category: z.string(),
  questionType: z.string(),
  budgetSeconds: z.number().int(),
  scores,
  metrics: roundMetrics.nullable(),
});
export type ProgressRound = z.infer<typeof progressRound>;

export const progressView = z.object({
  rounds: z.array(progressRound),
  actions: z.array(z.object({ roundId: z.string(), at: z.number(), title: z.string(), change: z.string() })),
});
export type ProgressView = z.infer<typeof progressView>;

export const progressRequests = {
  /** The export as a file the renderer offers for download. */
  'export:create': {
    input: z.object({ format: z.enum(['json', 'markdown']) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string(), sessions: z.number().int() }),
  },
  'progress:get': {
    input: z
      .object({
        sinceMs: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(50_000).default(20_000),
      })
      .strict(),
    output: progressView,
  },
} satisfies RequestSchemasFor;
