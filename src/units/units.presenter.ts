/**
 * View models of units and dispositions. A unit's staff get their own presenter, built from a
 * fixed list of fields: the information requested, its purpose and the dates — never the
 * requester's identity or contacts (like the public status page's presenter).
 */
import type { DispositionRow, ForwardingRow, RequestRow, UnitRow } from '../db/schema.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { urgencyOn, type Urgency } from '../requests/deadlines.js';
import type { Badge } from '../requests/requests.presenter.js';
import { DELIVERY_METHODS, EXEMPTION_ARTICLES, OBTAIN_METHODS, type ExemptionArticle } from '../requests/vocabulary.js';
import { formatDate, formatLongDate } from '../shared/dates.js';
import { ANSWER_RESULTS, DISPOSITION_STATUSES, UNIT_KINDS, type AnswerResult, type DispositionStatus, type UnitKind } from './vocabulary.js';
import type { UnitFigures } from './unit-stats.js';

const label = <T extends Record<string, string>>(labels: T, key: string | null): string => (key === null ? '' : (labels[key as keyof T] ?? key));
const articlesOf = (d: DispositionRow): ExemptionArticle[] => (d.exemptionArticles ? (d.exemptionArticles.split(',') as ExemptionArticle[]) : []);

export function presentUnit(u: UnitRow, extra: { depth?: number; parentCode?: string | null; users?: number } = {}) {
  return {
    id: u.id,
    version: u.version,
    code: u.code,
    name: u.name,
    kind: u.kind,
    kindLabel: label(UNIT_KINDS, u.kind),
    parentId: u.parentId,
    parentCode: extra.parentCode ?? null,
    active: u.active,
    numberPattern: u.numberPattern ?? '',
    depth: extra.depth ?? 0,
    users: extra.users ?? 0,
  };
}

export function presentUnitForApi(u: UnitRow, parentCode: string | null) {
  return { id: u.id, code: u.code, name: u.name, kind: u.kind as UnitKind, parent_code: parentCode, active: u.active };
}

function urgencyOf(d: DispositionRow, cal: WorkingCalendar, today: string): Urgency {
  return urgencyOn(today, { dueOn: d.dueOn, decidedOn: d.status === 'open' ? null : (d.answeredOn ?? d.closedOn ?? d.sentOn) }, cal);
}

export function dispositionBadge(d: DispositionRow, urgency: Urgency): Badge {
  if (d.status === 'answered') return { css: d.answeredOn! > d.dueOn ? 'not-provided' : 'granted', text: `Dijawab ${formatDate(d.answeredOn)}${d.answeredOn! > d.dueOn ? ' (lewat tenggat internal)' : ''}` };
  if (d.status !== 'open') return { css: 'muted', text: label(DISPOSITION_STATUSES, d.status) };
  switch (urgency.kind) {
    case 'overdue':
      return { css: 'late', text: `Lewat tenggat internal ${urgency.daysLate} hari kerja` };
    case 'due_soon':
      return { css: 'soon', text: urgency.daysLeft === 0 ? 'Jatuh tempo hari ini' : `Sisa ${urgency.daysLeft} hari kerja` };
    case 'on_track':
      return { css: 'open', text: `Sisa ${urgency.daysLeft} hari kerja` };
    default:
      return { css: 'open', text: 'Menunggu jawaban' };
  }
}

function answerOf(d: DispositionRow) {
  if (d.status !== 'answered' || !d.result) return null;
  return {
    on: formatLongDate(d.answeredOn),
    result: d.result as AnswerResult,
    resultLabel: label(ANSWER_RESULTS, d.result),
    note: d.answerNote,
    holder: d.holder,
    articles: articlesOf(d).map((a) => ({ letter: a, text: EXEMPTION_ARTICLES[a] })),
    consequenceTest: d.consequenceTest,
    late: d.answeredOn! > d.dueOn,
  };
}

