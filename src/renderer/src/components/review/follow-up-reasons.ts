/**
 * Why a follow-up came or was skipped, in words: one sentence per adaptive-mode reason. The points it
 * probes are named by their words once the answer is revealed, by number before (the words are the
 * answer key); times are positions on the recording.
 */
import type { FollowUpDecisionView, FollowUpReason } from '@shared/contract';
import { formatClock } from '../../lib/format';

export type ReasonWords = {
  /** "Asked at 3:10", "Skipped at 1:50", "Asked at 0:40 (no live listening)". */
  lead: string;
  /** What made it so, after the lead: "you had not mentioned “…”." */
  because: string;
  /** Where the answer covered its point: the Play control's target (ms on the recording), if any. */
  evidenceMs: number | null;
};

/** “A”, “A” and “B”, “A”, “B” and “C”; "point 2", "points 1 and 3" while the words are hidden. */
export function pointsPhrase(points: FollowUpDecisionView['points']): string {
  if (points.length === 0) return 'the point it probes';
  const named = points.every((p) => p.text !== null);
  const words = named ? points.map((p) => `“${p.text}”`) : points.map((p) => String(p.index + 1));
  const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return named ? list : `${points.length === 1 ? 'point' : 'points'} ${list}`;
}

const sentences: Record<FollowUpReason, (d: FollowUpDecisionView, points: string, at: string | null) => string> = {
  'not-heard': (_, p) => `you had not mentioned ${p}.`,
  'only-mentioned': (_, p) => `you had only mentioned ${p}, without explaining it.`,
  scripted: (d) =>
    d.pointIndexes.length === 0
      ? 'on the script’s schedule; it probes no particular point.'
      : 'on the script’s schedule, since no speech model was listening or it fell behind.',
  'late-probe': (_, p) => `${p} was still not covered late in the round.`,
  covered: (_, p, at) => (at ? `you covered ${p} at ${at}.` : `you had already covered ${p}.`),
  'just-said': (_, p, at) => (at ? `you had just spoken about ${p}, at ${at}.` : `you had just spoken about ${p}.`),
  cap: () => 'the round’s interruptions were used up.',
  'no-time': () => 'the round’s time ran out.',
};

export function reasonWords(d: FollowUpDecisionView): ReasonWords {
  const noListening = d.reason === 'scripted' && d.pointIndexes.length > 0;
  const evidenceMs = d.evidenceStartMs;
  return {
    lead: `${d.decision === 'asked' ? 'Asked' : 'Skipped'} at ${formatClock(d.atMs)}${noListening ? ' (no live listening)' : ''}`,
    because: sentences[d.reason](d, pointsPhrase(d.points), evidenceMs === null ? null : formatClock(evidenceMs)),
    evidenceMs,
  };
}
