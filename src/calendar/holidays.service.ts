import type { Db } from '../db/client.js';
import type { HolidayRow } from '../db/schema.js';
import { buildCalendar, type WorkingCalendar } from './working-days.js';
import { HOLIDAY_KINDS } from '../vocabulary/holidays.js';
import { codeOf } from '../vocabulary/keys.js';
import * as repo from './holidays.repo.js';
import type { HolidayInput } from './holidays.schemas.js';
import { getSetting, setSetting } from '../settings/settings.repo.js';
import { recordEvent, type Actor, type Tx } from '../audit/audit.repo.js';
import { describeRecomputed, recomputeDeadlinesFor, type Recomputed } from '../requests/deadlines.service.js';
import { AppError, notFound } from '../shared/errors.js';
import { formatLongDate, nowInstant } from '../shared/dates.js';
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
 * The working calendar as the database holds it now. Kept per database handle so that a page
 * or an API call does not rebuild (and re-memoise) it every time. A transaction is a new handle
 * each time, so code inside a holiday change always sees the new calendar; the change drops the
 * cached one when it ends.
 */
const calendars = new WeakMap<object, WorkingCalendar>();

export function loadCalendar(db: Tx): WorkingCalendar {
  const cached = calendars.get(db);
  if (cached) return cached;
  const cal = buildFromTable(db);
  calendars.set(db, cal);
  return cal;
}

function forgetCalendar(db: Tx): void {
  calendars.delete(db);
}

function buildFromTable(db: Tx): WorkingCalendar {
  return buildCalendar(repo.allHolidays(db).map((h) => ({ date: h.date, kind: h.kind, name: h.name })));
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

export interface HolidayChange {
  /** The entry as it is now; for a removal, as it was. */
  holiday: HolidayRow;
  /** How many requests got a new due date or service-day count. */
  recalculated: Recomputed;
}

interface UseCase {
  db: Db;
  actor: Actor;
}

const describe = (h: Pick<HolidayRow, 'date' | 'kind' | 'name'>) =>
  `${formatLongDate(h.date)} — ${h.name} (${HOLIDAY_KINDS[h.kind]})`;
const snapshot = (h: HolidayRow) => ({ date: h.date, kind: h.kind, name: h.name });
const recalculatedNote = (c: Recomputed) => (describeRecomputed(c) ? `; ${describeRecomputed(c)} dihitung ulang` : '');

function refuseDuplicate(tx: Tx, input: HolidayInput, exceptId?: number): void {
  if (repo.findSameHoliday(tx, input.date, input.name, exceptId)) {
    throw new AppError('conflict', 'Hari libur ini sudah tercatat.', {
      name: `Sudah ada "${input.name}" pada ${formatLongDate(input.date)}.`,
    });
  }
}

/**
 * Adds a non-working day and re-derives the deadlines it touches (UU 14/2008 Pasal 22 counts
 * working days, so every stored due date and service-day count follows the calendar).
 */
export function addHoliday({ db, actor, input }: UseCase & { input: HolidayInput }): HolidayChange {
  try {
    return db.transaction((tx) => {
      refuseDuplicate(tx, input);
      const holiday = repo.insertHoliday(tx, { date: input.date, kind: input.kind, name: input.name });
      const recalculated = recomputeDeadlinesFor(tx, [holiday.date]);
      recordEvent(tx, actor, {
        action: 'holiday.create', entityType: 'holiday', entityId: holiday.id,
        summary: `Hari libur ditambahkan: ${describe(holiday)}${recalculatedNote(recalculated)}`,
        after: snapshot(holiday),
      });
      return { holiday, recalculated };
    });
  } finally {
    // Drop the cached calendar only once the change has committed or rolled back.
    forgetCalendar(db);
  }
}

/** Corrects an entry (date, kind or name); deadlines around both the old and the new date follow. */
export function updateHoliday({ db, actor, id, input }: UseCase & { id: number; input: HolidayInput }): HolidayChange {
  try {
    return db.transaction((tx) => {
      const before = repo.findHoliday(tx, id);
      if (!before) throw notFound('Hari libur');
      if (before.date === input.date && before.kind === input.kind && before.name === input.name) {
        return { holiday: before, recalculated: { requests: 0, objections: 0 } };
      }
      refuseDuplicate(tx, input, id);
      const holiday = repo.updateHoliday(tx, id, { date: input.date, kind: input.kind, name: input.name });
      const recalculated = recomputeDeadlinesFor(tx, [...new Set([before.date, holiday.date])]);
      recordEvent(tx, actor, {
        action: 'holiday.update', entityType: 'holiday', entityId: id,
        summary: `Hari libur diubah: ${describe(before)} → ${describe(holiday)}${recalculatedNote(recalculated)}`,
        before: snapshot(before),
        after: snapshot(holiday),
      });
      return { holiday, recalculated };
    });
  } finally {
    // Drop the cached calendar only once the change has committed or rolled back.
    forgetCalendar(db);
  }
}

/** Removes an entry; the day becomes a working day again unless it is a weekend or listed twice. */
export function removeHoliday({ db, actor, id }: UseCase & { id: number }): HolidayChange {
  try {
    return db.transaction((tx) => {
      const before = repo.findHoliday(tx, id);
      if (!before) throw notFound('Hari libur');
      repo.deleteHoliday(tx, id);
      const recalculated = recomputeDeadlinesFor(tx, [before.date]);
      recordEvent(tx, actor, {
        action: 'holiday.delete', entityType: 'holiday', entityId: id,
        summary: `Hari libur dihapus: ${describe(before)}${recalculatedNote(recalculated)}`,
        before: snapshot(before),
      });
      return { holiday: before, recalculated };
    });
  } finally {
    // Drop the cached calendar only once the change has committed or rolled back.
    forgetCalendar(db);
  }
}
