/**
 * Service levels of the desk: N working days (vocabulary.ts SERVICE_LEVELS) counted on the
 * office's working calendar in the office zone, from when the ticket came in. The due instant is
 * the same clock time on the Nth working day after the day it came in ("1×24 jam" on working
 * days). Due soon / overdue are computed when read.
 */
import { DateTime } from 'luxon';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import { DUE_SOON_HOURS, SERVICE_LEVELS, type Channel, type ConsultationStatus } from './vocabulary.js';
import { addServiceHours, type WeeklyHours } from './service-hours.js';

/** A service level: so many working days, or so many working hours (inside service hours). */
export interface SlaPolicy {
  amount: number;
  unit: 'working_days' | 'working_hours';
}
export const SLA_UNITS = { working_days: 'hari kerja', working_hours: 'jam kerja' } as const;

/** The default policy of a channel (vocabulary.ts SERVICE_LEVELS; 1 / 5 working days for a channel added later). */
export function defaultPolicy(channel: string, escalated: boolean): SlaPolicy {
  const level = SERVICE_LEVELS[channel as Channel] ?? { plain: 1, escalated: 5 };
  return { amount: escalated ? level.escalated : level.plain, unit: 'working_days' };
}

/**
 * The due instant of a ticket under a policy. Working days: the same clock time on the Nth
 * working day after the day it came in. Working hours: counted only inside service hours on
 * working days (addServiceHours).
 */
export function dueAtForPolicy(receivedAt: string, policy: SlaPolicy, cal: WorkingCalendar, zone: string, hours: WeeklyHours): string {
  if (policy.unit === 'working_hours') return addServiceHours(receivedAt, policy.amount, hours, cal, zone);
  const at = DateTime.fromISO(receivedAt, { setZone: true }).setZone(zone);
  const day = addWorkingDays(at.toISODate()!, policy.amount, cal);
  const due = DateTime.fromISO(day, { zone }).set({ hour: at.hour, minute: at.minute, second: at.second, millisecond: 0 });
  return due.toUTC().toISO({ suppressMilliseconds: true })!;
}

/** The due instant under the default policy of a channel (the admin's policies: desk-config.ts). */
export function slaDueAt(receivedAt: string, channel: Channel, escalated: boolean, cal: WorkingCalendar, zone: string): string {
  return dueAtForPolicy(receivedAt, defaultPolicy(channel, escalated), cal, zone, {});
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
