/**
 * The single entry point both transports call: checks the channel, parses the input with the
 * contract's zod schema, runs the handler and turns failures into coded errors (no stacks leak).
 */
import { isRequestChannel, type RequestChannel } from '../../../shared/channels';
import { requestContract, type ApiResult } from '../../../shared/contract';
import type { Handlers } from './handlers';

export async function dispatch(handlers: Handlers, channel: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
  if (!isRequestChannel(channel)) {
    return {
      ok: false,
      error: { code: 'bad-input', message: `Unknown channel ${JSON.stringify(String(channel)).slice(0, 100)}.` },
    };
  }
  let parsed: ReturnType<(typeof requestContract)[RequestChannel]['input']['safeParse']>;
  try {
    parsed = requestContract[channel].input.safeParse(rawInput ?? {});
  } catch {
    // Only in-process callers can build objects that make a validator throw (odd prototypes).
    return { ok: false, error: { code: 'bad-input', message: `Invalid input for ${channel}.` } };
  }
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
      .join('; ');
    return { ok: false, error: { code: 'bad-input', message: `Invalid input for ${channel}: ${detail}` } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    // Outputs are checked too: the renderer relies on the contract, not on the handler's good faith.
    const value = requestContract[channel].output.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toApiError(channel, error) };
  }
}

function toApiError(
  channel: RequestChannel,
  error: unknown,
): { code: 'not-found' | 'conflict' | 'unavailable' | 'busy' | 'internal'; message: string } {
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as { code?: unknown }).code;
  if (code === 'not-found' || code === 'conflict' || code === 'unavailable' || code === 'busy')
    return { code, message: err.message };
  if (code === 'ENOSPC')
    return {
      code: 'unavailable',
      message: 'The disk is full: free some space and try again. Nothing already saved was lost.',
    };
  console.error(`[loop-coach] ${channel} failed:`, err);
  return { code: 'internal', message: `${channel} failed: ${err.message}` };
}
