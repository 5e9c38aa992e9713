/**
 * The live runner's orchestration: rounds in order, the microphone and recording, the spoken prompt,
 * the answer cue, follow-ups on their clock, pause, breaks and every failure path. Imperative on
 * purpose (many awaits that a newer action may overtake); React reads it through subscribe/getState.
 *
 * `generation` changes whenever the current round is left (finished, ended, screen closed): every
 * async step checks it after each await, so nothing from a left round acts on the next one.
 */
import type { RequestInput, RoundView, SessionView } from '../../../../shared/contract';
import { defaultSettings } from '../../../../shared/contract';
import { call } from '../../api/client';
import { settingsResource } from '../../api/settings';
import { errorMessage } from '../../lib/errors';
import { playCue } from '../../session/cue-sound';
import { scheduleFollowUps, shouldAsk, type ScheduledFollowUp } from '../../session/follow-up-schedule';
import { MicrophoneError, microphoneMessages, openMicrophone, preferredMimeType } from '../../session/microphone';
import { expectedSpeechMs, pickVoice, Speaker, waitForVoices } from '../../session/speech';
import { VoiceActivityTracker } from '../../session/voice-activity';
import { sendWhileLeaving } from './page-exit';
import { RoundClock } from './round-clock';
import { RoundMedia, type MediaLoss } from './round-media';
import { initialState, type FollowUpTrigger, type RunnerState } from './runner-state';

const TICK_MS = 50;
/** Let the follow-up chime finish before the voice starts. */
const CUE_LEAD_MS = 400;

/** How early the chime sounds before a follow-up that has a fixed time. */
function chimeLead(followUp: ScheduledFollowUp): number {
  return followUp.trigger === 'scheduled' || followUp.trigger === 'jittered' ? CUE_LEAD_MS : 0;
}
export const SILENCE_WARNING_MS = 10_000;

