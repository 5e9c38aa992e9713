/**
 * The adaptive mode within one round: applies the rules (adaptive-rules.ts) to each planned
 * follow-up as it falls due, looks for a late probe at each end of thought, skips what is left when
 * the budget runs out, and keeps what the rules count (interruptions, points probed, what is decided).
 * Every decision goes to `send`, in the order it was made.
 */
import type { FollowUpDecision, RoundView } from '@shared/contract';
import { decideDue, lateProbe, outOfTime, type DueFollowUp, type Heard } from './adaptive-rules';

export type AdaptiveRoundOptions = {
  round: Pick<RoundView, 'followUps' | 'pointProbes' | 'budgetSeconds'>;
  answerCueMs: number;
  /** What the live words told so far; null while not listening. */
  heard: () => Heard | null;
  send: (decision: FollowUpDecision) => void;
};

export class AdaptiveRound {
  private readonly decided = new Set<number>();
  private readonly probed = new Set<number>();
  private interruptions = 0;
  /** When the last question was put (round clock): a late probe waits for words said after it. */
  private lastAskMs = -Infinity;
  private outOfTime = false;

  constructor(private readonly options: AdaptiveRoundOptions) {}

  private planned(index: number): DueFollowUp {
    const f = this.options.round.followUps[index]!;
    return { planIndex: index, text: f.text, probes: f.probes ?? [] };
  }

  /** Planned follow-up `index` fell due at `atMs` (at the end of a thought): null if already decided. */
  due(index: number, atMs: number): FollowUpDecision | null {
    if (this.decided.has(index)) return null;
    this.decided.add(index);
    return this.record(decideDue(this.planned(index), this.options.heard(), this.interruptions, atMs));
  }

  /**
   * Each tick of the follow-up clock: at the budget's end every planned follow-up not decided is
   * skipped; else, at an end of thought while nothing is being asked, a late probe may be asked.
   */
  tick(atMs: number, endOfThought: boolean, idle: boolean): FollowUpDecision[] {
    const { round, answerCueMs } = this.options;
    const budgetMs = round.budgetSeconds * 1000;
    if (atMs - answerCueMs >= budgetMs) {
      if (this.outOfTime) return [];
      this.outOfTime = true;
      const left = round.followUps.map((_, i) => i).filter((i) => !this.decided.has(i));
      for (const i of left) this.decided.add(i);
      return outOfTime(
        left.map((i) => this.planned(i)),
        atMs,
      ).map((d) => this.record(d));
    }
    const heard = this.options.heard();
    if (!endOfThought || !idle || !heard?.last || heard.last.startMs <= this.lastAskMs) return [];
    const pendingProbes = new Set(round.followUps.flatMap((f, i) => (this.decided.has(i) ? [] : (f.probes ?? []))));
    const probe = lateProbe({
      atMs,
      answerCueMs,
      budgetMs,
      pointProbes: round.pointProbes ?? [],
      heard,
      pendingProbes,
      probed: this.probed,
      interruptions: this.interruptions,
    });
    if (!probe) return [];
    for (const i of probe.pointIndexes) this.probed.add(i);
    return [this.record(probe)];
  }

  private record(decision: FollowUpDecision): FollowUpDecision {
    if (decision.decision === 'asked') {
      this.interruptions++;
      this.lastAskMs = decision.atMs;
    }
    this.options.send(decision);
    return decision;
  }
}
