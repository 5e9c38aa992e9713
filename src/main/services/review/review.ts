/**
 * Reviewing a round: reveal, rubric scores, expected-point and behaviour checklists, the 3-line
 * postmortem and marks made while listening. Every save is a small upsert, so nothing typed is
 * lost on a crash and everything stays editable.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  pointVerdict,
  roundAnswers,
  type ChangeLine,
  type PageCursor,
  type ParsedInput,
  type RequestInput,
  type ReviewMark,
  type ReviewQueueEntry,
  type ReviewView,
  type RoundAnswers,
  type RubricView,
} from '../../../shared/contract';
import type { RubricSpec } from '../../../shared/content';
import type { LoadedContent } from '../content/load';
import type { AppDatabase } from '../db/open';
import { recordings, reviewMarks, roundReviews, rounds, sessions } from '../db/schema';
import { NotFoundError } from '../infra/errors';
import { afterCursor, newestFirst, toPage } from '../infra/paging';
import { roundDecisions } from '../sessions/follow-up-decisions';
import { roundViews } from '../sessions/sessions';
import { roundTitle } from '../../../shared/round-title';

const pointVerdicts = pointVerdict.nullable().array();

type ReviewRow = typeof roundReviews.$inferSelect;

function rubricView(rubric: RubricSpec | null): RubricView | null {
  if (!rubric) return null;
  return {
    dimensions: rubric.dimensions.map((d) => ({
      id: d.id,
      title: d.title,
      question: d.question,
      levels: { ...d.levels },
    })),
    behaviourChecklist: rubric.behaviourChecklist,
    selfReviewQuestions: rubric.selfReviewQuestions,
    postmortemPrompts: rubric.postmortemPrompts,
  };
}

/** Frozen answers; rounds from before they were frozen fall back to the current content. */
function answersFor(row: typeof rounds.$inferSelect, content: LoadedContent): RoundAnswers {
  if (row.answersJson) return roundAnswers.parse(JSON.parse(row.answersJson));
  const round = content.items.get(row.itemId)?.rounds[row.itemRound];
  return {
    expectedPoints: round?.expectedPoints ?? [],
    expectedPointCues: round?.expectedPointCues ?? [],
    referenceAnswer: round?.referenceAnswer ?? null,
  };
}

export class ReviewService {
  constructor(
    private readonly db: AppDatabase,
    private readonly content: () => LoadedContent,
    private readonly now: () => number,
  ) {}

  private roundRow(roundId: string) {
    const row = this.db.select().from(rounds).where(eq(rounds.id, roundId)).get();
    if (!row) throw new NotFoundError(`No round has the id "${roundId}".`);
    return row;
  }

  private reviewRow(roundId: string): ReviewRow | undefined {
    return this.db.select().from(roundReviews).where(eq(roundReviews.roundId, roundId)).get();
  }

  get(roundId: string): ReviewView {
    const row = this.roundRow(roundId);
    const session = this.db.select().from(sessions).where(eq(sessions.id, row.sessionId)).get()!;
    const all = roundViews(this.db, row.sessionId);
    const review = this.reviewRow(roundId);
    const answers = answersFor(row, this.content());
    const stored = pointVerdicts.parse(JSON.parse(review?.pointsJson ?? '[]'));
    const revealed = review?.revealedAt != null;
    return {
      session: { id: session.id, title: session.title, createdAt: session.createdAt },
      round: all.find((r) => r.id === roundId)!,
      roundCount: all.length,
      revealed,
      answers: revealed ? answers : null,
      expectedPointCount: answers.expectedPoints.length,
      rubric: rubricView(this.content().rubric),
      scores: { clarity: review?.clarity ?? null, rigor: review?.rigor ?? null, speed: review?.speed ?? null },
      points: answers.expectedPoints.map((_, i) => stored[i] ?? null),
      behaviour: JSON.parse(review?.behaviourJson ?? '{}') as Record<string, boolean>,
      postmortem: { wentWell: review?.wentWell ?? '', missed: review?.missed ?? '', change: review?.change ?? '' },
      marks: this.marks(roundId),
      followUpDecisions: roundDecisions(this.db, roundId).map((d) => ({
        ...d,
        // The points' words are the answer key: resolved here, and only once the answer is revealed.
        points: d.pointIndexes.map((index) => ({
          index,
          text: revealed ? (answers.expectedPoints[index] ?? null) : null,
        })),
      })),
      scoredAt: review?.scoredAt ?? null,
      updatedAt: review?.updatedAt ?? null,
    };
  }

