CREATE INDEX `consultations_due_idx` ON `consultations` (`sla_due_at`,`id`);--> statement-breakpoint
CREATE INDEX `consultations_answered_idx` ON `consultations` (`answered_at`);