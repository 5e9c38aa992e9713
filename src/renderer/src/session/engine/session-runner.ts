/**
 * The live runner's round lifecycle: rounds in order, the microphone and recording, the prompt,
 * the answer cue, pause, finishing and every failure path. The parts with one concern each live
 * beside it (store, reset screen and breaks, page lifetime, speaker, guarded actions, recording
 * trouble, voice notices, follow-up clock and asker, prompt speaker, pause gate); everything from
 * the outside world comes in through `RunnerDeps`.
 *
 * `generation` changes whenever the current round is left (finished, ended, screen closed): every
 * async step checks it after each await, so nothing from a left round acts on the next one.
 */
import type { RoundView, SessionView } from '@shared/contract';
import { FollowUpStore } from './follow-up-store';
import { errorMessage, GuardedActions } from './guarded-actions';
import { PageLifetime } from './page-lifetime';
import { PauseGate } from './pause-gate';
import { speakPrompt } from './prompt-speaker';
import { reopenSession } from './recovered-session';
import { RecordingTrouble } from './recording-trouble';
import { plannedAskedBefore, RoundFollowUps } from './round-follow-ups';
import { RoundClock } from './round-clock';
import { openRound, type RoundLive } from './round-opening';
import { ResetScreen } from './reset-screen';
import type { MediaPort, RunnerDeps, RunnerLog } from './runner-deps';
import { RunnerSpeaker } from './runner-speaker';
import type { RunnerState } from './runner-state';
import { RunnerStore } from './runner-store';
import { VoiceMonitor } from './voice-monitor';
import { VoiceNotices } from './voice-notices';

export { SILENCE_WARNING_MS } from './voice-monitor';

export class SessionRunner {
  private readonly store: RunnerStore;
  private generation = 0;
  private busy = false;
  private resuming: Promise<void> | null = null;
  private media: MediaPort | null = null;
  private live: RoundLive | null = null;
  private clock: RoundClock | null = null;
  private followUps: RoundFollowUps | null = null;
  private readonly gate = new PauseGate();
  private readonly resetScreen: ResetScreen;
  private readonly page: PageLifetime;
  private readonly voice: VoiceMonitor;
  private readonly voiceNotices: VoiceNotices;
  private readonly followUpStore: FollowUpStore;
  private readonly speaker: RunnerSpeaker;
  private readonly actions: GuardedActions;
  private readonly trouble: RecordingTrouble;
  private askKey = 0;

  constructor(
    session: SessionView,
    private readonly deps: RunnerDeps,
  ) {
    this.store = new RunnerStore(session);
    this.resetScreen = new ResetScreen({
      store: this.store,
      timers: deps.timers,
      cue: deps.cue,
      log: this.log,
      attached: () => this.page.attached,
    });
    this.page = new PageLifetime({
      deps,
      store: this.store,
      media: () => this.media,
      clock: () => this.clock,
      round: () => this.round,
      onDetach: () => this.onDetach(),
    });
    this.voice = new VoiceMonitor(deps.timers.now);
    const roundId = () => this.round.id;
    const [store, log, voice] = [this.store, this.log, this.voice];
    this.voiceNotices = new VoiceNotices({ store, voice, log, roundId, roundMs: () => this.clock!.now() });
    this.followUpStore = new FollowUpStore(deps.call, deps.warn);
    this.speaker = new RunnerSpeaker({ makeSpeaker: () => deps.makeSpeaker(), store, log, roundId });
    this.actions = new GuardedActions(store);
    this.trouble = new RecordingTrouble({ store, log, roundId, followUps: () => this.followUps });
  }

  // ── store ────────────────────────────────────────────────────────────────────────────────────
  getState = (): RunnerState => this.store.getState();
  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  private get state(): RunnerState {
    return this.store.getState();
  }

  private set(patch: Partial<RunnerState>): void {
    this.store.set(patch);
  }

