/**
 * Interruptions the answer had already made unnecessary (docs/metrics.md): follow-ups asked, in any
 * mode, although every expected point they probe was already clearly covered before they were
 * asked. Pure: the coverage matcher review uses, run on the words said before each follow-up.
 */
import type { AskedFollowUp, RoundPlan } from '../../../shared/contract';
import { coverageOfWords, type ExpectedPoint, type TimedWord } from '../../../shared/words';

export type UnnecessaryInterruption = {
  /** The asked follow-up's index (as in the round's askedFollowUps). */
  index: number;
  pointIndexes: number[];
  /** When the last of its points had been clearly covered: the end of that evidence, ms on the recording. */
  coveredByMs: number;
};

type Plan = Pick<RoundPlan, 'prompt' | 'followUps' | 'pointProbes'>;

/**
 * The expected points an asked follow-up probes: a planned one's `probes`; for one asked beyond the
 * plan, the points whose probe question it is (the adaptive mode asks a point's probe by its text).
 */
export function probedPoints(asked: Pick<AskedFollowUp, 'index' | 'text'>, plan: Plan): number[] {
  const planned = plan.followUps[asked.index];
  if (planned) return [...new Set(planned.probes ?? [])];
  const text = asked.text.trim();
  return (plan.pointProbes ?? []).flatMap((probe, i) => (probe !== null && probe.trim() === text ? [i] : []));
}

export function unnecessaryInterruptions(input: {
  points: readonly ExpectedPoint[];
  /** The round's transcript words on the recording's timeline. */
  words: readonly TimedWord[];
  asked: readonly Pick<AskedFollowUp, 'index' | 'text' | 'spokenStartMs'>[];
  plan: Plan;
  reference: string | null;
}): UnnecessaryInterruption[] {
  const { points, words, plan } = input;
  const found: UnnecessaryInterruption[] = [];
  for (const f of input.asked) {
    const probed = probedPoints(f, plan).filter((i) => i < points.length);
    // A follow-up that probes nothing, or was never spoken, cannot have been made unnecessary.
    if (probed.length === 0 || f.spokenStartMs === null) continue;
    const at = f.spokenStartMs;
    const before = words.filter((w) => w.endMs !== null && w.endMs <= at);
    if (before.length === 0) continue;
    const coverage = coverageOfWords(points, before, { prompt: plan.prompt, reference: input.reference });
    const covered = probed.map((i) => coverage[i]!);
    if (covered.every((c) => c.confidence === 'clear'))
      found.push({
        index: f.index,
        pointIndexes: probed,
        coveredByMs: Math.max(...covered.map((c) => c.evidenceEndMs ?? 0)),
      });
  }
  return found;
}
