/**
 * The world the live runner runs in, faked for Node (no vitest here, so the bench can drive the real
 * runner too): an in-memory API that parses every input with the real contract, a speech synthesiser
 * with start-up latency and speaking time (driving the real Speaker), fake recordings whose upload
 * status a test sets, the cue sound and live listening. Time is performance.now(), real or faked.
 */
import type { RequestChannel } from '../../../../../src/shared/channels';
import {
  requestContract,
  type FollowUpMode,
  type LiveStartOutput,
  type RecordingView,
  type RequestInput,
  type RoundView,
  type SessionView,
} from '../../../../../src/shared/contract';
import type {
  MediaHandlers,
  MediaPort,
  RunnerDeps,
  StreamPort,
} from '../../../../../src/renderer/src/session/engine/runner-deps';
import { SessionRunner } from '../../../../../src/renderer/src/session/engine/session-runner';
import { FakeLive } from './live-fakes';
import {
  MicrophoneError,
  microphoneMessages,
} from '../../../../../src/renderer/src/session/engine/microphone-problems';
import {
  Speaker,
  type SynthesisPort,
  type UtteranceLike,
} from '../../../../../src/renderer/src/session/browser/speech';

// ── speech ──────────────────────────────────────────────────────────────────────────────────────
export type SpeechEvent = { text: string; at: number; kind: 'start' | 'end' | 'cut' };

/** A synthesiser like Chromium's: one utterance at a time, `start` after a start-up delay, then words. */
export class FakeSynth implements SynthesisPort {
  readonly events: SpeechEvent[] = [];
  private queue: UtteranceLike[] = [];
  private current: UtteranceLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    public startLatencyMs = 80,
    public msPerWord = 250,
  ) {}

  get speaking(): boolean {
    return this.current !== null;
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  speak(utterance: UtteranceLike): void {
    this.queue.push(utterance);
    if (!this.current) this.next();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const cut = this.current;
    const queued = this.queue;
    this.current = null;
    this.queue = [];
    if (cut) {
      this.events.push({ text: cut.text, at: performance.now(), kind: 'cut' });
      cut.onerror?.({ error: 'interrupted' });
    }
    for (const u of queued) u.onerror?.({ error: 'canceled' });
  }

  /** Sentences that were heard: started, not silent. */
  started(): SpeechEvent[] {
    return this.events.filter((e) => e.kind === 'start' && e.text !== 'Ready.');
  }

  /** Sentences said to the end. */
  finished(): string[] {
    return this.events.filter((e) => e.kind === 'end' && e.text !== 'Ready.').map((e) => e.text);
  }

  private next(): void {
    const utterance = this.queue.shift() ?? null;
    this.current = utterance;
    if (!utterance) return;
    this.timer = setTimeout(() => {
      this.events.push({ text: utterance.text, at: performance.now(), kind: 'start' });
      utterance.onstart?.({});
      const words = utterance.text.split(/\s+/).length;
      this.timer = setTimeout(() => {
        this.events.push({ text: utterance.text, at: performance.now(), kind: 'end' });
        this.current = null;
        utterance.onend?.({});
        this.next();
      }, words * this.msPerWord);
    }, this.startLatencyMs);
  }
}

export function fakeUtterance(text: string): UtteranceLike {
  return { text, voice: null, lang: '', rate: 1, volume: 1, onstart: null, onend: null, onerror: null };
}

export const testVoice = { name: 'Test voice', lang: 'en-US', default: true } as SpeechSynthesisVoice;

export function makeSpeaker(synth: SynthesisPort, voice: SpeechSynthesisVoice | null = testVoice): Speaker {
  return new Speaker(voice, 1, {
    synth,
    makeUtterance: fakeUtterance,
    now: () => performance.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  });
}

// ── the API ─────────────────────────────────────────────────────────────────────────────────────
export type Call = { channel: RequestChannel; input: unknown; at: number };

