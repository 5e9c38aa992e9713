/**
 * Robust speechSynthesis: waits for voices with a timeout, speaks sentence by sentence (Chromium
 * cuts long utterances off), and a watchdog moves on when `end` never fires (it does not, on some
 * Linux set-ups). With no voice at all, callers still get timings and show the text instead.
 */
export type SpokenTimes = {
  /** performance.now() when the first sentence actually started, or null if nothing was spoken. */
  startedAt: number | null;
  endedAt: number;
  /** True when a watchdog, not the synthesiser, ended a sentence. */
  timedOut: boolean;
};

export function splitSentences(text: string): string[] {
  const parts = text
    .replace(/\s+/g, ' ')
    .trim()
    .match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g);
  return (parts ?? [text]).map((s) => s.trim()).filter(Boolean);
}

/** Generous estimate of how long a sentence takes to say, for the watchdog. */
export function expectedSpeechMs(sentence: string, rate: number): number {
  const words = sentence.split(/\s+/).filter(Boolean).length;
  return (words / 2.6 / rate) * 1000 + 2500;
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

export class Speaker {
  private cancelled = false;

  constructor(
    private readonly voice: SpeechSynthesisVoice | null,
    private readonly rate: number,
  ) {}

  get available(): boolean {
    return this.voice !== null;
  }

  /** Speaks `text`; resolves when done, cancelled, or the watchdog gave up. Never rejects. */
  async speak(text: string, onStart?: (at: number) => void): Promise<SpokenTimes> {
    this.cancelled = false;
    let startedAt: number | null = null;
    let timedOut = false;
    if (!this.voice) return { startedAt, endedAt: performance.now(), timedOut };
    // Anything still queued (a hung utterance) would delay this one: clear it first.
    speechSynthesis.cancel();
    for (const sentence of splitSentences(text)) {
      if (this.cancelled) break;
      const result = await this.speakOne(sentence, (at) => {
        if (startedAt === null) {
          startedAt = at;
          onStart?.(at);
        }
      });
      timedOut ||= result === 'timeout';
      if (result === 'error' && startedAt === null) break;
    }
    return { startedAt, endedAt: performance.now(), timedOut };
  }

  private speakOne(sentence: string, onStart: (at: number) => void): Promise<'end' | 'timeout' | 'error'> {
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(sentence);
      utterance.voice = this.voice;
      utterance.lang = this.voice!.lang;
      utterance.rate = this.rate;
      let watchdog = setTimeout(() => finish('timeout'), expectedSpeechMs(sentence, this.rate) + 3000);
      const finish = (how: 'end' | 'timeout' | 'error') => {
        clearTimeout(watchdog);
        utterance.onstart = utterance.onend = utterance.onerror = null;
        if (how === 'timeout') speechSynthesis.cancel();
        resolve(how);
      };
      utterance.onstart = () => {
        onStart(performance.now());
        // Restart the watchdog from the real start.
        clearTimeout(watchdog);
        watchdog = setTimeout(() => finish('timeout'), expectedSpeechMs(sentence, this.rate));
      };
      utterance.onend = () => finish('end');
      utterance.onerror = (event) =>
        finish(event.error === 'interrupted' || event.error === 'canceled' ? 'end' : 'error');
      speechSynthesis.speak(utterance);
    });
  }

  cancel(): void {
    this.cancelled = true;
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  }
}