  private get round(): RoundView {
    return this.state.session.rounds[this.state.roundIndex]!;
  }

  // ── lifetime (page-lifetime.ts) ──────────────────────────────────────────────────────────────
  attach = (): void => this.page.attach();
  detach = (): void => this.page.detach();

  private onDetach(): void {
    this.resetScreen.stopTimer();
    if (this.state.phase === 'idle' || this.state.phase === 'complete') return;
    this.leaveRound();
    void this.media?.stop();
    this.media = null;
  }

  // ── entry ────────────────────────────────────────────────────────────────────────────────────
  async beginSession(): Promise<void> {
    await this.actions.run(async () => {
      await this.deps.call('session:control', { sessionId: this.state.session.id, action: 'start' });
    });
    if (!this.state.error) void this.startRound(0);
  }

  /**
   * Continues an unfinished session at its next round. A round that already has audio (a closed
   * window, a crash) cannot be recorded again: it is closed as done (its audio kept) and the
   * runner continues with the round after it. Asking twice (React StrictMode runs effects twice)
   * resumes once.
   */
  resume(): Promise<void> {
    if (this.state.phase !== 'idle') return this.resuming ?? Promise.resolve();
    this.resuming ??= this.actions.run(() => this.resumeSession()).finally(() => (this.resuming = null));
    return this.resuming;
  }

  private async resumeSession(): Promise<void> {
    const { session, nextIndex } = await reopenSession(this.deps.call, this.state.session.id);
    this.set({ session });
    if (nextIndex === null) this.set({ phase: 'complete' });
    else this.resetScreen.show(nextIndex);
  }

  // ── reset screen and breaks (reset-screen.ts) ─────────────────────────────────────────────────
  skipBreak = (): void => this.resetScreen.endBreak('skipped');

