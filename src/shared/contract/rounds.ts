/** A round: its frozen plan, its answers, the follow-ups asked, and the begin/end/follow-up channels. */
import { z } from 'zod';
import { followUpTrigger, roundStatus } from '../enums';
import { msFromStart, roundId, sessionId, type RequestSchemasFor } from './common';
import { recordingView } from './recording';

export const followUpPlan = z.object({
  text: z.string(),
  atSeconds: z.number(),
  jitterSeconds: z.number(),
  /** The expected points this follow-up probes (0-based indices; content numbers them from 1); absent: none. */
  probes: z.array(z.number().int().min(0)).optional(),
});
export const roundPlan = z.object({
  index: z.number().int(),
  itemId: z.string(),
  /** Which round of the item this is: with itemId, identifies "the same prompt" across sessions. */
  itemRound: z.number().int().default(0),
  itemTitle: z.string(),
  title: z.string().optional(),
  category: z.string(),
  questionType: z.string(),
  prompt: z.string(),
  budgetSeconds: z.number().int(),
  followUps: z.array(followUpPlan),
  /** Per expected point, the short question that probes it (null when the content gives none). */
  pointProbes: z.array(z.string().nullable()).optional(),
  /** A timed break before this round (circuits). */
  breakBefore: z.object({ seconds: z.number().int(), label: z.string(), note: z.string().optional() }).optional(),
});
export type RoundPlan = z.infer<typeof roundPlan>;

/** What a round is judged against, frozen at session start and revealed only on request. */
export const roundAnswers = z.object({
  expectedPoints: z.array(z.string()),
  /** Cues per expected point for the coverage matcher ([] each when the content has none; absent in older rounds). */
  expectedPointCues: z.array(z.array(z.string())).default([]),
  referenceAnswer: z.string().nullable(),
});
export type RoundAnswers = z.infer<typeof roundAnswers>;

export const askedFollowUp = z.object({
  /** Index in the round's plan; ad-hoc follow-ups get indices after the planned ones. */
  index: z.number().int().min(0),
  text: z.string(),
  trigger: followUpTrigger,
  /** Times in ms from the start of the round's recording. */
  scheduledMs: z.number().int().nullable(),
  spokenStartMs: z.number().int().nullable(),
  spokenEndMs: z.number().int().nullable(),
});
export type AskedFollowUp = z.infer<typeof askedFollowUp>;

export const roundView = roundPlan.extend({
  id: z.string(),
  status: roundStatus,
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  recording: recordingView.nullable(),
  askedFollowUps: z.array(askedFollowUp),
});
export type RoundView = z.infer<typeof roundView>;

export const roundRequests = {
  /** Starts (or, when already started, returns) a round and its recording: double clicks never duplicate. */
  'round:begin': {
    input: z
      .object({
        sessionId,
        roundIndex: z.number().int().min(0).max(999),
        mimeType: z
          .string()
          .regex(/^audio\/[\w.+-]+(;\s*codecs=[\w.+-]+)?$/)
          .max(60),
      })
      .strict(),
    output: z.object({ round: roundView, recording: recordingView }),
  },
  'round:end': {
    input: z.object({ roundId, outcome: z.enum(['done', 'skipped']) }).strict(),
    output: roundView,
  },
  'followup:record': {
    input: z
      .object({
        roundId,
        /** Omit for an ad-hoc follow-up typed by a partner. */
        index: z.number().int().min(0).max(999).optional(),
        text: z.string().trim().min(1).max(1000),
        trigger: followUpTrigger,
        scheduledMs: msFromStart.nullable(),
        spokenStartMs: msFromStart.nullable(),
        spokenEndMs: msFromStart.nullable(),
      })
      .strict(),
    output: askedFollowUp,
  },
} satisfies RequestSchemasFor;
