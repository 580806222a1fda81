-- Free-text search of the register (number, requester, information requested) through an FTS5
-- trigram index, so "contains" searches stay fast on a million requests. Kept in step with the
-- requests table by triggers.
CREATE VIRTUAL TABLE `requests_search` USING fts5(
	`registration_number`, `requester_name`, `information_requested`,
	content='requests', content_rowid='id', tokenize='trigram'
);
--> statement-breakpoint
INSERT INTO `requests_search`(`rowid`, `registration_number`, `requester_name`, `information_requested`)
	SELECT `id`, `registration_number`, `requester_name`, `information_requested` FROM `requests`;
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