function recordingFor(round: RoundView): RecordingView {
  return {
    id: `33333333-3333-4333-8333-${round.id.slice(-12)}`,
    roundId: round.id,
    status: 'recording',
    mimeType: 'audio/webm',
    bytes: 0,
    chunks: 0,
    durationMs: null,
    peaksPerSecond: 20,
    mediaUrl: `/media/${round.id}.webm`,
    peaksUrl: `/media/${round.id}.peaks`,
    startedAt: 0,
    finishedAt: null,
    error: null,
  };
}

/** The main side, in memory: keeps the session's state and every call (inputs checked by the contract). */
export class FakeApi {
  readonly calls: Call[] = [];
  /** Channels that fail (once each) with this message. */
  readonly failures = new Map<RequestChannel, string>();

  constructor(public session: SessionView) {}

  of<C extends RequestChannel>(channel: C): RequestInput<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input as RequestInput<C>);
  }

  events(): string[] {
    return this.of('session:event').map((e) => e.type);
  }

  call = async <C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<never> => {
    // The real main side parses every input: so does this one.
    requestContract[channel].input.parse(input);
    this.calls.push({ channel, input, at: performance.now() });
    await Promise.resolve();
    const failure = this.failures.get(channel);
    if (failure) {
      this.failures.delete(channel);
      throw new Error(failure);
    }
    return this.answer(channel, input as never) as never;
  };

  private round(id: string): RoundView {
    return this.session.rounds.find((r) => r.id === id)!;
  }

  private answer(channel: RequestChannel, input: Record<string, unknown>): unknown {
    const s = this.session;
    switch (channel) {
      case 'session:get':
        return structuredClone(s);
      case 'session:control': {
        const action = input.action as string;
        s.status = action === 'pause' ? 'paused' : action === 'end' ? 'ended' : 'running';
        return structuredClone(s);
      }
      case 'round:begin': {
        const round = s.rounds[input.roundIndex as number]!;
        round.status = 'running';
        round.recording = recordingFor(round);
        return { round: structuredClone(round), recording: round.recording };
      }
      case 'round:end': {
        const round = this.round(input.roundId as string);
        round.status = input.outcome as 'done' | 'skipped';
        return structuredClone(round);
      }
      case 'recording:finish': {
        const round = s.rounds.find((r) => r.recording?.id === input.recordingId)!;
        round.recording = { ...round.recording!, status: 'finalized' };
        return round.recording;
      }
      case 'followup:record': {
        const round = this.round(input.roundId as string);
        const index = (input.index as number | undefined) ?? round.followUps.length + round.askedFollowUps.length;
        const entry = {
          index,
          text: input.text as string,
          trigger: input.trigger as never,
          scheduledMs: input.scheduledMs as number | null,
          spokenStartMs: input.spokenStartMs as number,
          spokenEndMs: input.spokenEndMs as number | null,
        };
        round.askedFollowUps = [...round.askedFollowUps.filter((f) => f.index !== index), entry];
        return entry;
      }
      case 'session:event':
        return { at: Date.now() };
      case 'followup:decision':
        return { ok: true };
      default:
        throw new Error(`FakeApi: ${channel} is not faked`);
    }
  }
}

// ── media ───────────────────────────────────────────────────────────────────────────────────────
export class FakeMedia implements MediaPort {
  open = true;
  paused = false;
  startedAt = 0;
  stops = 0;

  constructor(
    readonly handlers: MediaHandlers,
    private readonly onStop: () => Promise<unknown>,
  ) {}

