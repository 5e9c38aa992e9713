/**
 * A round's words, measured: word metrics written when its transcript is saved (one row per round in
 * round_word_metrics, so trends over a year of practice are one indexed query), the notes against
 * thresholds and the user's own baseline, and expected-point suggestions once the answer is revealed.
 * The measuring itself is the pure code in src/shared/words/.
 */
import { and, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import {
  roundAnswers,
  roundPlan,
  type RoundAnswers,
  type RoundWordsView,
  type WordTrendWeek,
} from '../../../shared/contract';
import { transcriptSegment, type RoundTranscript, type TranscriptSegment } from '../../../shared/transcript';
import {
  computeWordMetrics,
  expectedPointsOf,
  wordBaselineOf,
  wordMetrics,
  wordNotes,
  wordsFromSegments,
  type WordMetrics,
} from '../../../shared/words';
import { median } from '../../../shared/metrics';
import type { LoadedContent } from '../content/load';
import type { AppDatabase } from '../db/open';
import { followUps, roundReviews, rounds, roundTranscripts, roundWordMetrics, sessionEvents } from '../db/schema';
import { NotFoundError } from '../infra/errors';
import { unnecessaryInterruptions } from '../review/interruptions';
import { coverageWith, type CoverageInputs } from './coverage-inputs';

/** A baseline is the median of this many transcribed rounds before the one shown, at most. */
export const BASELINE_ROUNDS = 20;

const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: weeks start there. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

const storedSegments = transcriptSegment.array();

/**
 * A round's round_word_metrics row (all but its id) from its measured words; `startedAt` is the
 * round's start and `computedAt` now, both epoch ms. Also what the history seeder writes.
 */
export function wordMetricsRow(metrics: WordMetrics, startedAt: number, computedAt: number) {
  const judged = metrics.followUps.filter((f) => f.answeredExactFollowUp !== null);
  const perMinute = (count: number) =>
    metrics.speakingMs ? Math.round((count / (metrics.speakingMs / 60_000)) * 10) / 10 : null;
  return {
    startedAt,
    wordCount: metrics.wordCount,
    speakingMs: metrics.speakingMs,
    wordsPerMinute: metrics.wordsPerMinute,
    fillerShare: metrics.fillers.share,
    fillersPerMinute: metrics.fillers.perMinute,
    hedgesPerMinute: metrics.hedges.perMinute,
    restartsPerMinute: perMinute(metrics.restarts.count),
    repeats: metrics.repetitions.count,
    restarts: metrics.restarts.count,
    msToFirstWord: median(metrics.followUps.map((f) => f.msToFirstWord)),
    followUpsJudged: judged.length,
    followUpsAnswered: judged.filter((f) => f.answeredExactFollowUp).length,
    metricsJson: JSON.stringify(metrics),
    computedAt,
  } satisfies Omit<typeof roundWordMetrics.$inferInsert, 'roundId'>;
}

export class RoundWords {
  constructor(
    private readonly db: AppDatabase,
    private readonly content: () => LoadedContent,
    private readonly now: () => number,
  ) {}

  /** Measures a just-saved transcript and stores the round's word metrics (replacing older ones). */
  store(transcript: Pick<RoundTranscript, 'roundId' | 'segments'>): WordMetrics {
    const round = this.db.select().from(rounds).where(eq(rounds.id, transcript.roundId)).get();
    if (!round) throw new NotFoundError(`No round has the id "${transcript.roundId}".`);
    const metrics = this.measure(transcript.roundId, transcript.segments);
    const row = wordMetricsRow(metrics, round.startedAt ?? round.endedAt ?? this.now(), this.now());
    this.db
      .insert(roundWordMetrics)
      .values({ roundId: transcript.roundId, ...row })
      .onConflictDoUpdate({ target: roundWordMetrics.roundId, set: row })
      .run();
    return metrics;
  }

  /**
   * Stores the metrics of transcripts that have none yet, or older than the transcript (imported,
   * saved before this table existed, or re-transcribed while a write failed). Returns how many.
   */
  storeMissing(limit = 1000): number {
    const rows = this.db
      .select({ roundId: roundTranscripts.roundId, segmentsJson: roundTranscripts.segmentsJson })
      .from(roundTranscripts)
      .leftJoin(roundWordMetrics, eq(roundWordMetrics.roundId, roundTranscripts.roundId))
      .where(
        and(
          isNotNull(roundTranscripts.segmentsJson),
          or(isNull(roundWordMetrics.roundId), lt(roundWordMetrics.computedAt, roundTranscripts.updatedAt)),
        ),
      )
      .limit(limit)
      .all();
    for (const r of rows)
      this.store({ roundId: r.roundId, segments: storedSegments.parse(JSON.parse(r.segmentsJson!)) });
    return rows.length;
  }

  view(roundId: string): RoundWordsView {
    const round = this.db.select().from(rounds).where(eq(rounds.id, roundId)).get();
    if (!round) throw new NotFoundError(`No round has the id "${roundId}".`);
    const transcript = this.db
      .select({ segmentsJson: roundTranscripts.segmentsJson })
      .from(roundTranscripts)
      .where(eq(roundTranscripts.roundId, roundId))
      .get();
    if (!transcript?.segmentsJson)
      return { roundId, metrics: null, notes: [], baseline: null, coverage: null, unnecessaryInterruptions: null };
    const segments = storedSegments.parse(JSON.parse(transcript.segmentsJson));
    const stored = this.db
      .select({ json: roundWordMetrics.metricsJson, startedAt: roundWordMetrics.startedAt })
      .from(roundWordMetrics)
      .where(eq(roundWordMetrics.roundId, roundId))
      .get();
    const metrics = stored ? wordMetrics.parse(JSON.parse(stored.json)) : this.store({ roundId, segments });
    const startedAt = stored?.startedAt ?? round.startedAt ?? 0;
    const earlier = this.db
      .select({ json: roundWordMetrics.metricsJson })
      .from(roundWordMetrics)
      .where(lt(roundWordMetrics.startedAt, startedAt))
      .orderBy(desc(roundWordMetrics.startedAt))
      .limit(BASELINE_ROUNDS)
      .all()
      .map((r) => wordMetrics.parse(JSON.parse(r.json)));
    const baseline = earlier.length ? wordBaselineOf(earlier) : null;
    const revealed = this.db
      .select({ at: roundReviews.revealedAt })
      .from(roundReviews)
      .where(eq(roundReviews.roundId, roundId))
      .get();
    return {
      roundId,
      metrics,
      notes: wordNotes(metrics, baseline),
      baseline,
      coverage: revealed?.at != null ? this.coverage(round, segments) : null,
      unnecessaryInterruptions: this.unnecessary(round, segments).length,
    };
  }

  /** Weekly averages of the stored word metrics since `sinceMs`, in one grouped query. */
  trends(input: { sinceMs: number; utcOffsetMinutes: number }): { weeks: WordTrendWeek[] } {
    const offset = input.utcOffsetMinutes * 60_000;
    // better-sqlite3 binds numbers as REAL: the CAST makes it whole weeks (start times are positive).
    const week = sql<number>`CAST((${roundWordMetrics.startedAt} + ${offset - FIRST_MONDAY_MS}) / ${WEEK_MS} AS INTEGER)`;
    const rows = this.db
      .select({
        week,
        rounds: sql<number>`count(*)`,
        wordsPerMinute: sql<number | null>`avg(${roundWordMetrics.wordsPerMinute})`,
        fillerShare: sql<number | null>`avg(${roundWordMetrics.fillerShare})`,
        fillersPerMinute: sql<number | null>`avg(${roundWordMetrics.fillersPerMinute})`,
        hedgesPerMinute: sql<number | null>`avg(${roundWordMetrics.hedgesPerMinute})`,
        restartsPerMinute: sql<number | null>`avg(${roundWordMetrics.restartsPerMinute})`,
        msToFirstWord: sql<number | null>`avg(${roundWordMetrics.msToFirstWord})`,
        answeredShare: sql<
          number | null
        >`CAST(sum(${roundWordMetrics.followUpsAnswered}) AS REAL) / nullif(sum(${roundWordMetrics.followUpsJudged}), 0)`,
      })
      .from(roundWordMetrics)
      .where(and(sql`${roundWordMetrics.startedAt} >= ${input.sinceMs}`, sql`${roundWordMetrics.wordCount} > 0`))
      .groupBy(week)
      .orderBy(week)
      .all();
    return {
      weeks: rows.map(({ week: w, ...r }) => ({ ...r, weekStart: Number(w) * WEEK_MS + FIRST_MONDAY_MS - offset })),
    };
  }

  private measure(roundId: string, segments: readonly TranscriptSegment[]): WordMetrics {
    const cue = this.db
      .select({ data: sessionEvents.dataJson })
      .from(sessionEvents)
      .where(and(eq(sessionEvents.roundId, roundId), eq(sessionEvents.type, 'answer-cue')))
      .orderBy(desc(sessionEvents.id))
      .get();
    const cueMs = cue ? Number((JSON.parse(cue.data) as { ms?: unknown }).ms) : 0;
    const asked = this.db
      .select({
        index: followUps.index,
        text: followUps.text,
        spokenStartMs: followUps.spokenStartMs,
        spokenEndMs: followUps.spokenEndMs,
      })
      .from(followUps)
      .where(eq(followUps.roundId, roundId))
      .all();
    return computeWordMetrics({
      segments: [...segments],
      answerCueMs: Number.isInteger(cueMs) && cueMs >= 0 ? cueMs : 0,
      followUps: asked.map((f) => ({
        ...f,
        spokenStartMs: f.spokenStartMs === null ? null : Math.max(0, Math.round(f.spokenStartMs)),
        spokenEndMs: f.spokenEndMs === null ? null : Math.max(0, Math.round(f.spokenEndMs)),
      })),
    });
  }

  private coverage(round: typeof rounds.$inferSelect, segments: readonly TranscriptSegment[]) {
    return coverageWith(this.inputs(round), segments);
  }

  /** What the review's coverage matcher takes for a round (live listening runs it in its worker). */
  coverageInputs(roundId: string): CoverageInputs {
    const round = this.db.select().from(rounds).where(eq(rounds.id, roundId)).get();
    if (!round) throw new NotFoundError(`No round has the id "${roundId}".`);
    return this.inputs(round);
  }

  private inputs(round: typeof rounds.$inferSelect): CoverageInputs {
    const answers = this.answers(round);
    const plan = JSON.parse(round.planJson) as { prompt?: string };
    return {
      points: answers.expectedPoints.map((text, i) => ({ text, cues: answers.expectedPointCues[i] ?? [] })),
      prompt: plan.prompt,
      reference: answers.referenceAnswer ?? undefined,
    };
  }

  /** The follow-ups asked although the answer had already clearly covered every point they probe. */
  private unnecessary(round: typeof rounds.$inferSelect, segments: readonly TranscriptSegment[]) {
    const answers = this.answers(round);
    const asked = this.db
      .select({ index: followUps.index, text: followUps.text, spokenStartMs: followUps.spokenStartMs })
      .from(followUps)
      .where(eq(followUps.roundId, round.id))
      .all();
    return unnecessaryInterruptions({
      points: expectedPointsOf(answers),
      words: wordsFromSegments(segments),
      asked,
      plan: roundPlan.parse(JSON.parse(round.planJson)),
      reference: answers.referenceAnswer,
    });
  }

  /** Frozen answers, or the current content for rounds from before they were frozen (as review does). */
  private answers(round: typeof rounds.$inferSelect): RoundAnswers {
    if (round.answersJson) return roundAnswers.parse(JSON.parse(round.answersJson));
    const item = this.content().items.get(round.itemId)?.rounds[round.itemRound];
    return {
      expectedPoints: item?.expectedPoints ?? [],
      expectedPointCues: item?.expectedPointCues ?? [],
      referenceAnswer: item?.referenceAnswer ?? null,
    };
  }
}
