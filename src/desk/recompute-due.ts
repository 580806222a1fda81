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

const instant = (date: string, zone: string, plusDays = 0) =>
  DateTime.fromISO(date, { zone }).plus({ days: plusDays }).toUTC().toISO({ suppressMilliseconds: true })!;
const dayOf = (iso: string, zone: string) => DateTime.fromISO(iso, { setZone: true }).setZone(zone).toISODate()!;

/** How many tickets got a new due time. */
export function recomputeTicketDueTimes(tx: Tx, dates: string[], zone: string): number {
  if (dates.length === 0) return 0;
  const sorted = [...dates].sort();
  let changed = 0;
  for (const t of ticketsCountingBetween(tx, instant(sorted[0], zone), instant(sorted.at(-1)!, zone, 1))) {
    const from = dayOf(t.receivedAt, zone);
    const until = dayOf(t.slaDueAt, zone);
    if (!sorted.some((d) => d >= from && d <= until)) continue;
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
