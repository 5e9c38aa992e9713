-- Ids are canonical from now on: lower-case UUIDs (issue 22, D1). Every id the app makes is
-- lower case (randomUUID), but an import used to accept the upper-case spelling of a UUID too, so a
-- database may hold ids the contract, which now lower-cases every id it parses, could never name
-- again. This rewrites each such id, in every column that holds one, to its lower-case spelling;
-- when that spelling is already taken (the same session imported twice under two spellings, which
-- Linux let through as a silent duplicate) the second copy gets a fresh random id instead, so no
-- row is lost and every row stays reachable. File paths (`file`, `peaks_file`) are kept as written:
-- they name the files where they are on disk. Foreign keys are checked before the migration commits.
CREATE TEMP TABLE `id_case_map` (`old` text PRIMARY KEY, `lowered` text NOT NULL, `new` text);
--> statement-breakpoint
INSERT INTO `id_case_map` (`old`, `lowered`)
SELECT `id`, lower(`id`) FROM (
  SELECT `id` AS `id` FROM `sessions`
  UNION SELECT `id` AS `id` FROM `rounds`
  UNION SELECT `session_id` AS `id` FROM `rounds`
  UNION SELECT `session_id` AS `id` FROM `session_events`
  UNION SELECT `round_id` AS `id` FROM `session_events`
  UNION SELECT `id` AS `id` FROM `recordings`
  UNION SELECT `round_id` AS `id` FROM `recordings`
  UNION SELECT `round_id` AS `id` FROM `follow_ups`
  UNION SELECT `id` AS `id` FROM `review_marks`
  UNION SELECT `round_id` AS `id` FROM `review_marks`
  UNION SELECT `round_id` AS `id` FROM `round_analyses`
  UNION SELECT `round_id` AS `id` FROM `round_reviews`
  UNION SELECT `round_id` AS `id` FROM `round_transcripts`
  UNION SELECT `round_id` AS `id` FROM `transcript_segments`
  UNION SELECT `round_id` AS `id` FROM `round_stats`
  UNION SELECT `session_id` AS `id` FROM `round_stats`
  UNION SELECT `round_id` AS `id` FROM `round_word_metrics`
  UNION SELECT `id` AS `id` FROM `rescores`
  UNION SELECT `round_id` AS `id` FROM `rescores`
  UNION SELECT `id` AS `id` FROM `action_lists`
  UNION SELECT `id` AS `id` FROM `action_items`
  UNION SELECT `list_id` AS `id` FROM `action_items`
  UNION SELECT `round_id` AS `id` FROM `action_items`
) WHERE `id` IS NOT NULL AND `id` <> lower(`id`);
--> statement-breakpoint
-- The lower-case spelling, unless another row already has it or an earlier spelling claims it.
UPDATE `id_case_map` SET `new` = CASE
  WHEN `lowered` IN (SELECT `id` FROM `sessions` UNION ALL SELECT `id` FROM `rounds` UNION ALL SELECT `id` FROM `recordings` UNION ALL SELECT `id` FROM `review_marks` UNION ALL SELECT `id` FROM `rescores` UNION ALL SELECT `id` FROM `action_lists` UNION ALL SELECT `id` FROM `action_items` UNION ALL SELECT `round_id` FROM `action_items`)
    OR `old` <> (SELECT min(m.`old`) FROM `id_case_map` m WHERE m.`lowered` = `id_case_map`.`lowered`)
  THEN lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
  ELSE `lowered` END;
--> statement-breakpoint
UPDATE `sessions` SET `id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `sessions`.`id`) WHERE `id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `rounds` SET `id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `rounds`.`id`) WHERE `id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `rounds` SET `session_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `rounds`.`session_id`) WHERE `session_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `session_events` SET `session_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `session_events`.`session_id`) WHERE `session_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `session_events` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `session_events`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `recordings` SET `id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `recordings`.`id`) WHERE `id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `recordings` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `recordings`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `follow_ups` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `follow_ups`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `review_marks` SET `id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `review_marks`.`id`) WHERE `id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `review_marks` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `review_marks`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `round_analyses` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `round_analyses`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `round_reviews` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `round_reviews`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `round_transcripts` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `round_transcripts`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `transcript_segments` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `transcript_segments`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `round_stats` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `round_stats`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `round_stats` SET `session_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `round_stats`.`session_id`) WHERE `session_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `round_word_metrics` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `round_word_metrics`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `rescores` SET `id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `rescores`.`id`) WHERE `id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `rescores` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `rescores`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `action_lists` SET `id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `action_lists`.`id`) WHERE `id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `action_items` SET `id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `action_items`.`id`) WHERE `id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `action_items` SET `list_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `action_items`.`list_id`) WHERE `list_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
UPDATE `action_items` SET `round_id` = (SELECT `new` FROM `id_case_map` WHERE `old` = `action_items`.`round_id`) WHERE `round_id` IN (SELECT `old` FROM `id_case_map`);
--> statement-breakpoint
DROP TABLE `id_case_map`;
