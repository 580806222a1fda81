/**
 * A request row: the request's own fields, its extension and its decision (or withdrawal).
 *
 * History is taken as it was recorded: what the app demands of a *new* decision (a reason on a
 * partial grant, a Pasal 17 letter on an exemption, a reason for an extension) becomes a
 * warning here, never a refusal. Errors are what cannot be stored truthfully: a missing or
 * unreadable value, an unknown choice, dates in an impossible order.
 */
import { z } from 'zod';
import { OUTCOMES, WITHDRAWN_NOTE, type Outcome } from '../requests/vocabulary.js';
import { MAX_EXTENSION_WORKING_DAYS } from '../requests/deadlines.js';
import type { RowReader } from './row-reader.js';
import type { RequestValues } from './parsed-values.js';
import { allowedValues, COLUMN_BY_KEY } from './register-columns.js';

const EMAIL = z.email();
const isEmail = (s: string) => EMAIL.safeParse(s).success;

export function readRequest(r: RowReader, today: string): RequestValues {
  const receivedOn = r.date('receivedOn', true);
  if (receivedOn && receivedOn > today) r.error('receivedOn', 'Tanggal diterima di masa depan.');
  const v = {
    channel: r.enumValue('channel', true),
    requesterName: r.text('requesterName', true),
    requesterIdNumber: r.text('requesterIdNumber'),
    requesterAddress: r.text('requesterAddress'),
    requesterPhone: r.text('requesterPhone'),
    requesterEmail: r.text('requesterEmail'),
    requesterOccupation: r.text('requesterOccupation'),
    requesterType: r.enumValue('requesterType', true),
    requesterCategory: r.enumValue('requesterCategory', true),
    proxyName: r.text('proxyName'),
    informationRequested: r.text('informationRequested', true),
    purpose: r.text('purpose'),
    obtainMethod: r.enumValue('obtainMethod', true),
    deliveryMethod: r.enumValue('deliveryMethod', true),
  };
  if (!v.requesterPhone && !v.requesterEmail && !v.requesterAddress) {
    r.warn('requesterPhone', 'Tidak ada kontak (telepon, e-mail atau alamat); dicatat apa adanya.');
  }
  if (v.requesterEmail && !isEmail(v.requesterEmail)) r.warn('requesterEmail', `"${v.requesterEmail}" tampaknya bukan alamat e-mail; dicatat apa adanya.`);

  // Extension (Pasal 22 ayat 8).
  const extendedOn = r.date('extendedOn');
  let extensionDays = r.int('extensionDays', 1, MAX_EXTENSION_WORKING_DAYS);
  const extensionReason = r.text('extensionReason');
  if (r.blank('extendedOn') && (!r.blank('extensionDays') || extensionReason)) {
    r.error('extendedOn', 'Wajib diisi bila hari atau alasan perpanjangan diisi.');
  }
  if (extendedOn) {
    extensionDays ??= MAX_EXTENSION_WORKING_DAYS;
    if (receivedOn && extendedOn < receivedOn) r.error('extendedOn', 'Tanggal perpanjangan sebelum tanggal diterima.');
    else if (extendedOn > today) r.error('extendedOn', 'Tanggal perpanjangan di masa depan.');
    if (!extensionReason) r.warn('extensionReason', 'Perpanjangan tanpa alasan; dicatat apa adanya (untuk perpanjangan baru aplikasi mewajibkan alasan).');
  }

  // Decision (Pasal 22 ayat 7) or withdrawal.
  let outcome = r.enumValue('outcome') as Outcome | null;
  const decidedOn = r.date('decidedOn');
  let reasons = r.enumList('reasons');
  const articles = r.letters('exemptionArticles');
  const consequenceTest = r.text('consequenceTest');
  let reasonNote = r.text('reasonNote');
  const noticeNote = r.text('noticeNote');
  const feeRupiah = r.int('feeRupiah', 0, 1_000_000_000) ?? 0;
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
  if (decidedOn && receivedOn && decidedOn < receivedOn) r.error('decidedOn', 'Tanggal putusan sebelum tanggal diterima.');
  else if (decidedOn && decidedOn > today) r.error('decidedOn', 'Tanggal putusan di masa depan.');
  else if (decidedOn && extendedOn && decidedOn < extendedOn) r.warn('decidedOn', 'Tanggal putusan sebelum tanggal perpanjangan; dicatat apa adanya.');
  if (outcome && !withdrawn) {
    const kept = 'dicatat apa adanya; untuk putusan baru aplikasi mewajibkan';
    if (outcome === 'full' && reasons.length) r.warn('reasons', `Putusan "${OUTCOMES.full}" dengan alasan penolakan; ${kept} tanpa alasan.`);
    if (outcome !== 'full' && reasons.length === 0) r.warn('reasons', `Putusan "${OUTCOMES[outcome]}" tanpa alasan; ${kept} minimal satu alasan.`);
    if (reasons.includes('exempt') && articles.length === 0) r.warn('exemptionArticles', `Alasan "dikecualikan" tanpa huruf Pasal 17; ${kept} hurufnya.`);
    if (!reasons.includes('exempt') && articles.length) r.warn('exemptionArticles', 'Huruf Pasal 17 diisi tanpa alasan "dikecualikan"; dicatat apa adanya.');
    if (reasons.includes('other') && !reasonNote) r.warn('reasonNote', `Alasan "lainnya" tanpa keterangan; ${kept} keterangannya.`);
  }

  // Spelled out rather than spread from `v`: V8 builds an object spread and then extended this
  // much some thirty times slower, which a 100,000-row import notices.
  // Void (Batalkan entri): a date and a reason, or neither.
  const voidedOn = r.date('voidedOn');
  const voidReason = r.enumValue('voidReason');
  const voidNote = r.text('voidNote');
  if (voidedOn && !voidReason) r.error('voidReason', `Wajib diisi bila Tanggal dibatalkan diisi. Pilihan: ${allowedValues(COLUMN_BY_KEY.voidReason)}.`);
  else if (!voidedOn && (voidReason || voidNote) && r.blank('voidedOn')) r.error('voidedOn', 'Wajib diisi bila alasan atau keterangan pembatalan diisi.');
  if (voidedOn && receivedOn && voidedOn < receivedOn) r.error('voidedOn', 'Tanggal dibatalkan sebelum tanggal diterima.');
  else if (voidedOn && voidedOn > today) r.error('voidedOn', 'Tanggal dibatalkan di masa depan.');

  return {
    channel: v.channel ?? '',
    requesterName: v.requesterName,
    requesterIdNumber: v.requesterIdNumber,
    requesterAddress: v.requesterAddress,
    requesterPhone: v.requesterPhone,
    requesterEmail: v.requesterEmail,
    requesterOccupation: v.requesterOccupation,
    requesterType: v.requesterType ?? '',
    requesterCategory: v.requesterCategory ?? '',
    proxyName: v.proxyName,
    informationRequested: v.informationRequested,
    purpose: v.purpose,
    obtainMethod: v.obtainMethod ?? '',
    deliveryMethod: v.deliveryMethod ?? '',
    receivedOn: receivedOn ?? '',
    extendedOn,
    extensionDays: extendedOn ? extensionDays : null,
    extensionReason: extendedOn ? extensionReason : null,
    outcome,
    decidedOn,
    reasonExempt: reasons.includes('exempt'),
    reasonNotHeld: reasons.includes('not_held'),
    reasonOther: reasons.includes('other'),
    exemptionArticles: articles.join(','),
    consequenceTest,
    reasonNote,
    noticeNote,
    feeRupiah,
    withdrawn,
    voidedOn: voidedOn && voidReason ? voidedOn : null,
    voidReason: voidedOn && voidReason ? voidReason : null,
    voidNote: voidedOn && voidReason ? voidNote : '',
  };
}
