-- Indexes for the keyset-paged lists (newest first by time, then id): the Review queue, attempts at one
-- prompt, session history and the "what I'll change" lines. Each lets SQLite walk the list in order and
-- stop after one page instead of sorting every row.
CREATE INDEX IF NOT EXISTS `rounds_page_started` ON `rounds` (`started_at`,`id`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `rounds_page_attempts` ON `rounds` (`item_id`,`item_round`,`started_at`,`id`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `sessions_page_created` ON `sessions` (`created_at`,`id`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `round_reviews_page_change` ON `round_reviews` (`updated_at`,`round_id`) WHERE `change` <> '';
--> statement-breakpoint
-- Sessions left running or paused (recovery:list, on the Library's first screen): a handful among tens of thousands.
-- (Not a partial index: the query binds the statuses as parameters, which a partial index cannot match.)
CREATE INDEX IF NOT EXISTS `sessions_page_open` ON `sessions` (`status`,`created_at`);
