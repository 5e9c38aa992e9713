/**
 * The runner's follow-ups for one answered round: builds the round's RoundFollowUps with what it
 * listens to (the voice, read through the end-of-thought rule, and the live words) and what it
 * reports to (the live log of asked follow-ups, the stored follow-ups and adaptive decisions).
 */
import type { RoundView } from '@shared/contract';
import { defaultEndOfThought, thoughtActivity } from './end-of-thought';
import type { FollowUpStore } from './follow-up-store';
import type { PauseGate } from './pause-gate';
import type { RoundClock } from './round-clock';
import { RoundFollowUps } from './round-follow-ups';
import type { RoundListening } from './round-listening';
import type { RunnerDeps, RunnerLog, SpeakerPort } from './runner-deps';
import type { RunnerStore } from './runner-store';
import type { VoiceMonitor } from './voice-monitor';

export type RunnerFollowUpsContext = {
  deps: RunnerDeps;
  store: RunnerStore;
  round: RoundView;
  clock: RoundClock;
  gate: PauseGate;
  speaker: SpeakerPort;
  answerCueMs: number;
  voice: VoiceMonitor;
  listening: () => RoundListening | null;
  followUpStore: FollowUpStore;
  /** A key for each asked follow-up in the live log, unique within the runner. */
  nextKey: () => number;
  current: () => boolean;
  onTick: (roundMs: number) => void;
  log: RunnerLog;
};

export function startRoundFollowUps(ctx: RunnerFollowUpsContext): RoundFollowUps {
  const { deps, store, round, clock, followUpStore } = ctx;
  const followUps = new RoundFollowUps({
    deps,
    round,
    mode: store.getState().session.followUpMode,
    clock,
    gate: ctx.gate,
    speaker: ctx.speaker,
    answerCueMs: ctx.answerCueMs,
    voice: () =>
      thoughtActivity(
        ctx.voice.activity,
        clock.now(),
        ctx.listening()?.words ?? null,
        deps.endOfThought?.() ?? defaultEndOfThought,
      ),
    heard: () => ctx.listening()?.heard ?? null,
    onDecision: (decision) => followUpStore.decision(round.id, decision),
    current: ctx.current,
    onTick: ctx.onTick,
    onShown: (ask, roundMs) => {
      const key = ctx.nextKey();
      const asked = store.getState().asked;
      store.set({ asked: [...asked, { key, text: ask.text, trigger: ask.trigger, recordingMs: roundMs }] });
      return key;
    },
    onSpoken: (key, ask, startMs, endMs) => {
      // The log shows the spoken start: the same moment the review's marker shows.
      const asked = store.getState().asked;
      store.set({ asked: asked.map((a) => (a.key === key ? { ...a, recordingMs: startMs } : a)) });
      followUpStore.record(round.id, key, ask, startMs, endMs);
    },
    onSpeechError: () => ctx.log('speech-error', { what: 'follow-up' }, round.id),
  });
  if (store.getState().notSaving) followUps.hold('not-saving');
  followUps.start();
  return followUps;
}
