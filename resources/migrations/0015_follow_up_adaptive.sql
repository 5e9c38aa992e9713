-- The adaptive follow-up mode (issue 19): sessions may run in it and its follow-ups are stored with
-- the trigger 'adaptive'. SQLite changes a CHECK only by rebuilding the table, so both tables are
-- copied into new ones with the wider CHECK (same columns, same order, same indexes; no trigger
-- reads either table). Foreign keys are off while migrations run and checked before they commit.
CREATE TABLE `__new_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` text NOT NULL,
	`idx` integer NOT NULL,
	`text` text NOT NULL,
	`trigger` text NOT NULL,
	`scheduled_ms` integer,
	`spoken_start_ms` integer,
	`spoken_end_ms` integer,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "follow_ups_trigger_check" CHECK("trigger" IN ('scheduled', 'jittered', 'at-pause', 'pressure', 'partner', 'adaptive', 'adhoc'))
);
--> statement-breakpoint
INSERT INTO `__new_follow_ups` SELECT * FROM `follow_ups`;--> statement-breakpoint
DROP TABLE `follow_ups`;--> statement-breakpoint
ALTER TABLE `__new_follow_ups` RENAME TO `follow_ups`;--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_round_idx` ON `follow_ups` (`round_id`,`idx`);--> statement-breakpoint
CREATE TABLE `__new_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`source_json` text NOT NULL,
	`status` text NOT NULL,
	`follow_up_mode` text DEFAULT 'scheduled' NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	CONSTRAINT "sessions_status_check" CHECK("status" IN ('planned', 'running', 'paused', 'ended', 'abandoned')),
	CONSTRAINT "sessions_follow_up_mode_check" CHECK("follow_up_mode" IN ('scheduled', 'jittered', 'at-pause', 'pressure', 'partner', 'adaptive'))
);
--> statement-breakpoint
INSERT INTO `__new_sessions` SELECT * FROM `sessions`;--> statement-breakpoint
DROP TABLE `sessions`;--> statement-breakpoint
ALTER TABLE `__new_sessions` RENAME TO `sessions`;--> statement-breakpoint
CREATE INDEX `sessions_source` ON `sessions` (`source_json`,`created_at`);--> statement-breakpoint
CREATE INDEX `sessions_created` ON `sessions` (`created_at`);--> statement-breakpoint
CREATE INDEX `sessions_page_created` ON `sessions` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_page_open` ON `sessions` (`status`,`created_at`);
