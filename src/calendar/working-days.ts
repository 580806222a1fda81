/**
 * Working-day arithmetic (hari kerja): Monday–Friday minus official holidays and cuti bersama.
 * Pure: dates are ISO `YYYY-MM-DD` strings already expressed in the office's time zone, so no
 * zone math happens here. UU 14/2008 Pasal 22 counts every period in working days.
 */
import { DateTime } from 'luxon';

import type { HolidayKind } from '../vocabulary/holidays.js';

export type { HolidayKind };
export interface HolidayEntry {
  date: string;
  kind: HolidayKind;
  name: string;
}

export interface CalendarOptions {
  /**
   * Perpres 21/2023: units serving the public directly may keep working on cuti bersama. When
   * the office says so (setting `collective_leave_is_working_day`), cuti bersama days count as
   * working days; a date that is also a national holiday stays off.
   */
  collectiveLeaveIsWorkingDay?: boolean;
}

/** How the deadline explanation names a cuti bersama day counted under the office setting. */
export const COLLECTIVE_LEAVE_COUNTED_NOTE = 'cuti bersama dihitung sebagai hari kerja menurut pengaturan kantor';

export interface WorkingCalendar {
  /** Whether cuti bersama counts as a working day here (the office setting). */
  readonly collectiveLeaveIsWorkingDay?: boolean;
  /** Why `date` is not a working day, or null when it is one. */
  offReason(date: string): string | null;
  /**
   * Why a working day is worth a word: a cuti bersama counted as a working day under the office
   * setting ("Cuti Bersama Idul Fitri — cuti bersama dihitung sebagai hari kerja …"), else null.
   */
  workingNote?(date: string): string | null;
  /**
   * How many holidays falling on a weekday (Monday–Friday) lie in the day numbers (from, to]
   * (see `dayNumber`): a binary search, so any range costs the same.
   */
  weekdayHolidaysIn(from: number, to: number): number;
}

const WEEKDAY_NAMES: Record<number, string> = { 6: 'Sabtu', 7: 'Minggu' };

export function buildCalendar(all: readonly HolidayEntry[], options: CalendarOptions = {}): WorkingCalendar {
  const collectiveLeaveIsWorkingDay = options.collectiveLeaveIsWorkingDay === true;
  // Cuti bersama kept as working days, by date (named in the deadline explanation).
  const workedLeave = new Map<string, string[]>();
  const entries = collectiveLeaveIsWorkingDay ? all.filter((h) => h.kind !== 'collective_leave') : all;
  if (collectiveLeaveIsWorkingDay) {
    for (const h of all) if (h.kind === 'collective_leave') workedLeave.set(h.date, [...(workedLeave.get(h.date) ?? []), h.name]);
  }
  const byDate = new Map<string, string[]>();
  for (const h of entries) {
    const names = byDate.get(h.date) ?? [];
    names.push(h.name);
    byDate.set(h.date, names);
  }
  // The holidays that take a working day away (those on a weekend take nothing), as sorted day
  // numbers, each once: counting them over a range is two binary searches.
  const weekdayHolidays = [...byDate.keys()]
    .filter((d) => ISO_DATE.test(d))
    .map(dayNumber)
    .filter((n) => weekdayIndex(n) < 5)
    .sort((a, b) => a - b);
  // Memoised: the register asks about the same few hundred days over and over (bounded, so a
  // long walk cannot grow it without end).
  const memo = new Map<string, string | null>();
  return {
    collectiveLeaveIsWorkingDay,
    workingNote(date) {
      const names = workedLeave.get(date);
      if (!names || byDate.has(date) || WEEKDAY_NAMES[DateTime.fromISO(date).weekday]) return null;
      return `${names.join('; ')} — ${COLLECTIVE_LEAVE_COUNTED_NOTE}`;
    },
    offReason(date) {
      const known = memo.get(date);
      if (known !== undefined) return known;
      const weekend = WEEKDAY_NAMES[DateTime.fromISO(date).weekday];
      const names = byDate.get(date)?.join('; ');
      const reason = weekend && names ? `${weekend}, ${names}` : (weekend ?? names ?? null);
      if (memo.size < 100_000) memo.set(date, reason);
      return reason;
    },
    weekdayHolidaysIn(from, to) {
      return to <= from ? 0 : countAtMost(weekdayHolidays, to) - countAtMost(weekdayHolidays, from);
    },
  };
}

// ---- day numbers: plain integer arithmetic, so a count over centuries costs what a week does ----

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date in the proleptic Gregorian calendar (Howard
 * Hinnant's days_from_civil). Integer arithmetic only: no Date object (whose two-digit years
 * mean 19xx) and no zone, because the string is already the office's calendar date.
 */
export function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const month = Number(m[2]);
  const y = Number(m[1]) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + Number(m[3]) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** 0 = Monday … 6 = Sunday (day 0, 1970-01-01, was a Thursday). */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Monday–Friday days from a fixed Monday up to and including `day` (negative before it). */
function weekdaysThrough(day: number): number {
  const sinceMonday = day + 3; // day -3 (1969-12-29) was a Monday
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7 + 1, 5);
}

/** How many values in the sorted list are ≤ x. */
function countAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  return cal.offReason(date) === null;
}

const nextDayMemo = new Map<string, string>();
function nextDay(date: string): string {
  let next = nextDayMemo.get(date);
  if (next === undefined) {
    next = DateTime.fromISO(date).plus({ days: 1 }).toISODate()!;
    if (nextDayMemo.size < 200_000) nextDayMemo.set(date, next);
  }
  return next;
}

export interface DayWalk {
  /** The working days counted, in order; the last one is the result. */
  counted: string[];
  /** The days passed over on the way, with why. */
  skipped: { date: string; reason: string }[];
  end: string;
}

/**
 * Longest walk asked for. The law's periods are 10, 7 and 30 working days; the cap keeps any
 * walk short whatever a caller passes (each step either counts a day or passes a weekend or one
 * of the calendar's finitely many holidays, so the walk ends after about n × 7/5 + holidays steps).
 */
export const MAX_WALK_WORKING_DAYS = 1000;

/**
 * The `n`th working day after `start`. `start` itself never counts, whatever day it is, so a
 * request received on a Saturday starts counting on Monday.
 */
export function walkWorkingDays(start: string, n: number, cal: WorkingCalendar): DayWalk {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WALK_WORKING_DAYS) {
    throw new RangeError(`n must be a whole number from 0 to ${MAX_WALK_WORKING_DAYS}, got ${n}`);
  }
  const counted: string[] = [];
  const skipped: { date: string; reason: string }[] = [];
  let day = start;
  while (counted.length < n) {
    day = nextDay(day);
    const reason = cal.offReason(day);
    if (reason === null) counted.push(day);
    else skipped.push({ date: day, reason });
  }
  return { counted, skipped, end: day };
}

export function addWorkingDays(start: string, n: number, cal: WorkingCalendar): string {
  return walkWorkingDays(start, n, cal).end;
}

/**
 * Number of working days d with from < d ≤ to; 0 when to ≤ from. Counted by arithmetic (the
 * weekdays in the range minus the weekday holidays in it), never day by day: a date typed as
 * 0001-01-01 that reached the database once made every register view walk 740,000 days.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b <= a) return 0;
  return weekdaysThrough(b) - weekdaysThrough(a) - cal.weekdayHolidaysIn(a, b);
}

/**
 * Working days left at or under which open work is "due soon": requests, objections and the
 * staff digests share this one window.
 */
export const DUE_SOON_WORKING_DAYS = 2;
