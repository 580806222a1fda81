ALTER TABLE `requests` ADD `extension_letter_number` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `extension_letter_year` integer;--> statement-breakpoint
ALTER TABLE `requests` ADD `extension_letter_seq` integer;--> statement-breakpoint
ALTER TABLE `requests` ADD `delivered_on` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `delivered_by` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `delivery_cost_copy` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `delivery_cost_delivery` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `delivery_cost_other` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `delivery_payment_method` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `delivery_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `requests_extension_letter_number_unique` ON `requests` (`extension_letter_number`);