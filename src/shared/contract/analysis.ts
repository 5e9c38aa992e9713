/** Speech analysis of a round's recording: segments, metrics and the user's own baselines. */
import { z } from 'zod';
import { analysisStatus } from '../enums';
import { roundMetrics, segment } from '../metrics';
import { roundId, type RequestSchemasFor } from './common';

export const analysisView = z.object({
  roundId: z.string(),
  status: z.enum(['none', ...analysisStatus.options]),
  segments: z.array(segment),
  metrics: roundMetrics.nullable(),
  /** The user's own medians for this question type, from earlier rounds. */
  baselines: z.object({
    thinkTimeMs: z.number().nullable(),
    talkTimeMs: z.number().nullable(),
    coreAnswerMs: z.number().nullable(),
    longestRunMs: z.number().nullable(),
  }),
  error: z.string().nullable(),
});
export type AnalysisView = z.infer<typeof analysisView>;

export const analysisRequests = {
  'analysis:get': { input: z.object({ roundId }).strict(), output: analysisView },
  /** Runs speech analysis again (e.g. after a failure). */
  'analysis:run': { input: z.object({ roundId }).strict(), output: analysisView },
} satisfies RequestSchemasFor;
