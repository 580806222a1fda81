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
import { findObjection, stagesOfObjection } from './objections.repo.js';
import { disputeDueOn } from './objection-rules.js';

export function objectionPage({ db, zone, id }: { db: Db; zone: string; id: number }) {
  const objection = findObjection(db, id);
  if (!objection) throw notFound('Keberatan');
  // A request-less objection (ground b) has no request, and no files (files hang on a request).
  const request = objection.requestId === null ? null : findRequest(db, objection.requestId);
  if (objection.requestId !== null && !request) throw notFound('Permohonan');
  const calendar = loadCalendar(db);
  const dates = [objection.responseDueOn, objection.filingDeadline, disputeDueOn(objection, calendar)].filter((d): d is string => d !== null);
  return {
    objection,
    request: request ?? null,
    stages: stagesOfObjection(db, id),
    today: todayIn(zone),
    calendar,
    history: entityHistory(db, 'objection', String(id)),
    files: objection.requestId === null ? [] : attachmentsOfRequest(db, objection.requestId).filter((a) => a.objectionId === id),
    /** Years of the answer's due date, the filing deadline and the dispute window that have no holidays loaded. */
    missingCalendarYears: missingCalendarYears(db, dates.map((d) => Number(d.slice(0, 4)))),
  };
}
export type ObjectionPageData = ReturnType<typeof objectionPage>;
