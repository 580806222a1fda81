/**
 * View models of a request for staff pages and for the API. Views never see database rows.
 * (The public status page gets its own presenter, which carries no personal data.)
 */
import type { RequestRow } from '../db/schema.js';
import type { RegisterRow } from './requests.repo.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { explainDeadline, urgencyOn, type Urgency } from './deadlines.js';
import { stateLabel, stateOf } from './request-status.js';
import {
  CHANNELS, DELIVERY_METHODS, EXEMPTION_ARTICLES, GIVEN_FORMS, OBTAIN_METHODS, OUTCOMES, REASONS, REQUESTER_CATEGORIES,
  REQUESTER_TYPES, VOID_REASONS, type Outcome,
} from './vocabulary.js';
import { formatDate, formatLongDate } from '../shared/dates.js';
import { formatRupiah } from '../shared/numbers.js';
import { apiObject, articlesOf, reasonsOf } from './request-fields.js';
import { DELIVERY_RECORD_METHODS, fulfilmentDays, PAYMENT_METHODS } from './delivery.js';
import { periodText } from '../dik/dik.service.js';

const label = <T extends Record<string, string>>(labels: T, key: string): string => labels[key as keyof T] ?? key;

export { articlesOf, reasonsOf };

/** The delivery record as the request page and the register show it; null until delivered. */
export function presentDelivery(r: RequestRow, cal: WorkingCalendar) {
  if (!r.deliveredOn) return null;
  const total = r.deliveryCostCopy + r.deliveryCostDelivery + r.deliveryCostOther;
  return {
    on: formatDate(r.deliveredOn),
    method: label(DELIVERY_RECORD_METHODS, r.deliveredBy ?? ''),
    costCopy: formatRupiah(r.deliveryCostCopy),
    costDelivery: formatRupiah(r.deliveryCostDelivery),
    costOther: formatRupiah(r.deliveryCostOther),
    total: formatRupiah(total),
    payment: r.deliveryPaymentMethod ? label(PAYMENT_METHODS, r.deliveryPaymentMethod) : '',
    note: r.deliveryNote,
    fulfilmentDays: fulfilmentDays(r, cal),
  };
}

export interface Badge {
  css: 'open' | 'soon' | 'late' | 'granted' | 'rejected' | 'not-provided' | 'muted';
  text: string;
}

/**
 * One colour per outcome family, the same in the register, the request page, the objections
 * and the public status page: granted (in full or in part), rejected, not provided.
 */
export const OUTCOME_BADGE: Record<Outcome, Badge['css']> = {
  full: 'granted',
  partial: 'granted',
  rejected: 'rejected',
  not_provided: 'not-provided',
};

export function badgeFor(r: Pick<RequestRow, 'voidedOn' | 'withdrawn' | 'outcome' | 'extendedOn'>, urgency: Urgency): Badge {
  if (r.voidedOn) return { css: 'muted', text: 'Dibatalkan' };
  if (r.withdrawn) return { css: 'muted', text: 'Dicabut' };
  if (r.outcome) return { css: OUTCOME_BADGE[r.outcome], text: label(OUTCOMES, r.outcome) };
  const prefix = r.extendedOn ? 'Diperpanjang' : 'Dalam proses';
  switch (urgency.kind) {
    case 'overdue':
      return { css: 'late', text: `Lewat tenggat ${urgency.daysLate} hari kerja` };
    case 'due_soon':
      return { css: 'soon', text: urgency.daysLeft === 0 ? 'Jatuh tempo hari ini' : `${prefix} · sisa ${urgency.daysLeft} hari kerja` };
    case 'on_track':
      return { css: 'open', text: `${prefix} · sisa ${urgency.daysLeft} hari kerja` };
    default:
      return { css: 'open', text: prefix };
  }
}

