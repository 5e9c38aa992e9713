/**
 * PLACEHOLDER (issue 19, replaced by the live feature before it lands): live listening is not built
 * yet, so every round says so and the session runs as before.
 */
import type { HandlerGroup } from '../infra/handlers';

export function liveHandlers(): HandlerGroup<'live'> {
  return {
    'live:start': () => ({ listening: false, reason: 'disabled', message: 'Live listening is not built yet.' }),
    'live:frames': () => ({ backlogMs: 0 }),
  };
}
