-- "Today" (issue 13): the user's snoozes and retirements, the only schedule state that is stored
-- (everything else is recomputed from the rounds, reviews and analyses), and two indexes that let
-- the schedule read the latest attempts per item and per question type without scanning history.
CREATE TABLE `item_schedule` (
	`item_id` text PRIMARY KEY NOT NULL,
	`snoozed_until` integer,
	`retired_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rounds_item_attempts` ON `rounds` (`item_id`,`session_id`,`status`,`started_at`);
--> statement-breakpoint
CREATE INDEX `rounds_type_started` ON `rounds` (`question_type`,`started_at`,`status`);
