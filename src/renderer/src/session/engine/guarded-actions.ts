/**
 * The runner's calls to the main side as guarded actions: the controls are disabled while one
 * runs, a failure becomes the visible error, and "Try again" repeats the action last set to retry.
 */
import type { RunnerStore } from './runner-store';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class GuardedActions {
  /** What "Try again" repeats; null when there is nothing to repeat. */
  retryAction: (() => void) | null = null;

  constructor(private readonly store: RunnerStore) {}

  /** Runs an action with the controls disabled; a failure becomes a visible error. */
  async run(action: () => Promise<void>): Promise<void> {
    this.store.set({ pending: true, error: null });
    try {
      await action();
      this.store.set({ pending: false });
    } catch (error) {
      this.store.set({ pending: false, error: errorMessage(error) });
    }
  }

  dismissError(): void {
    this.store.set({ error: null });
  }

  retry(): void {
    const action = this.retryAction;
    this.store.set({ error: null });
    action?.();
  }
}
