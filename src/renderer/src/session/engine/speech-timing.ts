/**
 * Speech timing the runner plans with, apart from the synthesiser: what a finished utterance reports,
 * how text splits into sentences, and how long a sentence takes to say.
 */
export type SpokenTimes = {
  /** performance.now() when the first sentence actually started, or null if nothing was spoken. */
  startedAt: number | null;
  endedAt: number;
  /** True when a watchdog, not the synthesiser, ended a sentence. */
  timedOut: boolean;
  /** True when cancel() (or a newer speak()) cut this one short: the caller decides whether to repeat it. */
  cancelled: boolean;
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
