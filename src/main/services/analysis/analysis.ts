/**
 * Analyses recordings in the background, one at a time, after they are finalized (and at start for
 * any that were missed). Decoding and speech detection run in a worker process (runner.ts); this
 * service keeps the queue, the database rows and the events. Segments are stored once; metrics are recomputed cheaply whenever the
 * round's marks change, so the report card and progress page always agree with the review.
 */
import { and, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { AnalysisView } from '../../../shared/contract';
import { computeRoundMetrics, median, roundMetrics, segment, type RoundMetrics } from '../../../shared/metrics';
import type { LoadedContent } from '../content/load';
import type { AppDatabase } from '../db/open';
import { followUps, recordings, reviewMarks, roundAnalyses, rounds, sessionEvents } from '../db/schema';
import type { EventBus } from '../infra/events';
import { NotFoundError } from '../infra/errors';
import { insideRoot } from '../infra/paths';
import type { AnalysisRunner } from './runner';

const segmentsSchema = segment.array();

export class AnalysisService {
  private readonly queue: string[] = [];
  private worker: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: AppDatabase,
    private readonly dataDir: string,
    private readonly content: () => LoadedContent,
    private readonly events: EventBus,
    private readonly now: () => number,
    private readonly runner: AnalysisRunner,
  ) {}

  /** Queues a round's recording for analysis (no-op if it has none yet). */
  enqueue(roundId: string): void {
    if (this.stopped || this.queue.includes(roundId)) return;
    this.db
      .insert(roundAnalyses)
      .values({ roundId, status: 'pending' })
      .onConflictDoUpdate({ target: roundAnalyses.roundId, set: { status: 'pending', error: null } })
      .run();
    this.queue.push(roundId);
    this.events.emit('analysis:changed', { roundId, status: 'pending' });
    this.worker ??= this.work().finally(() => (this.worker = null));
  }

  /** Every finalized or recovered recording with no analysis yet, or one a shutdown interrupted. */
  enqueueMissing(): number {
    const missing = this.db
      .select({ roundId: recordings.roundId })
      .from(recordings)
      .leftJoin(roundAnalyses, eq(roundAnalyses.roundId, recordings.roundId))
      .where(
        and(
          inArray(recordings.status, ['finalized', 'recovered']),
          or(isNull(roundAnalyses.roundId), eq(roundAnalyses.status, 'pending')),
        ),
      )
      .all();
    for (const { roundId } of missing) this.enqueue(roundId);
    return missing.length;
  }

  /**
   * Stops taking work and ends the worker; an analysis in flight is dropped without writing (the
   * database is closing) and stays pending, so the next start runs it again.
   */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.runner.stop();
  }

  /** Resolves when the queue is empty (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  private async work(): Promise<void> {
    for (let roundId = this.queue.shift(); roundId; roundId = this.queue.shift()) {
      try {
        await this.analyze(roundId);
        if (!this.stopped) this.events.emit('analysis:changed', { roundId, status: 'done' });
      } catch (error) {
        if (this.stopped) return;
        this.db
          .update(roundAnalyses)
          .set({ status: 'failed', error: (error as Error).message, analyzedAt: this.now() })
          .where(eq(roundAnalyses.roundId, roundId))
          .run();
        this.events.emit('analysis:changed', { roundId, status: 'failed' });
      }
    }
  }

  private async analyze(roundId: string): Promise<void> {
    const recording = this.db.select().from(recordings).where(eq(recordings.roundId, roundId)).get();
    if (!recording || (recording.status !== 'finalized' && recording.status !== 'recovered')) {
      throw new Error('The round has no finished recording to analyse.');
    }
    const file = insideRoot(this.dataDir, recording.file);
    if (!file) throw new Error('The recording path is outside the data folder.');
    const { segments, durationMs } = await this.runner.analyze(file, (fraction) =>
      this.events.emit('analysis:progress', { roundId, fraction }),
    );
    if (this.stopped) return;
    this.db
      .update(roundAnalyses)
      .set({ status: 'done', segmentsJson: JSON.stringify(segments), durationMs, analyzedAt: this.now(), error: null })
      .where(eq(roundAnalyses.roundId, roundId))
      .run();
    this.recompute(roundId);
  }

  /** Recomputes the stored metrics from the stored segments and the round's current timeline. */
  recompute(roundId: string): RoundMetrics | null {
    const row = this.db.select().from(roundAnalyses).where(eq(roundAnalyses.roundId, roundId)).get();
    if (!row || row.status !== 'done' || !row.segmentsJson) return null;
    const metrics = computeRoundMetrics(
      segmentsSchema.parse(JSON.parse(row.segmentsJson)),
      this.timeline(roundId, row.durationMs ?? 0),
    );
    this.db
      .update(roundAnalyses)
      .set({ metricsJson: JSON.stringify(metrics) })
      .where(eq(roundAnalyses.roundId, roundId))
      .run();
    return metrics;
  }

  private timeline(roundId: string, durationMs: number) {
    const round = this.db.select().from(rounds).where(eq(rounds.id, roundId)).get();
    if (!round) throw new NotFoundError(`No round has the id "${roundId}".`);
    const cue = this.db
      .select({ data: sessionEvents.dataJson })
      .from(sessionEvents)
      .where(and(eq(sessionEvents.roundId, roundId), eq(sessionEvents.type, 'answer-cue')))
      .orderBy(desc(sessionEvents.id))
      .get();
    const cueMs = cue ? Number((JSON.parse(cue.data) as { ms?: unknown }).ms) : 0;
    const target = this.content().questionTypes.get(round.questionType)?.targetSeconds;
    return {
      durationMs,
      answerCueMs: Number.isFinite(cueMs) && cueMs >= 0 ? cueMs : 0,
      budgetSeconds: round.budgetSeconds,
      targetMs: target ? target * 1000 : null,
      followUps: this.db
        .select({ index: followUps.index, spokenStartMs: followUps.spokenStartMs, spokenEndMs: followUps.spokenEndMs })
        .from(followUps)
        .where(eq(followUps.roundId, roundId))
        .all(),
      marks: this.db
        .select({ kind: reviewMarks.kind, startMs: reviewMarks.startMs, endMs: reviewMarks.endMs })
        .from(reviewMarks)
        .where(eq(reviewMarks.roundId, roundId))
        .all(),
    };
  }

  get(roundId: string): AnalysisView {
    const round = this.db
      .select({ id: rounds.id, questionType: rounds.questionType })
      .from(rounds)
      .where(eq(rounds.id, roundId))
      .get();
    if (!round) throw new NotFoundError(`No round has the id "${roundId}".`);
    const row = this.db.select().from(roundAnalyses).where(eq(roundAnalyses.roundId, roundId)).get();
    return {
      roundId,
      status: row?.status ?? 'none',
      segments: row?.segmentsJson ? segmentsSchema.parse(JSON.parse(row.segmentsJson)) : [],
      metrics: row?.metricsJson ? roundMetrics.parse(JSON.parse(row.metricsJson)) : null,
      baselines: this.baselines(round.questionType, roundId),
      error: row?.error ?? null,
    };
  }

  /** The user's medians over their last 50 analysed rounds of the same question type. */
  private baselines(questionType: string, exclude: string): AnalysisView['baselines'] {
    const rows = this.db
      .select({ metrics: roundAnalyses.metricsJson })
      .from(roundAnalyses)
      .innerJoin(rounds, eq(rounds.id, roundAnalyses.roundId))
      .where(and(eq(rounds.questionType, questionType), eq(roundAnalyses.status, 'done'), ne(rounds.id, exclude)))
      .orderBy(desc(rounds.startedAt))
      .limit(50)
      .all();
    const metrics = rows.flatMap((r) => (r.metrics ? [JSON.parse(r.metrics) as RoundMetrics] : []));
    return {
      thinkTimeMs: median(metrics.map((m) => m.thinkTimeMs)),
      talkTimeMs: median(metrics.map((m) => m.talkTimeMs)),
      coreAnswerMs: median(metrics.map((m) => m.coreAnswerMs)),
      longestRunMs: median(metrics.map((m) => m.longestRunMs)),
    };
  }
}
