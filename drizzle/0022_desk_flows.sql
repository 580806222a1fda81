CREATE TABLE `consultation_baks` (
	`consultation_id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`issued_at` text NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_baks_number_idx` ON `consultation_baks` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_baks_year_seq_idx` ON `consultation_baks` (`year`,`seq`);--> statement-breakpoint
CREATE TABLE `consultation_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`answer` text NOT NULL,
	`escalated_at` text NOT NULL,
	`drafted_at` text NOT NULL,
	`drafted_by` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_at` text,
	`decided_by` integer,
	`decision_note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drafted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_drafts_consultation_idx` ON `consultation_drafts` (`consultation_id`,`status`);--> statement-breakpoint
CREATE INDEX `consultation_drafts_unit_idx` ON `consultation_drafts` (`unit_id`,`drafted_at`);--> statement-breakpoint
CREATE TABLE `consultation_requests` (
	`consultation_id` integer PRIMARY KEY NOT NULL,
	`request_id` integer NOT NULL,
	`converted_at` text NOT NULL,
	`converted_by` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`converted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_requests_request_id_unique` ON `consultation_requests` (`request_id`);--> statement-breakpoint
CREATE TABLE `desk_unit_settings` (
	`unit_id` integer PRIMARY KEY NOT NULL,
	`approval_required` integer DEFAULT false NOT NULL,
	`head_user_id` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`head_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `knowledge_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`title` text NOT NULL,
	`answer` text NOT NULL,
	`owner_unit_id` integer NOT NULL,
	`reviewed_at` text,
	`reviewed_by` integer,
	`review_requested_at` text,
	`review_requested_by` integer,
	`review_note` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`owner_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`review_requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `knowledge_entries_owner_idx` ON `knowledge_entries` (`owner_unit_id`);--> statement-breakpoint
CREATE INDEX `knowledge_entries_review_idx` ON `knowledge_entries` (`review_requested_at`);