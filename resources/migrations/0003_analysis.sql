CREATE TABLE `round_analyses` (
	`round_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`segments_json` text,
	`metrics_json` text,
	`duration_ms` integer,
	`analyzed_at` integer,
	`error` text,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
