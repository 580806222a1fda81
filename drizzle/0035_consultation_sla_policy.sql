ALTER TABLE `consultations` ADD `sla_amount` integer;--> statement-breakpoint
ALTER TABLE `consultations` ADD `sla_unit` text;