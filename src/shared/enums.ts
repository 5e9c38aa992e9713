/**
 * Every enumeration the app stores: one zod schema each, the single source for the IPC contract
 * (re-exported by contract.ts), the export format, the metrics and the SQLite schema (its CHECK
 * constraints are generated from these lists). Kept apart from contract.ts so that metrics.ts,
 * which contract.ts imports, can use them too.
 */
import { z } from 'zod';

/** Where a content file came from: the app's own library or the user's folder. */
export const origin = z.enum(['builtin', 'user']);
export type Origin = z.infer<typeof origin>;

export const followUpMode = z.enum(['scheduled', 'jittered', 'at-pause', 'pressure', 'partner', 'adaptive']);
export type FollowUpMode = z.infer<typeof followUpMode>;

/** How a follow-up came to be asked: a mode's schedule, or typed by a partner ("adhoc"). */
export const followUpTrigger = z.enum([...followUpMode.options, 'adhoc']);
export type FollowUpTrigger = z.infer<typeof followUpTrigger>;

export const sessionStatus = z.enum(['planned', 'running', 'paused', 'ended', 'abandoned']);
export type SessionStatus = z.infer<typeof sessionStatus>;

export const roundStatus = z.enum(['pending', 'running', 'done', 'skipped', 'recovered']);
export type RoundStatus = z.infer<typeof roundStatus>;

export const recordingStatus = z.enum(['recording', 'finalized', 'recovered', 'failed']);
export type RecordingStatus = z.infer<typeof recordingStatus>;

export const markKind = z.enum(['ramble', 'core-answer', 'assumption', 'failure-mode']);
export type MarkKind = z.infer<typeof markKind>;

/** A stored speech analysis; the API adds "none" for a round that has none yet. */
export const analysisStatus = z.enum(['pending', 'done', 'failed']);
export type AnalysisStatus = z.infer<typeof analysisStatus>;

/** A stored transcript's state; the API adds "none" for a round that has none yet. */
export const transcriptStatus = z.enum(['pending', 'running', 'done', 'failed']);
export type TranscriptStatus = z.infer<typeof transcriptStatus>;

/** How the candidate ticked one expected point in review (null: not yet ticked). */
export const pointVerdict = z.enum(['covered', 'missed']);
export type PointVerdict = z.infer<typeof pointVerdict>;

export const flagId = z.enum(['long-preamble', 'over-budget', 'over-target', 'long-follow-up-answer', 'front-loaded']);
export type FlagId = z.infer<typeof flagId>;

// The coach's stored enumerations (migration 0009's CHECK constraints are written from these).
/** Why a weekly action list was made: a week ended, or the candidate asked for one. */
export const actionListReason = z.enum(['week-end', 'request']);
export type ActionListReason = z.infer<typeof actionListReason>;

/** What an action was drawn from (docs/metrics.md, "Weekly action list"). */
export const actionKind = z.enum(['change', 'stumped', 'flag', 'weak-area', 'ramble']);
export type ActionKind = z.infer<typeof actionKind>;

/** Blind re-score prompts: "auto" stays off during the first week of use, then asks. */
export const rescoreSetting = z.enum(['auto', 'on', 'off']);
export type RescoreSetting = z.infer<typeof rescoreSetting>;

/** The values of a zod enum as the non-empty tuple drizzle's `text(…, { enum })` wants. */
export function enumValues<T extends string>(schema: z.ZodType<T> & { options: readonly T[] }): [T, ...T[]] {
  const [first, ...rest] = schema.options;
  if (first === undefined) throw new Error('an enum needs at least one value');
  return [first, ...rest];
}
