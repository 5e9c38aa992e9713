/**
 * The screen between rounds: what comes next, and on circuits the break before it, counted down on
 * performance.now()'s clock. The break ends once: when it elapses (with the time cue), when it is
 * skipped, or when the next round starts early.
 */
import { BreakTimer } from './break-timer';
import type { RunnerDeps, RunnerLog } from './runner-deps';
import type { RunnerStore } from './runner-store';

export type BreakEnd = 'elapsed' | 'skipped' | 'round-started';

export type ResetScreenDeps = {
  store: RunnerStore;
  timers: RunnerDeps['timers'];
  cue: RunnerDeps['cue'];
  log: RunnerLog;
  /** Whether the runner's screen is mounted (a countdown nobody sees is never started). */
  attached: () => boolean;
};

export class ResetScreen {
  private readonly breakTimer: BreakTimer;

  constructor(private readonly deps: ResetScreenDeps) {
    this.breakTimer = new BreakTimer(deps.timers);
  }

  private get round() {
    const state = this.deps.store.getState();
    return state.session.rounds[state.roundIndex]!;
  }

  /** Shows the reset screen before round `index`, starting its break if it has one. */
  show(index: number): void {
    const { store, log } = this.deps;
    store.set({
      phase: 'reset',
      roundIndex: index,
      paused: false,
      breakState: null,
      startProblem: null,
      recordingNotice: null,
      notSaving: null,
      silent: false,
      error: null,
    });
    const round = this.round;
    log('round-reset-screen', { round: index + 1 }, round.id);
    const pause = round.breakBefore;
    // Unmounted meanwhile: nobody would see the countdown, and nothing would stop it.
    if (!pause || !this.deps.attached()) return;
    store.set({
      breakState: {
        seconds: pause.seconds,
        label: pause.label,
        note: pause.note,
        remainingMs: pause.seconds * 1000,
        over: false,
      },
    });
    log('break-started', { seconds: pause.seconds }, round.id);
    this.breakTimer.start(
      pause.seconds * 1000,
      (remainingMs) => {
        const breakState = store.getState().breakState;
        if (breakState) store.set({ breakState: { ...breakState, remainingMs } });
      },
      () => this.endBreak('elapsed'),
    );
  }

  /** Ends a running break (once); nothing happens when there is none. */
  endBreak(how: BreakEnd): void {
    const { store } = this.deps;
    const current = store.getState().breakState;
    if (!current || current.over) return;
    const takenMs = how === 'elapsed' ? current.seconds * 1000 : this.breakTimer.takenMs;
    this.breakTimer.stop();
    store.set({ breakState: { ...current, remainingMs: 0, over: true } });
    if (how === 'elapsed') this.deps.cue('time');
    this.deps.log('break-ended', { how, takenMs }, this.round.id);
  }

  /** Stops the countdown without ending the break (the screen is going away). */
  stopTimer(): void {
    this.breakTimer.stop();
  }
}