/** The disposition itself, as anyone who may see it sees it (no request data). */
export function presentDisposition(d: DispositionRow, unit: UnitRow, cal: WorkingCalendar, today: string) {
  const urgency = urgencyOf(d, cal, today);
  return {
    id: d.id,
    version: d.version,
    requestId: d.requestId,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    sentOn: formatLongDate(d.sentOn),
    dueOn: formatLongDate(d.dueOn),
    dueOnIso: d.dueOn,
    note: d.note,
    status: d.status as DispositionStatus,
    statusLabel: label(DISPOSITION_STATUSES, d.status),
    badge: dispositionBadge(d, urgency),
    urgency,
    answer: answerOf(d),
    reminders: d.reminders,
    remindedOn: d.remindedOn ? formatLongDate(d.remindedOn) : null,
    closed: d.closedOn ? { on: formatLongDate(d.closedOn), note: d.closeNote } : null,
    previousId: d.previousId,
    open: d.status === 'open',
  };
}
export type DispositionView = ReturnType<typeof presentDisposition>;

/**
 * What a unit's staff see of the request: the fixed list below, nothing else. No name, ID
 * number, address, phone, e-mail, occupation, proxy or access code.
 */
export function presentRequestForUnit(r: RequestRow) {
  return {
    id: r.id,
    number: r.registrationNumber,
    receivedOn: formatLongDate(r.receivedOn),
    informationRequested: r.informationRequested,
    purpose: r.purpose,
    obtainMethod: label(OBTAIN_METHODS, r.obtainMethod),
    deliveryMethod: label(DELIVERY_METHODS, r.deliveryMethod),
    legalDueOn: formatLongDate(r.dueOn),
    decided: r.outcome !== null,
  };
}
export type UnitRequestView = ReturnType<typeof presentRequestForUnit>;

/** The API's shape: the same fixed list of request fields, for every token that may see it. */
export function presentDispositionForApi(d: DispositionRow, unit: UnitRow, r: RequestRow, cal: WorkingCalendar, today: string) {
  return {
    id: d.id,
    request_id: d.requestId,
    registration_number: r.registrationNumber,
    information_requested: r.informationRequested,
    purpose: r.purpose,
    legal_due_on: r.dueOn,
    unit_code: unit.code,
    unit_name: unit.name,
    sent_on: d.sentOn,
    due_on: d.dueOn,
    note: d.note,
    status: d.status,
    urgency: urgencyOf(d, cal, today).kind,
    answer: d.status === 'answered'
      ? { answered_on: d.answeredOn, result: d.result, note: d.answerNote, holder: d.holder, exemption_articles: articlesOf(d), consequence_test: d.consequenceTest }
      : null,
    reminders: d.reminders,
    reminded_on: d.remindedOn,
    closed_on: d.closedOn,
    close_note: d.closeNote,
    previous_id: d.previousId,
    version: d.version,
  };
}

export function presentForwarding(f: ForwardingRow | undefined) {
  if (!f) return null;
  return { body: f.body, on: formatLongDate(f.forwardedOn), onIso: f.forwardedOn, contact: f.contact, note: f.note, version: f.version };
}

const days = (n: number | null) => (n === null ? '–' : `${n.toLocaleString('id-ID', { maximumFractionDigits: 1 })} hari kerja`);

export function presentFigures(f: UnitFigures) {
  return {
    code: f.unit.code,
    name: f.unit.name,
    received: f.received,
    answered: f.answered,
    median: days(f.medianDays),
    p90: days(f.p90Days),
    onTime: f.onTimePct === null ? '–' : `${f.onTimePct.toLocaleString('id-ID', { maximumFractionDigits: 1 })}% (${f.onTime})`,
    overdueNow: f.overdueNow,
  };
}

export function presentFiguresForApi(f: UnitFigures) {
  return {
    unit_code: f.unit.code,
    unit_name: f.unit.name,
    kind: f.unit.kind,
    received: f.received,
    answered: f.answered,
    median_working_days: f.medianDays,
    p90_working_days: f.p90Days,
    answered_by_due: f.onTime,
    answered_by_due_pct: f.onTimePct,
    overdue_now: f.overdueNow,
  };
}
