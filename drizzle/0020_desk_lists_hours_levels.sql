CREATE TABLE `desk_list_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "desk_list_items_list_check" CHECK("desk_list_items"."list" in ('channel', 'category', 'topic'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `desk_list_items_list_code_idx` ON `desk_list_items` (`list`,`code`);--> statement-breakpoint
CREATE TABLE `desk_service_hours` (
	`weekday` integer PRIMARY KEY NOT NULL,
	`opens_at` text DEFAULT '' NOT NULL,
	`closes_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `desk_service_levels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`escalated` integer NOT NULL,
	`amount` integer NOT NULL,
	`unit` text NOT NULL,
	CONSTRAINT "desk_service_levels_unit_check" CHECK("desk_service_levels"."unit" in ('working_days', 'working_hours'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `desk_service_levels_channel_idx` ON `desk_service_levels` (`channel`,`escalated`);--> statement-breakpoint
ALTER TABLE `consultations` ADD `user_zone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `consultations` ADD `outside_service_hours` integer DEFAULT false NOT NULL;