import type { Db } from '../db/client.js';
import { seedHolidays } from '../calendar/holidays.service.js';
import { seedSettings } from '../settings/settings.repo.js';
import { seedDeskDefaults } from '../desk/desk-config.js';

/** First-start data: the official holiday calendar and default settings. Idempotent. */
export function seedDatabase(db: Db): void {
  seedSettings(db);
  seedHolidays(db);
  seedDeskDefaults(db);
}
