/**
 * The internal due date of a disposition, as pure functions over explicit inputs (no database).
 */
import { DateTime } from 'luxon';
import { isWorkingDay, workingDaysBetween, type WorkingCalendar } from '../calendar/working-days.js';

const previousDay = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;

/**
 * The working day `n` working days before `due` (n = 0: `due` itself). Walks back at most a
 * few weeks: n is an office setting of 0–10.
 */
export function workingDaysBefore(due: string, n: number, cal: WorkingCalendar): string {
  let day = due;
  for (let left = n; left > 0; ) {
    day = previousDay(day);
    if (isWorkingDay(day, cal)) left--;
  }
  return day;
}

/**
 * The default internal due date: `leadDays` working days before the request's (legal) due date,
 * never before the day sent (a request sent late gets today).
 */
export function defaultInternalDue(legalDue: string, sentOn: string, leadDays: number, cal: WorkingCalendar): string {
  const d = workingDaysBefore(legalDue, leadDays, cal);
  return d < sentOn ? sentOn : d;
}

/** Working days from sending to answering (the day sent never counts, like service days). */
export const daysToAnswer = (sentOn: string, answeredOn: string, cal: WorkingCalendar): number => workingDaysBetween(sentOn, answeredOn, cal);
