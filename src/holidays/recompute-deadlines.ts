import type { Tx } from '../db/client.js';
import { collectiveLeaveDates, loadCalendar } from '../calendar/holidays.service.js';

import { computeDeadlines } from '../requests/deadlines.js';
import { requestsSpanning, updateDerived } from '../requests/requests.repo.js';
import { recomputeObjectionDates } from '../objections/objections.service.js';
import { recomputeTicketDueTimes } from '../desk/recompute-due.js';

/** How many of each got a new due date (requests: or service-day count; tickets: due time). */
export interface Recomputed {
  requests: number;
  objections: number;
  consultations: number;
}

/**
 * Re-derives dueOn and serviceDays of every request (and the dates of its objections), and the
 * due time of every desk ticket, whose counting window contains one of `dates` (a holiday added,
 * moved or removed). Call inside the transaction that changed the calendar so the register and
 * the desk never disagree with it. `zone`: the office's, where a ticket's day begins and ends.
 */
export function recomputeDeadlinesFor(tx: Tx, dates: string[], zone: string): Recomputed {
  if (dates.length === 0) return { requests: 0, objections: 0, consultations: 0 };
  const cal = loadCalendar(tx);
  let changed = 0;
  for (const r of requestsSpanning(tx, dates)) {
    const d = computeDeadlines({ receivedOn: r.receivedOn, extensionDays: r.extensionDays, decidedOn: r.decidedOn }, cal);
    if (d.dueOn !== r.dueOn || d.originalDueOn !== r.originalDueOn || d.serviceDays !== r.serviceDays) {
      updateDerived(tx, r.id, d);
      changed++;
    }
  }
  // Objection windows hang on the request's dates, so they follow after the requests.
  return { requests: changed, objections: recomputeObjectionDates(tx, dates, cal), consultations: recomputeTicketDueTimes(tx, dates, zone) };
}

/** "tenggat 2 permohonan, 1 keberatan dan 3 konsultasi", or '' when nothing moved. */
export function describeRecomputed(c: Recomputed): string {
  const parts = [
    c.requests ? `${c.requests} permohonan` : '', c.objections ? `${c.objections} keberatan` : '', c.consultations ? `${c.consultations} konsultasi` : '',
  ].filter(Boolean);
  if (parts.length === 0) return '';
  return `tenggat ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} dan ${parts.at(-1)}`}`;
}

/**
 * Re-derives every deadline that a cuti bersama day can touch, after the office changed whether
 * cuti bersama counts as a working day: the same recompute as a holiday change, over every cuti
 * bersama date. Call inside the transaction that changed the setting.
 */
export function recomputeForCollectiveLeave(tx: Tx, zone: string): Recomputed {
  return recomputeDeadlinesFor(tx, collectiveLeaveDates(tx), zone);
}