export function presentRegisterRow(r: RegisterRow, cal: WorkingCalendar, today: string) {
  const urgency = urgencyOn(today, r, cal);
  return {
    id: r.id,
    number: r.registrationNumber,
    receivedOn: formatDate(r.receivedOn),
    requesterName: r.requesterName,
    category: label(REQUESTER_CATEGORIES, r.requesterCategory),
    channel: label(CHANNELS, r.channel),
    information: r.informationRequested.length > 140 ? `${r.informationRequested.slice(0, 140)}…` : r.informationRequested,
    dueOn: formatDate(r.dueOn),
    decidedOn: formatDate(r.decidedOn),
    serviceDays: r.serviceDays,
    /** "Diberikan 15/03/2022 (E-mail)" and the waktu pemenuhan, once delivered. */
    deliveredOn: r.deliveredOn ? formatDate(r.deliveredOn) : '',
    fulfilmentDays: fulfilmentDays(r, cal),
    badge: badgeFor(r, urgency),
    // A voided entry is nobody's work: never flagged new.
    isNew: r.openedAt === null && !r.voidedOn,
    voided: r.voidedOn !== null,
    source: r.source,
  };
}

export function presentRequestForStaff(r: RequestRow, cal: WorkingCalendar, today: string) {
  const urgency = urgencyOn(today, r, cal);
  const explanation = explainDeadline({ receivedOn: r.receivedOn, extensionDays: r.extensionDays, decidedOn: r.decidedOn }, cal);
  const walk = (w: typeof explanation.original) => ({
    counted: w.counted.map((d, i) => ({ n: i + 1, date: formatDate(d), note: cal.workingNote?.(d) ?? '' })),
    skipped: w.skipped.map((s) => ({ date: formatLongDate(s.date), reason: s.reason })),
    end: formatLongDate(w.end),
  });
  return {
    id: r.id,
    version: r.version,
    number: r.registrationNumber,
    accessCode: r.accessCode,
    state: stateOf(r),
    stateLabel: stateLabel(r),
    badge: badgeFor(r, urgency),
    urgency,
    receivedOn: formatLongDate(r.receivedOn),
    /** For the letters' "Sleman, 24 Mei 2024": the day received, never the day printed. */
    receivedOnIso: r.receivedOn,
    channel: label(CHANNELS, r.channel),
    requester: {
      name: r.requesterName,
      idNumber: r.requesterIdNumber,
      address: r.requesterAddress,
      phone: r.requesterPhone,
      email: r.requesterEmail,
      occupation: r.requesterOccupation,
      type: label(REQUESTER_TYPES, r.requesterType),
      category: label(REQUESTER_CATEGORIES, r.requesterCategory),
      proxyName: r.proxyName,
      noContact: r.requesterNoContact === 'yes',
    },
    informationRequested: r.informationRequested,
    purpose: r.purpose,
    obtainMethod: label(OBTAIN_METHODS, r.obtainMethod),
    deliveryMethod: label(DELIVERY_METHODS, r.deliveryMethod),
    originalDueOn: formatLongDate(r.originalDueOn),
    dueOn: formatLongDate(r.dueOn),
    extension: r.extendedOn
      ? { on: formatLongDate(r.extendedOn), onIso: r.extendedOn, days: r.extensionDays, reason: r.extensionReason ?? '', letterNumber: r.extensionLetterNumber ?? '' }
      : null,
    decision: r.outcome
      ? {
          on: formatLongDate(r.decidedOn),
          onIso: r.decidedOn!,
          outcome: r.outcome,
          outcomeLabel: label(OUTCOMES, r.outcome),
          /** What the page says the outcome was: a withdrawal is recorded as not provided. */
          outcomeText: r.withdrawn ? 'Dicabut pemohon (dicatat: tidak diberikan)' : label(OUTCOMES, r.outcome),
          withdrawn: r.withdrawn,
          reasons: reasonsOf(r).map((k) => REASONS[k]),
          reasonKeys: reasonsOf(r),
          articles: articlesOf(r).map((a) => ({ letter: a, text: EXEMPTION_ARTICLES[a] })),
          consequenceTest: r.consequenceTest,
          reasonNote: r.reasonNote,
          noticeNote: r.noticeNote,
          fee: r.feeRupiah,
          /** "Rp150.000", or '' when there is no fee. */
          feeText: r.feeRupiah ? formatRupiah(r.feeRupiah) : '',
          serviceDays: r.serviceDays,
          late: r.decidedOn! > r.dueOn,
          /** The notice's items of Pasal 22 ayat 7 stated at the decision (b, d, e, f, g). */
          items: {
            heldBy: r.heldBy, heldByContact: r.heldByContact, givenForm: r.givenForm ? label(GIVEN_FORMS, r.givenForm) : '',
            provideOn: r.provideOn ? formatLongDate(r.provideOn) : '', redactedParts: r.redactedParts, paymentHow: r.paymentHow,
            fees: r.feeCopy + r.feeDelivery + r.feeOther > 0
              ? { copy: formatRupiah(r.feeCopy), delivery: formatRupiah(r.feeDelivery), other: formatRupiah(r.feeOther) }
              : null,
          },
          /** The exemption (Pasal 17, 19, 20): period, basis, DIK entry, SK penolakan; null without one. */
          exemption: r.reasonExempt && r.outcome !== 'full'
            ? {
                period: periodText(r), basis: r.exemptionBasis, dikEntryId: r.dikEntryId, letterNumber: r.rejectionLetterNumber ?? '',
                until: r.exemptionUntil, years: r.exemptionYears, whileProtected: r.exemptionWhileProtected,
              }
            : null,
        }
      : null,
    /** "Cara tenggat dihitung": the original 10 working days, then the extension's, each with its title. */
    deadlineSteps: [
      { title: '10 hari kerja sejak diterima', ...walk(explanation.original) },
      ...(explanation.extension ? [{ title: 'Perpanjangan', ...walk(explanation.extension) }] : []),
    ],
    /** The office counts cuti bersama as working days (setting; Perpres 21/2023). */
    collectiveLeaveCounted: cal.collectiveLeaveIsWorkingDay === true,
    isNew: r.openedAt === null && !r.voidedOn,
    voided: r.voidedOn
      ? { on: formatLongDate(r.voidedOn), reason: label(VOID_REASONS, r.voidReason ?? ''), note: r.voidNote, by: r.voidedBy ?? '' }
      : null,
    delivery: presentDelivery(r, cal),
    canDeliver: !r.voidedOn && !r.withdrawn && (r.outcome === 'full' || r.outcome === 'partial'),
    canExtend: !r.voidedOn && !r.outcome && !r.extendedOn,
    canDecide: !r.voidedOn && !r.outcome,
    canCorrect: !r.voidedOn && !!r.outcome && !r.withdrawn,
    canWithdraw: !r.voidedOn && !r.outcome,
    canEdit: !r.voidedOn,
    canObject: !r.voidedOn && !r.withdrawn,
    canVoid: !r.voidedOn,
    canUnvoid: !!r.voidedOn,
  };
}
export type StaffRequestView = ReturnType<typeof presentRequestForStaff>;

/** The API's snake_case shape (the fields' API names from request-fields.ts); `status` is stable and machine-readable. */
export function presentRequestForApi(r: RequestRow, cal: WorkingCalendar, today: string) {
  const urgency = urgencyOn(today, r, cal);
  return {
    id: r.id,
    registration_number: r.registrationNumber,
    access_code: r.accessCode,
    ...apiObject(r, 'request'),
    status: stateOf(r),
    urgency: urgency.kind,
    original_due_on: r.originalDueOn,
    due_on: r.dueOn,
    extension: r.extendedOn ? apiObject(r, 'extension') : null,
    decision: r.outcome ? { ...apiObject(r, 'decision'), dik_id: r.dikEntryId } : null,
    service_days: r.serviceDays,
    delivery: r.deliveredOn ? apiObject(r, 'delivery') : null,
    /** Waktu pemenuhan: working days from receipt to delivery (null until delivered). */
    fulfilment_days: fulfilmentDays(r, cal),
    voided: r.voidedOn ? { ...apiObject(r, 'void'), by: r.voidedBy } : null,
    version: r.version,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}
