CREATE TABLE `consultation_imports` (
	`source_key` text PRIMARY KEY NOT NULL,
	`consultation_id` integer NOT NULL,
	`source_ticket_number` text DEFAULT '' NOT NULL,
	`file_sha256` text NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `video_conferences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`letter_number` text NOT NULL,
	`letter_date` text NOT NULL,
	`letter_received_on` text NOT NULL,
	`region_code` text NOT NULL,
	`institution` text NOT NULL,
	`topic` text NOT NULL,
	`unit_id` integer NOT NULL,
	`network` text NOT NULL,
	`planned_at` text NOT NULL,
	`late_reason` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`held_at` text,
	`recording_url` text DEFAULT '' NOT NULL,
	`cancel_note` text DEFAULT '' NOT NULL,
	`consultation_id` integer,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `video_conferences_planned_idx` ON `video_conferences` (`planned_at`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guest_names` text NOT NULL,
	`guest_type` text NOT NULL,
	`institution` text DEFAULT '' NOT NULL,
	`region_code` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`planned_on` text NOT NULL,
	`topic` text NOT NULL,
	`people` integer NOT NULL,
	`travel_orders` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'reserved' NOT NULL,
	`checked_in_at` text,
	`met_at` text,
	`consultation_id` integer,
	`cancel_note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_day_region_idx` ON `visits` (`planned_on`,`region_code`);