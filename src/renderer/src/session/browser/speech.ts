/**
 * Robust speechSynthesis: waits for voices with a timeout, speaks sentence by sentence (Chromium
 * cuts long utterances off), and a watchdog moves on when `end` never fires (it does not, on some
 * Linux set-ups). With no voice at all, callers still get timings and show the text instead.
 *
 * The synthesiser, the utterance constructor and the clock are injected (browser globals by
 * default, looked up when a Speaker is made, never at import), so the rules run under Node.
 */
import { expectedSpeechMs, splitSentences, type SpokenTimes } from '../engine/speech-timing';

/** The parts of SpeechSynthesisUtterance a Speaker uses. */
export type UtteranceLike = {
  text: string;
  voice: SpeechSynthesisVoice | null;
  lang: string;
  rate: number;
  volume: number;
  onstart: ((event: unknown) => void) | null;
  onend: ((event: unknown) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
};

/** The parts of window.speechSynthesis a Speaker uses. */
export type SynthesisPort = {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  readonly speaking: boolean;
  readonly pending: boolean;
};

export type SpeakerEnv = {
  synth: SynthesisPort;
  makeUtterance: (text: string) => UtteranceLike;
  /** performance.now()'s clock. */
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export function browserSpeakerEnv(): SpeakerEnv {
  return {
    synth: speechSynthesis as unknown as SynthesisPort,
    makeUtterance: (text) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
    now: () => performance.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

export async function waitForVoices(timeoutMs = 3000): Promise<SpeechSynthesisVoice[]> {
  if (typeof speechSynthesis === 'undefined') return [];
  const now = speechSynthesis.getVoices();
  if (now.length) return now;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      speechSynthesis.removeEventListener('voiceschanged', done);
      resolve(speechSynthesis.getVoices());
    };
    const timer = setTimeout(done, timeoutMs);
    speechSynthesis.addEventListener('voiceschanged', done);
  });
}

/** The voice to use: the one named in Settings, else the platform default, else the first English one. */
export function pickVoice(voices: SpeechSynthesisVoice[], name: string | null): SpeechSynthesisVoice | null {
  if (voices.length === 0) return null;
  return (
    (name ? voices.find((v) => v.name === name) : undefined) ??
    voices.find((v) => v.default && v.lang.toLowerCase().startsWith('en')) ??
    voices.find((v) => /^en[-_]us/i.test(v.lang)) ??
    voices.find((v) => v.lang.toLowerCase().startsWith('en')) ??
    voices.find((v) => v.default) ??
    voices[0]!
  );
}

/** How many recent start latencies the estimate looks at. */
const LATENCY_SAMPLES = 7;
/** Before any sample: a typical speak() → `start` delay of a local synthesiser. */
const DEFAULT_START_LATENCY_MS = 60;
/** Never lead by more than this, whatever a hiccup measured. */
const MAX_START_LATENCY_MS = 400;

export class Speaker {
  /** One token per speak() call, so cancelling one never un-cancels or leaks into another. */
  private active = new Set<{ cancelled: boolean }>();
  private latencies: number[] = [];

  constructor(
    private readonly voice: SpeechSynthesisVoice | null,
    private readonly rate: number,
    private readonly env: SpeakerEnv = browserSpeakerEnv(),
  ) {}

  get available(): boolean {
    return this.voice !== null;
  }

  /**
   * How long the synthesiser takes from speak() to the utterance's `start`, from recent sentences:
   * callers that must start speaking at a moment call speak() this much earlier. The median, so one
   * slow start does not shift every later follow-up.
   */
  get startLatencyMs(): number {
    if (this.latencies.length === 0) return DEFAULT_START_LATENCY_MS;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return Math.min(MAX_START_LATENCY_MS, sorted[Math.floor(sorted.length / 2)]!);
  }

  /**
   * Says a short silent sentence so the synthesiser (speech-dispatcher, the voice's data) is loaded
   * before anything has to start on time. Its start-up time is a cold one: not a latency sample.
   */
  async warm(): Promise<void> {
    if (!this.voice || this.env.synth.speaking || this.env.synth.pending) return;
    const token = { cancelled: false };
    await this.speakOne('Ready.', token, () => undefined, { volume: 0, sample: false });
  }

  /** Speaks `text`; resolves when done, cancelled, or the watchdog gave up. Never rejects. */
  async speak(text: string, onStart?: (at: number) => void): Promise<SpokenTimes> {
    // A newer speak() replaces whatever is still being said.
    for (const other of this.active) other.cancelled = true;
    const token = { cancelled: false };
    let startedAt: number | null = null;
    let timedOut = false;
    if (!this.voice) return { startedAt, endedAt: this.env.now(), timedOut, cancelled: false };
    this.active.add(token);
    // Anything still queued (a hung utterance) would delay this one: clear it first. Only then:
    // cancel() on an idle synthesiser costs a round trip to the speech service.
    if (this.env.synth.speaking || this.env.synth.pending) this.env.synth.cancel();
    try {
      for (const sentence of splitSentences(text)) {
        if (token.cancelled) break;
        const result = await this.speakOne(sentence, token, (at) => {
          if (startedAt === null) {
            startedAt = at;
            onStart?.(at);
          }
        });
        timedOut ||= result === 'timeout';
        if (result === 'error' && startedAt === null) break;
      }
    } finally {
      this.active.delete(token);
    }
    return { startedAt, endedAt: this.env.now(), timedOut, cancelled: token.cancelled };
  }

  private speakOne(
    sentence: string,
    token: { cancelled: boolean },
    onStart: (at: number) => void,
    { volume = 1, sample = true }: { volume?: number; sample?: boolean } = {},
  ): Promise<'end' | 'timeout' | 'error'> {
    const { env } = this;
    return new Promise((resolve) => {
      const utterance = env.makeUtterance(sentence);
      utterance.voice = this.voice;
      utterance.lang = this.voice!.lang;
      utterance.rate = this.rate;
      utterance.volume = volume;
      const calledAt = env.now();
      let watchdog = env.setTimeout(() => finish('timeout'), expectedSpeechMs(sentence, this.rate) + 3000);
      const finish = (how: 'end' | 'timeout' | 'error') => {
        env.clearTimeout(watchdog);
        utterance.onstart = utterance.onend = utterance.onerror = null;
        if (how === 'timeout') env.synth.cancel();
        resolve(how);
      };
      utterance.onstart = () => {
        const at = env.now();
        if (sample) this.latencies = [...this.latencies, at - calledAt].slice(-LATENCY_SAMPLES);
        if (token.cancelled) return;
        onStart(at);
        // Restart the watchdog from the real start.
        env.clearTimeout(watchdog);
        watchdog = env.setTimeout(() => finish('timeout'), expectedSpeechMs(sentence, this.rate));
      };
      utterance.onend = () => finish('end');
      utterance.onerror = (event) =>
        finish(event.error === 'interrupted' || event.error === 'canceled' ? 'end' : 'error');
      env.synth.speak(utterance);
    });
  }

  /** Cuts off everything being said; each cut speak() resolves with `cancelled: true`. */
  cancel(): void {
    for (const token of this.active) token.cancelled = true;
    this.env.synth.cancel();
  }
}
