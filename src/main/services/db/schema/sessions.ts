/** Sessions, their rounds and what happened during them: events, recordings, follow-ups; and settings. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  enumValues,
  followUpMode,
  followUpTrigger,
  recordingStatus,
  roundStatus,
  sessionStatus,
} from '../../../../shared/enums';
import { oneOf } from './enum-check';

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
    /** Peaks bytes the acknowledged chunks wrote; null for a recording started before migration 0013. */
    peaksBytes: integer('peaks_bytes'),
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
