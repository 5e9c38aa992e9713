CREATE TABLE `rescores` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`asked_at` integer NOT NULL,
	`answered_at` integer,
	`dismissed_at` integer,
	`clarity` integer,
	`rigor` integer,
	`speed` integer,
	`original_clarity` integer,
	`original_rigor` integer,
	`original_speed` integer,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rescores_asked` ON `rescores` (`asked_at`);--> statement-breakpoint
CREATE INDEX `rescores_round` ON `rescores` (`round_id`);--> statement-breakpoint
CREATE TABLE `action_lists` (
	`id` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`window_end` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "action_lists_reason_check" CHECK("reason" IN ('week-end', 'request'))
);
--> statement-breakpoint
CREATE INDEX `action_lists_created` ON `action_lists` (`created_at`);--> statement-breakpoint
CREATE TABLE `action_items` (
	`id` text PRIMARY KEY NOT NULL,
	`list_id` text NOT NULL,
	`idx` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`why` text NOT NULL,
	`round_id` text,
	`done_at` integer,
	FOREIGN KEY (`list_id`) REFERENCES `action_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "action_items_kind_check" CHECK("kind" IN ('change', 'stumped', 'flag', 'weak-area', 'ramble'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_items_list_idx` ON `action_items` (`list_id`,`idx`);--> statement-breakpoint
CREATE INDEX `rounds_started` ON `rounds` (`started_at`);--> statement-breakpoint
CREATE INDEX `round_reviews_scored` ON `round_reviews` (`scored_at`);--> statement-breakpoint

CREATE INDEX `sessions_created` ON `sessions` (`created_at`);--> statement-breakpoint
CREATE INDEX `rounds_item_round_started` ON `rounds` (`item_id`,`item_round`,`started_at`);
