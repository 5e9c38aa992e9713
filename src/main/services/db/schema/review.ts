/** What review and analysis add to a round: scores and postmortem, marks, speech analysis, transcripts. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { analysisStatus, enumValues, markKind, transcriptStatus } from '../../../../shared/enums';
import { oneOf } from './enum-check';
import { rounds } from './sessions';

/** The candidate's review of a round: rubric scores, checklists and the 3-line postmortem. */
export const roundReviews = sqliteTable(
  'round_reviews',
  {
    roundId: text('round_id')
      .primaryKey()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    clarity: integer('clarity'),
    rigor: integer('rigor'),
    speed: integer('speed'),
    /** Array indexed like the expected points: "covered" | "missed" | null. */
    pointsJson: text('points_json').notNull().default('[]'),
    behaviourJson: text('behaviour_json').notNull().default('{}'),
    wentWell: text('went_well').notNull().default(''),
    missed: text('missed').notNull().default(''),
    change: text('change').notNull().default(''),
    revealedAt: integer('revealed_at'),
    /** When all three scores were first set. */
    scoredAt: integer('scored_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('round_reviews_scored').on(t.scoredAt),
    index('round_reviews_page_change')
      .on(t.updatedAt, t.roundId)
      .where(sql`${t.change} <> ''`),
  ],
);

/** Marks made while listening: ramble regions and core-answer / assumption / failure-mode points. */
export const reviewMarks = sqliteTable(
  'review_marks',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: enumValues(markKind) }).notNull(),
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('review_marks_round').on(t.roundId, t.startMs),
    check('review_marks_kind_check', oneOf(t.kind, markKind.options)),
  ],
);

/** Speech analysis of a round's recording: segments from the VAD and the metrics derived from them. */
export const roundAnalyses = sqliteTable(
  'round_analyses',
  {
    roundId: text('round_id')
      .primaryKey()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    status: text('status', { enum: enumValues(analysisStatus) }).notNull(),
    /** [{startMs, endMs}]: integer ms on the recording's timeline (seconds before migration 0005). */
    segmentsJson: text('segments_json'),
    /** RoundMetrics (src/shared/metrics.ts), recomputed when marks or follow-ups change. */
    metricsJson: text('metrics_json'),
    durationMs: integer('duration_ms'),
    analyzedAt: integer('analyzed_at'),
    error: text('error'),
  },
  (t) => [check('round_analyses_status_check', oneOf(t.status, analysisStatus.options))],
);

/**
 * A round's transcript and its state (migration 0006). The segments are also kept as rows in
 * transcript_segments, indexed by the FTS5 table transcript_segments_fts (raw SQL: drizzle has no
 * virtual tables), which is what search reads.
 */
export const roundTranscripts = sqliteTable(
  'round_transcripts',
  {
    roundId: text('round_id')
      .primaryKey()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    modelId: text('model_id').notNull(),
    status: text('status', { enum: enumValues(transcriptStatus) }).notNull(),
    error: text('error'),
    /** TranscriptSegment[] (src/shared/transcript.ts), ms on the recording's timeline. */
    segmentsJson: text('segments_json'),
    wordCount: integer('word_count'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('round_transcripts_status_check', oneOf(t.status, transcriptStatus.options))],
);

export const transcriptSegments = sqliteTable(
  'transcript_segments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: text('round_id')
      .notNull()
      .references(() => roundTranscripts.roundId, { onDelete: 'cascade' }),
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('transcript_segments_round').on(t.roundId, t.startMs)],
);
