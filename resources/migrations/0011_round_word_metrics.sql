-- Word metrics of each transcribed round (issue 11), written when its transcript is saved, so the
-- Progress trends at a year of practice are one indexed GROUP BY, and a round's baseline is the
-- few rounds before it (round_word_metrics_started index). The columns are what the trends draw;
-- metrics_json is the whole WordMetrics (src/shared/words/metrics.ts) for baselines.
CREATE TABLE `round_word_metrics` (
	`round_id` text PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`word_count` integer NOT NULL,
	`speaking_ms` integer,
	`words_per_minute` real,
	`filler_share` real,
	`fillers_per_minute` real,
	`hedges_per_minute` real,
	`restarts_per_minute` real,
	`repeats` integer NOT NULL,
	`restarts` integer NOT NULL,
	`ms_to_first_word` real,
	`follow_ups_judged` integer NOT NULL,
	`follow_ups_answered` integer NOT NULL,
	`metrics_json` text NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `round_word_metrics_started` ON `round_word_metrics` (`started_at`);
