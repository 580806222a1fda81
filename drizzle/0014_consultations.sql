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
CREATE INDEX `consultations_unit_idx` ON `consultations` (`escalated_unit_id`,`status`);