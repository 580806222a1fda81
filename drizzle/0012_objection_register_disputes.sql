CREATE TABLE `dispute_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`objection_id` integer NOT NULL,
	`stage` text NOT NULL,
	`court` text DEFAULT '' NOT NULL,
	`held_on` text NOT NULL,
	`decided_on` text,
	`case_number` text DEFAULT '' NOT NULL,
	`result` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`objection_id`) REFERENCES `objections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispute_stages_objection_stage_idx` ON `dispute_stages` (`objection_id`,`stage`,`court`);--> statement-breakpoint
ALTER TABLE `objections` ADD `objector_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `objections` ADD `objector_address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `objections` ADD `objector_contact` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `objections` ADD `requester_response` text;--> statement-breakpoint
ALTER TABLE `objections` ADD `requester_response_on` text;--> statement-breakpoint
ALTER TABLE `objections` ADD `requester_response_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `objections` ADD `dispute_late` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `objections` ADD `dispute_late_note` text DEFAULT '' NOT NULL;