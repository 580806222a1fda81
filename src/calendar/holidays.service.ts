import type { Db, Tx } from '../db/client.js';
import type { HolidayRow } from '../db/schema.js';
import { buildCalendar, type WorkingCalendar } from './working-days.js';
import { HOLIDAY_KINDS } from '../vocabulary/holidays.js';
import { codeOf } from '../vocabulary/keys.js';
import * as repo from './holidays.repo.js';
import { getSetting, getSettings, setSetting } from '../settings/settings.repo.js';
import { cachedUntilChanged } from '../db/versioned-cache.js';
import { recordEvent } from '../audit/audit.repo.js';
import { notFound } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import official from './official-holidays.json' with { type: 'json' };

export { HOLIDAY_KINDS };

/**
 * Loads the official calendar (SKB 3 Menteri, 2020–2026) once, on the first start. Marked in
 * settings so that an admin who removes a day does not see it come back.
 */
export function seedHolidays(db: Db): void {
  if (getSetting(db, 'holidays_seeded')) return;
  db.transaction((tx) => {
    const rows = Object.values(official.years).flatMap((y) =>
      y.days.map((d) => ({ date: d.date, kind: codeOf(HOLIDAY_KINDS, d.kind), name: d.name })),
    );
    repo.insertHolidays(tx, rows);
    setSetting(tx, 'holidays_seeded', nowInstant());
    recordEvent(tx, { userId: null, label: 'system' }, {
      action: 'holiday.seed', entityType: 'holiday', summary: `Kalender resmi ${Object.keys(official.years).join(', ')} dimuat (${rows.length} hari)`,
    });
  });
}

/**
 * The working calendar as the database holds it now: the holidays and the cuti bersama setting.
 * Built once and kept until either changes (src/db/versioned-cache.ts), whichever connection or
 * process changed it; inside a transaction that changed a holiday, that transaction's own view.
 */
export function loadCalendar(db: Tx): WorkingCalendar {
  const collectiveLeaveIsWorkingDay = getSettings(db)[COLLECTIVE_LEAVE_SETTING] === '1';
  return cachedUntilChanged(db, 'holidays', `calendar ${collectiveLeaveIsWorkingDay}`, () =>
    buildCalendar(repo.allHolidays(db).map((h) => ({ date: h.date, kind: h.kind, name: h.name })), { collectiveLeaveIsWorkingDay }),
  );
}

/** The office setting that makes cuti bersama working days (Perpres 21/2023): '1' on, else off. */
export const COLLECTIVE_LEAVE_SETTING = 'collective_leave_is_working_day';

/** Every cuti bersama date in the table (whose deadlines the cuti bersama setting can move). */
export function collectiveLeaveDates(tx: Tx): string[] {
  return repo.datesOfKind(tx, 'collective_leave');
}

export function holidaysOfYear(db: Db, year: number): HolidayRow[] {
  return repo.holidaysOfYear(db, year);
}

/** Years that have entries, newest first (for the year selector). */
export function holidayYears(db: Db): number[] {
  return repo.holidayYears(db);
}

export function getHoliday(db: Db, id: number): HolidayRow {
  const row = repo.findHoliday(db, id);
  if (!row) throw notFound('Hari libur');
  return row;
}

/**
 * Which of `years` have no entry at all. A year without entries is almost certainly a calendar
 * nobody has filled in yet (every year has Tahun Baru), so its deadlines count weekends only.
 */
export function missingCalendarYears(db: Tx, years: number[]): number[] {
  const present = new Set(repo.yearsWithHolidays(db, years));
  return [...new Set(years)].filter((y) => !present.has(y)).sort((a, b) => a - b);
}

/** The warning shown where deadlines are computed with a year that has no entries. */
export function missingCalendarWarning(year: number): string {
  return `Kalender libur tahun ${year} belum diisi — tenggat yang jatuh pada tahun itu hanya memperhitungkan akhir pekan.`;
}
