/** Errors cross the transport as data, never as thrown objects with stacks. */
import { z } from 'zod';

/**
 * 'disconnected' is made by the renderer's transport when the main side does not answer; 'busy' means
 * nothing was done and the same call may succeed in a moment (a locked database), so it is retried.
 */
export const apiErrorCode = z.enum([
  'bad-input',
  'not-found',
  'conflict',
  'unavailable',
  'busy',
  'disconnected',
  'internal',
]);
export const apiError = z.object({ code: apiErrorCode, message: z.string() });
export type ApiError = z.infer<typeof apiError>;
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
