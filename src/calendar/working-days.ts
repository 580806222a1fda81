/**
 * Working-day arithmetic (hari kerja): Monday–Friday minus official holidays and cuti bersama.
 * Pure: dates are ISO `YYYY-MM-DD` strings already expressed in the office's time zone, so no
 * zone math happens here. UU 14/2008 Pasal 22 counts every period in working days.
 */
import { DateTime } from 'luxon';

export type HolidayKind = 'holiday' | 'collective_leave';
export interface HolidayEntry {
  date: string;
  kind: HolidayKind;
  name: string;
}

export interface WorkingCalendar {
  /** Why `date` is not a working day, or null when it is one. */
  offReason(date: string): string | null;
}

const WEEKDAY_NAMES: Record<number, string> = { 6: 'Sabtu', 7: 'Minggu' };

export function buildCalendar(entries: readonly HolidayEntry[]): WorkingCalendar {
  const byDate = new Map<string, string[]>();
  for (const h of entries) {
    const names = byDate.get(h.date) ?? [];
    names.push(h.name);
    byDate.set(h.date, names);
  }
  // Memoised: the register asks about the same few hundred days over and over.
  const memo = new Map<string, string | null>();
  return {
    offReason(date) {
      const known = memo.get(date);
      if (known !== undefined) return known;
      const weekend = WEEKDAY_NAMES[DateTime.fromISO(date).weekday];
      const names = byDate.get(date)?.join('; ');
      const reason = weekend && names ? `${weekend}, ${names}` : (weekend ?? names ?? null);
      memo.set(date, reason);
      return reason;
    },
  };
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
 * The `n`th working day after `start`. `start` itself never counts, whatever day it is, so a
 * request received on a Saturday starts counting on Monday.
 */
export function walkWorkingDays(start: string, n: number, cal: WorkingCalendar): DayWalk {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
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

/** Number of working days d with from < d ≤ to; 0 when to ≤ from. */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  let count = 0;
  for (let day = nextDay(from); day <= to; day = nextDay(day)) {
    if (cal.offReason(day) === null) count++;
  }
  return count;
}
