/** Reviewing a recorded round: rubric, scores, expected points, marks, post-mortem, and the review queue. */
import { z } from 'zod';
import { slug } from '../content';
import { markKind, pointVerdict } from '../enums';
import { msFromStart, roundId, type RequestSchemasFor } from './common';
import { followUpDecision } from './live';
import { page, pageInput } from './paging';
import { roundAnswers, roundView } from './rounds';
import { uuid } from '../uuid';

export const scoreValue = z.number().int().min(1).max(5).nullable();
export const reviewMark = z.object({
  id: z.string(),
  kind: markKind,
  /** Ms from the start of the recording; a ramble is a region, the others are points (endMs null). */
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0).nullable(),
});
export type ReviewMark = z.infer<typeof reviewMark>;

export const postmortem = z.object({
  wentWell: z.string().max(2000),
  missed: z.string().max(2000),
  change: z.string().max(2000),
});

export const rubricView = z.object({
  dimensions: z.array(
    z.object({
      id: z.enum(['clarity', 'rigor', 'speed']),
      title: z.string(),
      question: z.string(),
      levels: z.record(z.string(), z.string()),
    }),
  ),
  behaviourChecklist: z.array(z.object({ id: z.string(), text: z.string() })),
  selfReviewQuestions: z.array(z.string()),
  postmortemPrompts: z.object({ wentWell: z.string(), missed: z.string(), change: z.string() }),
});
export type RubricView = z.infer<typeof rubricView>;

export const scores = z.object({ clarity: scoreValue, rigor: scoreValue, speed: scoreValue });
export type Scores = z.infer<typeof scores>;

/**
 * An adaptive-mode decision as review shows it: the points it probes, numbered, with their text once
 * the answer is revealed (null before, like the answers themselves).
 */
export const followUpDecisionView = followUpDecision.extend({
  points: z.array(z.object({ index: z.number().int().min(0), text: z.string().nullable() })),
});
export type FollowUpDecisionView = z.infer<typeof followUpDecisionView>;

export const reviewView = z.object({
  session: z.object({ id: z.string(), title: z.string(), createdAt: z.number() }),
  round: roundView,
  roundCount: z.number().int(),
  revealed: z.boolean(),
  /** Null until the candidate reveals them. */
  answers: roundAnswers.nullable(),
  expectedPointCount: z.number().int(),
  rubric: rubricView.nullable(),
  scores,
  /** Per expected point (by index): covered, missed, or not yet ticked. */
  points: z.array(pointVerdict.nullable()),
  behaviour: z.record(z.string(), z.boolean()),
  postmortem,
  marks: z.array(reviewMark),
  /** Why each follow-up was asked or skipped (adaptive mode), in time order; [] for the other modes. */
  followUpDecisions: z.array(followUpDecisionView),
  scoredAt: z.number().nullable(),
  updatedAt: z.number().nullable(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const reviewQueueEntry = z.object({
  roundId: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  roundIndex: z.number().int(),
  title: z.string(),
  category: z.string(),
  questionType: z.string(),
  startedAt: z.number().nullable(),
  durationMs: z.number().int().nullable(),
  scores,
});
export type ReviewQueueEntry = z.infer<typeof reviewQueueEntry>;

/** A postmortem's "what I'll change" line, with the round it was written about. */
export const changeLine = z.object({ roundId: z.string(), at: z.number(), title: z.string(), change: z.string() });
export type ChangeLine = z.infer<typeof changeLine>;

export const reviewRequests = {
  'review:get': { input: z.object({ roundId }).strict(), output: reviewView },
  'review:reveal': { input: z.object({ roundId }).strict(), output: reviewView },
  /** Saves whatever the candidate changed; every field is optional so saving happens as they go. */
  'review:save': {
    input: z
      .object({
        roundId,
        scores: scores.partial().strict().optional(),
        /** Sparse: { "2": "missed" } ticks expected point 3. */
        points: z.record(z.string().regex(/^\d{1,3}$/), pointVerdict.nullable()).optional(),
        behaviour: z.record(slug, z.boolean()).optional(),
        postmortem: postmortem.partial().strict().optional(),
      })
      .strict(),
    output: reviewView,
  },
  'review:mark': {
    input: z.discriminatedUnion('action', [
      z
        .object({
          action: z.literal('add'),
          roundId,
          kind: markKind,
          startMs: msFromStart,
          endMs: msFromStart.nullable(),
        })
        .strict(),
      z
        .object({
          action: z.literal('update'),
          roundId,
          markId: uuid(),
          startMs: msFromStart,
          endMs: msFromStart.nullable(),
        })
        .strict(),
      z.object({ action: z.literal('remove'), roundId, markId: uuid() }).strict(),
    ]),
    output: z.array(reviewMark),
  },
  /** Recorded rounds not yet scored, across sessions, newest first (by start time, then id), a page at a time. */
  'review:queue': {
    input: z.object(pageInput(100, 20)).strict(),
    output: page(reviewQueueEntry),
  },
  /** Recorded attempts at the same prompt as this round, newest first, a page at a time. */
  'review:attempts': {
    input: z.object({ roundId, ...pageInput(50, 10) }).strict(),
    /** total: every recorded attempt at the prompt, so attempts keep their numbers as older pages load. */
    output: page(reviewQueueEntry).extend({ total: z.number().int().min(0) }),
  },
  /** Postmortems' "what I'll change" lines, most recently edited first, a page at a time. */
  'review:changes': { input: z.object(pageInput(100, 10)).strict(), output: page(changeLine) },
} satisfies RequestSchemasFor;