type PendingAsk = { index?: number; text: string; trigger: FollowUpTrigger; scheduledMs: number | null };
type EventType = RequestInput<'session:event'>['type'];
type EventData = NonNullable<RequestInput<'session:event'>['data']>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SessionRunner {
  private state: RunnerState;
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private busy = false;
  private media: RoundMedia | null = null;
  private clock: RoundClock | null = null;
  private tracker = new VoiceActivityTracker();
  private levelSeen = false;
  private silenceWarned = false;
  private speakerPromise: Promise<Speaker> | null = null;
  private speaker: Speaker | null = null;
  private schedule: ScheduledFollowUp[] = [];
  private nextScheduled = 0;
  private plannedAsked = new Set<number>();
  private askQueue: Promise<void> = Promise.resolve();
  private recordChain: Promise<unknown> = Promise.resolve();
  private askKey = 0;
  private tickTimer: ReturnType<typeof setInterval> | null = null;
  private dueTimer: ReturnType<typeof setTimeout> | null = null;
  private breakTimer: ReturnType<typeof setInterval> | null = null;
  private breakEndsAt = 0;
  private resumeWaiters: (() => void)[] = [];
  private retryAction: (() => void) | null = null;

  constructor(session: SessionView) {
    this.state = initialState(session);
  }

  // ── store ────────────────────────────────────────────────────────────────────────────────────
  getState = (): RunnerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<RunnerState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private get round(): RoundView {
    return this.state.session.rounds[this.state.roundIndex]!;
  }

  // ── lifetime ─────────────────────────────────────────────────────────────────────────────────
  /** Mounted: listen for the page closing, fetch the current session state, warm up the voices. */
  attach(): void {
    window.addEventListener('pagehide', this.onPageHide);
    void waitForVoices().catch(() => undefined);
    if (this.state.phase === 'idle') {
      call('session:get', { sessionId: this.state.session.id }).then(
        (session) => {
          if (this.state.phase === 'idle') this.set({ session });
        },
        () => undefined,
      );
    }
  }

  /** Unmounted (e.g. navigating away mid-round): never leave the microphone open. */
  detach(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    if (this.state.phase === 'idle' || this.state.phase === 'complete') return;
    this.leaveRound();
    this.clearBreak();
    void this.media?.stop();
    this.media = null;
  }

  private onPageHide = () => {
    if (!this.media?.open) return;
    const round = this.round;
    sendWhileLeaving('session:event', {
      sessionId: this.state.session.id,
      roundId: round.id,
      type: 'window-closing',
      data: { ms: this.clock?.now() ?? 0 },
    });
    this.media.abandonForPageExit();
  };

  // ── entry ────────────────────────────────────────────────────────────────────────────────────
  async beginSession(): Promise<void> {
    await this.guard(async () => {
      await call('session:control', { sessionId: this.state.session.id, action: 'start' });
    });
    if (!this.state.error) void this.startRound(0);
  }

  /**
   * Continues an unfinished session at its next round. A round that already has audio (a closed
   * window, a crash) cannot be recorded again: it is closed as done (its audio kept) and the
   * runner continues with the round after it.
   */
  async resume(): Promise<void> {
    await this.guard(async () => {
      const sessionId = this.state.session.id;
      let session = await call('session:get', { sessionId });
      let index = session.rounds.findIndex((r) => r.status === 'pending' || r.status === 'running');
      const open = index >= 0 ? session.rounds[index]! : null;
      if (open?.status === 'running' && open.recording) {
        if (open.recording.status === 'recording') await call('recording:finish', { recordingId: open.recording.id });
        await call('round:end', { roundId: open.id, outcome: 'done' });
        index = session.rounds.findIndex((r, i) => i > index && r.status === 'pending');
      }
      await call('session:control', { sessionId, action: session.status === 'paused' ? 'resume' : 'start' });
      session = await call('session:get', { sessionId });
      if (index < 0) {
        await call('session:control', { sessionId, action: 'end' });
        session = await call('session:get', { sessionId });
        this.set({ session, phase: 'complete' });
      } else {
        this.set({ session });
        this.showReset(index);
      }
    });
  }

  // ── reset screen and breaks ──────────────────────────────────────────────────────────────────
  private showReset(index: number): void {
    this.set({
      phase: 'reset',
      roundIndex: index,
      paused: false,
      breakState: null,
      startProblem: null,
      recordingNotice: null,
      silent: false,
      error: null,
    });
    const round = this.round;
    this.log('round-reset-screen', { round: index + 1 }, round.id);
    const pause = round.breakBefore;
    if (!pause) return;
    this.breakEndsAt = performance.now() + pause.seconds * 1000;
    this.set({
      breakState: {
        seconds: pause.seconds,
        label: pause.label,
        note: pause.note,
        remainingMs: pause.seconds * 1000,
        over: false,
      },
    });
    this.log('break-started', { seconds: pause.seconds }, round.id);
    this.breakTimer = setInterval(() => {
      const remainingMs = Math.max(0, this.breakEndsAt - performance.now());
      if (remainingMs === 0) this.endBreak('elapsed');
      else if (this.state.breakState) this.set({ breakState: { ...this.state.breakState, remainingMs } });
    }, 250);
  }

  skipBreak(): void {
    this.endBreak('skipped');
  }

  private endBreak(how: 'elapsed' | 'skipped' | 'round-started'): void {
    const current = this.state.breakState;
    if (!current || current.over) return;
    this.clearBreak();
    const takenMs = Math.round(current.seconds * 1000 - Math.max(0, this.breakEndsAt - performance.now()));
    this.set({ breakState: { ...current, remainingMs: 0, over: true } });
    if (how === 'elapsed') playCue('time');
    this.log('break-ended', { how, takenMs }, this.round.id);
  }

  private clearBreak(): void {
    if (this.breakTimer) clearInterval(this.breakTimer);
    this.breakTimer = null;
  }

  // ── starting a round ─────────────────────────────────────────────────────────────────────────
  async startRound(index: number, options: { record: boolean } = { record: true }): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const generation = ++this.generation;
    this.endBreak('round-started');
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
      silent: false,
      error: null,
    });
    const round = this.round;
    this.schedule = [];
    this.nextScheduled = 0;
    this.plannedAsked = new Set(round.askedFollowUps.filter((f) => f.trigger !== 'adhoc').map((f) => f.index));
    this.set({ plannedLeft: round.followUps.length - this.plannedAsked.size });
    this.tracker = new VoiceActivityTracker();
    this.levelSeen = false;
    this.silenceWarned = false;
    try {
      if (options.record) {
        const media = await this.openMedia(round, generation);
        if (!media) return;
        this.media = media;
        try {
          this.clock = new RoundClock(await media.start());
        } catch (error) {
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
        this.clock = new RoundClock(performance.now());
      }
    } finally {
      this.busy = false;
    }
    if (generation !== this.generation) return;
    this.set({ pending: false });
    void this.runPrompt(generation);
  }

  /** Microphone, then the round's recording; null (and the start-problem phase) when either fails. */
  private async openMedia(round: RoundView, generation: number): Promise<RoundMedia | null> {
    let stream: MediaStream;
    try {
      stream = await openMicrophone();
    } catch (error) {
      const problem = error instanceof MicrophoneError ? error.problem : 'unknown';
      const message = error instanceof MicrophoneError ? error.message : microphoneMessages.unknown;
      this.log('mic-error', { problem }, round.id);
      if (generation === this.generation) this.set({ phase: 'start-problem', pending: false, startProblem: message });
      return null;
    }
    try {
      const { recording } = await call('round:begin', {
        sessionId: this.state.session.id,
        roundIndex: round.index,
        mimeType: preferredMimeType() || 'audio/webm',
      });
      if (generation !== this.generation) {
        for (const track of stream.getTracks()) track.stop();
        void call('recording:finish', { recordingId: recording.id }).catch(() => undefined);
        return null;
      }
      return new RoundMedia(stream, recording, {
        onLevel: (rms) => this.onLevel(rms, generation),
        onLost: (loss) => this.onMediaLost(loss, generation),
      });
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      if (generation === this.generation) {
        this.set({
          phase: 'start-problem',
          pending: false,
          startProblem: `The round’s recording could not start: ${errorMessage(error)}`,
        });
      }
      return null;
    }
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
    this.set({ phase: 'prompt' });
    const speaker = await this.getSpeaker(round);
    if (generation !== this.generation) return;
    let startMs: number;
    let endMs: number;
    if (speaker.available) {
      const spoken = await speaker.speak(round.prompt);
      if (generation !== this.generation) return;
      startMs = spoken.startedAt !== null ? clock.toClock(spoken.startedAt) : clock.now();
      endMs = spoken.startedAt !== null ? clock.toClock(spoken.endedAt) : clock.now();
      if (spoken.startedAt === null) this.log('speech-error', { what: 'prompt' }, round.id);
    } else {
      // No voice: give the reading time the voice would have taken.
      startMs = clock.now();
      await sleep(Math.max(1500, expectedSpeechMs(round.prompt, this.settings().speechRate) - 2500));
      endMs = clock.now();
    }
    await this.whenRunning();
    if (generation !== this.generation) return;
    this.log('prompt-spoken', { startMs, endMs }, round.id);
    playCue('answer');
    const answerCueMs = clock.now();
    this.log('answer-cue', { ms: answerCueMs }, round.id);
    this.schedule = scheduleFollowUps(round, this.state.session.followUpMode, Math.random).filter(
      (f) => !this.plannedAsked.has(f.index),
    );
    // Silence while the question was asked does not count towards the silence warning.
    this.tracker = new VoiceActivityTracker();
    this.set({ phase: 'answering', answerCueMs, clockMs: answerCueMs });
    this.tickTimer = setInterval(() => this.tick(generation), TICK_MS);
    this.armDueTimer(generation);
  }

  private settings() {
    return settingsResource.getState().data ?? defaultSettings;
  }

  private async getSpeaker(round: RoundView): Promise<Speaker> {
    this.speakerPromise ??= (async () => {
      const settings = this.settings();
      return new Speaker(pickVoice(await waitForVoices(), settings.voiceName), settings.speechRate);
    })();
    const speaker = await this.speakerPromise;
    this.speaker = speaker;
    if (!speaker.available && !this.state.voiceMissing) {
      this.set({ voiceMissing: true });
      this.log('voice-missing', {}, round.id);
    }
    return speaker;
  }

  // ── the clock: timer, follow-ups, silence ────────────────────────────────────────────────────
  private tick(generation: number): void {
    if (generation !== this.generation || this.state.phase !== 'answering' || this.state.paused) return;
    const clock = this.clock!;
    const cue = this.state.answerCueMs!;
    const now = clock.now();
    const voice = this.tracker.state;
    while (this.nextScheduled < this.schedule.length) {
      const followUp = this.schedule[this.nextScheduled]!;
      // Timed follow-ups chime a little early so the question itself starts on schedule.
      if (!shouldAsk(followUp, now - cue + chimeLead(followUp), voice)) break;
      this.nextScheduled++;
      this.plannedAsked.add(followUp.index);
      this.enqueue(
        { index: followUp.index, text: followUp.text, trigger: followUp.trigger, scheduledMs: cue + followUp.dueMs },
        generation,
      );
      this.armDueTimer(generation);
    }
    this.checkSilence(voice);
    if (Math.abs(now - this.state.clockMs) >= 200) this.set({ clockMs: now });
  }

  /** A timeout at the next due time, so scheduled follow-ups are punctual between ticks. */
  private armDueTimer(generation: number): void {
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.dueTimer = null;
    const next = this.schedule[this.nextScheduled];
    if (!next || this.state.paused || this.state.answerCueMs === null) return;
    const delay = Math.max(0, this.state.answerCueMs + next.dueMs - chimeLead(next) - this.clock!.now());
    this.dueTimer = setTimeout(() => this.tick(generation), delay + 1);
  }

  private onLevel(rms: number, generation: number): void {
    if (generation !== this.generation || this.state.paused) return;
    this.levelSeen = true;
    this.tracker.update(rms);
    const db = 20 * Math.log10(Math.max(rms, 1e-6));
    const level = Math.round(Math.min(1, Math.max(0, (db + 60) / 60)) * 100);
    if (level !== this.state.level) this.set({ level });
  }

  private checkSilence(voice: { speaking: boolean; silentForMs: number }): void {
    if (this.state.recording !== 'on' || !this.levelSeen) return;
    if (voice.speaking) {
      this.silenceWarned = false;
      if (this.state.silent) this.set({ silent: false });
    } else if (voice.silentForMs >= SILENCE_WARNING_MS && !this.silenceWarned) {
      this.silenceWarned = true;
      this.set({ silent: true });
      this.log('mic-silent', { ms: this.clock!.now() }, this.round.id);
    }
  }

  // ── asking follow-ups (one at a time) ────────────────────────────────────────────────────────
  askNextPlanned(): void {
    if (this.state.phase !== 'answering') return;
    const round = this.round;
    const index = round.followUps.findIndex((_, i) => !this.plannedAsked.has(i));
    if (index < 0) return;
    this.plannedAsked.add(index);
    this.set({ plannedLeft: round.followUps.length - this.plannedAsked.size });
    this.enqueue({ index, text: round.followUps[index]!.text, trigger: 'partner', scheduledMs: null }, this.generation);
  }

  askAdhoc(text: string): boolean {
    const trimmed = text.trim();
    if (this.state.phase !== 'answering' || !trimmed) return false;
    this.enqueue({ text: trimmed.slice(0, 1000), trigger: 'adhoc', scheduledMs: null }, this.generation);
    return true;
  }

  private enqueue(ask: PendingAsk, generation: number): void {
    this.askQueue = this.askQueue.then(() => this.ask(ask, generation)).catch((error) => console.warn(error));
  }

  private async ask(ask: PendingAsk, generation: number): Promise<void> {
    await this.whenRunning();
    if (generation !== this.generation) return;
    playCue('follow-up');
    // Speak at the scheduled moment when there is one (the chime came early), else after the chime.
    const untilDue = ask.scheduledMs !== null && this.clock ? ask.scheduledMs - this.clock.now() : CUE_LEAD_MS;
    await sleep(Math.max(0, Math.min(CUE_LEAD_MS, untilDue)));
    await this.whenRunning();
    if (generation !== this.generation) return;
    const round = this.round;
    const clock = this.clock!;
    const shownMs = clock.now();
    this.set({
      asked: [
        ...this.state.asked,
        { key: ++this.askKey, text: ask.text, trigger: ask.trigger, askedAtMs: shownMs - this.state.answerCueMs! },
      ],
    });
    let index = ask.index;
    const store = (spokenStartMs: number, spokenEndMs: number | null) => {
      this.recordChain = this.recordChain.then(async () => {
        try {
          const saved = await call('followup:record', {
            roundId: round.id,
            ...(index === undefined ? {} : { index }),
            text: ask.text,
            trigger: ask.trigger,
            scheduledMs: ask.scheduledMs,
            spokenStartMs,
            spokenEndMs,
          });
          index = saved.index;
        } catch (error) {
          console.warn('followup:record failed', error);
        }
      });
    };
    const speaker = this.speaker;
    if (!speaker?.available) {
      store(shownMs, shownMs);
      return;
    }
    let startMs: number | null = null;
    const spoken = await speaker.speak(ask.text, (at) => {
      startMs = clock.toClock(at);
      store(startMs, null);
    });
    if (startMs === null) {
      this.log('speech-error', { what: 'follow-up' }, round.id);
      store(shownMs, clock.toClock(spoken.endedAt));
    } else {
      store(startMs, Math.max(startMs, clock.toClock(spoken.endedAt)));
    }
  }

  // ── pause and resume ─────────────────────────────────────────────────────────────────────────
  async togglePause(): Promise<void> {
    if (this.state.phase !== 'prompt' && this.state.phase !== 'answering') return;
    const pausing = !this.state.paused;
    const round = this.round;
    const generation = this.generation;
    if (pausing) {
      this.media?.pause();
      this.clock?.pause();
      this.speaker?.cancel();
      if (this.dueTimer) clearTimeout(this.dueTimer);
      this.set({ paused: true, level: 0 });
    } else {
      this.clock?.resume();
      this.media?.resume();
      this.tracker = new VoiceActivityTracker();
      this.silenceWarned = false;
      this.set({ paused: false, silent: false });
      this.wakeWaiters();
      this.armDueTimer(generation);
    }
    this.log(pausing ? 'paused' : 'resumed', { ms: this.clock?.now() ?? 0 }, round.id);
    this.retryAction = null;
    await this.guard(async () => {
      await call('session:control', { sessionId: this.state.session.id, action: pausing ? 'pause' : 'resume' });
    });
  }

  private whenRunning(): Promise<void> {
    if (!this.state.paused) return Promise.resolve();
    return new Promise((resolve) => this.resumeWaiters.push(resolve));
  }

  private wakeWaiters(): void {
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const wake of waiters) wake();
  }

  // ── recording lost mid-round ─────────────────────────────────────────────────────────────────
  private onMediaLost(loss: MediaLoss, generation: number): void {
    if (generation !== this.generation) return;
    this.log(
      'mic-error',
      { problem: loss.kind === 'unplugged' ? 'unplugged' : 'upload-failed', message: loss.message.slice(0, 500) },
      this.round.id,
    );
    this.set({ recording: 'stopped', recordingNotice: loss.message, level: 0, silent: false });
  }

  // ── leaving a round ──────────────────────────────────────────────────────────────────────────
  /** Stops the round's timers, speech and queued follow-ups (the audio is stopped separately). */
  private leaveRound(): void {
    this.generation++;
    if (this.tickTimer) clearInterval(this.tickTimer);
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.tickTimer = this.dueTimer = null;
    this.speaker?.cancel();
    this.wakeWaiters();
    this.askQueue = Promise.resolve();
  }

  /** "Next round" / "Finish session" (done) and "Skip round" (skipped): the audio is kept either way. */
  async finishRound(outcome: 'done' | 'skipped'): Promise<void> {
    const { phase } = this.state;
    if (phase !== 'prompt' && phase !== 'answering' && phase !== 'finishing') return;
    this.leaveRound();
    const wasPaused = this.state.paused;
    this.set({ phase: 'finishing', paused: false });
    this.retryAction = () => void this.finishRound(outcome);
    await this.guard(async () => {
      const sessionId = this.state.session.id;
      const index = this.state.roundIndex;
      await this.media?.stop();
      await this.recordChain;
      await call('round:end', { roundId: this.round.id, outcome });
      if (wasPaused) await call('session:control', { sessionId, action: 'resume' });
      const last = index >= this.state.session.rounds.length - 1;
      if (last) await call('session:control', { sessionId, action: 'end' });
      const session = await call('session:get', { sessionId });
      this.media = null;
      this.set({ session });
      if (last) this.set({ phase: 'complete' });
      else this.showReset(index + 1);
    });
  }

  /** "End session" (after confirming): the current round's audio is kept, later rounds are left out. */
  async endSession(): Promise<void> {
    const { phase } = this.state;
    await this.endWith(phase === 'prompt' || phase === 'answering' || phase === 'finishing');
  }

  private async endWith(inRound: boolean): Promise<void> {
    this.leaveRound();
    this.clearBreak();
    this.set({ phase: 'finishing', paused: false, breakState: null });
    this.retryAction = () => void this.endWith(inRound);
    await this.guard(async () => {
      const sessionId = this.state.session.id;
      await this.media?.stop();
      await this.recordChain;
      if (inRound) await call('round:end', { roundId: this.round.id, outcome: 'done' });
      await call('session:control', { sessionId, action: 'end' });
      const session = await call('session:get', { sessionId });
      this.media = null;
      this.set({ session, phase: 'complete', endedEarly: true });
    });
  }

  dismissError(): void {
    this.set({ error: null });
  }

  retry(): void {
    const action = this.retryAction;
    this.set({ error: null });
    action?.();
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────
  /** Runs an action with the controls disabled; a failure becomes a visible error. */
  private async guard(action: () => Promise<void>): Promise<void> {
    this.set({ pending: true, error: null });
    try {
      await action();
      this.set({ pending: false });
    } catch (error) {
      this.set({ pending: false, error: errorMessage(error) });
    }
  }

  private log(type: EventType, data: EventData, roundId?: string): void {
    void call('session:event', { sessionId: this.state.session.id, type, data, ...(roundId ? { roundId } : {}) }).catch(
      (error: unknown) => console.warn('session:event failed', type, error),
    );
  }
}
