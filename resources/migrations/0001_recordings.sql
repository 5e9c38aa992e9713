CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` text NOT NULL,
	`idx` integer NOT NULL,
	`text` text NOT NULL,
	`trigger` text NOT NULL,
	`scheduled_ms` integer,
	`spoken_start_ms` integer,
	`spoken_end_ms` integer,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_round_idx` ON `follow_ups` (`round_id`,`idx`);--> statement-breakpoint
CREATE TABLE `recordings` (
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
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recordings_round_id_unique` ON `recordings` (`round_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `follow_up_mode` text DEFAULT 'scheduled' NOT NULL;