CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`route` text NOT NULL,
	`fingerprint` text NOT NULL,
	`holder` text NOT NULL,
	`created_at` text NOT NULL,
	`status` integer,
	`location` text,
	`content_type` text,
	`body` text,
	`session_patch` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_scope_key_idx` ON `submissions` (`scope`,`key`);--> statement-breakpoint
CREATE INDEX `submissions_created_idx` ON `submissions` (`created_at`);