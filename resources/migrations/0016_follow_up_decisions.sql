-- Why each follow-up of an adaptive round was asked or skipped (issue 19), stored as the round runs
-- (followup:decision) and shown in review. Times are ms on the recording's timeline. The unique
-- index makes a resent decision (same round, moment, follow-up and text) store nothing new; it also
-- serves review's read of a round's decisions in time order. The CHECKs list the zod enums'
-- values (followUpDecision.decision and followUpReason in src/shared/contract/live.ts).
CREATE TABLE `follow_up_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text NOT NULL,
	`plan_index` integer,
	`text` text NOT NULL,
	`point_indexes_json` text DEFAULT '[]' NOT NULL,
	`at_ms` integer NOT NULL,
	`evidence_start_ms` integer,
	`evidence_end_ms` integer,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "follow_up_decisions_decision_check" CHECK("decision" IN ('asked', 'skipped')),
	CONSTRAINT "follow_up_decisions_reason_check" CHECK("reason" IN ('not-heard', 'only-mentioned', 'scripted', 'late-probe', 'covered', 'just-said', 'cap', 'no-time'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_up_decisions_once` ON `follow_up_decisions` (`round_id`, `at_ms`, coalesce(`plan_index`, -1), `text`);
