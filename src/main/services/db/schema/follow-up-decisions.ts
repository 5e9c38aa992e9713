/** Why each follow-up of an adaptive round was asked or skipped (migration 0016), shown in review. */
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { followUpDecision, followUpReason } from '../../../../shared/contract/live';
import { enumValues } from '../../../../shared/enums';
import { oneOf } from './enum-check';
import { rounds } from './sessions';

const decision = followUpDecision.shape.decision;

export const followUpDecisions = sqliteTable(
  'follow_up_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: enumValues(decision) }).notNull(),
    reason: text('reason', { enum: enumValues(followUpReason) }).notNull(),
    /** The planned follow-up's index in the round plan; null for a point's probe. */
    planIndex: integer('plan_index'),
    text: text('text').notNull(),
    /** The expected points it probes: a JSON array of 0-based indexes. */
    pointIndexesJson: text('point_indexes_json').notNull().default('[]'),
    /** Ms on the recording's timeline, like every time of a round. */
    atMs: integer('at_ms').notNull(),
    evidenceStartMs: integer('evidence_start_ms'),
    evidenceEndMs: integer('evidence_end_ms'),
  },
  (t) => [
    // One decision per follow-up and moment (a resend stores nothing new); also review's read by round in time order.
    uniqueIndex('follow_up_decisions_once').on(t.roundId, t.atMs, sql`coalesce(${t.planIndex}, -1)`, t.text),
    check('follow_up_decisions_decision_check', oneOf(t.decision, decision.options)),
    check('follow_up_decisions_reason_check', oneOf(t.reason, followUpReason.options)),
  ],
);
