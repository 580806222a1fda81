/**
 * What the public status page may show: dates, status, outcome and the categories of reasons.
 * Built from scratch, field by field, so that nothing identifying a person (name, ID number,
 * address, phone, e-mail) or an officer's internal note can reach the page.
 */
import type { AttachmentRow, ObjectionRow, RequestRow } from '../db/schema.js';
import { ATTACHMENT_KINDS } from '../uploads/vocabulary.js';
import { humanSize } from '../uploads/attachments.presenter.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { urgencyOn } from '../requests/deadlines.js';
import { stateLabel } from '../requests/request-status.js';
import { articlesOf, badgeFor, reasonsOf } from '../requests/requests.presenter.js';
import { EXEMPTION_ARTICLES, OUTCOMES, REASONS } from '../requests/vocabulary.js';
import { OBJECTION_GROUNDS, OBJECTION_RESULTS } from '../objections/vocabulary.js';
import { groundsOf, objectionBadge } from '../objections/objections.presenter.js';
import { formatLongDate } from '../shared/dates.js';

export function presentRequestForPublic(r: RequestRow, objections: ObjectionRow[], cal: WorkingCalendar, today: string) {
  const urgency = urgencyOn(today, r, cal);
  // A voided entry says only that: no dates to keep, no decision, no reason or note (the note is
  // the office's, and may name someone).
  const voided = r.voidedOn !== null;
  return {
    number: r.registrationNumber,
    voided,
    receivedOn: formatLongDate(r.receivedOn),
    status: stateLabel(r),
    /** The badge colour of the status (same families as the staff pages); the text is `status`. */
    badgeCss: badgeFor(r, urgency).css,
    open: r.outcome === null && !voided,
    overdue: !voided && urgency.kind === 'overdue',
    originalDueOn: formatLongDate(r.originalDueOn),
    dueOn: formatLongDate(r.dueOn),
    extended: r.extendedOn !== null,
    extendedOn: formatLongDate(r.extendedOn),
    decision: r.outcome && !voided
      ? {
          outcome: r.withdrawn ? 'Dicabut oleh pemohon' : OUTCOMES[r.outcome],
          decidedOn: formatLongDate(r.decidedOn),
          reasons: reasonsOf(r).map((k) => REASONS[k]),
          articles: articlesOf(r).map((a) => `Pasal 17 huruf ${a} UU 14/2008 — ${EXEMPTION_ARTICLES[a]}`),
        }
      : null,
    objections: (voided ? [] : objections).map((o) => ({
      number: o.registrationNumber,
      badgeCss: objectionBadge(o, cal, today).css,
      filedOn: formatLongDate(o.filedOn),
      grounds: groundsOf(o).map((g) => `huruf ${g}: ${OBJECTION_GROUNDS[g]}`),
      responseDueOn: formatLongDate(o.responseDueOn),
      result: o.result ? OBJECTION_RESULTS[o.result] : null,
      respondedOn: formatLongDate(o.respondedOn),
      dispute: o.disputeRegisteredOn ? formatLongDate(o.disputeRegisteredOn) : null,
    })),
  };
}
export type PublicRequestView = ReturnType<typeof presentRequestForPublic>;

/** The receipt a web requester sees right after submitting: their number, code and dates. */
export function presentPublicReceipt(r: RequestRow) {
  return {
    number: r.registrationNumber,
    accessCode: r.accessCode,
    receivedOn: formatLongDate(r.receivedOn),
    receivedOnIso: r.receivedOn,
    dueOn: formatLongDate(r.dueOn),
    informationRequested: r.informationRequested,
  };
}

/** A document sent to the requester, as the status page lists it. */
export function presentPublicFile(a: AttachmentRow) {
  return { id: a.id, name: a.originalName, kind: ATTACHMENT_KINDS[a.kind], size: humanSize(a.sizeBytes) };
}
