/**
 * Fakes for driving the live runner under Node with vitest's fake timers: the world of
 * runner-world.ts, plus the fake clock and the helpers that advance it.
 */
import { vi } from 'vitest';

export * from './runner-world';
export const realTimers = () => vi.useRealTimers();

export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
}

/** Advances fake time in small steps until `condition` holds; throws naming `what` if it never does. */
export async function advanceUntil(condition: () => boolean, what: string, maxMs = 120_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited >= maxMs) throw new Error(`never happened within ${maxMs} ms of fake time: ${what}`);
    await vi.advanceTimersByTimeAsync(10);
  }
}

export const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
