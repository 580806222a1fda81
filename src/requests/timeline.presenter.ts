import type { AuditRow } from '../db/schema.js';
import { formatInstant } from '../shared/dates.js';

/** A request's history, oldest first, from its audit entries. */
export function presentTimeline(rows: AuditRow[], zone: string) {
  return rows.map((e) => ({ when: formatInstant(e.at, zone), who: e.actorLabel, what: e.summary, action: e.action }));
}
