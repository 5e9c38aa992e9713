/**
 * The whole SQLite schema, in one module. Migrations are generated from it by drizzle-kit
 * (`npm run db:generate`) into resources/migrations and applied at start.
 * Times are integer milliseconds since the epoch; JSON columns hold zod-validated data.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  /** The SessionSource that started it, as JSON. */
  sourceJson: text('source_json').notNull(),
  status: text('status', { enum: ['planned', 'running', 'paused', 'ended', 'abandoned'] }).notNull(),
  followUpMode: text('follow_up_mode', { enum: ['scheduled', 'jittered', 'at-pause', 'pressure', 'partner'] })
    .notNull()
    .default('scheduled'),
  createdAt: integer('created_at').notNull(),
  endedAt: integer('ended_at'),
});

export const rounds = sqliteTable(
  'rounds',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    index: integer('idx').notNull(),
    /** The plan is frozen at session start so later content edits never rewrite history. */
    planJson: text('plan_json').notNull(),
    /** Expected points and reference answer, frozen with the plan; sent only once revealed. */
    answersJson: text('answers_json'),
    itemId: text('item_id').notNull(),
    itemRound: integer('item_round').notNull().default(0),
    category: text('category').notNull(),
    questionType: text('question_type').notNull(),
    budgetSeconds: integer('budget_seconds').notNull(),
    status: text('status', { enum: ['pending', 'running', 'done', 'skipped', 'recovered'] }).notNull(),
    startedAt: integer('started_at'),
    endedAt: integer('ended_at'),
  },
  (t) => [uniqueIndex('rounds_session_idx').on(t.sessionId, t.index), index('rounds_item').on(t.itemId)],
);

export const sessionEvents = sqliteTable(
  'session_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    roundId: text('round_id').references(() => rounds.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    at: integer('at').notNull(),
    dataJson: text('data_json')
      .notNull()
      .default(sql`'{}'`),
  },
  (t) => [index('session_events_session').on(t.sessionId, t.at)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
});

/** One recording per round; audio and peaks files live under the data folder's recordings/. */
export const recordings = sqliteTable('recordings', {
  id: text('id').primaryKey(),
  roundId: text('round_id')
    .notNull()
    .unique()
    .references(() => rounds.id, { onDelete: 'cascade' }),
  /** Paths relative to the data folder. */
  file: text('file').notNull(),
  peaksFile: text('peaks_file').notNull(),
  mimeType: text('mime_type').notNull(),
  status: text('status', { enum: ['recording', 'finalized', 'recovered', 'failed'] }).notNull(),
  bytes: integer('bytes').notNull().default(0),
  chunks: integer('chunks').notNull().default(0),
  durationMs: integer('duration_ms'),
  peaksPerSecond: integer('peaks_per_second').notNull(),
  startedAt: integer('started_at').notNull(),
  finishedAt: integer('finished_at'),
  error: text('error'),
});

/** Follow-ups as actually asked: scheduled time and spoken start/end, in ms from the recording's start. */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    index: integer('idx').notNull(),
    text: text('text').notNull(),
    trigger: text('trigger', { enum: ['scheduled', 'jittered', 'at-pause', 'pressure', 'partner', 'adhoc'] }).notNull(),
    scheduledMs: integer('scheduled_ms'),
    spokenStartMs: integer('spoken_start_ms'),
    spokenEndMs: integer('spoken_end_ms'),
  },
  (t) => [uniqueIndex('follow_ups_round_idx').on(t.roundId, t.index)],
);

/** The candidate's review of a round: rubric scores, checklists and the 3-line postmortem. */
export const roundReviews = sqliteTable('round_reviews', {
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
});

/** Marks made while listening: ramble regions and core-answer / assumption / failure-mode points. */
export const reviewMarks = sqliteTable(
  'review_marks',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['ramble', 'core-answer', 'assumption', 'failure-mode'] }).notNull(),
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('review_marks_round').on(t.roundId, t.startMs)],
);

/** Speech analysis of a round's recording: segments from the VAD and the metrics derived from them. */
export const roundAnalyses = sqliteTable('round_analyses', {
  roundId: text('round_id')
    .primaryKey()
    .references(() => rounds.id, { onDelete: 'cascade' }),
  status: text('status', { enum: ['pending', 'done', 'failed'] }).notNull(),
  /** [{start, end}] in seconds from the start of the recording. */
  segmentsJson: text('segments_json'),
  /** RoundMetrics (src/shared/metrics.ts), recomputed when marks or follow-ups change. */
  metricsJson: text('metrics_json'),
  durationMs: integer('duration_ms'),
  analyzedAt: integer('analyzed_at'),
  error: text('error'),
});
