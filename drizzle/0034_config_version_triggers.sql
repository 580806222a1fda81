-- Hand-written, issue 20: the working calendar and the desk's own lists, hours and service
-- levels are read on every ticket intake and every deadline. The rows 'holidays' and
-- 'desk_config' of `data_versions` take a new random number on every change of those tables, so
-- what is built from them is kept in the process until they change (src/db/versioned-cache.ts),
-- whichever process made the change. A migration that rebuilds one of these tables drops its
-- triggers: create them again after it.
INSERT INTO `data_versions` (`name`, `version`) VALUES ('holidays', 0), ('desk_config', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `holidays_version_insert` AFTER INSERT ON `holidays` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'holidays';
END;
--> statement-breakpoint
CREATE TRIGGER `holidays_version_update` AFTER UPDATE ON `holidays` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'holidays';
END;
--> statement-breakpoint
CREATE TRIGGER `holidays_version_delete` AFTER DELETE ON `holidays` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'holidays';
END;
--> statement-breakpoint
CREATE TRIGGER `desk_list_items_version_insert` AFTER INSERT ON `desk_list_items` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'desk_config';
END;
--> statement-breakpoint
CREATE TRIGGER `desk_list_items_version_update` AFTER UPDATE ON `desk_list_items` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'desk_config';
END;
--> statement-breakpoint
CREATE TRIGGER `desk_list_items_version_delete` AFTER DELETE ON `desk_list_items` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'desk_config';
END;
--> statement-breakpoint
CREATE TRIGGER `desk_service_hours_version_insert` AFTER INSERT ON `desk_service_hours` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'desk_config';
END;
--> statement-breakpoint
CREATE TRIGGER `desk_service_hours_version_update` AFTER UPDATE ON `desk_service_hours` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'desk_config';
END;
--> statement-breakpoint
CREATE TRIGGER `desk_service_hours_version_delete` AFTER DELETE ON `desk_service_hours` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'desk_config';
END;
--> statement-breakpoint
CREATE TRIGGER `desk_service_levels_version_insert` AFTER INSERT ON `desk_service_levels` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'desk_config';
END;
--> statement-breakpoint
CREATE TRIGGER `desk_service_levels_version_update` AFTER UPDATE ON `desk_service_levels` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'desk_config';
END;
--> statement-breakpoint
CREATE TRIGGER `desk_service_levels_version_delete` AFTER DELETE ON `desk_service_levels` BEGIN
	UPDATE `data_versions` SET `version` = random() WHERE `name` = 'desk_config';
END;
