ALTER TABLE `requests` ADD `held_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `held_by_contact` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `given_form` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `provide_on` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `redacted_parts` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `fee_copy` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `fee_delivery` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `fee_other` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `payment_how` text DEFAULT '' NOT NULL;