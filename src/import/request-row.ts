/**
 * A request row: the request's own fields, its extension and its decision (or withdrawal).
 *
 * History is taken as it was recorded: the register's own rules (request-status.ts) are called
 * in history mode, so what the app demands of a *new* decision (a reason on a partial grant, a
 * Pasal 17 letter on an exemption, a reason for an extension) becomes a warning here, never a
 * refusal. Errors are what cannot be stored truthfully: a missing or unreadable value, an
 * unknown choice, dates in an impossible order. The intake columns are read as the field table
 * (request-fields.ts) declares them.
 */
import { INVALID_EMAIL, isEmail } from '../shared/validation.js';
import { OUTCOMES, WITHDRAWN_NOTE, type ExemptionArticle, type Outcome, type Reason } from '../requests/vocabulary.js';
import { fieldsOf, REQUEST_FIELD, type FieldSpec } from '../requests/request-fields.js';
import { decisionDateRules, decisionRules, extensionRules, intakeRules } from '../requests/request-status.js';
import { Findings } from '../shared/rules.js';
import { label, type RowReader } from './row-reader.js';
import type { RequestValues } from './parsed-values.js';
import { allowedValues, COLUMN_BY_KEY, type ColumnKey } from './register-columns.js';

const INTAKE_FIELDS = fieldsOf('request');

/** One intake field's cell, read as its kind says (codes for enums; '' when blank). */
function readIntakeField(r: RowReader, f: FieldSpec): string | null {
  const key = f.key as ColumnKey;
  if (f.kind === 'date') return r.date(key, f.required);
  if (f.kind === 'enum') return r.enumValue(key, f.required) ?? '';
  return r.text(key, f.required);
}

