/** Pieces every request module shares; not part of the public contract. */
import { z } from 'zod';
import type { RequestChannel } from '../channels';

/** A request channel's input schema (parsed on the main side) and output schema. */
export type RequestSchemas = { input: z.ZodType; output: z.ZodType };
/** One concern's share of the request channels; the index checks that together they cover every channel. */
export type RequestSchemasFor = Partial<Record<RequestChannel, RequestSchemas>>;

export const none = z.object({}).strict();
export const sessionId = z.string().uuid();
export const roundId = z.string().uuid();
export const recordingId = z.string().uuid();
export const msFromStart = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000);
