/**
 * The request page's data in one query: the request, its objections, its attachments (kept and
 * removed), its audit history, the calendar and the years it lacks. Reads only (the "Baru" flag
 * is cleared by its own POST). The page's view model is made from it by request-page.presenter.ts;
 * the upload route shows the same page again when an upload is refused.
 */
import type { Db } from '../db/client.js';
import { notFound } from '../shared/errors.js';
import { todayIn } from '../shared/dates.js';
import { loadCalendar, missingCalendarYears } from '../calendar/holidays.service.js';
import { entityHistory } from '../audit/audit.repo.js';
import { objectionsOfRequest } from '../objections/objections.repo.js';
import { attachmentsOfRequest, removedAttachmentsOfRequest } from '../uploads/attachments.service.js';
import { findRequest } from './requests.repo.js';

export function requestPage({ db, zone, id }: { db: Db; zone: string; id: number }) {
  const request = findRequest(db, id);
  if (!request) throw notFound('Permohonan');
  const objections = objectionsOfRequest(db, id);
  return {
    request,
    today: todayIn(zone),
    calendar: loadCalendar(db),
    objections,
    history: entityHistory(db, 'request', String(id)),
    attachments: attachmentsOfRequest(db, id),
    removedAttachments: removedAttachmentsOfRequest(db, id),
    /** Years the page's deadlines fall in that have no holidays loaded (the counts may be wrong). */
    missingCalendarYears: missingCalendarYears(db, [request.dueOn, ...objections.map((o) => o.responseDueOn)].map((d) => Number(d.slice(0, 4)))),
  };
}
export type RequestPageData = ReturnType<typeof requestPage>;
