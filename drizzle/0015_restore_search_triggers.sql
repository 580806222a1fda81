-- Hand-written (drizzle-kit cannot express triggers). 0014 rebuilt `requests` to add its CHECK
-- constraints, and dropping the old table dropped the triggers 0004 put on it that keep the
-- register search (requests_search, FTS5 external content) in step. The index itself survived,
-- and the rebuilt table keeps every row's id and text, so it is still current: only the
-- triggers come back. Keep this file right after the rebuild of `requests`.
DROP TRIGGER IF EXISTS `requests_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `requests_search_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `requests_search_update`;
--> statement-breakpoint
CREATE TRIGGER `requests_search_insert` AFTER INSERT ON `requests` BEGIN
	INSERT INTO `requests_search`(`rowid`, `registration_number`, `requester_name`, `information_requested`)
	VALUES (new.`id`, new.`registration_number`, new.`requester_name`, new.`information_requested`);
END;
--> statement-breakpoint
CREATE TRIGGER `requests_search_delete` AFTER DELETE ON `requests` BEGIN
	INSERT INTO `requests_search`(`requests_search`, `rowid`, `registration_number`, `requester_name`, `information_requested`)
	VALUES ('delete', old.`id`, old.`registration_number`, old.`requester_name`, old.`information_requested`);
END;
--> statement-breakpoint
CREATE TRIGGER `requests_search_update` AFTER UPDATE OF `registration_number`, `requester_name`, `information_requested` ON `requests` BEGIN
	INSERT INTO `requests_search`(`requests_search`, `rowid`, `registration_number`, `requester_name`, `information_requested`)
	VALUES ('delete', old.`id`, old.`registration_number`, old.`requester_name`, old.`information_requested`);
	INSERT INTO `requests_search`(`rowid`, `registration_number`, `requester_name`, `information_requested`)
	VALUES (new.`id`, new.`registration_number`, new.`requester_name`, new.`information_requested`);
END;
