DROP INDEX `requests_open_idx`;--> statement-breakpoint
ALTER TABLE `requests` ADD `voided_on` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `void_reason` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `void_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `voided_by` text;--> statement-breakpoint
CREATE INDEX `requests_open_idx` ON `requests` (`due_on`,`opened_at`) WHERE "requests"."outcome" is null and "requests"."voided_on" is null;