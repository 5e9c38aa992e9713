/**
 * The runner's screen being mounted and unmounted, and the page closing under a round: while
 * attached it listens for pagehide (to log the window closing and save what it can of the
 * recording); detaching stops that listener and hands the round's teardown back to the runner.
 */
import type { RoundView } from '@shared/contract';
import type { MediaPort, RunnerDeps } from './runner-deps';
import type { RoundClock } from './round-clock';
import type { RunnerStore } from './runner-store';

export type PageLifetimeDeps = {
  deps: Pick<RunnerDeps, 'onPageHide' | 'loadVoices' | 'call' | 'sendWhileLeaving'>;
  store: RunnerStore;
  /** The current round's recording and clock (null when there is none). */
  media: () => MediaPort | null;
  clock: () => RoundClock | null;
  round: () => RoundView;
  /** Unmounted: stop the break countdown and leave any round in progress. */
  onDetach: () => void;
};

export class PageLifetime {
  private attachedNow = false;
  private unsubscribePageHide: (() => void) | null = null;

  constructor(private readonly lifetime: PageLifetimeDeps) {}

  get attached(): boolean {
    return this.attachedNow;
  }

  /** Mounted: listen for the page closing, fetch the current session state, warm up the voice. */
  attach(): void {
    if (this.attachedNow) return;
    this.attachedNow = true;
    const { deps, store } = this.lifetime;
    this.unsubscribePageHide = deps.onPageHide(this.onPageHide);
    // Voices load asynchronously: ask for them now so the first round does not wait.
    deps.loadVoices();
    if (store.getState().phase === 'idle') {
      deps.call('session:get', { sessionId: store.getState().session.id }).then(
        (session) => {
          if (store.getState().phase === 'idle') store.set({ session });
        },
        () => undefined,
      );
    }
  }

  /** Unmounted (e.g. navigating away mid-round): never leave the microphone open or a timer running. */
  detach(): void {
    this.attachedNow = false;
    this.unsubscribePageHide?.();
    this.unsubscribePageHide = null;
    this.lifetime.onDetach();
  }

  private onPageHide = () => {
    const { deps, store } = this.lifetime;
    const media = this.lifetime.media();
    if (!media?.open) return;
    deps.sendWhileLeaving('session:event', {
      sessionId: store.getState().session.id,
      roundId: this.lifetime.round().id,
      type: 'window-closing',
      data: { ms: this.lifetime.clock()?.now() ?? 0 },
    });
    media.abandonForPageExit();
  };
}
