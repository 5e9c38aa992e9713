/** Labels, colours and formatting shared by the review components. */
import { markKind, type MarkKind, type Scores } from '@shared/contract';
import { roundTitle } from '@shared/round-title';

export type MarkMeta = {
  label: string;
  /** Short text drawn on the waveform. */
  short: string;
  /** What the "Mark …" button says. */
  button: string;
  /** CSS colour (a variable, resolved inside the waveform's shadow DOM). */
  color: string;
  /** Keyboard shortcut that adds it at the current time (point marks). */
  key: string | null;
};

export const markMeta: Record<MarkKind, MarkMeta> = {
  ramble: { label: 'Ramble', short: 'Ramble', button: 'ramble', color: 'var(--mark-ramble)', key: null },
  'core-answer': { label: 'Core answer', short: 'Core', button: 'core answer', color: 'var(--mark-core)', key: '1' },
  assumption: {
    label: 'Assumption',
    short: 'Assumption',
    button: 'assumption',
    color: 'var(--mark-assumption)',
    key: '2',
  },
  'failure-mode': {
    label: 'Failure mode / edge case',
    short: 'Failure mode',
    button: 'failure mode',
    color: 'var(--mark-failure)',
    key: '3',
  },
};

/** The marks set at one moment (by button or by their key), in the enum's order; the rest span a range. */
export const pointMarkKinds: readonly MarkKind[] = markKind.options.filter((kind) => markMeta[kind].key !== null);

export const playbackRates = [1, 1.25, 1.5, 2] as const;
export type PlaybackRate = (typeof playbackRates)[number];

export const scoreDimensions = ['clarity', 'rigor', 'speed'] as const;

export function allScored(scores: Scores): boolean {
  return scores.clarity !== null && scores.rigor !== null && scores.speed !== null;
}

/** "C 4 · R 3 · S –" style summary, with a readable label for screen readers. */
export function scoreSummary(scores: Scores): { short: string; label: string } {
  const v = (n: number | null) => (n === null ? '–' : String(n));
  const l = (n: number | null) => (n === null ? 'not scored' : `${n} of 5`);
  return {
    short: `Clarity ${v(scores.clarity)} · Rigor ${v(scores.rigor)} · Speed ${v(scores.speed)}`,
    label: `Clarity ${l(scores.clarity)}, rigor ${l(scores.rigor)}, speed ${l(scores.speed)}`,
  };
}

/** The round's title as the queue names it: "Item: Round title". */
export function roundLabel(round: { itemTitle: string; title?: string | undefined }): string {
  return roundTitle(round);
}
