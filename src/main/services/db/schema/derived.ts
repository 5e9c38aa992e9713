/**
 * Tables derived from the others for fast reading (Progress, word trends), kept by triggers or by the
 * services that write their sources.
 */
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { rounds } from './sessions';

/**
 * What the Progress page aggregates, one narrow row per round (migration 0007). Written only by
 * triggers on rounds, round_reviews and round_analyses (see 0007_progress_stats.sql), never by
 * the services, so every write path keeps it current; read by services/progress/summary.ts.
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
 * Per (category, question type) with a started round, the sums Progress's weakest areas and filter
 * options add up (migration 0012): kept by triggers on round_stats, read by services/progress/summary.ts.
 */
export const roundStatsAreaSums = sqliteTable(
  'round_stats_area_sums',
  {
    category: text('category').notNull(),
    questionType: text('question_type').notNull(),
    rounds: integer('rounds').notNull(),
    /** Rounds with at least one score. */
    scored: integer('scored').notNull(),
    /** Clarity, rigor and speed added together, and how many of them there were. */
    scoreSum: integer('score_sum').notNull(),
    scoreCount: integer('score_count').notNull(),
    flags: integer('flags').notNull(),
  },
  (t) => [primaryKey({ columns: [t.category, t.questionType] })],
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
