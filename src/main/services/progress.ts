/**
 * Everything the Progress page charts, in two queries: one row per recorded round with its scores
 * and stored metrics, and the recent postmortems' "what I'll change" lines as an action list.
 */
import { and, desc, eq, gte, isNotNull, ne } from 'drizzle-orm';
import type { ProgressView } from '../../shared/contract';
import { roundMetrics } from '../../shared/metrics';
import type { AppDatabase } from './db/open';
import { roundAnalyses, roundReviews, rounds, sessions } from './db/schema';
import { roundTitle } from '../../shared/round-title';

export function progressView(db: AppDatabase, sinceMs: number, limit: number): ProgressView {
  const rows = db
    .select({
      roundId: rounds.id,
      sessionId: sessions.id,
      sessionTitle: sessions.title,
      planJson: rounds.planJson,
      startedAt: rounds.startedAt,
      category: rounds.category,
      questionType: rounds.questionType,
      budgetSeconds: rounds.budgetSeconds,
      clarity: roundReviews.clarity,
      rigor: roundReviews.rigor,
      speed: roundReviews.speed,
      metricsJson: roundAnalyses.metricsJson,
    })
    .from(rounds)
    .innerJoin(sessions, eq(sessions.id, rounds.sessionId))
    .leftJoin(roundReviews, eq(roundReviews.roundId, rounds.id))
    .leftJoin(roundAnalyses, eq(roundAnalyses.roundId, rounds.id))
    .where(and(isNotNull(rounds.startedAt), gte(rounds.startedAt, sinceMs)))
    .orderBy(desc(rounds.startedAt))
    .limit(limit)
    .all();
  const actions = db
    .select({
      roundId: roundReviews.roundId,
      at: roundReviews.updatedAt,
      change: roundReviews.change,
      planJson: rounds.planJson,
    })
    .from(roundReviews)
    .innerJoin(rounds, eq(rounds.id, roundReviews.roundId))
    .where(ne(roundReviews.change, ''))
    .orderBy(desc(roundReviews.updatedAt))
    .limit(10)
    .all();
  const title = (planJson: string) => {
    const plan = JSON.parse(planJson) as { title?: string; itemTitle: string };
    return roundTitle(plan);
  };
  return {
    rounds: rows.map((r) => ({
      roundId: r.roundId,
      sessionId: r.sessionId,
      sessionTitle: r.sessionTitle,
      title: title(r.planJson),
      startedAt: r.startedAt!,
      category: r.category,
      questionType: r.questionType,
      budgetSeconds: r.budgetSeconds,
      scores: { clarity: r.clarity ?? null, rigor: r.rigor ?? null, speed: r.speed ?? null },
      metrics: r.metricsJson ? roundMetrics.parse(JSON.parse(r.metricsJson)) : null,
    })),
    actions: actions.map((a) => ({ roundId: a.roundId, at: a.at, title: title(a.planJson), change: a.change })),
  };
}
