import type { Tx } from '../audit/audit.repo.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { computeDeadlines } from './deadlines.js';
import { requestsSpanning, updateDerived } from './requests.repo.js';

/**
 * Re-derives dueOn and serviceDays of every request whose counting window contains one of
 * `dates` (a holiday added, moved or removed). Call inside the transaction that changed the
 * calendar so the register never disagrees with it. Returns how many requests changed.
 */
export function recomputeDeadlinesFor(tx: Tx, dates: string[]): number {
  if (dates.length === 0) return 0;
  const cal = loadCalendar(tx);
  let changed = 0;
  for (const r of requestsSpanning(tx, dates)) {
    const d = computeDeadlines({ receivedOn: r.receivedOn, extensionDays: r.extensionDays, decidedOn: r.decidedOn }, cal);
    if (d.dueOn !== r.dueOn || d.originalDueOn !== r.originalDueOn || d.serviceDays !== r.serviceDays) {
      updateDerived(tx, r.id, d);
      changed++;
    }
  }
  return changed;
}
