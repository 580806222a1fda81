CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_user_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`summary` text DEFAULT '' NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `holidays_date_idx` ON `holidays` (`date`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registration_number` text NOT NULL,
	`registration_year` integer NOT NULL,
	`registration_seq` integer,
	`access_code` text NOT NULL,
	`received_on` text NOT NULL,
	`channel` text NOT NULL,
	`requester_name` text NOT NULL,
	`requester_id_number` text DEFAULT '' NOT NULL,
	`requester_address` text DEFAULT '' NOT NULL,
	`requester_phone` text DEFAULT '' NOT NULL,
	`requester_email` text DEFAULT '' NOT NULL,
	`requester_occupation` text DEFAULT '' NOT NULL,
	`requester_type` text NOT NULL,
	`requester_category` text NOT NULL,
	`proxy_name` text DEFAULT '' NOT NULL,
	`information_requested` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`obtain_method` text NOT NULL,
	`delivery_method` text NOT NULL,
	`extended_on` text,
	`extension_days` integer,
	`extension_reason` text,
	`outcome` text,
	`decided_on` text,
	`reason_exempt` integer DEFAULT false NOT NULL,
	`reason_not_held` integer DEFAULT false NOT NULL,
	`reason_other` integer DEFAULT false NOT NULL,
	`exemption_articles` text DEFAULT '' NOT NULL,
	`consequence_test` text DEFAULT '' NOT NULL,
	`reason_note` text DEFAULT '' NOT NULL,
	`notice_note` text DEFAULT '' NOT NULL,
	`fee_rupiah` integer DEFAULT 0 NOT NULL,
	`withdrawn` integer DEFAULT false NOT NULL,
	`original_due_on` text NOT NULL,
	`due_on` text NOT NULL,
	`service_days` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requests_registration_number_unique` ON `requests` (`registration_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `requests_year_seq_idx` ON `requests` (`registration_year`,`registration_seq`);--> statement-breakpoint
CREATE INDEX `requests_received_idx` ON `requests` (`received_on`);--> statement-breakpoint
CREATE INDEX `requests_open_due_idx` ON `requests` (`outcome`,`due_on`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`sid` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);