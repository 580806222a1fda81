PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`target` text DEFAULT 'request' NOT NULL,
	`objection_id` integer,
	`kind` text NOT NULL,
	`original_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`media_type` text NOT NULL,
	`sha256` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`uploaded_by` integer,
	`uploaded_by_public` integer DEFAULT false NOT NULL,
	`uploaded_at` text NOT NULL,
	`deleted_at` text,
	`deleted_by` integer,
	`purged_at` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`objection_id`) REFERENCES `objections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attachments_target_check" CHECK("__new_attachments"."target" in ('request', 'decision', 'objection')),
	CONSTRAINT "attachments_kind_check" CHECK("__new_attachments"."kind" in ('request_letter', 'requester_identity', 'power_of_attorney', 'written_notice', 'information_document', 'objection_letter', 'supervisor_answer', 'other'))
);
--> statement-breakpoint
INSERT INTO `__new_attachments`("id", "request_id", "target", "objection_id", "kind", "original_name", "stored_name", "size_bytes", "media_type", "sha256", "note", "uploaded_by", "uploaded_by_public", "uploaded_at", "deleted_at", "deleted_by", "purged_at") SELECT "id", "request_id", "target", "objection_id", "kind", "original_name", "stored_name", "size_bytes", "media_type", "sha256", "note", "uploaded_by", "uploaded_by_public", "uploaded_at", "deleted_at", "deleted_by", "purged_at" FROM `attachments`;--> statement-breakpoint
DROP TABLE `attachments`;--> statement-breakpoint
ALTER TABLE `__new_attachments` RENAME TO `attachments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_stored_name_unique` ON `attachments` (`stored_name`);--> statement-breakpoint
CREATE INDEX `attachments_request_idx` ON `attachments` (`request_id`);--> statement-breakpoint
CREATE TABLE `__new_holidays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	CONSTRAINT "holidays_kind_check" CHECK("__new_holidays"."kind" in ('holiday', 'collective_leave'))
);
--> statement-breakpoint
INSERT INTO `__new_holidays`("id", "date", "kind", "name") SELECT "id", "date", "kind", "name" FROM `holidays`;--> statement-breakpoint
DROP TABLE `holidays`;--> statement-breakpoint
ALTER TABLE `__new_holidays` RENAME TO `holidays`;--> statement-breakpoint
CREATE INDEX `holidays_date_idx` ON `holidays` (`date`);--> statement-breakpoint
CREATE TABLE `__new_objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer,
	`objector_name` text DEFAULT '' NOT NULL,
	`objector_address` text DEFAULT '' NOT NULL,
	`objector_contact` text DEFAULT '' NOT NULL,
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
	`requester_response` text,
	`requester_response_on` text,
	`requester_response_note` text DEFAULT '' NOT NULL,
	`dispute_registered_on` text,
	`dispute_case_number` text DEFAULT '' NOT NULL,
	`dispute_result` text,
	`dispute_decided_on` text,
	`dispute_note` text DEFAULT '' NOT NULL,
	`dispute_late` integer DEFAULT false NOT NULL,
	`dispute_late_note` text DEFAULT '' NOT NULL,
	`filing_deadline` text NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`response_due_on` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "objections_filed_by_check" CHECK("__new_objections"."filed_by" in ('requester', 'proxy')),
	CONSTRAINT "objections_result_check" CHECK("__new_objections"."result" in ('upheld', 'rejected', 'withdrawn')),
	CONSTRAINT "objections_dispute_result_check" CHECK("__new_objections"."dispute_result" in ('pending', 'mediation_agreed', 'granted', 'partly_granted', 'rejected', 'not_admissible', 'withdrawn'))
);
--> statement-breakpoint
INSERT INTO `__new_objections`("id", "request_id", "objector_name", "objector_address", "objector_contact", "registration_number", "registration_year", "registration_seq", "filed_on", "grounds", "statement", "filed_by", "proxy_name", "late_note", "responded_on", "result", "reasoning", "follow_up", "information_given_on", "responder_name", "requester_response", "requester_response_on", "requester_response_note", "dispute_registered_on", "dispute_case_number", "dispute_result", "dispute_decided_on", "dispute_note", "dispute_late", "dispute_late_note", "filing_deadline", "late", "response_due_on", "version", "created_by", "created_at", "updated_at") SELECT "id", "request_id", "objector_name", "objector_address", "objector_contact", "registration_number", "registration_year", "registration_seq", "filed_on", "grounds", "statement", "filed_by", "proxy_name", "late_note", "responded_on", "result", "reasoning", "follow_up", "information_given_on", "responder_name", "requester_response", "requester_response_on", "requester_response_note", "dispute_registered_on", "dispute_case_number", "dispute_result", "dispute_decided_on", "dispute_note", "dispute_late", "dispute_late_note", "filing_deadline", "late", "response_due_on", "version", "created_by", "created_at", "updated_at" FROM `objections`;--> statement-breakpoint
DROP TABLE `objections`;--> statement-breakpoint
ALTER TABLE `__new_objections` RENAME TO `objections`;--> statement-breakpoint
CREATE UNIQUE INDEX `objections_registration_number_unique` ON `objections` (`registration_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `objections_year_seq_idx` ON `objections` (`registration_year`,`registration_seq`);--> statement-breakpoint
CREATE INDEX `objections_request_idx` ON `objections` (`request_id`);--> statement-breakpoint
CREATE INDEX `objections_filed_idx` ON `objections` (`filed_on`);--> statement-breakpoint
CREATE INDEX `objections_open_idx` ON `objections` (`response_due_on`,`responded_on`) WHERE "objections"."responded_on" is null;--> statement-breakpoint
CREATE TABLE `__new_requests` (
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
	`requester_no_contact` text DEFAULT '' NOT NULL,
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
	`voided_on` text,
	`void_reason` text,
	`void_note` text DEFAULT '' NOT NULL,
	`voided_by` text,
	`original_due_on` text NOT NULL,
	`due_on` text NOT NULL,
	`service_days` integer,
	`source` text DEFAULT 'staff' NOT NULL,
	`opened_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "requests_channel_check" CHECK("__new_requests"."channel" in ('walk_in', 'letter', 'email', 'website', 'whatsapp', 'phone', 'fax', 'other')),
	CONSTRAINT "requests_requester_type_check" CHECK("__new_requests"."requester_type" in ('individual', 'legal_entity', 'group')),
	CONSTRAINT "requests_requester_category_check" CHECK("__new_requests"."requester_category" in ('local_government', 'ministry_agency', 'academic', 'media', 'private_sector', 'ngo', 'public', 'other')),
	CONSTRAINT "requests_obtain_method_check" CHECK("__new_requests"."obtain_method" in ('inspect', 'softcopy', 'hardcopy')),
	CONSTRAINT "requests_delivery_method_check" CHECK("__new_requests"."delivery_method" in ('pickup', 'courier', 'post', 'fax', 'email')),
	CONSTRAINT "requests_outcome_check" CHECK("__new_requests"."outcome" in ('full', 'partial', 'rejected', 'not_provided')),
	CONSTRAINT "requests_void_reason_check" CHECK("__new_requests"."void_reason" in ('duplicate', 'mistaken', 'other')),
	CONSTRAINT "requests_source_check" CHECK("__new_requests"."source" in ('staff', 'web', 'api', 'import'))
);
--> statement-breakpoint
INSERT INTO `__new_requests`("id", "registration_number", "registration_year", "registration_seq", "access_code", "received_on", "channel", "requester_name", "requester_id_number", "requester_address", "requester_phone", "requester_email", "requester_occupation", "requester_type", "requester_category", "proxy_name", "information_requested", "purpose", "obtain_method", "delivery_method", "requester_no_contact", "extended_on", "extension_days", "extension_reason", "outcome", "decided_on", "reason_exempt", "reason_not_held", "reason_other", "exemption_articles", "consequence_test", "reason_note", "notice_note", "fee_rupiah", "withdrawn", "voided_on", "void_reason", "void_note", "voided_by", "original_due_on", "due_on", "service_days", "source", "opened_at", "version", "created_by", "created_at", "updated_at") SELECT "id", "registration_number", "registration_year", "registration_seq", "access_code", "received_on", "channel", "requester_name", "requester_id_number", "requester_address", "requester_phone", "requester_email", "requester_occupation", "requester_type", "requester_category", "proxy_name", "information_requested", "purpose", "obtain_method", "delivery_method", "requester_no_contact", "extended_on", "extension_days", "extension_reason", "outcome", "decided_on", "reason_exempt", "reason_not_held", "reason_other", "exemption_articles", "consequence_test", "reason_note", "notice_note", "fee_rupiah", "withdrawn", "voided_on", "void_reason", "void_note", "voided_by", "original_due_on", "due_on", "service_days", "source", "opened_at", "version", "created_by", "created_at", "updated_at" FROM `requests`;--> statement-breakpoint
DROP TABLE `requests`;--> statement-breakpoint
ALTER TABLE `__new_requests` RENAME TO `requests`;--> statement-breakpoint
CREATE UNIQUE INDEX `requests_registration_number_unique` ON `requests` (`registration_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `requests_year_seq_idx` ON `requests` (`registration_year`,`registration_seq`);--> statement-breakpoint
CREATE INDEX `requests_received_idx` ON `requests` (`received_on`);--> statement-breakpoint
CREATE INDEX `requests_open_due_idx` ON `requests` (`outcome`,`due_on`);--> statement-breakpoint
CREATE INDEX `requests_outcome_received_idx` ON `requests` (`outcome`,`received_on`);--> statement-breakpoint
CREATE INDEX `requests_open_idx` ON `requests` (`due_on`,`opened_at`) WHERE "requests"."outcome" is null and "requests"."voided_on" is null;--> statement-breakpoint
CREATE INDEX `requests_number_nocase_idx` ON `requests` ("registration_number" collate nocase);--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`unit_id` integer,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("__new_users"."role" in ('admin', 'officer', 'supervisor', 'auditor', 'unit'))
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "username", "display_name", "role", "password_hash", "active", "created_at", "unit_id") SELECT "id", "username", "display_name", "role", "password_hash", "active", "created_at", "unit_id" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);