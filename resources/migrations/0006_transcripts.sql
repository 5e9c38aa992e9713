-- Transcripts of rounds (issue 11): one row per round with its state and segments, the segments again
-- as rows for full-text search (FTS5, external content, kept in step by triggers). Deleting a round
-- cascades to its transcript and its segments, and the triggers take the segments out of the index.
CREATE TABLE `round_transcripts` (
	`round_id` text PRIMARY KEY NOT NULL,
	`model_id` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`segments_json` text,
	`word_count` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "round_transcripts_status_check" CHECK("status" IN ('pending', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE `transcript_segments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` text NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `round_transcripts`(`round_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `transcript_segments_round` ON `transcript_segments` (`round_id`,`start_ms`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `transcript_segments_fts` USING fts5(
	`text`, content='transcript_segments', content_rowid='id', tokenize='porter unicode61'
);
--> statement-breakpoint
CREATE TRIGGER `transcript_segments_ai` AFTER INSERT ON `transcript_segments` BEGIN
	INSERT INTO `transcript_segments_fts`(rowid, `text`) VALUES (new.`id`, new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `transcript_segments_ad` AFTER DELETE ON `transcript_segments` BEGIN
	INSERT INTO `transcript_segments_fts`(`transcript_segments_fts`, rowid, `text`) VALUES ('delete', old.`id`, old.`text`);
END;