  reveal(roundId: string): ReviewView {
    this.roundRow(roundId);
    const at = this.now();
    this.db
      .insert(roundReviews)
      .values({ roundId, revealedAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: roundReviews.roundId,
        set: { revealedAt: sql`COALESCE(${roundReviews.revealedAt}, ${at})` },
      })
      .run();
    return this.get(roundId);
  }

  save(input: RequestInput<'review:save'>): ReviewView {
    const row = this.roundRow(input.roundId);
    const pointCount = answersFor(row, this.content()).expectedPoints.length;
    const at = this.now();
    this.db.transaction((tx) => {
      const current = tx.select().from(roundReviews).where(eq(roundReviews.roundId, input.roundId)).get();
      const points = JSON.parse(current?.pointsJson ?? '[]') as (string | null)[];
      for (const [key, value] of Object.entries(input.points ?? {})) {
        const index = Number(key);
        if (index >= pointCount)
          throw new NotFoundError(`This round has ${pointCount} expected points; there is no point ${index + 1}.`);
        points[index] = value;
      }
      const behaviour = {
        ...(JSON.parse(current?.behaviourJson ?? '{}') as Record<string, boolean>),
        ...(input.behaviour ?? {}),
      };
      const next = {
        clarity: input.scores?.clarity !== undefined ? input.scores.clarity : (current?.clarity ?? null),
        rigor: input.scores?.rigor !== undefined ? input.scores.rigor : (current?.rigor ?? null),
        speed: input.scores?.speed !== undefined ? input.scores.speed : (current?.speed ?? null),
        pointsJson: JSON.stringify(Array.from({ length: pointCount }, (_, i) => points[i] ?? null)),
        behaviourJson: JSON.stringify(behaviour),
        wentWell: input.postmortem?.wentWell ?? current?.wentWell ?? '',
        missed: input.postmortem?.missed ?? current?.missed ?? '',
        change: input.postmortem?.change ?? current?.change ?? '',
        updatedAt: at,
      };
      const complete = next.clarity !== null && next.rigor !== null && next.speed !== null;
      const scoredAt = complete ? (current?.scoredAt ?? at) : null;
      tx.insert(roundReviews)
        .values({ roundId: input.roundId, ...next, scoredAt })
        .onConflictDoUpdate({ target: roundReviews.roundId, set: { ...next, scoredAt } })
        .run();
    });
    return this.get(input.roundId);
  }

  marks(roundId: string): ReviewMark[] {
    return this.db
      .select({ id: reviewMarks.id, kind: reviewMarks.kind, startMs: reviewMarks.startMs, endMs: reviewMarks.endMs })
      .from(reviewMarks)
      .where(eq(reviewMarks.roundId, roundId))
      .orderBy(reviewMarks.startMs)
      .all();
  }

  mark(input: RequestInput<'review:mark'>): ReviewMark[] {
    this.roundRow(input.roundId);
    const ordered = (startMs: number, endMs: number | null) =>
      endMs !== null && endMs < startMs ? { startMs: endMs, endMs: startMs } : { startMs, endMs };
    if (input.action === 'add') {
      this.db
        .insert(reviewMarks)
        .values({
          id: randomUUID(),
          roundId: input.roundId,
          kind: input.kind,
          ...ordered(input.startMs, input.endMs),
          createdAt: this.now(),
        })
        .run();
    } else {
      const where = and(eq(reviewMarks.id, input.markId), eq(reviewMarks.roundId, input.roundId));
      const changed =
        input.action === 'update'
          ? this.db.update(reviewMarks).set(ordered(input.startMs, input.endMs)).where(where).run()
          : this.db.delete(reviewMarks).where(where).run();
      if (changed.changes === 0) throw new NotFoundError('That mark no longer exists.');
    }
    return this.marks(input.roundId);
  }

