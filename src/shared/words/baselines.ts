/**
 * What a word metric is compared with: published thresholds (with their sources, also in
 * docs/metrics.md) and the user's own baseline, the median over earlier rounds.
 */
import { z } from 'zod';
import { median } from '../metrics';
import type { WordMetrics } from './metrics';

/**
 * Published thresholds. Pace: Microsoft PowerPoint Speaker Coach suggests 100–165 words per
 * minute ("Rehearse your slide show with Speaker Coach", Microsoft Support). Fillers: about 4 % of
 * words, the rule of thumb issue 11 names; no peer-reviewed source fixes one number, so it is a
 * guide, not a norm. Hedges and restarts have no published threshold: only the user's baseline.
 */
export const WORD_THRESHOLDS = {
  wordsPerMinute: { low: 100, high: 165, source: 'Microsoft PowerPoint Speaker Coach: 100–165 words per minute' },
  fillerShare: { max: 0.04, source: 'rule of thumb: filler words under about 4 % of all words' },
} as const;

export const wordBaseline = z.object({
  /** How many earlier rounds it is the median of. */
  rounds: z.number().int(),
  wordsPerMinute: z.number().nullable(),
  fillerShare: z.number().nullable(),
  fillersPerMinute: z.number().nullable(),
  hedgesPerMinute: z.number().nullable(),
  restartsPerMinute: z.number().nullable(),
  msToFirstWord: z.number().nullable(),
});
export type WordBaseline = z.infer<typeof wordBaseline>;

const perMinute = (count: number, speakingMs: number | null) =>
  speakingMs === null || speakingMs <= 0 ? null : count / (speakingMs / 60_000);

/** The user's own baseline: medians over earlier rounds' word metrics (rounds without words are skipped). */
export function wordBaselineOf(earlier: readonly WordMetrics[]): WordBaseline {
  const rounds = earlier.filter((m) => m.wordCount > 0);
  return {
    rounds: rounds.length,
    wordsPerMinute: median(rounds.map((m) => m.wordsPerMinute)),
    fillerShare: median(rounds.map((m) => m.fillers.share)),
    fillersPerMinute: median(rounds.map((m) => m.fillers.perMinute)),
    hedgesPerMinute: median(rounds.map((m) => m.hedges.perMinute)),
    restartsPerMinute: median(rounds.map((m) => perMinute(m.restarts.count, m.speakingMs))),
    msToFirstWord: median(rounds.flatMap((m) => m.followUps.map((f) => f.msToFirstWord))),
  };
}

export const wordNoteId = z.enum([
  'too-slow',
  'too-fast',
  'many-fillers',
  'more-fillers-than-usual',
  'more-hedges-than-usual',
  'slower-than-usual',
  'faster-than-usual',
  'missed-follow-up',
]);
export type WordNoteId = z.infer<typeof wordNoteId>;
export const wordNote = z.object({ id: wordNoteId, message: z.string() });
export type WordNote = z.infer<typeof wordNote>;

/** A baseline needs this many earlier rounds before it is compared with. */
export const MIN_BASELINE_ROUNDS = 3;
/** Against your own baseline, a change of at least this share counts ("25 % more fillers than usual"). */
export const BASELINE_CHANGE = 0.25;

/** What is worth saying about a round's words, against the thresholds and the user's baseline. */
export function wordNotes(m: WordMetrics, baseline: WordBaseline | null = null): WordNote[] {
  const notes: WordNote[] = [];
  const wpm = m.wordsPerMinute;
  const t = WORD_THRESHOLDS;
  if (wpm !== null && wpm < t.wordsPerMinute.low)
    notes.push({
      id: 'too-slow',
      message: `${Math.round(wpm)} words a minute, under ${t.wordsPerMinute.low} (${t.wordsPerMinute.source})`,
    });
  if (wpm !== null && wpm > t.wordsPerMinute.high)
    notes.push({
      id: 'too-fast',
      message: `${Math.round(wpm)} words a minute, over ${t.wordsPerMinute.high} (${t.wordsPerMinute.source})`,
    });
  if (m.fillers.share !== null && m.fillers.share > t.fillerShare.max)
    notes.push({
      id: 'many-fillers',
      message: `${pct(m.fillers.share)} of your words were fillers (${t.fillerShare.source})`,
    });
  if (baseline && baseline.rounds >= MIN_BASELINE_ROUNDS) {
    const more = (now: number | null, usual: number | null) =>
      now !== null && usual !== null && usual > 0 && now > usual * (1 + BASELINE_CHANGE);
    const less = (now: number | null, usual: number | null) =>
      now !== null && usual !== null && now < usual * (1 - BASELINE_CHANGE);
    if (more(m.fillers.share, baseline.fillerShare))
      notes.push({
        id: 'more-fillers-than-usual',
        message: `fillers ${pct(m.fillers.share!)} of words, your usual is ${pct(baseline.fillerShare!)}`,
      });
    if (more(m.hedges.perMinute, baseline.hedgesPerMinute))
      notes.push({
        id: 'more-hedges-than-usual',
        message: `${m.hedges.perMinute} hedges a minute, your usual is ${round1(baseline.hedgesPerMinute!)}`,
      });
    if (less(wpm, baseline.wordsPerMinute))
      notes.push({
        id: 'slower-than-usual',
        message: `${Math.round(wpm!)} words a minute, your usual is ${Math.round(baseline.wordsPerMinute!)}`,
      });
    if (more(wpm, baseline.wordsPerMinute))
      notes.push({
        id: 'faster-than-usual',
        message: `${Math.round(wpm!)} words a minute, your usual is ${Math.round(baseline.wordsPerMinute!)}`,
      });
  }
  for (const f of m.followUps)
    if (f.answeredExactFollowUp === false)
      notes.push({
        id: 'missed-follow-up',
        message: `your first sentence after follow-up ${f.index + 1} did not take up its terms (${f.keyTerms.join(', ')})`,
      });
  return notes;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
const round1 = (v: number) => Math.round(v * 10) / 10;
