-- Progress's weakest areas and filter options add up, per (category, question type), every started
-- round's scores and flags: over 100,000 rounds that scan cost ~50 ms on each open. This table keeps
-- the sums instead, one row per pair with a started round, by triggers on round_stats (itself kept by
-- triggers on rounds, round_reviews and round_analyses, so every write path is covered). Only plain
-- sums and counts, so a delete or an edit subtracts exactly what it once added. A filter by start
-- time still scans round_stats. Written to run twice harmlessly: the fill recomputes from scratch.
CREATE TABLE IF NOT EXISTS `round_stats_area_sums` (
	`category` text NOT NULL,
	`question_type` text NOT NULL,
	`rounds` integer NOT NULL,
	`scored` integer NOT NULL,
	`score_sum` integer NOT NULL,
	`score_count` integer NOT NULL,
	`flags` integer NOT NULL,
	PRIMARY KEY (`category`, `question_type`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `round_stats_area_sums_insert` AFTER INSERT ON `round_stats`
WHEN NEW.`started_at` IS NOT NULL BEGIN
  INSERT INTO `round_stats_area_sums` (`category`, `question_type`, `rounds`, `scored`, `score_sum`, `score_count`, `flags`)
  VALUES (NEW.`category`, NEW.`question_type`, 1,
    NEW.`clarity` IS NOT NULL OR NEW.`rigor` IS NOT NULL OR NEW.`speed` IS NOT NULL,
    coalesce(NEW.`clarity`, 0) + coalesce(NEW.`rigor`, 0) + coalesce(NEW.`speed`, 0),
    (NEW.`clarity` IS NOT NULL) + (NEW.`rigor` IS NOT NULL) + (NEW.`speed` IS NOT NULL),
    NEW.`flags`)
  ON CONFLICT (`category`, `question_type`) DO UPDATE SET
    `rounds` = `rounds` + excluded.`rounds`, `scored` = `scored` + excluded.`scored`,
    `score_sum` = `score_sum` + excluded.`score_sum`, `score_count` = `score_count` + excluded.`score_count`,
    `flags` = `flags` + excluded.`flags`;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `round_stats_area_sums_delete` AFTER DELETE ON `round_stats`
WHEN OLD.`started_at` IS NOT NULL BEGIN
  UPDATE `round_stats_area_sums` SET
    `rounds` = `rounds` - 1,
    `scored` = `scored` - (OLD.`clarity` IS NOT NULL OR OLD.`rigor` IS NOT NULL OR OLD.`speed` IS NOT NULL),
    `score_sum` = `score_sum` - (coalesce(OLD.`clarity`, 0) + coalesce(OLD.`rigor`, 0) + coalesce(OLD.`speed`, 0)),
    `score_count` = `score_count` - ((OLD.`clarity` IS NOT NULL) + (OLD.`rigor` IS NOT NULL) + (OLD.`speed` IS NOT NULL)),
    `flags` = `flags` - OLD.`flags`
  WHERE `category` = OLD.`category` AND `question_type` = OLD.`question_type`;
  DELETE FROM `round_stats_area_sums`
  WHERE `category` = OLD.`category` AND `question_type` = OLD.`question_type` AND `rounds` <= 0;
END;
--> statement-breakpoint
-- An edit is the old row taken out and the new one put in (either may be unstarted, and so not counted).
CREATE TRIGGER IF NOT EXISTS `round_stats_area_sums_update` AFTER UPDATE OF
  `started_at`, `category`, `question_type`, `clarity`, `rigor`, `speed`, `flags` ON `round_stats` BEGIN
  UPDATE `round_stats_area_sums` SET
    `rounds` = `rounds` - 1,
    `scored` = `scored` - (OLD.`clarity` IS NOT NULL OR OLD.`rigor` IS NOT NULL OR OLD.`speed` IS NOT NULL),
    `score_sum` = `score_sum` - (coalesce(OLD.`clarity`, 0) + coalesce(OLD.`rigor`, 0) + coalesce(OLD.`speed`, 0)),
    `score_count` = `score_count` - ((OLD.`clarity` IS NOT NULL) + (OLD.`rigor` IS NOT NULL) + (OLD.`speed` IS NOT NULL)),
    `flags` = `flags` - OLD.`flags`
  WHERE OLD.`started_at` IS NOT NULL AND `category` = OLD.`category` AND `question_type` = OLD.`question_type`;
  DELETE FROM `round_stats_area_sums`
  WHERE `category` = OLD.`category` AND `question_type` = OLD.`question_type` AND `rounds` <= 0;
  INSERT INTO `round_stats_area_sums` (`category`, `question_type`, `rounds`, `scored`, `score_sum`, `score_count`, `flags`)
  SELECT NEW.`category`, NEW.`question_type`, 1,
    NEW.`clarity` IS NOT NULL OR NEW.`rigor` IS NOT NULL OR NEW.`speed` IS NOT NULL,
    coalesce(NEW.`clarity`, 0) + coalesce(NEW.`rigor`, 0) + coalesce(NEW.`speed`, 0),
    (NEW.`clarity` IS NOT NULL) + (NEW.`rigor` IS NOT NULL) + (NEW.`speed` IS NOT NULL),
    NEW.`flags`
  WHERE NEW.`started_at` IS NOT NULL
  ON CONFLICT (`category`, `question_type`) DO UPDATE SET
    `rounds` = `rounds` + excluded.`rounds`, `scored` = `scored` + excluded.`scored`,
    `score_sum` = `score_sum` + excluded.`score_sum`, `score_count` = `score_count` + excluded.`score_count`,
    `flags` = `flags` + excluded.`flags`;
END;
--> statement-breakpoint
DELETE FROM `round_stats_area_sums`;
--> statement-breakpoint
INSERT INTO `round_stats_area_sums` (`category`, `question_type`, `rounds`, `scored`, `score_sum`, `score_count`, `flags`)
SELECT `category`, `question_type`, COUNT(*),
  SUM(`clarity` IS NOT NULL OR `rigor` IS NOT NULL OR `speed` IS NOT NULL),
  COALESCE(SUM(`clarity`), 0) + COALESCE(SUM(`rigor`), 0) + COALESCE(SUM(`speed`), 0),
  COUNT(`clarity`) + COUNT(`rigor`) + COUNT(`speed`),
  SUM(`flags`)
FROM `round_stats` WHERE `started_at` IS NOT NULL
GROUP BY `category`, `question_type`;
