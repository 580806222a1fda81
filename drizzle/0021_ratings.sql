CREATE TABLE `rating_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_type` text NOT NULL,
	`consultation_id` integer,
	`request_id` integer,
	`nonce` text NOT NULL,
	`token_hash` text NOT NULL,
	`agent_user_id` integer,
	`unit_id` integer,
	`user_key` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rating_links_subject_check" CHECK("rating_links"."subject_type" in ('consultation', 'request'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_links_consultation_id_unique` ON `rating_links` (`consultation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `rating_links_request_id_unique` ON `rating_links` (`request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `rating_links_token_hash_unique` ON `rating_links` (`token_hash`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`link_id` integer NOT NULL,
	`service` integer NOT NULL,
	`substance` integer NOT NULL,
	`scale_max` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`skm` text,
	`age_band` text DEFAULT '' NOT NULL,
	`sex` text DEFAULT '' NOT NULL,
	`education` text DEFAULT '' NOT NULL,
	`occupation` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`submitted_at` text NOT NULL,
	`followed_up_at` text,
	`followed_up_by` integer,
	`follow_up_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `rating_links`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`followed_up_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_link_id_unique` ON `ratings` (`link_id`);--> statement-breakpoint
CREATE INDEX `ratings_submitted_idx` ON `ratings` (`submitted_at`);