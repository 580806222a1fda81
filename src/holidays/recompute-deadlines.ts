import type { Tx } from '../db/client.js';
import { collectiveLeaveDates, loadCalendar } from '../calendar/holidays.service.js';

import { computeDeadlines } from '../requests/deadlines.js';
import { requestsSpanning, updateDerived } from '../requests/requests.repo.js';
import { recomputeObjectionDates } from '../objections/objections.service.js';

/**
 * Re-derives dueOn and serviceDays of every request (and the dates of its objections) whose counting window contains one of
 * `dates` (a holiday added, moved or removed). Call inside the transaction that changed the
 * calendar so the register never disagrees with it. Returns how many of each changed.
 */
export interface Recomputed {
  requests: number;
  objections: number;
}

export function recomputeDeadlinesFor(tx: Tx, dates: string[]): Recomputed {
  if (dates.length === 0) return { requests: 0, objections: 0 };
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
  return { requests: changed, objections: recomputeObjectionDates(tx, dates, cal) };
}

/** "tenggat 2 permohonan dan 1 keberatan", or '' when nothing moved. */
export function describeRecomputed(c: Recomputed): string {
  const parts = [c.requests ? `${c.requests} permohonan` : '', c.objections ? `${c.objections} keberatan` : ''].filter(Boolean);
  return parts.length ? `tenggat ${parts.join(' dan ')}` : '';
}

/**
 * Re-derives every deadline that a cuti bersama day can touch, after the office changed whether
 * cuti bersama counts as a working day: the same recompute as a holiday change, over every cuti
 * bersama date. Call inside the transaction that changed the setting.
 */
export function recomputeForCollectiveLeave(tx: Tx): Recomputed {
  return recomputeDeadlinesFor(tx, collectiveLeaveDates(tx));
}
