-- "Today" (issue 13): the user's snoozes and retirements, the only schedule state that is stored
-- (everything else is recomputed from the rounds, reviews and analyses), and the indexes that let
-- the schedule seek the latest attempts per item and per question type, and a circuit's last run,
-- without scanning the history. Written to run again harmlessly (a test or a restore may replay it).
CREATE TABLE IF NOT EXISTS `item_schedule` (
	`item_id` text PRIMARY KEY NOT NULL,
	`snoozed_until` integer,
	`retired_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `rounds_item_started` ON `rounds` (`item_id`,`started_at`,`status`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `sessions_source` ON `sessions` (`source_json`,`created_at`);
