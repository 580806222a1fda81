DROP INDEX `consultations_received_idx`;--> statement-breakpoint
CREATE INDEX `consultations_received_idx` ON `consultations` (`received_at`,`channel`);