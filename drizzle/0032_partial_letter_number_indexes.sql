DROP INDEX `requests_extension_letter_number_unique`;--> statement-breakpoint
DROP INDEX `requests_rejection_letter_number_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `requests_extension_letter_number_unique` ON `requests` (`extension_letter_number`) WHERE "requests"."extension_letter_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `requests_rejection_letter_number_unique` ON `requests` (`rejection_letter_number`) WHERE "requests"."rejection_letter_number" is not null;