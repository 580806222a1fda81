/**
 * Deadline rules of UU 14/2008 Pasal 22 as pure functions over explicit inputs.
 */
import {
  addWorkingDays,
  walkWorkingDays,
  workingDaysBetween,
  type DayWalk,
  type WorkingCalendar,
} from '../calendar/working-days.js';

/** Pasal 22 ayat 7: the written notice is due within 10 working days of receipt. */
export const NOTICE_WORKING_DAYS = 10;
/** Pasal 22 ayat 8: one extension of at most 7 working days. */
export const MAX_EXTENSION_WORKING_DAYS = 7;
/** Days left at or under which an open request is "due soon" (one window for every queue). */
export { DUE_SOON_WORKING_DAYS } from '../calendar/working-days.js';
import { DUE_SOON_WORKING_DAYS } from '../calendar/working-days.js';

/** Today and the last day counted as "due soon": what the register and objection queries filter by. */
export interface DueSoonWindow {
  today: string;
  dueSoonUntil: string;
}

/**
 * The "due soon" window from `today` (office zone): a deadline from today up to `dueSoonUntil`
 * is due soon, the same rule urgencyOn applies to one request when it is shown.
 */
export function dueSoonWindow(today: string, cal: WorkingCalendar): DueSoonWindow {
  return { today, dueSoonUntil: addWorkingDays(today, DUE_SOON_WORKING_DAYS, cal) };
}

export interface DeadlineInput {
  receivedOn: string;
  extensionDays: number | null;
  decidedOn: string | null;
}

export interface Deadlines {
  originalDueOn: string;
  dueOn: string;
  serviceDays: number | null;
}

export function computeDeadlines(input: DeadlineInput, cal: WorkingCalendar): Deadlines {
  const originalDueOn = addWorkingDays(input.receivedOn, NOTICE_WORKING_DAYS, cal);
  const dueOn = input.extensionDays
    ? addWorkingDays(originalDueOn, input.extensionDays, cal)
    : originalDueOn;
  const serviceDays =
    input.decidedOn === null ? null : workingDaysBetween(input.receivedOn, input.decidedOn, cal);
  return { originalDueOn, dueOn, serviceDays };
}

export interface DeadlineExplanation {
  original: DayWalk;
  extension: DayWalk | null;
}

/** The days behind a due date, so an officer can check it by hand. */
export function explainDeadline(input: DeadlineInput, cal: WorkingCalendar): DeadlineExplanation {
  const original = walkWorkingDays(input.receivedOn, NOTICE_WORKING_DAYS, cal);
  const extension = input.extensionDays
    ? walkWorkingDays(original.end, input.extensionDays, cal)
    : null;
  return { original, extension };
}

export type Urgency =
  | { kind: 'closed' }
  | { kind: 'on_track'; daysLeft: number }
  | { kind: 'due_soon'; daysLeft: number }
  | { kind: 'overdue'; daysLate: number };

/** Computed when read, never stored: depends on today. */
export function urgencyOn(
  today: string,
  request: { dueOn: string; decidedOn: string | null },
  cal: WorkingCalendar,
): Urgency {
  if (request.decidedOn !== null) return { kind: 'closed' };
  if (today > request.dueOn) {
    return { kind: 'overdue', daysLate: Math.max(1, workingDaysBetween(request.dueOn, today, cal)) };
  }
  const daysLeft = workingDaysBetween(today, request.dueOn, cal);
  return daysLeft <= DUE_SOON_WORKING_DAYS ? { kind: 'due_soon', daysLeft } : { kind: 'on_track', daysLeft };
}
