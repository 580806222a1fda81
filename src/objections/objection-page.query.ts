/**
 * The objection page's data in one query: the objection, its request, its audit history, its
 * files, the calendar and the years it lacks. Reads only. The view model is made from it by
 * objection-page.presenter.ts; the upload route shows the same page again when an upload is refused.
 */
import type { Db } from '../db/client.js';
import { notFound } from '../shared/errors.js';
import { todayIn } from '../shared/dates.js';
import { loadCalendar, missingCalendarYears } from '../calendar/holidays.service.js';
import { entityHistory } from '../audit/audit.repo.js';
import { findRequest } from '../requests/requests.repo.js';
import { attachmentsOfRequest } from '../uploads/attachments.service.js';
import { findObjection } from './objections.repo.js';

export function objectionPage({ db, zone, id }: { db: Db; zone: string; id: number }) {
  const objection = findObjection(db, id);
  if (!objection) throw notFound('Keberatan');
  const request = findRequest(db, objection.requestId);
  if (!request) throw notFound('Permohonan');
  return {
    objection,
    request,
    today: todayIn(zone),
    calendar: loadCalendar(db),
    history: entityHistory(db, 'objection', String(id)),
    files: attachmentsOfRequest(db, objection.requestId).filter((a) => a.objectionId === id),
    /** Years of the answer's due date and the filing deadline that have no holidays loaded. */
    missingCalendarYears: missingCalendarYears(db, [objection.responseDueOn, objection.filingDeadline].map((d) => Number(d.slice(0, 4)))),
  };
}
export type ObjectionPageData = ReturnType<typeof objectionPage>;
