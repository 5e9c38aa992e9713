/**
 * One round's follow-ups after the answer cue: the planned ones on the follow-up clock (per mode;
 * in the adaptive mode each is decided by the rules first, and late probes come at ends of thought),
 * the partner's and ad hoc ones on request, all asked one at a time by the asker.
 */
import type { FollowUpDecision, FollowUpMode, RoundView } from '@shared/contract';
import type { Heard } from './adaptive-rules';
import { AdaptiveRound } from './adaptive-round';
import { followUpModes } from './follow-up-modes';
import { scheduleFollowUps, type VoiceActivity } from './follow-up-schedule';
import { FollowUpAsker, type AskerContext } from './follow-up-asker';
import { FollowUpClock, type HoldReason } from './follow-up-clock';
import type { PauseGate } from './pause-gate';
import type { RoundClock } from './round-clock';
import type { RunnerDeps, SpeakerPort } from './runner-deps';

/** Planned follow-ups already asked (a resumed round): by index, ad hoc ones and probes excluded. */
export function plannedAskedBefore(round: RoundView): Set<number> {
  return new Set(
    round.askedFollowUps.filter((f) => f.trigger !== 'adhoc' && f.index < round.followUps.length).map((f) => f.index),
  );
}

export type RoundFollowUpsOptions = Pick<AskerContext, 'onShown' | 'onSpoken' | 'onSpeechError' | 'current'> & {
  deps: Pick<RunnerDeps, 'timers' | 'cue' | 'random' | 'warn'>;
  round: RoundView;
  mode: FollowUpMode;
  clock: RoundClock;
  gate: PauseGate;
  speaker: SpeakerPort;
  answerCueMs: number;
  voice: () => VoiceActivity;
  onTick: (roundMs: number) => void;
  /** What the live words told so far (null while not listening), for the adaptive mode. */
  heard: () => Heard | null;
  /** An adaptive decision was made (asked or skipped). */
  onDecision: (decision: FollowUpDecision) => void;
};

export class RoundFollowUps {
  private readonly planned: Set<number>;
  private readonly asker: FollowUpAsker;
  private readonly clock: FollowUpClock;
  private readonly adaptive: AdaptiveRound | null;

  constructor(private readonly options: RoundFollowUpsOptions) {
    const { deps, round, clock, current } = options;
    this.planned = plannedAskedBefore(round);
    this.asker = new FollowUpAsker({
      timers: deps.timers,
      gate: options.gate,
      clock,
      speaker: options.speaker,
      current,
      cue: (at) => deps.cue('follow-up', at),
      onShown: options.onShown,
      onSpoken: options.onSpoken,
      onSpeechError: options.onSpeechError,
      warn: deps.warn,
    });
    this.adaptive = followUpModes[options.mode].listens
      ? new AdaptiveRound({
          round,
          answerCueMs: options.answerCueMs,
          heard: options.heard,
          send: options.onDecision,
        })
      : null;
    this.clock = new FollowUpClock({
      timers: deps.timers,
      schedule: scheduleFollowUps(round, options.mode, deps.random).filter((f) => !this.planned.has(f.index)),
      answerCueMs: options.answerCueMs,
      roundNow: () => clock.now(),
      voice: options.voice,
      leadMs: (f) => followUpModes[f.trigger].leadMs,
      onDue: (f, scheduledMs) => {
        if (!current()) return;
        this.planned.add(f.index);
        if (this.adaptive && this.adaptive.due(f.index, clock.now())?.decision !== 'asked') return;
        this.asker.enqueue({
          index: f.index,
          text: f.text,
          trigger: f.trigger,
          scheduledMs,
          chime: followUpModes[f.trigger].chimeFirst,
        });
      },
      onTick: (roundMs) => {
        if (this.adaptive && current()) this.adaptiveTick(roundMs);
        options.onTick(roundMs);
      },
    });
  }

  /** Out of time, or a late probe at an end of thought while nothing else is asked or held. */
  private adaptiveTick(roundMs: number): void {
    const idle = !this.asker.busy && this.clock.held.size === 0;
    for (const decision of this.adaptive!.tick(roundMs, this.options.voice().endOfThought, idle)) {
      if (decision.decision === 'asked')
        this.asker.enqueue({ text: decision.text, trigger: 'adaptive', scheduledMs: null, chime: false });
    }
  }

  start(): void {
    this.clock.start();
  }

  hold(reason: HoldReason): void {
    this.clock.hold(reason);
  }

  release(reason: HoldReason): void {
    this.clock.release(reason);
  }

  stop(): void {
    this.clock.stop();
  }

  get plannedLeft(): number {
    return this.options.round.followUps.length - this.planned.size;
  }

  /** Partner mode: asks the next planned follow-up not asked yet; false when none is left. */
  askNextPlanned(): boolean {
    const { round } = this.options;
    const index = round.followUps.findIndex((_, i) => !this.planned.has(i));
    if (index < 0) return false;
    this.planned.add(index);
    this.asker.enqueue({ index, text: round.followUps[index]!.text, trigger: 'partner', scheduledMs: null });
    return true;
  }

  askAdhoc(text: string): boolean {
    const trimmed = text.trim();
    if (!trimmed) return false;
    this.asker.enqueue({ text: trimmed.slice(0, 1000), trigger: 'adhoc', scheduledMs: null });
    return true;
  }
}
