/** The coach: fatigue across a loop, blind re-scores, retakes side by side and the weekly action list. */
import { z } from 'zod';
import { actionKind, actionListReason } from '../enums';
import { none, roundId, sessionId, type RequestSchemasFor } from './common';
import { scoreValue } from './review';
import { uuid } from '../uuid';

export const actionDraft = z.object({
  kind: actionKind,
  text: z.string(),
  why: z.string(),
  roundId: z.string().nullable(),
});
export type ActionDraft = z.infer<typeof actionDraft>;

export const fatigueSignal = z.enum(['thinkTime', 'followUpLatency', 'longPauses', 'overrun', 'score']);
export type FatigueSignal = z.infer<typeof fatigueSignal>;

/** One round's measured values (null: not measured or not scored). */
export const signalValues = z.object({
  thinkTime: z.number().nullable(),
  followUpLatency: z.number().nullable(),
  longPauses: z.number().nullable(),
  overrun: z.number().nullable(),
  score: z.number().nullable(),
});
export type SignalValues = z.infer<typeof signalValues>;

export const baseline = signalValues.extend({ rounds: z.number().int() });
export type Baseline = z.infer<typeof baseline>;

export const fatigueRound = z.object({
  roundId: z.string(),
  index: z.number().int(),
  title: z.string(),
  questionType: z.string(),
  values: signalValues,
  baseline,
  /** Per signal, −1 (much better than usual) … +1 (much worse); null without a value or a baseline. */
  deviations: signalValues,
  /** Mean of the deviations present; null when none is. */
  strain: z.number().nullable(),
});
export type FatigueRound = z.infer<typeof fatigueRound>;

export const sessionFatigue = z.object({
  sessionId: z.string(),
  title: z.string(),
  createdAt: z.number(),
  rounds: z.array(fatigueRound),
  /** At least two rounds with a strain: only then is there a trend. */
  multiRound: z.boolean(),
  trend: z
    .object({
      firstIndex: z.number().int(),
      lastIndex: z.number().int(),
      /** Last round's strain minus the first's: above 0 the candidate faded. */
      strainChange: z.number(),
      perSignal: signalValues,
    })
    .nullable(),
  recovery: z
    .object({
      worstIndex: z.number().int(),
      nextIndex: z.number().int(),
      worstStrain: z.number(),
      nextStrain: z.number(),
      recovered: z.boolean(),
    })
    .nullable(),
});
export type SessionFatigue = z.infer<typeof sessionFatigue>;

export const fatigueHistory = z.object({
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      title: z.string(),
      createdAt: z.number(),
      rounds: z.number().int(),
      strainChange: z.number(),
      firstStrain: z.number(),
      lastStrain: z.number(),
      recovered: z.boolean().nullable(),
    }),
  ),
  /** Mean first→last strain change over those sessions; null without any. */
  meanStrainChange: z.number().nullable(),
  /** Sessions with a bad round followed by another: how many came back to baseline. */
  recoveries: z.object({ recovered: z.number().int(), of: z.number().int() }),
});
export type FatigueHistory = z.infer<typeof fatigueHistory>;

export const dimension = z.enum(['clarity', 'rigor', 'speed']);
export type Dimension = z.infer<typeof dimension>;

export const rescorePair = z.object({
  answeredAt: z.number(),
  roundId: z.string(),
  title: z.string(),
  original: z.object({ clarity: z.number().nullable(), rigor: z.number().nullable(), speed: z.number().nullable() }),
  rescore: z.object({ clarity: z.number().nullable(), rigor: z.number().nullable(), speed: z.number().nullable() }),
});
export type RescorePair = z.infer<typeof rescorePair>;

export const dimensionDrift = z.object({
  dimension,
  pairs: z.number().int(),
  /** Mean |re-score − earlier score|, in rubric points; null without a pair. */
  meanAbsDiff: z.number().nullable(),
  /** Mean (re-score − earlier score): below 0 the earlier score was generous. */
  meanDiff: z.number().nullable(),
  /** Oldest first: each answered re-score's difference. */
  points: z.array(z.object({ at: z.number(), diff: z.number() })),
});
export type DimensionDrift = z.infer<typeof dimensionDrift>;

/** One score value's rounds and the mean of a measured signal over them (SQL GROUP BY score). */
export const scoreGroup = z.object({ score: z.number().int(), rounds: z.number().int(), meanSignal: z.number() });
export type ScoreGroup = z.infer<typeof scoreGroup>;

export const signalRelation = z.object({
  /** e.g. "speed score vs overrun". */
  score: dimension,
  signal: z.enum(['overrunSeconds', 'missedPoints']),
  groups: z.array(scoreGroup),
  /** Pearson's r of score and signal; an honest speed score runs against overrun (r < 0). */
  r: z.number().nullable(),
  rounds: z.number().int(),
});
export type SignalRelation = z.infer<typeof signalRelation>;

export const retakeAttempt = z.object({
  roundId: z.string(),
  sessionTitle: z.string(),
  startedAt: z.number().nullable(),
  durationMs: z.number().nullable(),
  thinkTimeMs: z.number().nullable(),
  coreAnswerMs: z.number().nullable(),
  /** Median response latency over the round's follow-ups. */
  followUpLatencyMs: z.number().nullable(),
  pointsCovered: z.number().int(),
  pointsMissed: z.number().int(),
  pointsTotal: z.number().int(),
  clarity: z.number().nullable(),
  rigor: z.number().nullable(),
  speed: z.number().nullable(),
  wentWell: z.string(),
  missed: z.string(),
  change: z.string(),
  mediaUrl: z.string().nullable(),
});
export type RetakeAttempt = z.infer<typeof retakeAttempt>;

export const retakeMeasure = z.enum([
  'durationMs',
  'thinkTimeMs',
  'coreAnswerMs',
  'followUpLatencyMs',
  'pointsCovered',
  'pointsMissed',
  'clarity',
  'rigor',
  'speed',
]);
export type RetakeMeasure = z.infer<typeof retakeMeasure>;

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
