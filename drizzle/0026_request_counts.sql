CREATE TABLE `request_counts` (
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`outcome` text NOT NULL,
	`extended` integer NOT NULL,
	`opened` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`voided` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`year`, `month`, `channel`, `category`, `outcome`, `extended`, `opened`, `withdrawn`, `voided`)
);
