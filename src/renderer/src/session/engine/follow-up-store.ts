/**
 * Stores asked follow-ups on the main side, strictly in order: first when a question starts being
 * spoken, again with its end (the same row: the index the first store returned); and the adaptive
 * mode's decisions, on the same queue, in the order they were made. A failed store is logged and
 * does not stop the round.
 */
import type { FollowUpDecision } from '@shared/contract';
import type { PendingAsk } from './follow-up-asker';
import type { Call } from './runner-deps';

export class FollowUpStore {
  private chain: Promise<unknown> = Promise.resolve();
  /** The stored index of each asked follow-up, by its key in the live log. */
  private readonly saved = new Map<number, number>();

  constructor(
    private readonly call: Call,
    private readonly warn: (...args: unknown[]) => void,
  ) {}

  /** Times on the recording's timeline. */
  record(roundId: string, key: number, ask: PendingAsk, spokenStartMs: number, spokenEndMs: number | null): void {
    this.chain = this.chain.then(async () => {
      try {
        const index = this.saved.get(key) ?? ask.index;
        const stored = await this.call('followup:record', {
          roundId,
          ...(index === undefined ? {} : { index }),
          text: ask.text,
          trigger: ask.trigger,
          scheduledMs: ask.scheduledMs,
          spokenStartMs,
          spokenEndMs,
        });
        this.saved.set(key, stored.index);
      } catch (error) {
        this.warn('followup:record failed', error);
      }
    });
  }

  /** One adaptive decision (asked or skipped, and why). */
  decision(roundId: string, decision: FollowUpDecision): void {
    this.chain = this.chain.then(async () => {
      try {
        await this.call('followup:decision', { roundId, decision });
      } catch (error) {
        this.warn('followup:decision failed', error);
      }
    });
  }

  /** Resolves once everything recorded so far has been sent. */
  drained(): Promise<unknown> {
    return this.chain;
  }
}
