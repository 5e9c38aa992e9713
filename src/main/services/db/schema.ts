/**
 * The whole SQLite schema, in one module. Migrations are generated from it by drizzle-kit
 * (`npm run db:generate`) into resources/migrations and applied at start.
 * Times are integer milliseconds (since the epoch, or on a recording's timeline where the name
 * says so); JSON columns hold zod-validated data. Enum columns take their values from the zod
 * enums in src/shared/enums.ts and a CHECK constraint makes SQLite refuse any other value.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type SQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { actionKind, actionListReason } from '../../../shared/coach/enums';
import {
  analysisStatus,
  enumValues,
  followUpMode,
  followUpTrigger,
  markKind,
  recordingStatus,
  roundStatus,
  sessionStatus,
  transcriptStatus,
} from '../../../shared/enums';

/**
 * `"column" IN ('a', 'b', …)`, written out literally (a CHECK constraint cannot take parameters) and
 * with the column unqualified, so it stays valid through drizzle-kit's rename of a rebuilt table.
 */
function oneOf(column: SQLiteColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  return sql.raw(`"${column.name}" IN (${list})`);
}

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** The SessionSource that started it, as JSON. */
    sourceJson: text('source_json').notNull(),
    status: text('status', { enum: enumValues(sessionStatus) }).notNull(),
    followUpMode: text('follow_up_mode', { enum: enumValues(followUpMode) })
      .notNull()
      .default('scheduled'),
    createdAt: integer('created_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [
    // A circuit's last run, for the schedule (migration 0008).
    index('sessions_source').on(t.sourceJson, t.createdAt),
    index('sessions_page_created').on(t.createdAt, t.id),
    index('sessions_page_open')
      .on(t.createdAt)
      .where(sql`${t.status} IN ('running', 'paused')`),
    check('sessions_status_check', oneOf(t.status, sessionStatus.options)),
    // Migration 0009: the coach pages through sessions newest first.
    index('sessions_created').on(t.createdAt),
    check('sessions_follow_up_mode_check', oneOf(t.followUpMode, followUpMode.options)),
  ],
);

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
    status: text('status', { enum: enumValues(roundStatus) }).notNull(),
    startedAt: integer('started_at'),
    endedAt: integer('ended_at'),
  },
  (t) => [
    uniqueIndex('rounds_session_idx').on(t.sessionId, t.index),
    index('rounds_item').on(t.itemId),
    // The schedule's reads of the latest attempts per item and per question type (migration 0008).
    index('rounds_item_started').on(t.itemId, t.startedAt, t.status),
    // Migration 0007 (0008's IF NOT EXISTS of the same name with status added is a no-op after it).
    index('rounds_type_started').on(t.questionType, t.startedAt),
    // Migration 0009: baselines per question type and the weekly windows read history by start time.
    index('rounds_started').on(t.startedAt),
    index('rounds_item_round_started').on(t.itemId, t.itemRound, t.startedAt),
    index('rounds_page_started').on(t.startedAt, t.id),
    index('rounds_page_attempts').on(t.itemId, t.itemRound, t.startedAt, t.id),
    check('rounds_status_check', oneOf(t.status, roundStatus.options)),
  ],
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
export const recordings = sqliteTable(
  'recordings',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .unique()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    /** Paths relative to the data folder. */
    file: text('file').notNull(),
    peaksFile: text('peaks_file').notNull(),
    mimeType: text('mime_type').notNull(),
    status: text('status', { enum: enumValues(recordingStatus) }).notNull(),
    bytes: integer('bytes').notNull().default(0),
    chunks: integer('chunks').notNull().default(0),
    durationMs: integer('duration_ms'),
    peaksPerSecond: integer('peaks_per_second').notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    error: text('error'),
  },
  (t) => [check('recordings_status_check', oneOf(t.status, recordingStatus.options))],
);

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
    trigger: text('trigger', { enum: enumValues(followUpTrigger) }).notNull(),
    scheduledMs: integer('scheduled_ms'),
    spokenStartMs: integer('spoken_start_ms'),
    spokenEndMs: integer('spoken_end_ms'),
  },
  (t) => [
    uniqueIndex('follow_ups_round_idx').on(t.roundId, t.index),
    check('follow_ups_trigger_check', oneOf(t.trigger, followUpTrigger.options)),
  ],
);

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

/**
 * What the Progress page aggregates, one narrow row per round (migration 0007). Written only by
 * triggers on rounds, round_reviews and round_analyses (see 0007_progress_stats.sql), never by
 * the services, so every write path keeps it current; read by services/progress-summary.ts.
 */
