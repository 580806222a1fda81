/**
 * The annual report's deadline on the dashboard: the report of year Y is due on 31 March of Y+1
 * (Perki 1/2021 Pasal 56). From 1 January the dashboard counts down in CALENDAR days (the rule
 * names a date, not a number of working days); past 31 March it counts the days late, until
 * the report is handed in.
 */
import { DateTime } from 'luxon';
import { dueDateOf } from './annual-report.service.js';

export interface ReportDue {
  year: number;
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
  daysLate: number;
}

/** The countdown for the previous year's report on `today`, or null once it was handed in. */
export function reportDue(today: string, submitted: boolean): ReportDue | null {
  if (submitted) return null;
  let due = countdowns.get(today);
  if (!due) {
    // Every register page view asks; a day's answer is the same all day.
    if (countdowns.size > 366) countdowns.clear();
    countdowns.set(today, (due = countdown(today)));
  }
  return { ...due };
}

const countdowns = new Map<string, ReportDue>();

function countdown(today: string): ReportDue {
  const year = Number(today.slice(0, 4)) - 1;
  const dueOn = dueDateOf(year);
  const days = Math.round(DateTime.fromISO(dueOn, { zone: 'UTC' }).diff(DateTime.fromISO(today, { zone: 'UTC' }), 'days').days);
  return { year, dueOn, daysLeft: Math.max(0, days), overdue: days < 0, daysLate: Math.max(0, -days) };
}
