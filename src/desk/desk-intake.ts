/**
 * What intake (form, API) works out about a new ticket beyond its fields: every list code active,
 * the region known, the user's zone, whether it came in inside service hours, and its due time
 * under the admin's service level (issue 16 points 1–3).
 */
import type { Tx } from '../db/client.js';
import { AppError, invalid } from '../shared/errors.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { regionByCode, zoneOfRegion, type RegionZone } from '../regions/regions.js';
import { requireActiveCode, serviceHours, servicePolicy } from './desk-config.js';
import { isInsideServiceHours } from './service-hours.js';
import { dueAtForPolicy, type SlaPolicy } from './sla.js';
import type { CreateInput } from './desk.schemas.js';

/**
 * A well-formed body naming a code that is not (or no longer) in the admin's lists: 422, with
 * the usual {error:{code:'validation',message,fields}} (a malformed body stays 400).
 */
export function unprocessable(fields: Record<string, string>): AppError {
  const e = invalid(fields, 'Kode yang dikirim tidak dikenal atau tidak aktif.');
  Object.defineProperty(e, 'status', { value: 422 });
  return e;
}

/** A ticket's due instant and the service level it was counted with (stored together). */
export interface TicketDue {
  slaDueAt: string;
  slaAmount: number;
  slaUnit: SlaPolicy['unit'];
}

/** The due instant of a ticket under the channel's current policy (escalated or not). */
export function ticketDue(tx: Tx, receivedAt: string, channel: string, escalated: boolean, zone: string): TicketDue {
  return dueUnder(tx, receivedAt, servicePolicy(tx, channel, escalated), zone);
}

/** The due instant under a given policy, on the calendar and service hours as they are now. */
export function dueUnder(tx: Tx, receivedAt: string, policy: SlaPolicy, zone: string): TicketDue {
  return { slaDueAt: dueAtForPolicy(receivedAt, policy, loadCalendar(tx), zone, serviceHours(tx)), slaAmount: policy.amount, slaUnit: policy.unit };
}

/** Refuses inactive or unknown codes and regions; returns the ticket's zone, service-hours flag and due time. */
export function intakeFacts(tx: Tx, input: CreateInput, receivedAt: string, zone: string): { userZone: RegionZone | ''; outsideServiceHours: boolean } & TicketDue {
  const fields: Record<string, string> = {};
  const check = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation') throw e;
      Object.assign(fields, e.fields);
    }
  };
  check(() => requireActiveCode(tx, 'channel', input.channel));
  check(() => requireActiveCode(tx, 'category', input.category));
  if (input.topic) check(() => requireActiveCode(tx, 'topic', input.topic));
  const region = input.user.region_code;
  if (region && !regionByCode(region)) fields['user.region_code'] = `Kode wilayah "${region}" tidak ada dalam daftar provinsi dan kabupaten/kota Kemendagri.`;
  if (Object.keys(fields).length) throw unprocessable(fields);
  return {
    userZone: region ? zoneOfRegion(region) : '',
    outsideServiceHours: !isInsideServiceHours(receivedAt, serviceHours(tx), loadCalendar(tx), zone),
    ...ticketDue(tx, receivedAt, input.channel, input.escalated, zone),
  };
}
