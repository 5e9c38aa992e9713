CREATE TABLE `review_marks` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`kind` text NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_marks_round` ON `review_marks` (`round_id`,`start_ms`);--> statement-breakpoint
CREATE TABLE `round_reviews` (
	`round_id` text PRIMARY KEY NOT NULL,
	`clarity` integer,
	`rigor` integer,
	`speed` integer,
	`points_json` text DEFAULT '[]' NOT NULL,
	`behaviour_json` text DEFAULT '{}' NOT NULL,
	`went_well` text DEFAULT '' NOT NULL,
	`missed` text DEFAULT '' NOT NULL,
	`change` text DEFAULT '' NOT NULL,
	`revealed_at` integer,
	`scored_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `rounds` ADD `answers_json` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `item_round` integer DEFAULT 0 NOT NULL;