export const roundStats = sqliteTable(
  'round_stats',
  {
    roundId: text('round_id')
      .primaryKey()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').notNull(),
    startedAt: integer('started_at'),
    category: text('category').notNull(),
    questionType: text('question_type').notNull(),
    clarity: integer('clarity'),
    rigor: integer('rigor'),
    speed: integer('speed'),
    /** 1 when the round's analysis has readable metrics (the columns below then come from them). */
    hasMetrics: integer('has_metrics').notNull().default(0),
    thinkMs: integer('think_ms'),
    talkMs: integer('talk_ms'),
    overrunMs: integer('overrun_ms'),
    rambleMs: integer('ramble_ms'),
    coreAnswerMs: integer('core_answer_ms'),
    longestRunMs: integer('longest_run_ms'),
    /** How many flags the metrics raised. */
    flags: integer('flags').notNull().default(0),
  },
  (t) => [
    index('round_stats_trends').on(
      t.startedAt,
      t.category,
      t.questionType,
      t.clarity,
      t.rigor,
      t.speed,
      t.thinkMs,
      t.talkMs,
      t.overrunMs,
      t.rambleMs,
    ),
    index('round_stats_areas').on(t.category, t.questionType, t.startedAt, t.clarity, t.rigor, t.speed, t.flags),
    index('round_stats_type_metrics_started').on(t.questionType, t.hasMetrics, t.startedAt),
  ],
);

/**
 * The user's own say over "Today" (migration 0008): an item snoozed until a time, or retired. The
 * only schedule state stored; due dates are recomputed from the history. Times: wall clock, epoch ms.
 */
export const itemSchedule = sqliteTable('item_schedule', {
  itemId: text('item_id').primaryKey(),
  snoozedUntil: integer('snoozed_until'),
  retiredAt: integer('retired_at'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * A blind re-score of an old round (migration 0009): asked, then answered or dismissed. The earlier
 * scores are copied in when it is answered, so later edits of the review do not move the comparison.
 */
export const rescores = sqliteTable(
  'rescores',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    askedAt: integer('asked_at').notNull(),
    answeredAt: integer('answered_at'),
    dismissedAt: integer('dismissed_at'),
    clarity: integer('clarity'),
    rigor: integer('rigor'),
    speed: integer('speed'),
    originalClarity: integer('original_clarity'),
    originalRigor: integer('original_rigor'),
    originalSpeed: integer('original_speed'),
  },
  (t) => [index('rescores_asked').on(t.askedAt), index('rescores_round').on(t.roundId)],
);

/** A weekly action list (migration 0009): made when a week ended or on request, from that window's rounds. */
export const actionLists = sqliteTable(
  'action_lists',
  {
    id: text('id').primaryKey(),
    /** The window of rounds it was drawn from, epoch ms [start, end). */
    windowStart: integer('window_start').notNull(),
    windowEnd: integer('window_end').notNull(),
    reason: text('reason', { enum: enumValues(actionListReason) }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('action_lists_created').on(t.createdAt),
    check('action_lists_reason_check', oneOf(t.reason, actionListReason.options)),
  ],
);

export const actionItems = sqliteTable(
  'action_items',
  {
    id: text('id').primaryKey(),
    listId: text('list_id')
      .notNull()
      .references(() => actionLists.id, { onDelete: 'cascade' }),
    index: integer('idx').notNull(),
    kind: text('kind', { enum: enumValues(actionKind) }).notNull(),
    text: text('text').notNull(),
    /** Where it came from, in words ("written 3 times this week"). */
    why: text('why').notNull(),
    /** The round to practise again, when the action names one (no foreign key: the list outlives a deleted round). */
    roundId: text('round_id'),
    doneAt: integer('done_at'),
  },
  (t) => [
    uniqueIndex('action_items_list_idx').on(t.listId, t.index),
    check('action_items_kind_check', oneOf(t.kind, actionKind.options)),
  ],
);

/**
 * Word metrics of a transcribed round (migration 0011), written when its transcript is saved: the
 * columns the Progress trends aggregate in SQL, and the whole WordMetrics for baselines.
 */
export const roundWordMetrics = sqliteTable(
  'round_word_metrics',
  {
    roundId: text('round_id')
      .primaryKey()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    /** The round's start (epoch ms), kept here so trends read one index. */
    startedAt: integer('started_at').notNull(),
    wordCount: integer('word_count').notNull(),
    speakingMs: integer('speaking_ms'),
    wordsPerMinute: real('words_per_minute'),
    fillerShare: real('filler_share'),
    fillersPerMinute: real('fillers_per_minute'),
    hedgesPerMinute: real('hedges_per_minute'),
    restartsPerMinute: real('restarts_per_minute'),
    repeats: integer('repeats').notNull(),
    restarts: integer('restarts').notNull(),
    /** Median over the round's follow-ups, ms from the end of the follow-up to the first word. */
    msToFirstWord: real('ms_to_first_word'),
    followUpsJudged: integer('follow_ups_judged').notNull(),
    followUpsAnswered: integer('follow_ups_answered').notNull(),
    metricsJson: text('metrics_json').notNull(),
    computedAt: integer('computed_at').notNull(),
  },
  (t) => [index('round_word_metrics_started').on(t.startedAt)],
);
