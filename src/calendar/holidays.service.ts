import type { Db } from '../db/client.js';
import { buildCalendar, type HolidayKind, type WorkingCalendar } from './working-days.js';
import * as repo from './holidays.repo.js';
import { getSetting, setSetting } from '../settings/settings.repo.js';
import { recordEvent, type Tx } from '../audit/audit.repo.js';
import { nowInstant } from '../shared/dates.js';
import official from './official-holidays.json' with { type: 'json' };

export const HOLIDAY_KINDS: Record<HolidayKind, string> = {
  holiday: 'Hari libur nasional',
  collective_leave: 'Cuti bersama',
};

/**
 * Loads the official calendar (SKB 3 Menteri, 2020–2026) once, on the first start. Marked in
 * settings so that an admin who removes a day does not see it come back.
 */
export function seedHolidays(db: Db): void {
  if (getSetting(db, 'holidays_seeded')) return;
  db.transaction((tx) => {
    const rows = Object.values(official.years).flatMap((y) =>
      y.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    );
    repo.insertHolidays(tx, rows);
    setSetting(tx, 'holidays_seeded', nowInstant());
    recordEvent(tx, { userId: null, label: 'system' }, {
      action: 'holiday.seed', entityType: 'holiday', summary: `Kalender resmi ${Object.keys(official.years).join(', ')} dimuat (${rows.length} hari)`,
    });
  });
}

/** The working calendar as the database holds it now. */
export function loadCalendar(db: Tx): WorkingCalendar {
  return buildCalendar(repo.allHolidays(db).map((h) => ({ date: h.date, kind: h.kind as HolidayKind, name: h.name })));
}
