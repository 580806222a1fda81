/**
 * Service levels of the desk: N working days (vocabulary.ts SERVICE_LEVELS) counted on the
 * office's working calendar in the office zone, from when the ticket came in. The due instant is
 * the same clock time on the Nth working day after the day it came in ("1×24 jam" on working
 * days). Due soon / overdue are computed when read.
 */
import { DateTime } from 'luxon';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import { DUE_SOON_HOURS, SERVICE_LEVELS, type Channel, type ConsultationStatus } from './vocabulary.js';

export function slaDueAt(receivedAt: string, channel: Channel, escalated: boolean, cal: WorkingCalendar, zone: string): string {
  const at = DateTime.fromISO(receivedAt, { setZone: true }).setZone(zone);
  const level = SERVICE_LEVELS[channel];
  const day = addWorkingDays(at.toISODate()!, escalated ? level.escalated : level.plain, cal);
  const due = DateTime.fromISO(day, { zone }).set({ hour: at.hour, minute: at.minute, second: at.second, millisecond: 0 });
  return due.toUTC().toISO({ suppressMilliseconds: true })!;
}

export type TicketUrgency = 'done' | 'on_track' | 'due_soon' | 'overdue';

export function ticketUrgency(status: ConsultationStatus, dueAt: string, now: DateTime = DateTime.now()): TicketUrgency {
  if (status === 'answered' || status === 'closed') return 'done';
  const due = DateTime.fromISO(dueAt, { setZone: true });
  if (now > due) return 'overdue';
  return due.diff(now, 'hours').hours <= DUE_SOON_HOURS ? 'due_soon' : 'on_track';
}

/** Minutes from one instant to another (escalation to answer), never negative. */
export function minutesBetween(from: string, to: string): number {
  return Math.max(0, Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'minutes').minutes));
}
