-- Hand-written, issue 20: the desk's queue shows the exact number of tickets matching its
-- filter, a COUNT(*) over up to a million tickets on every view. The row 'consultations' of
-- `data_versions` takes a new random number on every insert, update and delete of a ticket, so
-- that total is kept in the process until a ticket changes (src/db/versioned-cache.ts). A
-- migration that rebuilds `consultations` drops these triggers: create them again after it.
INSERT INTO `data_versions` (`name`, `version`) VALUES ('consultations', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `consultations_version_insert` AFTER INSERT ON `consultations` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'consultations';
END;
--> statement-breakpoint
CREATE TRIGGER `consultations_version_update` AFTER UPDATE ON `consultations` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'consultations';
END;
--> statement-breakpoint
CREATE TRIGGER `consultations_version_delete` AFTER DELETE ON `consultations` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'consultations';
END;
