/**
 * The adaptive mode's rules (docs/follow-ups.md, "Adaptive follow-ups"): whether a planned follow-up
 * that fell due is asked or skipped, and when a point's own probe question is asked late in the
 * budget. Pure functions of the round clock, what was heard (the latest live coverage and utterance)
 * and the round's content; the runner (adaptive-round.ts) applies them and sends each decision.
 */
import type { FollowUpDecision, LivePointCoverage } from '@shared/contract';

/** Interruptions (follow-ups and probes asked) per round while listening; further ones are skipped. */
export const INTERRUPTION_CAP = 3;
/** Share of the budget after which a point still not clearly covered has its probe asked. */
export const LATE_SHARE = 0.7;

/** What the live words told so far; null when not listening (no model, or listening fell behind). */
export type Heard = {
  /** Coverage after the latest utterance ([] before the first one: nothing heard). */
  coverage: readonly LivePointCoverage[];
  /** Coverage before the latest utterance. */
  previous: readonly LivePointCoverage[];
  /** The latest utterance's span on the recording, null before the first one. */
  last: { startMs: number; endMs: number } | null;
};

export type DueFollowUp = { planIndex: number; text: string; probes: readonly number[] };

type Evidence = Pick<FollowUpDecision, 'evidenceStartMs' | 'evidenceEndMs'>;
const noEvidence: Evidence = { evidenceStartMs: null, evidenceEndMs: null };
const RANK = { 'not-heard': 0, mentioned: 1, clear: 2 } as const;

const pointOf = (coverage: readonly LivePointCoverage[], index: number): LivePointCoverage | undefined =>
  coverage.find((p) => p.index === index);
const confidenceOf = (coverage: readonly LivePointCoverage[], index: number) =>
  pointOf(coverage, index)?.confidence ?? 'not-heard';

/** Whether point `index` came up in the latest utterance: it rose there, or its evidence lies in it. */
export function saidLast(heard: Heard, index: number): boolean {
  const { last } = heard;
  if (!last) return false;
  const now = pointOf(heard.coverage, index);
  if (!now || now.confidence === 'not-heard') return false;
  if (RANK[now.confidence] > RANK[confidenceOf(heard.previous, index)]) return true;
  return now.evidenceEndMs !== null && now.evidenceStartMs !== null && now.evidenceEndMs >= last.startMs;
}

function evidenceOf(heard: Heard, index: number, fallback: Evidence = noEvidence): Evidence {
  const p = pointOf(heard.coverage, index);
  if (p?.evidenceStartMs == null || p.evidenceEndMs == null) return fallback;
  return { evidenceStartMs: p.evidenceStartMs, evidenceEndMs: p.evidenceEndMs };
}

/**
 * A planned follow-up fell due at `atMs` (and, in the adaptive mode, the candidate's thought ended).
 * In order: not listening → asked ("scripted", as "at the next pause" would); every probed point
 * clearly covered → skipped ("covered", with the earliest evidence); a probed point came up in the
 * latest utterance → skipped ("just-said"); the round's interruptions used up → skipped ("cap");
 * else asked: "scripted" (it probes nothing), "not-heard" (a probed point not heard at all) or
 * "only-mentioned".
 */
export function decideDue(
  due: DueFollowUp,
  heard: Heard | null,
  interruptions: number,
  atMs: number,
  cap = INTERRUPTION_CAP,
): FollowUpDecision {
  const base = { planIndex: due.planIndex, text: due.text, pointIndexes: [...due.probes], atMs, ...noEvidence };
  if (!heard) return { ...base, decision: 'asked', reason: 'scripted' };
  const probes = due.probes;
  if (probes.length > 0 && probes.every((i) => confidenceOf(heard.coverage, i) === 'clear')) {
    const earliest = [...probes].sort(
      (a, b) =>
        (pointOf(heard.coverage, a)?.evidenceStartMs ?? Infinity) -
        (pointOf(heard.coverage, b)?.evidenceStartMs ?? Infinity),
    )[0]!;
    return { ...base, decision: 'skipped', reason: 'covered', ...evidenceOf(heard, earliest) };
  }
  const justSaid = probes.find((i) => saidLast(heard, i));
  if (justSaid !== undefined) {
    const span = { evidenceStartMs: heard.last!.startMs, evidenceEndMs: heard.last!.endMs };
    return { ...base, decision: 'skipped', reason: 'just-said', ...evidenceOf(heard, justSaid, span) };
  }
  if (interruptions >= cap) return { ...base, decision: 'skipped', reason: 'cap' };
  if (probes.length === 0) return { ...base, decision: 'asked', reason: 'scripted' };
  const notHeard = probes.some((i) => confidenceOf(heard.coverage, i) === 'not-heard');
  return { ...base, decision: 'asked', reason: notHeard ? 'not-heard' : 'only-mentioned' };
}

export type LateProbeInput = {
  atMs: number;
  answerCueMs: number;
  budgetMs: number;
  /** Per expected point, its probe question (null: none). */
  pointProbes: readonly (string | null)[];
  heard: Heard;
  /** Points a planned follow-up not yet decided will probe: that follow-up asks about them. */
  pendingProbes: ReadonlySet<number>;
  /** Points whose probe was asked already (at most once each). */
  probed: ReadonlySet<number>;
  interruptions: number;
  cap?: number;
};

/**
 * At an end of thought late in the budget (from LATE_SHARE of it to its end): the first point, in
 * content order, that has a probe and is still not clearly covered, whose probe was not asked yet,
 * that no pending planned follow-up probes and that did not come up in the latest utterance (never
 * ask about what was just said: it may be asked at a later end of thought). Null when none, or when
 * the interruptions are used up.
 */
export function lateProbe(input: LateProbeInput): FollowUpDecision | null {
  const { atMs, answerCueMs, budgetMs, heard } = input;
  const elapsed = atMs - answerCueMs;
  if (elapsed < budgetMs * LATE_SHARE || elapsed >= budgetMs) return null;
  if (input.interruptions >= (input.cap ?? INTERRUPTION_CAP)) return null;
  for (const [index, probe] of input.pointProbes.entries()) {
    if (!probe || input.probed.has(index) || input.pendingProbes.has(index)) continue;
    if (confidenceOf(heard.coverage, index) === 'clear' || saidLast(heard, index)) continue;
    return {
      decision: 'asked',
      reason: 'late-probe',
      planIndex: null,
      text: probe,
      pointIndexes: [index],
      atMs,
      ...noEvidence,
    };
  }
  return null;
}

/** The budget ran out: every planned follow-up not decided yet is skipped for lack of time. */
export function outOfTime(left: readonly DueFollowUp[], atMs: number): FollowUpDecision[] {
  return left.map((due) => ({
    decision: 'skipped',
    reason: 'no-time',
    planIndex: due.planIndex,
    text: due.text,
    pointIndexes: [...due.probes],
    atMs,
    ...noEvidence,
  }));
}
