CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`target` text DEFAULT 'request' NOT NULL,
	`objection_id` integer,
	`kind` text NOT NULL,
	`original_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`media_type` text NOT NULL,
	`sha256` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`uploaded_by` integer,
	`uploaded_by_public` integer DEFAULT false NOT NULL,
	`uploaded_at` text NOT NULL,
	`deleted_at` text,
	`deleted_by` integer,
	`purged_at` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`objection_id`) REFERENCES `objections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_stored_name_unique` ON `attachments` (`stored_name`);--> statement-breakpoint
CREATE INDEX `attachments_request_idx` ON `attachments` (`request_id`);--> statement-breakpoint
CREATE TABLE `objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`registration_number` text NOT NULL,
	`registration_year` integer NOT NULL,
	`registration_seq` integer,
	`filed_on` text NOT NULL,
	`grounds` text NOT NULL,
	`statement` text NOT NULL,
	`filed_by` text NOT NULL,
	`proxy_name` text DEFAULT '' NOT NULL,
	`late_note` text DEFAULT '' NOT NULL,
	`responded_on` text,
	`result` text,
	`reasoning` text DEFAULT '' NOT NULL,
	`follow_up` text DEFAULT '' NOT NULL,
	`information_given_on` text,
	`responder_name` text DEFAULT '' NOT NULL,
	`dispute_registered_on` text,
	`dispute_case_number` text DEFAULT '' NOT NULL,
	`dispute_result` text,
	`dispute_decided_on` text,
	`dispute_note` text DEFAULT '' NOT NULL,
	`filing_deadline` text NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`response_due_on` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `objections_registration_number_unique` ON `objections` (`registration_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `objections_year_seq_idx` ON `objections` (`registration_year`,`registration_seq`);--> statement-breakpoint
CREATE INDEX `objections_request_idx` ON `objections` (`request_id`);--> statement-breakpoint
CREATE INDEX `objections_filed_idx` ON `objections` (`filed_on`);--> statement-breakpoint
ALTER TABLE `requests` ADD `source` text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `opened_at` text;