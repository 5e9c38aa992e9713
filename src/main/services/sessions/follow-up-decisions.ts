/**
 * The adaptive mode's decisions (why a follow-up was asked or skipped), stored with their round as it
 * runs and read back, in time order, by review and export. The contract has already checked each
 * decision on its own (its reason fits it, its evidence runs forwards); this checks it against its
 * round: the round has begun, the planned follow-up and the probed points exist.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { roundAnswers, roundPlan, type FollowUpDecision, type RoundPlan } from '../../../shared/contract';
import type { AppDatabase } from '../db/open';
import { followUpDecisions, rounds } from '../db/schema';
import { ConflictError, NotFoundError } from '../infra/errors';

type Row = typeof followUpDecisions.$inferSelect;
type Tx = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];

/**
 * What is wrong with a decision for this round (its plan, and its expected points when known), or
 * null. Shared by the followup:decision handler and the import, so both refuse the same things.
 */
export function decisionProblem(
  d: FollowUpDecision,
  plan: Pick<RoundPlan, 'index' | 'followUps'>,
  pointCount: number | null,
): string | null {
  const round = `Round ${plan.index + 1}`;
  if (d.planIndex !== null && d.planIndex >= plan.followUps.length)
    return `${round} has ${plan.followUps.length} planned follow-ups; there is no follow-up ${d.planIndex + 1}.`;
  const missing = pointCount === null ? undefined : d.pointIndexes.find((i) => i >= pointCount);
  if (missing !== undefined)
    return `${round} has ${pointCount} expected points; there is no point ${missing + 1} to probe.`;
  return null;
}

function rowValues(roundId: string, d: FollowUpDecision) {
  return {
    roundId,
    decision: d.decision,
    reason: d.reason,
    planIndex: d.planIndex,
    text: d.text,
    pointIndexesJson: JSON.stringify(d.pointIndexes),
    atMs: d.atMs,
    evidenceStartMs: d.evidenceStartMs,
    evidenceEndMs: d.evidenceEndMs,
  } satisfies typeof followUpDecisions.$inferInsert;
}

function decisionOf(row: Row): FollowUpDecision {
  return {
    decision: row.decision,
    reason: row.reason,
    planIndex: row.planIndex,
    text: row.text,
    pointIndexes: JSON.parse(row.pointIndexesJson) as number[],
    atMs: row.atMs,
    evidenceStartMs: row.evidenceStartMs,
    evidenceEndMs: row.evidenceEndMs,
  };
}

/** Writes one decision inside a transaction (the import's; storeDecision opens its own). */
export function insertDecision(tx: Tx, roundId: string, d: FollowUpDecision): void {
  tx.insert(followUpDecisions).values(rowValues(roundId, d)).run();
}

/**
 * Stores one decision of a round that has begun. A resend of the same decision (the page retrying
 * after a lost answer) stores nothing new; a different decision for the same follow-up and moment is
 * refused, and the one stored first is kept.
 */
export function storeDecision(db: AppDatabase, roundId: string, d: FollowUpDecision): void {
  const round = db.select().from(rounds).where(eq(rounds.id, roundId)).get();
  if (!round) throw new NotFoundError(`No round has the id "${roundId}".`);
  if (round.status === 'pending')
    throw new ConflictError(
      `Round ${round.index + 1} has not begun: a follow-up decision belongs to a round being recorded.`,
    );
  const plan = roundPlan.parse(JSON.parse(round.planJson));
  const answers = round.answersJson ? roundAnswers.parse(JSON.parse(round.answersJson)) : null;
  const problem = decisionProblem(d, plan, answers ? answers.expectedPoints.length : null);
  if (problem) throw new NotFoundError(problem);
  db.transaction((tx) => {
    const same = tx
      .select()
      .from(followUpDecisions)
      .where(
        and(
          eq(followUpDecisions.roundId, roundId),
          eq(followUpDecisions.atMs, d.atMs),
          sql`coalesce(${followUpDecisions.planIndex}, -1) = ${d.planIndex ?? -1}`,
          eq(followUpDecisions.text, d.text),
        ),
      )
      .get();
    if (!same) return insertDecision(tx, roundId, d);
    const stored = decisionOf(same);
    if (JSON.stringify(stored) !== JSON.stringify(d))
      throw new ConflictError(
        `A different decision on "${d.text}" at ${d.atMs} ms on the recording is already stored for round ` +
          `${round.index + 1} (${stored.decision}: ${stored.reason}); it was kept.`,
      );
  });
}

/** A round's decisions in time order (in the order made, for one moment). */
export function roundDecisions(db: AppDatabase, roundId: string): FollowUpDecision[] {
  return db
    .select()
    .from(followUpDecisions)
    .where(eq(followUpDecisions.roundId, roundId))
    .orderBy(asc(followUpDecisions.atMs), asc(followUpDecisions.id))
    .all()
    .map(decisionOf);
}

/** Every round's decisions, by round id, for the export. */
export function decisionsByRound(db: AppDatabase): Map<string, FollowUpDecision[]> {
  const byRound = new Map<string, FollowUpDecision[]>();
  for (const row of db
    .select()
    .from(followUpDecisions)
    .orderBy(asc(followUpDecisions.atMs), asc(followUpDecisions.id))
    .all())
    byRound.set(row.roundId, [...(byRound.get(row.roundId) ?? []), decisionOf(row)]);
  return byRound;
}
