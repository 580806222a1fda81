ALTER TABLE `requests` ADD `extension_letter_number` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `extension_letter_year` integer;--> statement-breakpoint
ALTER TABLE `requests` ADD `extension_letter_seq` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `requests_extension_letter_number_unique` ON `requests` (`extension_letter_number`);