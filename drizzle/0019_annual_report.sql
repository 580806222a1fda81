CREATE TABLE `annual_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`version` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`policy` text DEFAULT '' NOT NULL,
	`implementation` text DEFAULT '' NOT NULL,
	`obstacles` text DEFAULT '' NOT NULL,
	`recommendations` text DEFAULT '' NOT NULL,
	`correction_reason` text DEFAULT '' NOT NULL,
	`submitted_on` text,
	`submitted_to` text DEFAULT '' NOT NULL,
	`submission_note` text DEFAULT '' NOT NULL,
	`proof_stored_name` text,
	`proof_original_name` text,
	`proof_media_type` text,
	`proof_size_bytes` integer,
	`proof_sha256` text,
	`snapshot` text,
	`submitted_by` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "annual_reports_status_check" CHECK("annual_reports"."status" in ('draft', 'submitted'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_reports_year_scope_version_idx` ON `annual_reports` (`year`,`scope`,`version`);--> statement-breakpoint
CREATE TABLE `service_standards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
