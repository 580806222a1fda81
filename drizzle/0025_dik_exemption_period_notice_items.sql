CREATE TABLE `dik_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`information` text NOT NULL,
	`articles` text NOT NULL,
	`legal_basis` text DEFAULT '' NOT NULL,
	`consequence_test` text NOT NULL,
	`exemption_until` text,
	`exemption_years` integer,
	`exemption_while_protected` integer DEFAULT false NOT NULL,
	`decision_number` text DEFAULT '' NOT NULL,
	`decided_on` text NOT NULL,
	`request_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dik_entries_decided_idx` ON `dik_entries` (`decided_on`);--> statement-breakpoint
ALTER TABLE `requests` ADD `held_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `held_by_contact` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `given_form` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `provide_on` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `redacted_parts` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `fee_copy` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `fee_delivery` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `fee_other` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `payment_how` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `exemption_until` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `exemption_years` integer;--> statement-breakpoint
ALTER TABLE `requests` ADD `exemption_while_protected` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `exemption_basis` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `dik_entry_id` integer REFERENCES dik_entries(id);--> statement-breakpoint
ALTER TABLE `requests` ADD `rejection_letter_number` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `rejection_letter_year` integer;--> statement-breakpoint
ALTER TABLE `requests` ADD `rejection_letter_seq` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `requests_rejection_letter_number_unique` ON `requests` (`rejection_letter_number`);