export function readRequest(r: RowReader, today: string): RequestValues {
  // The intake fields, as the field table declares them; the object is built in the same order
  // for every row (no spread: V8 builds a spread object of this size some thirty times slower,
  // which a 100,000-row import notices).
  const v = {} as Record<string, unknown> & RequestValues;
  for (const f of INTAKE_FIELDS) v[f.key] = readIntakeField(r, f);
  const receivedOn = v.receivedOn as string | null;
  v.receivedOn = receivedOn ?? '';
  const history = new Findings('history');
  intakeRules(history, v, today);
  if (v.requesterEmail && !isEmail(v.requesterEmail)) history.demand('requesterEmail', INVALID_EMAIL);

  // Extension (Pasal 22 ayat 8).
  const extendedOn = r.date('extendedOn');
  let extensionDays = intField(r, 'extensionDays');
  const extensionReason = r.text('extensionReason');
  if (r.blank('extendedOn') && (!r.blank('extensionDays') || extensionReason)) {
    r.error('extendedOn', 'Wajib diisi bila hari atau alasan perpanjangan diisi.');
  }
  if (extendedOn) {
    extensionDays ??= REQUEST_FIELD.extensionDays.blank!;
    if (receivedOn) extensionRules(history, { receivedOn }, { extendedOn }, today);
    // The field table requires a reason of every extension; history keeps one without.
    if (!extensionReason) history.demand('extensionReason', `${label('extensionReason')} kosong; untuk perpanjangan baru wajib diisi.`);
  }

  // Decision (Pasal 22 ayat 7) or withdrawal.
  let outcome = r.enumValue('outcome') as Outcome | null;
  const decidedOn = r.date('decidedOn');
  let reasons = r.enumList('reasons');
  const articles = r.letters('exemptionArticles');
  const consequenceTest = r.text('consequenceTest');
  let reasonNote = r.text('reasonNote');
  const noticeNote = r.text('noticeNote');
  const feeRupiah = intField(r, 'feeRupiah') ?? REQUEST_FIELD.feeRupiah.blank!;
  const withdrawn = r.bool('withdrawn');
  if (withdrawn) {
    if (outcome && outcome !== 'not_provided') {
      r.error('outcome', `Permohonan yang dicabut dicatat sebagai "${OUTCOMES.not_provided}"; kosongkan Putusan atau isi "${OUTCOMES.not_provided}".`);
    }
    outcome = 'not_provided';
    if (reasons.length === 0) reasons = ['other'];
    if (reasons.includes('other') && !reasonNote) reasonNote = WITHDRAWN_NOTE;
    if (r.blank('decidedOn')) r.error('decidedOn', 'Isi tanggal pencabutan di kolom ini.');
  } else if (r.blank('outcome')) {
    if (!r.blank('decidedOn')) r.error('outcome', 'Wajib diisi bila Tanggal putusan diisi.');
    else if (reasons.length || articles.length || consequenceTest || reasonNote || noticeNote || !r.blank('feeRupiah')) {
      r.error('outcome', 'Wajib diisi bila kolom putusan lain (Alasan, Pasal 17 huruf, keterangan, biaya) diisi.');
    }
  } else if (outcome && r.blank('decidedOn')) {
    r.error('decidedOn', 'Wajib diisi bila Putusan diisi.');
  }
  // The exemption's period and basis (Pasal 20), the SK penolakan's number.
  const exemptionUntil = r.date('exemptionUntil');
  const exemptionYears = r.int('exemptionYears', REQUEST_FIELD.exemptionYears.min!, REQUEST_FIELD.exemptionYears.intMax!);
  const exemptionWhileProtected = r.bool('exemptionWhileProtected');
  const exemptionBasis = r.text('exemptionBasis');
  const rejectionLetterNumber = r.text('rejectionLetterNumber') || null;
  // The notice's items (Pasal 22 ayat 7 huruf b, d, e, f, g).
  const heldBy = r.text('heldBy');
  const heldByContact = r.text('heldByContact');
  const givenForm = (r.enumValue('givenForm') ?? '') as RequestValues['givenForm'] & ('' | 'softcopy' | 'hardcopy' | 'inspect');
  const provideOn = r.date('provideOn');
  const feeCopy = amount(r, 'feeCopy');
  const feeDelivery = amount(r, 'feeDelivery');
  const feeOther = amount(r, 'feeOther');
  const redactedParts = r.text('redactedParts');
  const paymentHow = r.text('paymentHow');
  if (outcome && decidedOn && receivedOn) {
    const decision = {
      decidedOn, outcome, reasons: reasons as Reason[], exemptionArticles: articles as ExemptionArticle[], reasonNote, consequenceTest,
      exemptionUntil, exemptionYears, exemptionWhileProtected, exemptionBasis,
      heldBy, givenForm, provideOn, redactedParts, feeCopy, feeDelivery, feeOther, paymentHow,
    };
    if (withdrawn) decisionDateRules(history, { receivedOn, extendedOn }, decision, today);
    else decisionRules(history, { receivedOn, extendedOn }, decision, today);
  }

  // The delivery record (Pasal 22 ayat 7 huruf f–g): a date and a method, or neither.
  const deliveredOn = r.date('deliveredOn');
  const deliveredBy = r.enumValue('deliveredBy');
  const deliveryCostCopy = amount(r, 'deliveryCostCopy');
  const deliveryCostDelivery = amount(r, 'deliveryCostDelivery');
  const deliveryCostOther = amount(r, 'deliveryCostOther');
  const deliveryPaymentMethod = r.enumValue('deliveryPaymentMethod') ?? '';
  const deliveryNote = r.text('deliveryNote');
  if (deliveredOn && !deliveredBy) r.error('deliveredBy', 'Wajib diisi bila Tanggal penyerahan informasi diisi.');
  if (deliveredOn && decidedOn && deliveredOn < decidedOn) history.demand('deliveredOn', 'Tanggal penyerahan informasi sebelum tanggal putusan.');
  if (deliveredOn && deliveredOn > today) r.error('deliveredOn', 'Tanggal penyerahan informasi di masa depan.');

  // Void (Batalkan entri): a date and a reason, or neither.
  const voidedOn = r.date('voidedOn');
  const voidReason = r.enumValue('voidReason');
  const voidNote = r.text('voidNote');
  if (voidedOn && !voidReason) r.error('voidReason', `Wajib diisi bila Tanggal dibatalkan diisi. Pilihan: ${allowedValues(COLUMN_BY_KEY.voidReason)}.`);
  else if (!voidedOn && (voidReason || voidNote) && r.blank('voidedOn')) r.error('voidedOn', 'Wajib diisi bila alasan atau keterangan pembatalan diisi.');
  if (voidedOn && receivedOn && voidedOn < receivedOn) r.error('voidedOn', 'Tanggal dibatalkan sebelum tanggal diterima.');
  else if (voidedOn && voidedOn > today) r.error('voidedOn', 'Tanggal dibatalkan di masa depan.');
  r.report(history);

  // The rest added to the same object, in the same order every row.
  const out = v as RequestValues;
  out.extendedOn = extendedOn;
  out.extensionDays = extendedOn ? extensionDays : null;
  out.extensionReason = extendedOn ? extensionReason : null;
  out.outcome = outcome;
  out.decidedOn = decidedOn;
  out.reasonExempt = reasons.includes('exempt');
  out.reasonNotHeld = reasons.includes('not_held');
  out.reasonOther = reasons.includes('other');
  out.exemptionArticles = articles.join(',');
  out.consequenceTest = consequenceTest;
  out.reasonNote = reasonNote;
  out.noticeNote = noticeNote;
  out.feeRupiah = feeRupiah;
  out.withdrawn = withdrawn;
  out.extensionLetterNumber = extendedOn ? (r.text('extensionLetterNumber') || null) : null;
  out.heldBy = heldBy;
  out.heldByContact = heldByContact;
  out.givenForm = givenForm;
  out.provideOn = provideOn;
  out.redactedParts = redactedParts;
  out.feeCopy = feeCopy;
  out.feeDelivery = feeDelivery;
  out.feeOther = feeOther;
  out.paymentHow = paymentHow;
  out.exemptionUntil = exemptionUntil;
  out.exemptionYears = exemptionYears;
  out.exemptionWhileProtected = exemptionWhileProtected;
  out.exemptionBasis = exemptionBasis;
  out.rejectionLetterNumber = outcome ? rejectionLetterNumber : null;
  out.deliveredOn = deliveredOn;
  out.deliveredBy = deliveredOn ? deliveredBy : null;
  out.deliveryCostCopy = deliveryCostCopy;
  out.deliveryCostDelivery = deliveryCostDelivery;
  out.deliveryCostOther = deliveryCostOther;
  out.deliveryPaymentMethod = deliveryPaymentMethod;
  out.deliveryNote = deliveryNote;
  const voided = voidedOn !== null && voidReason !== null;
  out.voidedOn = voided ? voidedOn : null;
  out.voidReason = voided ? (voidReason as RequestValues['voidReason']) : null;
  out.voidNote = voided ? voidNote : '';
  return out;
}

/** A rupiah amount within the field's declared bounds, 0 when blank. */
function amount(r: RowReader, key: 'feeCopy' | 'feeDelivery' | 'feeOther' | 'deliveryCostCopy' | 'deliveryCostDelivery' | 'deliveryCostOther'): number {
  return r.int(key, REQUEST_FIELD[key].min!, REQUEST_FIELD[key].intMax!) ?? 0;
}

/** A whole number within the field's declared bounds, or null when blank. */
function intField(r: RowReader, key: 'extensionDays' | 'feeRupiah'): number | null {
  const f = REQUEST_FIELD[key];
  return r.int(key, f.min!, f.intMax!);
}
