/**
 * session:allocation — where a session's time went, per started round, computed on the main side in
 * one query (the chart used to ask session:get and then analysis:get once per round).
 */
import { z } from 'zod';
import { sessionId, type RequestSchemasFor } from './common';

/** How a round's answering time was spent, in seconds (src/shared/time-allocation.ts computes it). */
export const timeAllocationView = z.object({
  budgetSeconds: z.number(),
  /** Answering time (answer cue → end of the recording). */
  actualSeconds: z.number(),
  thinkSeconds: z.number(),
  coreAnswerSeconds: z.number(),
  followUpsSeconds: z.number(),
  overrunSeconds: z.number(),
});
export type TimeAllocationView = z.infer<typeof timeAllocationView>;

export const allocationRow = z.object({
  roundId: z.string(),
  /** "Round 1", "Round 2"… by the round's place in the session. */
  label: z.string(),
  title: z.string(),
  budgetSeconds: z.number(),
  /** Null when the round has no analysed recording. */
  allocation: timeAllocationView.nullable(),
});
export type AllocationRow = z.infer<typeof allocationRow>;

export const sessionAllocation = z.object({
  session: z.object({ id: z.string(), title: z.string(), createdAt: z.number().int() }),
  rows: z.array(allocationRow),
});
export type SessionAllocation = z.infer<typeof sessionAllocation>;

export const allocationRequests = {
  'session:allocation': { input: z.object({ sessionId }).strict(), output: sessionAllocation },
} satisfies RequestSchemasFor;
