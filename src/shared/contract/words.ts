/** A round's word metrics, notes and expected-point suggestions, and word-metric trends over weeks. */
import { z } from 'zod';
import { pointCoverage, wordBaseline, wordMetrics, wordNote } from '../words';
import { roundId, type RequestSchemasFor } from './common';

export const roundWordsView = z.object({
  roundId: z.string(),
  /** null until the round has a finished transcript. */
  metrics: wordMetrics.nullable(),
  /** Against the published thresholds and, with enough earlier rounds, the user's own baseline. */
  notes: z.array(wordNote),
  /** Medians over the transcribed rounds before this one (null: none yet). */
  baseline: wordBaseline.nullable(),
  /**
   * Suggestions for the expected-point checklist, in the points' order: only once the answer is
   * revealed (the points stay hidden before) and the round has a transcript. Never the user's marks.
   */
  coverage: z.array(pointCoverage).nullable(),
  /**
   * Follow-ups asked (in any mode) although every point they probe was already clearly covered
   * before they were asked (docs/metrics.md); null until the round has a finished transcript.
   */
  unnecessaryInterruptions: z.number().int().min(0).nullable(),
});
export type RoundWordsView = z.infer<typeof roundWordsView>;

const average = z.number().nullable();
export const wordTrendWeek = z.object({
  /** Epoch ms of the Monday 00:00 that starts the week, at the offset asked for. */
  weekStart: z.number(),
  rounds: z.number().int(),
  wordsPerMinute: average,
  /** Filler words as a share of all words (0–1), averaged over the week's rounds. */
  fillerShare: average,
  fillersPerMinute: average,
  hedgesPerMinute: average,
  restartsPerMinute: average,
  msToFirstWord: average,
  /** Follow-ups whose reply took up their terms ÷ follow-ups that could be judged. */
  answeredShare: average,
});
export type WordTrendWeek = z.infer<typeof wordTrendWeek>;

export const wordsRequests = {
  'words:round': { input: z.object({ roundId }).strict(), output: roundWordsView },
  'words:trends': {
    input: z
      .object({
        sinceMs: z.number().int().min(0).default(0),
        /** The user's UTC offset (minutes, east positive) for week boundaries. */
        utcOffsetMinutes: z.number().int().min(-840).max(840).default(0),
      })
      .strict(),
    output: z.object({ weeks: z.array(wordTrendWeek) }),
  },
} satisfies RequestSchemasFor;
