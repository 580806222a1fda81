/**
 * A holiday added, moved or removed (or cuti bersama made working days) moves the due time of
 * every ticket whose count crosses that day, as it moves the requests' deadlines: one calendar
 * for both (src/holidays/recompute-deadlines.ts calls this in the same transaction). Each ticket
 * is counted again with the service level it was given, not with one the admin set later.
 */
import { DateTime } from 'luxon';
import type { Tx } from '../db/client.js';
import { servicePolicy } from './desk-config.js';
import { dueUnder } from './desk-intake.js';
import { ticketsCountingBetween, updateDueAt } from './desk.repo.js';
import type { SlaPolicy } from './sla.js';

/** Where `date` begins in the office zone, plus `days`, as stored instants are written (UTC, no ms). */
const instant = (date: string, zone: string, days = 0) =>
  DateTime.fromISO(date, { zone }).plus({ days }).toUTC().toISO({ suppressMilliseconds: true })!;

/** How many tickets got a new due time. */
export function recomputeTicketDueTimes(tx: Tx, dates: string[], zone: string): number {
  if (dates.length === 0) return 0;
  // Each day as [start, end) in stored instants: a ticket counts it when received before its end
  // and due at or after its start (string order is time order in this format).
  const days = [...dates].sort().map((d) => ({ start: instant(d, zone), end: instant(d, zone, 1) }));
  let changed = 0;
  for (const t of ticketsCountingBetween(tx, days[0].start, days.at(-1)!.end)) {
    if (!days.some((d) => t.receivedAt < d.end && t.slaDueAt >= d.start)) continue;
    const policy: SlaPolicy = t.slaAmount !== null && t.slaUnit !== null
      ? { amount: t.slaAmount, unit: t.slaUnit as SlaPolicy['unit'] }
      : servicePolicy(tx, t.channel, t.escalatedAt !== null);
    const { slaDueAt } = dueUnder(tx, t.receivedAt, policy, zone);
    if (slaDueAt !== t.slaDueAt) {
      updateDueAt(tx, t.id, slaDueAt);
      changed++;
    }
  }
  return changed;
}
