/**
 * The desk's service hours (jam layanan): opening hours per weekday in the office zone, on the
 * office's working calendar (weekends, holidays and — unless the office counts it as a working
 * day — cuti bersama are outside). Pure: the hours and the calendar are arguments.
 */
import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-days.js';

/** Opening and closing time ('HH:mm') per ISO weekday 1 (Monday) … 5 (Friday); null = closed. */
export type WeeklyHours = Partial<Record<number, { opens: string; closes: string } | null>>;

/** The office's default hours (README "Layanan konsultasi"): Mon–Thu 08:00–16:00, Fri 08:00–16:30. */
export const DEFAULT_SERVICE_HOURS: WeeklyHours = {
  1: { opens: '08:00', closes: '16:00' },
  2: { opens: '08:00', closes: '16:00' },
  3: { opens: '08:00', closes: '16:00' },
  4: { opens: '08:00', closes: '16:00' },
  5: { opens: '08:00', closes: '16:30' },
};

/** Weekday names for the admin page (weekends are never working days on the calendar). */
export const WEEKDAYS: Record<number, string> = { 1: 'Senin', 2: 'Selasa', 3: 'Rabu', 4: 'Kamis', 5: 'Jumat' };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The service window of a local date in minutes after midnight, or null (closed, weekend, holiday). */
function windowOf(day: DateTime, hours: WeeklyHours, cal: WorkingCalendar): [number, number] | null {
  const h = hours[day.weekday];
  if (!h || cal.offReason(day.toISODate()!) !== null) return null;
  const open = minutesOf(h.opens);
  const close = minutesOf(h.closes);
  return close > open ? [open, close] : null;
}

/** Whether an instant falls inside service hours (opening time included, closing time excluded). */
export function isInsideServiceHours(instant: string, hours: WeeklyHours, cal: WorkingCalendar, zone: string): boolean {
  const at = DateTime.fromISO(instant, { setZone: true }).setZone(zone);
  const w = windowOf(at.startOf('day'), hours, cal);
  const m = at.hour * 60 + at.minute + at.second / 60;
  return w !== null && m >= w[0] && m < w[1];
}

/**
 * The instant `hours` working hours after `start`: only time inside service hours on working days
 * counts (as Zammad's and osTicket's business-hours SLAs count). A ticket that came in after
 * closing time starts counting at the next opening. Returns UTC ISO.
 */
export function addServiceHours(start: string, amount: number, hours: WeeklyHours, cal: WorkingCalendar, zone: string): string {
  let left = Math.round(amount * 60);
  const at = DateTime.fromISO(start, { setZone: true }).setZone(zone);
  let day = at.startOf('day');
  let from = at.hour * 60 + at.minute;
  // Ten years of days at most: a calendar with no service hours at all has no due time.
  for (let i = 0; i < 3660; i++) {
    const w = windowOf(day, hours, cal);
    if (w) {
      const begin = Math.max(from, w[0]);
      const room = w[1] - begin;
      if (room > 0 && left <= room) return day.plus({ minutes: begin + left }).toUTC().toISO({ suppressMilliseconds: true })!;
      if (room > 0) left -= room;
    }
    day = day.plus({ days: 1 });
    from = 0;
  }
  throw new Error('Tidak ada jam layanan dalam kalender: tenggat tidak dapat dihitung.');
}
