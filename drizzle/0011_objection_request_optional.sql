PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer,
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
INSERT INTO `__new_objections`("id", "request_id", "registration_number", "registration_year", "registration_seq", "filed_on", "grounds", "statement", "filed_by", "proxy_name", "late_note", "responded_on", "result", "reasoning", "follow_up", "information_given_on", "responder_name", "dispute_registered_on", "dispute_case_number", "dispute_result", "dispute_decided_on", "dispute_note", "filing_deadline", "late", "response_due_on", "version", "created_by", "created_at", "updated_at") SELECT "id", "request_id", "registration_number", "registration_year", "registration_seq", "filed_on", "grounds", "statement", "filed_by", "proxy_name", "late_note", "responded_on", "result", "reasoning", "follow_up", "information_given_on", "responder_name", "dispute_registered_on", "dispute_case_number", "dispute_result", "dispute_decided_on", "dispute_note", "filing_deadline", "late", "response_due_on", "version", "created_by", "created_at", "updated_at" FROM `objections`;--> statement-breakpoint
DROP TABLE `objections`;--> statement-breakpoint
ALTER TABLE `__new_objections` RENAME TO `objections`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `objections_registration_number_unique` ON `objections` (`registration_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `objections_year_seq_idx` ON `objections` (`registration_year`,`registration_seq`);--> statement-breakpoint
CREATE INDEX `objections_request_idx` ON `objections` (`request_id`);--> statement-breakpoint
CREATE INDEX `objections_filed_idx` ON `objections` (`filed_on`);--> statement-breakpoint
CREATE INDEX `objections_open_idx` ON `objections` (`response_due_on`,`responded_on`) WHERE "objections"."responded_on" is null;