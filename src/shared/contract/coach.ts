/** The coach: fatigue across a loop, blind re-scores, retakes side by side and the weekly action list. */
import { z } from 'zod';
import { actionDraft } from '../coach/actions';
import { actionKind, actionListReason } from '../coach/enums';
import { fatigueHistory, sessionFatigue } from '../coach/fatigue';
import { dimensionDrift, signalRelation } from '../coach/rescore';
import { retakeAttempt } from '../coach/retake';
import { none, roundId, sessionId, type RequestSchemasFor } from './common';
import { scoreValue } from './review';
import { uuid } from '../uuid';

/** A blind re-score prompt: the round to listen to again, never its earlier scores. */
export const rescorePrompt = z.object({
  rescoreId: z.string(),
  roundId: z.string(),
  title: z.string(),
  prompt: z.string(),
  category: z.string(),
  startedAt: z.number().nullable(),
  mediaUrl: z.string().nullable(),
});
export type RescorePrompt = z.infer<typeof rescorePrompt>;

export const calibrationView = z.object({
  enabled: z.boolean(),
  drift: z.array(dimensionDrift),
  relations: z.array(signalRelation),
});
export type CalibrationView = z.infer<typeof calibrationView>;

export const actionItemView = actionDraft.extend({
  id: z.string(),
  kind: actionKind,
  doneAt: z.number().nullable(),
});
export const actionListView = z.object({
  id: z.string(),
  windowStart: z.number(),
  windowEnd: z.number(),
  reason: actionListReason,
  createdAt: z.number(),
  items: z.array(actionItemView),
});
export type ActionListView = z.infer<typeof actionListView>;

const dimensionScores = z.object({ clarity: scoreValue, rigor: scoreValue, speed: scoreValue });

export const coachRequests = {
  'coach:fatigue': { input: z.object({ sessionId }).strict(), output: sessionFatigue },
  /** Recent multi-round sessions, newest first, a page at a time. */
  'coach:fatigueHistory': {
    input: z
      .object({
        limit: z.number().int().min(1).max(200).default(30),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: fatigueHistory,
  },
  /** The open re-score prompt, a new one when one is due, or null (off, asked today, nothing old enough). */
  'coach:rescorePrompt': { input: none, output: rescorePrompt.nullable() },
  'coach:rescoreAnswer': {
    input: z
      .object({ rescoreId: uuid(), scores: dimensionScores })
      .strict()
      .refine((v) => Object.values(v.scores).some((s) => s !== null), 'give at least one score'),
    output: calibrationView,
  },
  'coach:rescoreDismiss': { input: z.object({ rescoreId: uuid() }).strict(), output: z.null() },
  'coach:calibration': { input: none, output: calibrationView },
  'coach:retake': { input: z.object({ roundId }).strict(), output: z.array(retakeAttempt) },
  /**
   * The latest action list. `weekStartMs` is when the candidate's current week began (local Monday
   * 00:00): if no list was made since, the week that ended then gets one now.
   */
  'coach:actions': {
    input: z.object({ weekStartMs: z.number().int().min(0) }).strict(),
    output: actionListView.nullable(),
  },
  /** A new list from the last seven days, on request. */
  'coach:actionsGenerate': { input: none, output: actionListView },
  'coach:actionCheck': {
    input: z.object({ itemId: uuid(), done: z.boolean() }).strict(),
    output: actionListView,
  },
} satisfies RequestSchemasFor;
