-- One narrow row per round with what the Progress page aggregates (scores, the key metrics out of
-- metrics_json, the flag count), kept up to date by triggers on every write to rounds, round_reviews
-- and round_analyses (services, import, any later path), and filled here from the rows already
-- stored. Progress then groups and counts this table in SQLite instead of reading every round's
-- JSON. A migration that rebuilds rounds, round_reviews or round_analyses drops these triggers
-- with the old table and must create them again. Written to run twice harmlessly (IF NOT EXISTS, and
-- the fill replaces), as a test that re-runs later migrations does.
CREATE TABLE IF NOT EXISTS `round_stats` (
	`round_id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`started_at` integer,
	`category` text NOT NULL,
	`question_type` text NOT NULL,
	`clarity` integer,
	`rigor` integer,
	`speed` integer,
	`has_metrics` integer DEFAULT 0 NOT NULL,
	`think_ms` integer,
	`talk_ms` integer,
	`overrun_ms` integer,
	`ramble_ms` integer,
	`core_answer_ms` integer,
	`longest_run_ms` integer,
	`flags` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Covering indexes: the weekly trends read only the first, the per-area sums only the second.
CREATE INDEX IF NOT EXISTS `round_stats_trends` ON `round_stats` (
  `started_at`, `category`, `question_type`, `clarity`, `rigor`, `speed`, `think_ms`, `talk_ms`, `overrun_ms`, `ramble_ms`
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `round_stats_areas` ON `round_stats` (
  `category`, `question_type`, `started_at`, `clarity`, `rigor`, `speed`, `flags`
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `round_stats_type_metrics_started` ON `round_stats` (`question_type`, `has_metrics`, `started_at`);
--> statement-breakpoint
-- The report card's baselines (and so the Progress time allocation, which reads each round's
-- analysis) take a question type's most recent rounds: without this index that query read every
-- analysis, segments and all.
CREATE INDEX IF NOT EXISTS `rounds_type_started` ON `rounds` (`question_type`, `started_at`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `round_reviews_change_updated` ON `round_reviews` (`updated_at`) WHERE `change` != '';
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `round_stats_round_insert` AFTER INSERT ON `rounds` BEGIN
  INSERT INTO `round_stats` (`round_id`, `session_id`, `started_at`, `category`, `question_type`)
  VALUES (NEW.`id`, NEW.`session_id`, NEW.`started_at`, NEW.`category`, NEW.`question_type`);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `round_stats_round_update` AFTER UPDATE OF `session_id`, `started_at`, `category`, `question_type` ON `rounds` BEGIN
  UPDATE `round_stats`
  SET `session_id` = NEW.`session_id`, `started_at` = NEW.`started_at`, `category` = NEW.`category`,
    `question_type` = NEW.`question_type`
  WHERE `round_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `round_stats_review_insert` AFTER INSERT ON `round_reviews` BEGIN
  UPDATE `round_stats` SET `clarity` = NEW.`clarity`, `rigor` = NEW.`rigor`, `speed` = NEW.`speed`
  WHERE `round_id` = NEW.`round_id`;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `round_stats_review_update` AFTER UPDATE OF `clarity`, `rigor`, `speed` ON `round_reviews` BEGIN
  UPDATE `round_stats` SET `clarity` = NEW.`clarity`, `rigor` = NEW.`rigor`, `speed` = NEW.`speed`
  WHERE `round_id` = NEW.`round_id`;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `round_stats_review_delete` AFTER DELETE ON `round_reviews` BEGIN
  UPDATE `round_stats` SET `clarity` = NULL, `rigor` = NULL, `speed` = NULL WHERE `round_id` = OLD.`round_id`;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `round_stats_analysis_insert` AFTER INSERT ON `round_analyses` BEGIN
  UPDATE `round_stats`
  SET `has_metrics` = (NEW.`metrics_json` IS NOT NULL AND json_valid(NEW.`metrics_json`)),
    `think_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.thinkTimeMs') END,
    `talk_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.talkTimeMs') END,
    `overrun_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.overrunMs') END,
    `ramble_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.rambleMs') END,
    `core_answer_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.coreAnswerMs') END,
    `longest_run_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.longestRunMs') END,
    `flags` = CASE WHEN json_valid(NEW.`metrics_json`) THEN coalesce(json_array_length(NEW.`metrics_json`, '$.flags'), 0) ELSE 0 END
  WHERE `round_id` = NEW.`round_id`;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `round_stats_analysis_update` AFTER UPDATE OF `metrics_json` ON `round_analyses` BEGIN
  UPDATE `round_stats`
  SET `has_metrics` = (NEW.`metrics_json` IS NOT NULL AND json_valid(NEW.`metrics_json`)),
    `think_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.thinkTimeMs') END,
    `talk_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.talkTimeMs') END,
    `overrun_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.overrunMs') END,
    `ramble_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.rambleMs') END,
    `core_answer_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.coreAnswerMs') END,
    `longest_run_ms` = CASE WHEN json_valid(NEW.`metrics_json`) THEN json_extract(NEW.`metrics_json`, '$.longestRunMs') END,
    `flags` = CASE WHEN json_valid(NEW.`metrics_json`) THEN coalesce(json_array_length(NEW.`metrics_json`, '$.flags'), 0) ELSE 0 END
  WHERE `round_id` = NEW.`round_id`;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `round_stats_analysis_delete` AFTER DELETE ON `round_analyses` BEGIN
  UPDATE `round_stats`
  SET `has_metrics` = 0, `think_ms` = NULL, `talk_ms` = NULL, `overrun_ms` = NULL, `ramble_ms` = NULL,
    `core_answer_ms` = NULL, `longest_run_ms` = NULL, `flags` = 0
  WHERE `round_id` = OLD.`round_id`;
END;
--> statement-breakpoint
INSERT OR REPLACE INTO `round_stats` (
  `round_id`, `session_id`, `started_at`, `category`, `question_type`, `clarity`, `rigor`, `speed`, `has_metrics`,
  `think_ms`, `talk_ms`, `overrun_ms`, `ramble_ms`, `core_answer_ms`, `longest_run_ms`, `flags`
)
SELECT r.`id`, r.`session_id`, r.`started_at`, r.`category`, r.`question_type`, v.`clarity`, v.`rigor`, v.`speed`,
  coalesce(a.`metrics_json` IS NOT NULL AND json_valid(a.`metrics_json`), 0),
  CASE WHEN json_valid(a.`metrics_json`) THEN json_extract(a.`metrics_json`, '$.thinkTimeMs') END,
  CASE WHEN json_valid(a.`metrics_json`) THEN json_extract(a.`metrics_json`, '$.talkTimeMs') END,
  CASE WHEN json_valid(a.`metrics_json`) THEN json_extract(a.`metrics_json`, '$.overrunMs') END,
  CASE WHEN json_valid(a.`metrics_json`) THEN json_extract(a.`metrics_json`, '$.rambleMs') END,
  CASE WHEN json_valid(a.`metrics_json`) THEN json_extract(a.`metrics_json`, '$.coreAnswerMs') END,
  CASE WHEN json_valid(a.`metrics_json`) THEN json_extract(a.`metrics_json`, '$.longestRunMs') END,
  CASE WHEN json_valid(a.`metrics_json`) THEN coalesce(json_array_length(a.`metrics_json`, '$.flags'), 0) ELSE 0 END
FROM `rounds` r
LEFT JOIN `round_reviews` v ON v.`round_id` = r.`id`
LEFT JOIN `round_analyses` a ON a.`round_id` = r.`id`;
