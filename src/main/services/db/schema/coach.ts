/** The coach's own state: Today's schedule, re-score prompts and weekly action lists. */
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { actionKind, actionListReason, enumValues } from '../../../../shared/enums';
import { oneOf } from './enum-check';
import { rounds } from './sessions';

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
