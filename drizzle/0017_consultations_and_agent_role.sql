CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_number` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`received_at` text NOT NULL,
	`channel` text NOT NULL,
	`user_name` text NOT NULL,
	`user_type` text NOT NULL,
	`user_institution` text DEFAULT '' NOT NULL,
	`user_region_code` text DEFAULT '' NOT NULL,
	`user_email` text DEFAULT '' NOT NULL,
	`user_phone` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`topic` text DEFAULT '' NOT NULL,
	`question` text NOT NULL,
	`answer` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`sla_due_at` text NOT NULL,
	`escalated_at` text,
	`escalated_unit_id` integer,
	`escalation_note` text DEFAULT '' NOT NULL,
	`answered_at` text,
	`answered_by` integer,
	`closed_at` text,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`escalated_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultations_year_seq_idx` ON `consultations` (`year`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `consultations_ticket_number_idx` ON `consultations` (`ticket_number`);--> statement-breakpoint
CREATE INDEX `consultations_status_due_idx` ON `consultations` (`status`,`sla_due_at`);--> statement-breakpoint
CREATE INDEX `consultations_received_idx` ON `consultations` (`received_at`);--> statement-breakpoint
CREATE INDEX `consultations_unit_idx` ON `consultations` (`escalated_unit_id`,`status`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`unit_id` integer,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("__new_users"."role" in ('admin', 'officer', 'supervisor', 'auditor', 'unit', 'agent'))
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "username", "display_name", "role", "password_hash", "active", "created_at", "unit_id") SELECT "id", "username", "display_name", "role", "password_hash", "active", "created_at", "unit_id" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);