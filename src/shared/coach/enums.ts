/** The coach's stored enumerations (migration 0009's CHECK constraints are written from these). */
import { z } from 'zod';

/** Why a weekly action list was made: a week ended, or the candidate asked for one. */
export const actionListReason = z.enum(['week-end', 'request']);
export type ActionListReason = z.infer<typeof actionListReason>;

/** What an action was drawn from (docs/metrics.md, "Weekly action list"). */
export const actionKind = z.enum(['change', 'stumped', 'flag', 'weak-area', 'ramble']);
export type ActionKind = z.infer<typeof actionKind>;

/** Blind re-score prompts: "auto" stays off during the first week of use, then asks. */
export const rescoreSetting = z.enum(['auto', 'on', 'off']);
export type RescoreSetting = z.infer<typeof rescoreSetting>;