  start(): Promise<number> {
    this.startedAt = performance.now();
    return Promise.resolve(this.startedAt);
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  async stop(): Promise<RecordingView | null> {
    this.stops++;
    if (!this.open) return null;
    this.open = false;
    await this.onStop();
    return null;
  }
  abandonForPageExit(): void {
    this.open = false;
  }
}

// ── a session and a runner ──────────────────────────────────────────────────────────────────────
export type RoundSpec = {
  prompt?: string;
  budgetSeconds?: number;
  followUps?: { text: string; atSeconds: number; jitterSeconds?: number; probes?: number[] }[];
  pointProbes?: (string | null)[];
  breakBefore?: { seconds: number; label: string };
};

export function makeSession(rounds: RoundSpec[], followUpMode: FollowUpMode = 'scheduled'): SessionView {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    title: 'Test loop',
    source: { type: 'item', id: 'test-loop' },
    status: 'planned',
    followUpMode,
    createdAt: 0,
    endedAt: null,
    rounds: rounds.map((r, index) => ({
      index,
      itemId: 'test-loop',
      itemRound: index,
      itemTitle: 'Test loop',
      category: 'Test',
      questionType: 'theory',
      prompt: r.prompt ?? `Prompt number ${index + 1}.`,
      budgetSeconds: r.budgetSeconds ?? 120,
      followUps: (r.followUps ?? []).map((f) => ({ jitterSeconds: 0, ...f })),
      ...(r.breakBefore ? { breakBefore: r.breakBefore } : {}),
      ...(r.pointProbes ? { pointProbes: r.pointProbes } : {}),
      id: `22222222-2222-4222-8222-${String(index + 1).padStart(12, '0')}`,
      status: 'pending',
      startedAt: null,
      endedAt: null,
      recording: null,
      askedFollowUps: [],
    })),
  };
}

export type Harness = {
  runner: SessionRunner;
  api: FakeApi;
  synth: FakeSynth;
  media: FakeMedia[];
  cues: { kind: string; at: number; atPerfMs?: number }[];
  pageHideListeners: Set<() => void>;
  streams: { stopped: boolean }[];
  deps: RunnerDeps;
  /** Round time (ms since this round's recording started) of a performance.now() moment. */
  micFails: { next: MicrophoneError | null };
  /** The LiveSource made for each round, when `live` was given. */
  lives: FakeLive[];
};

export function makeRunner(
  session: SessionView,
  options: {
    voice?: boolean;
    random?: () => number;
    synth?: FakeSynth;
    /** What each round's LiveSource answers to start(); absent: no createLive (pages without it). */
    live?: LiveStartOutput;
  } = {},
): Harness {
  const api = new FakeApi(structuredClone(session));
  const synth = options.synth ?? new FakeSynth();
  const media: FakeMedia[] = [];
  const cues: Harness['cues'] = [];
  const pageHideListeners = new Set<() => void>();
  const streams: { stopped: boolean }[] = [];
  const micFails: Harness['micFails'] = { next: null };
  const lives: FakeLive[] = [];
  const deps: RunnerDeps = {
    timers: {
      now: () => performance.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (t) => clearInterval(t as ReturnType<typeof setInterval>),
    },
    call: api.call as RunnerDeps['call'],
    makeSpeaker: () => Promise.resolve(makeSpeaker(synth, options.voice === false ? null : testVoice)),
    speechRate: () => 1,
    loadVoices: () => undefined,
    openMicrophone: () => {
      const failure = micFails.next;
      micFails.next = null;
      if (failure) return Promise.reject(failure);
      const stream = { stopped: false };
      streams.push(stream);
      return Promise.resolve<StreamPort>({ stopTracks: () => (stream.stopped = true) });
    },
    mimeType: () => 'audio/webm;codecs=opus',
    createMedia: (_stream, recording, handlers) => {
      const m = new FakeMedia(handlers, () => api.call('recording:finish', { recordingId: recording.id }));
      media.push(m);
      return m;
    },
    cue: (kind, atPerfMs) =>
      cues.push({ kind, at: performance.now(), ...(atPerfMs === undefined ? {} : { atPerfMs }) }),
    random: options.random ?? (() => 0.5),
    sendWhileLeaving: (channel, input) => void api.call(channel, input).catch(() => undefined),
    onPageHide: (listener) => {
      pageHideListeners.add(listener);
      return () => pageHideListeners.delete(listener);
    },
    warn: () => undefined,
    ...(options.live
      ? {
          createLive: () => {
            const live = new FakeLive(options.live!);
            lives.push(live);
            return live;
          },
        }
      : {}),
  };
  const runner = new SessionRunner(structuredClone(session), deps);
  return { runner, api, synth, media, cues, pageHideListeners, streams, deps, micFails, lives };
}

export const deniedMicrophone = () => new MicrophoneError('denied', microphoneMessages.denied);