  /** One page of recorded rounds matching `where`, newest first by (start time, id). */
  private entries(where: SQL | undefined, limit: number, after: PageCursor | undefined): Page<ReviewQueueEntry> {
    const rows = this.db
      .select({
        roundId: rounds.id,
        sessionId: sessions.id,
        sessionTitle: sessions.title,
        roundIndex: rounds.index,
        planJson: rounds.planJson,
        category: rounds.category,
        questionType: rounds.questionType,
        startedAt: rounds.startedAt,
        durationMs: recordings.durationMs,
        clarity: roundReviews.clarity,
        rigor: roundReviews.rigor,
        speed: roundReviews.speed,
      })
      .from(rounds)
      .innerJoin(sessions, eq(sessions.id, rounds.sessionId))
      .innerJoin(recordings, eq(recordings.roundId, rounds.id))
      .leftJoin(roundReviews, eq(roundReviews.roundId, rounds.id))
      .where(and(where, afterCursor(rounds.startedAt, rounds.id, after)))
      .orderBy(...newestFirst(rounds.startedAt, rounds.id))
      .limit(limit + 1)
      .all();
    return toPage(
      rows,
      limit,
      (r) => ({ at: r.startedAt, id: r.roundId }),
      (r) => ({
        roundId: r.roundId,
        sessionId: r.sessionId,
        sessionTitle: r.sessionTitle,
        roundIndex: r.roundIndex,
        title: titleOf(r.planJson),
        category: r.category,
        questionType: r.questionType,
        startedAt: r.startedAt,
        durationMs: r.durationMs,
        scores: { clarity: r.clarity ?? null, rigor: r.rigor ?? null, speed: r.speed ?? null },
      }),
    );
  }

  /** Recorded rounds with audio that are not fully scored yet, newest first. */
  queue({ limit, after }: ParsedInput<'review:queue'>): Page<ReviewQueueEntry> {
    return this.entries(
      and(
        or(eq(recordings.status, 'finalized'), eq(recordings.status, 'recovered')),
        isNotNull(recordings.durationMs),
        or(isNull(roundReviews.roundId), isNull(roundReviews.scoredAt)),
      ),
      limit,
      after,
    );
  }

  /** Every recorded attempt at the same prompt (same item and round of the item), newest first. */
  attempts({ roundId, limit, after }: ParsedInput<'review:attempts'>): Page<ReviewQueueEntry> & { total: number } {
    const row = this.roundRow(roundId);
    const samePrompt = and(eq(rounds.itemId, row.itemId), eq(rounds.itemRound, row.itemRound));
    const total = this.db
      .select({ n: count() })
      .from(rounds)
      .innerJoin(recordings, eq(recordings.roundId, rounds.id))
      .where(samePrompt)
      .get()!.n;
    return { ...this.entries(samePrompt, limit, after), total };
  }

  /** Postmortems' "what I'll change" lines, most recently edited first. */
  changes({ limit, after }: ParsedInput<'review:changes'>): Page<ChangeLine> {
    const rows = this.db
      .select({
        roundId: roundReviews.roundId,
        at: roundReviews.updatedAt,
        change: roundReviews.change,
        planJson: rounds.planJson,
      })
      .from(roundReviews)
      .innerJoin(rounds, eq(rounds.id, roundReviews.roundId))
      .where(and(ne(roundReviews.change, ''), afterCursor(roundReviews.updatedAt, roundReviews.roundId, after)))
      .orderBy(...newestFirst(roundReviews.updatedAt, roundReviews.roundId))
      .limit(limit + 1)
      .all();
    return toPage(
      rows,
      limit,
      (r) => ({ at: r.at, id: r.roundId }),
      (r) => ({ roundId: r.roundId, at: r.at, title: titleOf(r.planJson), change: r.change }),
    );
  }
}

type Page<E> = { entries: E[]; next: PageCursor | null };

function titleOf(planJson: string): string {
  return roundTitle(JSON.parse(planJson) as { title?: string; itemTitle: string });
}
