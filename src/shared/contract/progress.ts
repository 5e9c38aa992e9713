/**
 * Progress over time, as the few hundred numbers the page draws (aggregated on the main side from
 * round_stats, see docs/metrics.md), the changes the candidate committed to, and export.
 */
import { z } from 'zod';
import { isTimeZone } from '../local-week';
import type { RequestSchemasFor } from './common';
import { sessionAllocation } from './allocation';

/** One local week's averages; null where that week had nothing to average. Metric averages are in seconds. */
export const weekPoint = z.object({
  /** The local Monday's calendar date as 00:00 UTC of that date (see weekStart). */
  weekStart: z.number(),
  rounds: z.number().int(),
  clarity: z.number().nullable(),
  rigor: z.number().nullable(),
  speed: z.number().nullable(),
  thinkTime: z.number().nullable(),
  talkTime: z.number().nullable(),
  overrun: z.number().nullable(),
  ramble: z.number().nullable(),
});
export type WeekPoint = z.infer<typeof weekPoint>;

/** How one category or question type is doing. */
export const areaStat = z.object({
  key: z.string(),
  rounds: z.number().int(),
  scoredRounds: z.number().int(),
  /** Mean of every clarity, rigor and speed score given, or null when none was. */
  averageScore: z.number().nullable(),
  flags: z.number().int(),
  flagsPerRound: z.number(),
});
export type AreaStat = z.infer<typeof areaStat>;

/** The user's medians for one question type (ms), over the most recent analysed rounds. */
export const baseline = z.object({
  questionType: z.string(),
  rounds: z.number().int(),
  thinkTimeMs: z.number().nullable(),
  talkTimeMs: z.number().nullable(),
  coreAnswerMs: z.number().nullable(),
  longestRunMs: z.number().nullable(),
  overrunMs: z.number().nullable(),
});
export type Baseline = z.infer<typeof baseline>;

export const progressAction = z.object({ roundId: z.string(), at: z.number(), title: z.string(), change: z.string() });
export type ProgressAction = z.infer<typeof progressAction>;

export const progressFilter = z.object({
  category: z.string().max(200).nullable(),
  questionType: z.string().max(200).nullable(),
});
export type ProgressFilter = z.infer<typeof progressFilter>;

/** Everything the Progress page draws. The trends follow the filter; the rest covers every round. */
export const progressSummary = z.object({
  /** Rounds with a start time (recorded or begun). */
  rounds: z.number().int(),
  /** Filter options: every category and question type with a round, sorted. */
  categories: z.array(z.string()),
  questionTypes: z.array(z.string()),
  filter: progressFilter,
  timeZone: z.string(),
  trends: z.array(weekPoint),
  weakest: z.object({ byCategory: z.array(areaStat), byQuestionType: z.array(areaStat) }),
  baselines: z.array(baseline),
  actions: z.array(progressAction),
  /**
   * The session of the most recently started round with its time allocation (charted), sent with the
   * rest so the chart draws with the trends instead of after a second request.
   */
  latestSession: sessionAllocation.nullable(),
});
export type ProgressSummary = z.infer<typeof progressSummary>;

export const progressRequests = {
  /** The export as a file the renderer offers for download. */
  'export:create': {
    input: z.object({ format: z.enum(['json', 'markdown']) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string(), sessions: z.number().int() }),
  },
  'progress:get': {
    input: z
      .object({
        /** The IANA zone whose calendar weeks the trends follow (the renderer's own). */
        timeZone: z
          .string()
          .max(100)
          .refine(isTimeZone, {
            error: (issue) => `"${String(issue.input).slice(0, 100)}" is not a time zone this app knows`,
          })
          .default('UTC'),
        category: z.string().max(200).nullable().default(null),
        questionType: z.string().max(200).nullable().default(null),
        /** Only rounds started at or after this instant (ms since the epoch). */
        sinceMs: z.number().int().min(0).optional(),
      })
      .strict(),
    output: progressSummary,
  },
} satisfies RequestSchemasFor;
