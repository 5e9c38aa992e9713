PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	CONSTRAINT "follow_ups_trigger_check" CHECK("trigger" IN ('scheduled', 'jittered', 'at-pause', 'pressure', 'partner', 'adhoc'))
);
--> statement-breakpoint
INSERT INTO `__new_follow_ups`("id", "round_id", "idx", "text", "trigger", "scheduled_ms", "spoken_start_ms", "spoken_end_ms") SELECT "id", "round_id", "idx", "text", "trigger", "scheduled_ms", "spoken_start_ms", "spoken_end_ms" FROM `follow_ups`;--> statement-breakpoint
DROP TABLE `follow_ups`;--> statement-breakpoint
ALTER TABLE `__new_follow_ups` RENAME TO `follow_ups`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_round_idx` ON `follow_ups` (`round_id`,`idx`);--> statement-breakpoint
CREATE TABLE `__new_recordings` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`file` text NOT NULL,
	`peaks_file` text NOT NULL,
	`mime_type` text NOT NULL,
	`status` text NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`chunks` integer DEFAULT 0 NOT NULL,
	`duration_ms` integer,
	`peaks_per_second` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`error` text,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "recordings_status_check" CHECK("status" IN ('recording', 'finalized', 'recovered', 'failed'))
);
--> statement-breakpoint
INSERT INTO `__new_recordings`("id", "round_id", "file", "peaks_file", "mime_type", "status", "bytes", "chunks", "duration_ms", "peaks_per_second", "started_at", "finished_at", "error") SELECT "id", "round_id", "file", "peaks_file", "mime_type", "status", "bytes", "chunks", "duration_ms", "peaks_per_second", "started_at", "finished_at", "error" FROM `recordings`;--> statement-breakpoint
DROP TABLE `recordings`;--> statement-breakpoint
ALTER TABLE `__new_recordings` RENAME TO `recordings`;--> statement-breakpoint
CREATE UNIQUE INDEX `recordings_round_id_unique` ON `recordings` (`round_id`);--> statement-breakpoint
CREATE TABLE `__new_review_marks` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`kind` text NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "review_marks_kind_check" CHECK("kind" IN ('ramble', 'core-answer', 'assumption', 'failure-mode'))
);
--> statement-breakpoint
INSERT INTO `__new_review_marks`("id", "round_id", "kind", "start_ms", "end_ms", "created_at") SELECT "id", "round_id", "kind", "start_ms", "end_ms", "created_at" FROM `review_marks`;--> statement-breakpoint
DROP TABLE `review_marks`;--> statement-breakpoint
ALTER TABLE `__new_review_marks` RENAME TO `review_marks`;--> statement-breakpoint
CREATE INDEX `review_marks_round` ON `review_marks` (`round_id`,`start_ms`);--> statement-breakpoint
CREATE TABLE `__new_round_analyses` (
	`round_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`segments_json` text,
	`metrics_json` text,
	`duration_ms` integer,
	`analyzed_at` integer,
	`error` text,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "round_analyses_status_check" CHECK("status" IN ('pending', 'done', 'failed'))
);
--> statement-breakpoint
INSERT INTO `__new_round_analyses`("round_id", "status", "segments_json", "metrics_json", "duration_ms", "analyzed_at", "error") SELECT "round_id", "status", "segments_json", "metrics_json", "duration_ms", "analyzed_at", "error" FROM `round_analyses`;--> statement-breakpoint
DROP TABLE `round_analyses`;--> statement-breakpoint
ALTER TABLE `__new_round_analyses` RENAME TO `round_analyses`;--> statement-breakpoint
CREATE TABLE `__new_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`idx` integer NOT NULL,
	`plan_json` text NOT NULL,
	`answers_json` text,
	`item_id` text NOT NULL,
	`item_round` integer DEFAULT 0 NOT NULL,
	`category` text NOT NULL,
	`question_type` text NOT NULL,
	`budget_seconds` integer NOT NULL,
	`status` text NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "rounds_status_check" CHECK("status" IN ('pending', 'running', 'done', 'skipped', 'recovered'))
);
--> statement-breakpoint
INSERT INTO `__new_rounds`("id", "session_id", "idx", "plan_json", "answers_json", "item_id", "item_round", "category", "question_type", "budget_seconds", "status", "started_at", "ended_at") SELECT "id", "session_id", "idx", "plan_json", "answers_json", "item_id", "item_round", "category", "question_type", "budget_seconds", "status", "started_at", "ended_at" FROM `rounds`;--> statement-breakpoint
DROP TABLE `rounds`;--> statement-breakpoint
ALTER TABLE `__new_rounds` RENAME TO `rounds`;--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_session_idx` ON `rounds` (`session_id`,`idx`);--> statement-breakpoint
CREATE INDEX `rounds_item` ON `rounds` (`item_id`);--> statement-breakpoint
CREATE TABLE `__new_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`source_json` text NOT NULL,
	`status` text NOT NULL,
	`follow_up_mode` text DEFAULT 'scheduled' NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	CONSTRAINT "sessions_status_check" CHECK("status" IN ('planned', 'running', 'paused', 'ended', 'abandoned')),
	CONSTRAINT "sessions_follow_up_mode_check" CHECK("follow_up_mode" IN ('scheduled', 'jittered', 'at-pause', 'pressure', 'partner'))
);
--> statement-breakpoint
INSERT INTO `__new_sessions`("id", "title", "source_json", "status", "follow_up_mode", "created_at", "ended_at") SELECT "id", "title", "source_json", "status", "follow_up_mode", "created_at", "ended_at" FROM `sessions`;--> statement-breakpoint
DROP TABLE `sessions`;--> statement-breakpoint
ALTER TABLE `__new_sessions` RENAME TO `sessions`;