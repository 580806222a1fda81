CREATE TABLE `request_pelaksana` (
	`request_id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`seq` integer,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `request_pelaksana_unit_year_seq_idx` ON `request_pelaksana` (`unit_id`,`year`,`seq`);--> statement-breakpoint
CREATE INDEX `request_pelaksana_unit_idx` ON `request_pelaksana` (`unit_id`);--> statement-breakpoint
ALTER TABLE `units` ADD `number_pattern` text;