-- Hand-written (drizzle-kit cannot express triggers), issue 20: keeps `request_counts` (one row
-- per combination of the register's exact filters) in step with `requests`, so the register shows
-- exact totals as a SUM over a few rows. Backfilled from the rows already there. A migration that
-- rebuilds `requests` drops these triggers: recreate them after it (as 0015 does for the search).
DELETE FROM `request_counts`;
--> statement-breakpoint
INSERT INTO `request_counts` (`year`, `month`, `channel`, `category`, `outcome`, `extended`, `opened`, `withdrawn`, `voided`, `n`)
	SELECT cast(substr(r.`received_on`, 1, 4) as integer), cast(substr(r.`received_on`, 6, 2) as integer), r.`channel`, r.`requester_category`, coalesce(r.`outcome`, ''), r.`extended_on` is not null, r.`opened_at` is not null, r.`withdrawn` <> 0, r.`voided_on` is not null, count(*) FROM `requests` r GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `request_counts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `request_counts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `request_counts_update`;
--> statement-breakpoint
CREATE TRIGGER `request_counts_insert` AFTER INSERT ON `requests` BEGIN
	INSERT INTO `request_counts` (`year`, `month`, `channel`, `category`, `outcome`, `extended`, `opened`, `withdrawn`, `voided`, `n`)
	VALUES (cast(substr(new.`received_on`, 1, 4) as integer), cast(substr(new.`received_on`, 6, 2) as integer), new.`channel`, new.`requester_category`, coalesce(new.`outcome`, ''), new.`extended_on` is not null, new.`opened_at` is not null, new.`withdrawn` <> 0, new.`voided_on` is not null, 1)
	ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `request_counts_delete` AFTER DELETE ON `requests` BEGIN
	UPDATE `request_counts` SET `n` = `n` - 1
	WHERE `year` = cast(substr(old.`received_on`, 1, 4) as integer) AND `month` = cast(substr(old.`received_on`, 6, 2) as integer)
		AND `channel` = old.`channel` AND `category` = old.`requester_category` AND `outcome` = coalesce(old.`outcome`, '')
		AND `extended` = (old.`extended_on` is not null) AND `opened` = (old.`opened_at` is not null)
		AND `withdrawn` = (old.`withdrawn` <> 0) AND `voided` = (old.`voided_on` is not null);
END;
--> statement-breakpoint
CREATE TRIGGER `request_counts_update` AFTER UPDATE OF `received_on`, `channel`, `requester_category`, `outcome`, `extended_on`, `opened_at`, `withdrawn`, `voided_on` ON `requests`
WHEN old.`received_on` IS NOT new.`received_on` OR old.`channel` IS NOT new.`channel` OR old.`requester_category` IS NOT new.`requester_category`
	OR old.`outcome` IS NOT new.`outcome` OR (old.`extended_on` IS NULL) <> (new.`extended_on` IS NULL) OR (old.`opened_at` IS NULL) <> (new.`opened_at` IS NULL)
	OR old.`withdrawn` IS NOT new.`withdrawn` OR (old.`voided_on` IS NULL) <> (new.`voided_on` IS NULL)
BEGIN
	UPDATE `request_counts` SET `n` = `n` - 1
	WHERE `year` = cast(substr(old.`received_on`, 1, 4) as integer) AND `month` = cast(substr(old.`received_on`, 6, 2) as integer)
		AND `channel` = old.`channel` AND `category` = old.`requester_category` AND `outcome` = coalesce(old.`outcome`, '')
		AND `extended` = (old.`extended_on` is not null) AND `opened` = (old.`opened_at` is not null)
		AND `withdrawn` = (old.`withdrawn` <> 0) AND `voided` = (old.`voided_on` is not null);
	INSERT INTO `request_counts` (`year`, `month`, `channel`, `category`, `outcome`, `extended`, `opened`, `withdrawn`, `voided`, `n`)
	VALUES (cast(substr(new.`received_on`, 1, 4) as integer), cast(substr(new.`received_on`, 6, 2) as integer), new.`channel`, new.`requester_category`, coalesce(new.`outcome`, ''), new.`extended_on` is not null, new.`opened_at` is not null, new.`withdrawn` <> 0, new.`voided_on` is not null, 1)
	ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