  // ── starting a round ─────────────────────────────────────────────────────────────────────────
  async startRound(index: number, options: { record: boolean } = { record: true }): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const generation = ++this.generation;
    this.resetScreen.endBreak('round-started');
    this.set({
      phase: 'starting',
      pending: true,
      roundIndex: index,
      paused: false,
      recording: options.record ? 'on' : 'off',
      clockMs: 0,
      answerCueMs: null,
      level: 0,
      asked: [],
      startProblem: null,
      recordingNotice: null,
      notSaving: null,
      silent: false,
      error: null,
    });
    const round = this.round;
    this.set({ plannedLeft: round.followUps.length - plannedAskedBefore(round).size });
    this.voice.reset({ forgetLevel: true });
    // Load the synthesiser while the microphone opens, before anything has to start on time (after
    // the click that started the round: browsers refuse speech without a user gesture).
    void this.speaker.get().then((speaker) => (speaker.available ? speaker.warm() : undefined));
    try {
      if (options.record) {
        const media = await this.openMedia(round, generation);
        if (!media) return;
        this.media = media;
        try {
          const t0 = await media.start();
          this.clock = new RoundClock(t0, this.deps.timers.now);
          const live = this.live;
          void live?.source.start({ roundId: round.id, recordingId: live.recordingId, recordingStartPerfMs: t0 });
        } catch (error) {
          this.stopLive();
          void media.stop();
          this.media = null;
          this.set({
            phase: 'start-problem',
            pending: false,
            startProblem: `Recording could not start (${errorMessage(error)}).`,
          });
          return;
        }
      } else {
        this.media = null;
        this.clock = new RoundClock(this.deps.timers.now(), this.deps.timers.now);
      }
    } finally {
      this.busy = false;
    }
    if (generation !== this.generation) return;
    this.set({ pending: false });
    void this.runPrompt(generation);
  }

  /** Microphone, then the round's recording; null (and the start-problem phase) when either fails. */
  private async openMedia(round: RoundView, generation: number): Promise<MediaPort | null> {
    const opening = await openRound(this.deps, this.state.session.id, round, () => generation === this.generation, {
      onLevel: (rms) => {
        if (generation === this.generation) this.voiceNotices.level(rms);
      },
      onLost: (loss) => {
        if (generation === this.generation) this.trouble.lost(loss);
      },
      onUploadStatus: (status) => {
        if (generation === this.generation) this.trouble.uploadStatus(status);
      },
    });
    if (opening.kind === 'open') {
      this.live = opening.live;
      return opening.media;
    }
    if (opening.kind === 'problem') {
      if (opening.micProblem) this.log('mic-error', { problem: opening.micProblem }, round.id);
      if (generation === this.generation) {
        this.set({ phase: 'start-problem', pending: false, startProblem: opening.message });
      }
    }
    return null;
  }

  retryStart(): void {
    void this.startRound(this.state.roundIndex);
  }

  continueWithoutRecording(): void {
    void this.startRound(this.state.roundIndex, { record: false });
  }

  // ── prompt and answer cue ────────────────────────────────────────────────────────────────────
  private async runPrompt(generation: number): Promise<void> {
    const round = this.round;
    const clock = this.clock!;
    const current = () => generation === this.generation;
    this.set({ phase: 'prompt' });
    const speaker = await this.speaker.get();
    if (!current()) return;
    const times = await speakPrompt(round.prompt, {
      speaker,
      clock,
      gate: this.gate,
      timers: this.deps.timers,
      speechRate: this.deps.speechRate(),
      current,
    });
    if (!times || !current()) return;
    if (times.speechFailed) this.log('speech-error', { what: 'prompt' }, round.id);
    this.log('prompt-spoken', { startMs: times.startMs, endMs: times.endMs }, round.id);
    this.deps.cue('answer');
    const answerCueMs = clock.now();
    this.log('answer-cue', { ms: answerCueMs }, round.id);
    // Silence while the question was asked does not count towards the silence warning.
    this.voice.reset();
    this.set({ phase: 'answering', answerCueMs, clockMs: answerCueMs });
    this.followUps = new RoundFollowUps({
      deps: this.deps,
      round,
      mode: this.state.session.followUpMode,
      clock,
      gate: this.gate,
      speaker,
      answerCueMs,
      voice: () => this.voice.activity,
      current,
      onTick: (now) => this.onTick(now),
      onShown: (ask, roundMs) => {
        const key = ++this.askKey;
        this.set({ asked: [...this.state.asked, { key, text: ask.text, trigger: ask.trigger, recordingMs: roundMs }] });
        return key;
      },
      onSpoken: (key, ask, startMs, endMs) => {
        // The log shows the spoken start: the same moment the review's marker shows.
        this.set({ asked: this.state.asked.map((a) => (a.key === key ? { ...a, recordingMs: startMs } : a)) });
        this.followUpStore.record(round.id, key, ask, startMs, endMs);
      },
      onSpeechError: () => this.log('speech-error', { what: 'follow-up' }, round.id),
    });
    if (this.state.notSaving) this.followUps.hold('not-saving');
    this.followUps.start();
  }

  // ── the clock: timer, follow-ups, silence ────────────────────────────────────────────────────
  private onTick(now: number): void {
    this.voiceNotices.checkSilence();
    if (Math.abs(now - this.state.clockMs) >= 200) this.set({ clockMs: now });
  }

  // ── partner and ad hoc follow-ups ────────────────────────────────────────────────────────────
  askNextPlanned(): void {
    if (this.state.phase !== 'answering' || !this.followUps?.askNextPlanned()) return;
    this.set({ plannedLeft: this.followUps.plannedLeft });
  }

  askAdhoc(text: string): boolean {
    if (this.state.phase !== 'answering' || !this.followUps) return false;
    return this.followUps.askAdhoc(text);
  }

  // ── pause and resume ─────────────────────────────────────────────────────────────────────────
  async togglePause(): Promise<void> {
    if (this.state.phase !== 'prompt' && this.state.phase !== 'answering') return;
    const pausing = !this.state.paused;
    const round = this.round;
    if (pausing) {
      this.media?.pause();
      this.live?.source.pause();
      this.clock?.pause();
      this.gate.pause();
      this.followUps?.hold('paused');
      // Cut off: the prompt or follow-up is said again from the start at resume.
      this.speaker.cancel();
      this.set({ paused: true, level: 0 });
    } else {
      this.clock?.resume();
      this.media?.resume();
      this.live?.source.resume();
      this.voice.reset();
      this.set({ paused: false, silent: false });
      this.gate.resume();
      this.followUps?.release('paused');
    }
    this.log(pausing ? 'paused' : 'resumed', { ms: this.clock?.now() ?? 0 }, round.id);
    this.actions.retryAction = null;
    await this.actions.run(async () => {
      await this.deps.call('session:control', {
        sessionId: this.state.session.id,
        action: pausing ? 'pause' : 'resume',
      });
    });
  }

  // ── leaving a round ──────────────────────────────────────────────────────────────────────────
  /** Stops the round's timers, speech and queued follow-ups (the audio is stopped separately). */
  private leaveRound(): void {
    this.generation++;
    this.followUps?.stop();
    this.followUps = null;
    this.speaker.cancel();
    this.gate.resume();
    this.stopLive();
  }

  private stopLive(): void {
    this.live?.source.stop();
    this.live = null;
  }

  /** "Next round" / "Finish session" (done) and "Skip round" (skipped): the audio is kept either way. */
  async finishRound(outcome: 'done' | 'skipped'): Promise<void> {
    const { phase } = this.state;
    if (phase !== 'prompt' && phase !== 'answering' && phase !== 'finishing') return;
    this.leaveRound();
    const wasPaused = this.state.paused;
    this.set({ phase: 'finishing', paused: false, notSaving: null });
    this.actions.retryAction = () => void this.finishRound(outcome);
    await this.actions.run(async () => {
      const { call } = this.deps;
      const sessionId = this.state.session.id;
      const index = this.state.roundIndex;
      await this.media?.stop();
      await this.followUpStore.drained();
      await call('round:end', { roundId: this.round.id, outcome });
      if (wasPaused) await call('session:control', { sessionId, action: 'resume' });
      const last = index >= this.state.session.rounds.length - 1;
      if (last) await call('session:control', { sessionId, action: 'end' });
      const session = await call('session:get', { sessionId });
      this.media = null;
      this.set({ session });
      if (last) this.set({ phase: 'complete' });
      else this.resetScreen.show(index + 1);
    });
  }

  /** "End session" (after confirming): the current round's audio is kept, later rounds are left out. */
  async endSession(): Promise<void> {
    const { phase } = this.state;
    await this.endWith(phase === 'prompt' || phase === 'answering' || phase === 'finishing');
  }

  private async endWith(inRound: boolean): Promise<void> {
    this.leaveRound();
    this.resetScreen.stopTimer();
    this.set({ phase: 'finishing', paused: false, breakState: null, notSaving: null });
    this.actions.retryAction = () => void this.endWith(inRound);
    await this.actions.run(async () => {
      const { call } = this.deps;
      const sessionId = this.state.session.id;
      await this.media?.stop();
      await this.followUpStore.drained();
      if (inRound) await call('round:end', { roundId: this.round.id, outcome: 'done' });
      await call('session:control', { sessionId, action: 'end' });
      const session = await call('session:get', { sessionId });
      this.media = null;
      this.set({ session, phase: 'complete', endedEarly: true });
    });
  }

  dismissError = (): void => this.actions.dismissError();
  retry = (): void => this.actions.retry();

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────
  private log: RunnerLog = (type, data, roundId) => {
    void this.deps
      .call('session:event', { sessionId: this.state.session.id, type, data, ...(roundId ? { roundId } : {}) })
      .catch((error: unknown) => this.deps.warn('session:event failed', type, error));
  };
}
