/**
 * session:allocation: a session's time allocation per started round — the plan's budget beside the
 * analysed answering time — read in one query over the session's rounds and their analyses (indexed
 * by session, a handful of rows), so the chart needs one request instead of session:get plus an
 * analysis:get per round.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { SessionAllocation } from '../../../shared/contract';
import { roundPlan } from '../../../shared/contract/rounds';
import { roundMetrics } from '../../../shared/metrics';
import { roundTitle } from '../../../shared/round-title';
import { timeAllocation } from '../../../shared/time-allocation';
import type { AppDatabase } from '../db/open';
import { roundAnalyses, rounds, sessions } from '../db/schema';
import { NotFoundError } from '../infra/errors';

export function sessionAllocation(db: AppDatabase, sessionId: string): SessionAllocation {
  const session = db
    .select({ id: sessions.id, title: sessions.title, createdAt: sessions.createdAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .get();
  if (!session) throw new NotFoundError(`No session has the id "${sessionId}".`);
  const rows = db
    .select({ id: rounds.id, planJson: rounds.planJson, metricsJson: roundAnalyses.metricsJson })
    .from(rounds)
    .leftJoin(roundAnalyses, eq(roundAnalyses.roundId, rounds.id))
    .where(and(eq(rounds.sessionId, sessionId), isNotNull(rounds.startedAt)))
    .orderBy(asc(rounds.index))
    .all();
  return {
    session,
    rows: rows.map((r) => {
      const plan = roundPlan.parse(JSON.parse(r.planJson));
      const metrics = r.metricsJson ? roundMetrics.parse(JSON.parse(r.metricsJson)) : null;
      return {
        roundId: r.id,
        label: `Round ${plan.index + 1}`,
        title: roundTitle(plan),
        budgetSeconds: plan.budgetSeconds,
        allocation: metrics ? timeAllocation(plan.budgetSeconds, metrics) : null,
      };
    }),
  };
}
