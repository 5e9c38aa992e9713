/** Pieces every request module shares; not part of the public contract. */
import { z } from 'zod';
import type { RequestChannel } from '../channels';
import { uuid } from '../uuid';

/** A request channel's input schema (parsed on the main side) and output schema. */
export type RequestSchemas = { input: z.ZodType; output: z.ZodType };
/** One concern's share of the request channels; the index checks that together they cover every channel. */
export type RequestSchemasFor = Partial<Record<RequestChannel, RequestSchemas>>;

export const none = z.object({}).strict();
export const sessionId = uuid();
export const roundId = uuid();
export const recordingId = uuid();
export const msFromStart = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000);
