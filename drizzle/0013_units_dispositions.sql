CREATE TABLE `dispositions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`sent_on` text NOT NULL,
	`due_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`previous_id` integer,
	`answered_on` text,
	`result` text,
	`answer_note` text DEFAULT '' NOT NULL,
	`holder` text DEFAULT '' NOT NULL,
	`exemption_articles` text DEFAULT '' NOT NULL,
	`consequence_test` text DEFAULT '' NOT NULL,
	`answered_by` integer,
	`closed_on` text,
	`close_note` text DEFAULT '' NOT NULL,
	`reminded_on` text,
	`reminders` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_id`) REFERENCES `dispositions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispositions_request_idx` ON `dispositions` (`request_id`);--> statement-breakpoint
CREATE INDEX `dispositions_unit_idx` ON `dispositions` (`unit_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `dispositions_sent_idx` ON `dispositions` (`sent_on`);--> statement-breakpoint
CREATE TABLE `forwardings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`body` text NOT NULL,
	`forwarded_on` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forwardings_request_id_unique` ON `forwardings` (`request_id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code_nocase_idx` ON `units` ("code" collate nocase);--> statement-breakpoint
ALTER TABLE `users` ADD `unit_id` integer REFERENCES units(id);