import type { ObjectionRow } from '../db/schema.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { urgencyOn } from '../requests/deadlines.js';
import { formatDate, formatLongDate } from '../shared/dates.js';
import { DISPUTE_RESULTS, FILED_BY, OBJECTION_GROUNDS, OBJECTION_RESULTS, type ObjectionGround } from './vocabulary.js';

const label = <T extends Record<string, string>>(labels: T, key: string | null): string =>
  key === null ? '' : (labels[key as keyof T] ?? key);

export function groundsOf(o: ObjectionRow): ObjectionGround[] {
  return o.grounds ? (o.grounds.split(',') as ObjectionGround[]) : [];
}

/** Where the objection stands, as a badge. */
export function objectionBadge(o: ObjectionRow, cal: WorkingCalendar, today: string) {
  // Upheld: the information is given (the granted colour); rejected: the refusal stands.
  if (o.respondedOn) {
    const css = o.result === 'upheld' ? 'granted' : o.result === 'rejected' ? 'rejected' : 'muted';
    return { css, text: label(OBJECTION_RESULTS, o.result).split(' — ')[0] };
  }
  const u = urgencyOn(today, { dueOn: o.responseDueOn, decidedOn: null }, cal);
  if (u.kind === 'overdue') return { css: 'late', text: `Tanggapan lewat tenggat ${u.daysLate} hari kerja` };
  if (u.kind === 'due_soon') return { css: 'soon', text: u.daysLeft === 0 ? 'Tanggapan jatuh tempo hari ini' : `Menunggu tanggapan · sisa ${u.daysLeft} hari kerja` };
  if (u.kind === 'on_track') return { css: 'open', text: `Menunggu tanggapan · sisa ${u.daysLeft} hari kerja` };
  return { css: 'open', text: 'Menunggu tanggapan' };
}

export function presentObjectionForStaff(o: ObjectionRow, cal: WorkingCalendar, today: string) {
  return {
    id: o.id,
    requestId: o.requestId,
    version: o.version,
    number: o.registrationNumber,
    filedOn: formatLongDate(o.filedOn),
    filedOnShort: formatDate(o.filedOn),
    filedOnIso: o.filedOn,
    grounds: groundsOf(o).map((g) => ({ letter: g, text: OBJECTION_GROUNDS[g] })),
    statement: o.statement,
    filedBy: label(FILED_BY, o.filedBy),
    proxyName: o.proxyName,
    late: o.late,
    lateNote: o.lateNote,
    filingDeadline: formatLongDate(o.filingDeadline),
    responseDueOn: formatLongDate(o.responseDueOn),
    responseDueShort: formatDate(o.responseDueOn),
    badge: objectionBadge(o, cal, today),
    response: o.respondedOn
      ? {
          on: formatLongDate(o.respondedOn),
          onIso: o.respondedOn,
          result: o.result,
          resultLabel: label(OBJECTION_RESULTS, o.result),
          reasoning: o.reasoning,
          followUp: o.followUp,
          informationGivenOn: formatLongDate(o.informationGivenOn),
          responderName: o.responderName,
          late: o.respondedOn > o.responseDueOn,
        }
      : null,
    dispute: o.disputeRegisteredOn
      ? {
          registeredOn: formatLongDate(o.disputeRegisteredOn),
          caseNumber: o.disputeCaseNumber,
          result: label(DISPUTE_RESULTS, o.disputeResult),
          decidedOn: formatLongDate(o.disputeDecidedOn),
          note: o.disputeNote,
        }
      : null,
    canRespond: !o.respondedOn,
    canRecordDispute: o.result !== 'withdrawn' && (o.respondedOn !== null || today > o.responseDueOn),
  };
}
export type StaffObjectionView = ReturnType<typeof presentObjectionForStaff>;

export function presentObjectionForApi(o: ObjectionRow) {
  return {
    id: o.id,
    request_id: o.requestId,
    registration_number: o.registrationNumber,
    filed_on: o.filedOn,
    grounds: groundsOf(o),
    statement: o.statement,
    filed_by: o.filedBy,
    proxy_name: o.proxyName,
    late: o.late,
    late_note: o.lateNote,
    filing_deadline: o.filingDeadline,
    response_due_on: o.responseDueOn,
    status: o.respondedOn ? 'answered' : 'open',
    response: o.respondedOn
      ? { responded_on: o.respondedOn, result: o.result, reasoning: o.reasoning, follow_up: o.followUp, information_given_on: o.informationGivenOn, responder_name: o.responderName }
      : null,
    dispute: o.disputeRegisteredOn
      ? { registered_on: o.disputeRegisteredOn, case_number: o.disputeCaseNumber, result: o.disputeResult, decided_on: o.disputeDecidedOn, note: o.disputeNote }
      : null,
    version: o.version,
  };
}
