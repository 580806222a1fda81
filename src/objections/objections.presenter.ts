import type { DisputeStageRow, ObjectionRow } from '../db/schema.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { urgencyOn } from '../requests/deadlines.js';
import { formatDate, formatLongDate } from '../shared/dates.js';
import { COURTS, DISPUTE_RESULTS, DISPUTE_STAGES, FILED_BY, OBJECTION_GROUNDS, OBJECTION_RESULTS, REQUESTER_RESPONSES, stageResultLabel, type ObjectionGround } from './vocabulary.js';
import { disputeDueOn, effectiveRequesterResponse } from './objection-rules.js';

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

/** A stage's name: "Mediasi", "Pengadilan Negeri (PN)". */
const stageName = (s: Pick<DisputeStageRow, 'stage' | 'court'>) =>
  s.stage === 'court' ? label(COURTS, s.court) : label(DISPUTE_STAGES, s.stage);

/** The dispute as a timeline: the registration, then each stage in the order it happened. */
function presentDisputeTimeline(o: ObjectionRow, stages: readonly DisputeStageRow[]) {
  if (!o.disputeRegisteredOn) return [];
  return [
    { name: DISPUTE_STAGES.registration, on: formatLongDate(o.disputeRegisteredOn), caseNumber: o.disputeCaseNumber, result: '', decidedOn: '', note: o.disputeNote },
    ...stages.map((s) => ({
      name: stageName(s),
      on: formatLongDate(s.heldOn),
      caseNumber: s.caseNumber,
      result: stageResultLabel(s.stage, s.result),
      decidedOn: formatLongDate(s.decidedOn),
      note: s.note,
    })),
  ];
}

/** The objector: the requester of the request objected to, or the one recorded with a request-less objection. */
export function objectorOf(o: ObjectionRow, request: { requesterName: string; requesterAddress: string } | null) {
  return o.requestId === null || !request
    ? { name: o.objectorName, address: o.objectorAddress, contact: o.objectorContact }
    : { name: request.requesterName, address: request.requesterAddress, contact: '' };
}

export function presentObjectionForStaff(o: ObjectionRow, cal: WorkingCalendar, today: string, stages: readonly DisputeStageRow[] = []) {
  const disputeDue = disputeDueOn(o, cal);
  const stageKeys = new Set(stages.map((s) => (s.stage === 'court' ? `court:${s.court}` : s.stage)));
  return {
    id: o.id,
    requestId: o.requestId,
    requestless: o.requestId === null,
    objector: { name: o.objectorName, address: o.objectorAddress, contact: o.objectorContact },
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
          onShort: formatDate(o.respondedOn),
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
    /** Pasal 37 ayat 2: the last day to take it to the Komisi Informasi. */
    disputeDueOn: formatLongDate(disputeDue),
    disputeDueShort: formatDate(disputeDue),
    /** The window is open now (the answer came, or the time for it lapsed). */
    disputeWindowOpen: disputeDue !== null && (o.respondedOn !== null || today > o.responseDueOn),
    disputeLate: o.disputeLate,
    disputeLateNote: o.disputeLateNote,
    requesterResponse: (() => {
      const rr = effectiveRequesterResponse(o);
      return rr ? { text: label(REQUESTER_RESPONSES, rr.response), on: formatLongDate(rr.on), note: rr.note } : null;
    })(),
    disputeTimeline: presentDisputeTimeline(o, stages),
    /** Which stage forms make sense next (a recorded one can be corrected from its own form). */
    nextStages: o.disputeRegisteredOn
      ? [
          ...(stageKeys.has('adjudication') ? [] : [{ stage: 'mediation', text: stageKeys.has('mediation') ? 'Koreksi mediasi' : 'Catat mediasi' }]),
          { stage: 'adjudication', text: stageKeys.has('adjudication') ? 'Koreksi putusan ajudikasi' : 'Catat putusan ajudikasi' },
          ...(stageKeys.has('adjudication') ? [{ stage: 'court', text: 'Catat tahap pengadilan' }] : []),
        ]
      : [],
    canRespond: !o.respondedOn,
    canRecordDispute: o.result !== 'withdrawn' && (o.respondedOn !== null || today > o.responseDueOn),
    canRecordRequesterResponse: o.respondedOn !== null && o.result !== 'withdrawn',
  };
}
export type StaffObjectionView = ReturnType<typeof presentObjectionForStaff>;

export function presentObjectionForApi(o: ObjectionRow, cal: WorkingCalendar, stages: readonly DisputeStageRow[] = []) {
  return {
    id: o.id,
    request_id: o.requestId,
    objector: o.requestId === null ? { name: o.objectorName, address: o.objectorAddress, contact: o.objectorContact } : null,
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
    /** Pasal 37 ayat 2: the last day to take it to the Komisi Informasi; null when withdrawn. */
    dispute_due_on: disputeDueOn(o, cal),
    status: o.respondedOn ? 'answered' : 'open',
    response: o.respondedOn
      ? { responded_on: o.respondedOn, result: o.result, reasoning: o.reasoning, follow_up: o.followUp, information_given_on: o.informationGivenOn, responder_name: o.responderName }
      : null,
    requester_response: effectiveRequesterResponse(o),
    dispute: o.disputeRegisteredOn
      ? {
          registered_on: o.disputeRegisteredOn, case_number: o.disputeCaseNumber, result: o.disputeResult, decided_on: o.disputeDecidedOn, note: o.disputeNote,
          late: o.disputeLate, late_note: o.disputeLateNote,
          stages: stages.map((s) => ({
            stage: s.stage, court: s.court || null, held_on: s.heldOn, decided_on: s.decidedOn, case_number: s.caseNumber, result: s.result, note: s.note,
          })),
        }
      : null,
    version: o.version,
  };
}
