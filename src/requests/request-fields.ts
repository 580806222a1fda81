/**
 * The fields of a request, declared once. Everything that lists a request's fields derives from
 * this table: the register file's columns (import template, importer, export), the API's field
 * names, the intake form's and the API's input schemas, the API's output and the import's rows.
 * Adding a field: declare it here, add its column to src/db/schema.ts (and a migration), and
 * show it in the views that should; nothing else lists it. Pure: no database.
 *
 * `key` is the domain's camelCase name (the form's field, the column key of a register file,
 * the requests table's property where the field is stored as one value). Order matters: it is
 * the order of the register file's columns and of the API's JSON.
 */
import {
  CHANNELS, DELIVERY_METHODS, EXEMPTION_ARTICLES, GIVEN_FORMS, OBTAIN_METHODS, OUTCOMES, REASONS, REQUESTER_CATEGORIES, REQUESTER_TYPES,
  VOID_REASONS, type ExemptionArticle, type Reason,
} from './vocabulary.js';
import { MAX_EXTENSION_WORKING_DAYS } from './deadlines.js';
import { DELIVERY_RECORD_METHODS, PAYMENT_METHODS } from './delivery.js';

export type FieldKind = 'text' | 'date' | 'enum' | 'enumList' | 'letters' | 'int' | 'bool';
/** What part of a request's life the field records; the API nests `extension` and `decision`. */
export type FieldGroup = 'request' | 'extension' | 'decision' | 'delivery' | 'void';

export interface FieldSpec {
  key: string;
  /** The Indonesian label: the register file's column header. */
  label: string;
  /** Name in the API's JSON (snake_case); a dot nests it ("requester.name"). Within its group's object for extension, decision and void. */
  api: string;
  kind: FieldKind;
  group: FieldGroup;
  /** Must be filled whenever its group is recorded (a new entry is refused; a history row without it is an error for intake fields, else a warning). */
  required?: boolean;
  /** Longest text accepted. */
  max?: number;
  /** Smallest and largest whole number, for int fields. */
  min?: number;
  intMax?: number;
  /** What a blank int field means (forms, API and files alike). */
  blank?: number;
  /** Closed vocabulary of enum and enumList fields, the letters of letters fields. */
  vocabulary?: Record<string, string>;
  /** Text fields with a format of their own (the forms check it; the import warns). */
  format?: 'email' | 'phone';
  /** A date that may lie far ahead (an exemption's end): up to a hundred years, not the register's next-year bound. */
  future?: boolean;
  /** The header may be missing from a file (columns added after files were made from the template). */
  optional?: boolean;
  /** Other headers accepted for this column (offices rename them). */
  aliases?: readonly string[];
  /** One line for the template's instructions sheet and docs/import.md. */
  hint: string;
  /**
   * Recorded by the app, not typed on the group's form or API body (a letter's number, the
   * delivery record of its own action): the register file and the API output carry it.
   */
  recorded?: boolean;
}

const field = <const F extends FieldSpec>(f: F): F => f;

export const REQUEST_FIELDS = [
  // ---- The request (Perki 1/2021 register) ----
  field({ key: 'receivedOn', label: 'Tanggal diterima', api: 'received_on', kind: 'date', group: 'request', required: true, aliases: ['Tanggal permohonan'], hint: 'Tanggal permohonan diterima.' }),
  field({ key: 'channel', label: 'Saluran', api: 'channel', kind: 'enum', group: 'request', required: true, vocabulary: CHANNELS, hint: 'Saluran permohonan masuk.' }),
  field({ key: 'requesterName', label: 'Nama pemohon', api: 'requester.name', kind: 'text', group: 'request', required: true, max: 200, hint: '' }),
  field({ key: 'requesterIdNumber', label: 'Nomor identitas', api: 'requester.id_number', kind: 'text', group: 'request', max: 60, aliases: ['NIK'], hint: 'KTP/NIK, atau akta/nomor pendaftaran badan hukum.' }),
  field({ key: 'requesterAddress', label: 'Alamat', api: 'requester.address', kind: 'text', group: 'request', max: 500, hint: '' }),
  field({ key: 'requesterPhone', label: 'Telepon', api: 'requester.phone', kind: 'text', format: 'phone', group: 'request', max: 40, aliases: ['Nomor telepon'], hint: 'Simpan sebagai teks agar angka 0 di depan tidak hilang.' }),
  field({ key: 'requesterEmail', label: 'E-mail', api: 'requester.email', kind: 'text', format: 'email', group: 'request', max: 200, aliases: ['Email'], hint: '' }),
  field({ key: 'requesterOccupation', label: 'Pekerjaan', api: 'requester.occupation', kind: 'text', group: 'request', max: 120, hint: '' }),
  field({ key: 'requesterType', label: 'Jenis pemohon', api: 'requester.type', kind: 'enum', group: 'request', required: true, vocabulary: REQUESTER_TYPES, hint: '' }),
  field({ key: 'requesterCategory', label: 'Kategori pemohon', api: 'requester.category', kind: 'enum', group: 'request', required: true, vocabulary: REQUESTER_CATEGORIES, hint: 'Kelompok pemohon pada laporan bulanan.' }),
  field({ key: 'proxyName', label: 'Kuasa pemohon', api: 'requester.proxy_name', kind: 'text', group: 'request', max: 200, hint: 'Nama kuasa, bila permohonan diajukan lewat kuasa.' }),
  field({ key: 'informationRequested', label: 'Informasi yang diminta', api: 'information_requested', kind: 'text', group: 'request', required: true, max: 5000, aliases: ['Rincian informasi'], hint: '' }),
  field({ key: 'purpose', label: 'Tujuan', api: 'purpose', kind: 'text', group: 'request', max: 2000, aliases: ['Tujuan penggunaan informasi'], hint: 'Tujuan penggunaan informasi.' }),
  field({ key: 'obtainMethod', label: 'Cara memperoleh', api: 'obtain_method', kind: 'enum', group: 'request', required: true, vocabulary: OBTAIN_METHODS, aliases: ['Cara memperoleh informasi'], hint: '' }),
  field({ key: 'deliveryMethod', label: 'Cara mendapatkan salinan', api: 'delivery_method', kind: 'enum', group: 'request', required: true, vocabulary: DELIVERY_METHODS, hint: '' }),
  // ---- Extension (UU 14/2008 Pasal 22 ayat 8) ----
  field({ key: 'extendedOn', label: 'Tanggal perpanjangan', api: 'extended_on', kind: 'date', group: 'extension', required: true, hint: 'Kosong bila tidak diperpanjang.' }),
  field({ key: 'extensionDays', label: 'Hari perpanjangan', api: 'days', kind: 'int', group: 'extension', min: 1, intMax: MAX_EXTENSION_WORKING_DAYS, blank: MAX_EXTENSION_WORKING_DAYS, hint: '1–7 hari kerja; kosong berarti 7.' }),
  field({ key: 'extensionReason', label: 'Alasan perpanjangan', api: 'reason', kind: 'text', group: 'extension', required: true, max: 2000, hint: '' }),
  field({ key: 'extensionLetterNumber', label: 'Nomor surat perpanjangan', api: 'letter_number', kind: 'text', group: 'extension', recorded: true, optional: true, max: 100, hint: 'Nomor Pemberitahuan Perpanjangan Waktu; kosong: tanpa nomor (surat di luar aplikasi).' }),
  // ---- Decision: the written notice (Pasal 22 ayat 7) ----
  field({ key: 'outcome', label: 'Putusan', api: 'outcome', kind: 'enum', group: 'decision', required: true, vocabulary: OUTCOMES, hint: 'Kosong bila belum diputus.' }),
  field({ key: 'decidedOn', label: 'Tanggal putusan', api: 'decided_on', kind: 'date', group: 'decision', required: true, aliases: ['Tanggal pemberitahuan tertulis'], hint: 'Tanggal pemberitahuan tertulis (atau tanggal pencabutan).' }),
  field({ key: 'reasons', label: 'Alasan', api: 'reasons', kind: 'enumList', group: 'decision', max: 3, vocabulary: REASONS, aliases: ['Alasan penolakan'], hint: 'Satu atau lebih, dipisah titik koma (;).' }),
  field({ key: 'exemptionArticles', label: 'Pasal 17 huruf', api: 'exemption_articles', kind: 'letters', group: 'decision', max: 10, vocabulary: EXEMPTION_ARTICLES, hint: 'Huruf a–j, dipisah titik koma, mis. a;h.' }),
  field({ key: 'consequenceTest', label: 'Uji konsekuensi', api: 'consequence_test', kind: 'text', group: 'decision', max: 5000, hint: 'Ringkasan uji konsekuensi untuk informasi yang dikecualikan.' }),
  field({ key: 'reasonNote', label: 'Keterangan alasan', api: 'reason_note', kind: 'text', group: 'decision', max: 2000, hint: 'Penjelasan alasan "lainnya".' }),
  field({ key: 'noticeNote', label: 'Catatan pemberitahuan', api: 'notice_note', kind: 'text', group: 'decision', max: 5000, hint: 'Apa yang diberikan, bentuk, waktu.' }),
  field({ key: 'feeRupiah', label: 'Biaya (Rp)', api: 'fee_rupiah', kind: 'int', group: 'decision', min: 0, intMax: 1_000_000_000, blank: 0, hint: 'Bilangan bulat; kosong berarti 0.' }),
  // The written notice's items (Pasal 22 ayat 7 huruf b, d, e, f, g), required by outcome (request-status.ts noticeItemRules).
  field({ key: 'heldBy', label: 'Badan publik yang menguasai', api: 'held_by', kind: 'text', group: 'decision', optional: true, max: 300, hint: 'Huruf b: bila informasi tidak dikuasai, badan publik yang menguasainya (atau "Belum didokumentasikan").' }),
  field({ key: 'heldByContact', label: 'Kontak badan publik yang menguasai', api: 'held_by_contact', kind: 'text', group: 'decision', optional: true, max: 300, hint: 'Alamat, telepon atau e-mail badan publik tersebut.' }),
  field({ key: 'givenForm', label: 'Bentuk informasi yang diberikan', api: 'given_form', kind: 'enum', group: 'decision', optional: true, vocabulary: GIVEN_FORMS, hint: 'Huruf d: wajib bila dikabulkan (seluruhnya/sebagian).' }),
  field({ key: 'provideOn', label: 'Tanggal penyediaan informasi', api: 'provide_on', kind: 'date', group: 'decision', optional: true, hint: 'Huruf f: kapan informasi disediakan; wajib bila dikabulkan.' }),
  field({ key: 'redactedParts', label: 'Bagian yang dihitamkan', api: 'redacted_parts', kind: 'text', group: 'decision', optional: true, max: 2000, hint: 'Huruf e: wajib bila dikabulkan sebagian.' }),
  field({ key: 'feeCopy', label: 'Rincian biaya penggandaan (Rp)', api: 'fee_copy', kind: 'int', group: 'decision', optional: true, min: 0, intMax: 1_000_000_000, blank: 0, hint: 'Huruf g.' }),
  field({ key: 'feeDelivery', label: 'Rincian biaya pengiriman (Rp)', api: 'fee_delivery', kind: 'int', group: 'decision', optional: true, min: 0, intMax: 1_000_000_000, blank: 0, hint: 'Huruf g.' }),
  field({ key: 'feeOther', label: 'Rincian biaya lain (Rp)', api: 'fee_other', kind: 'int', group: 'decision', optional: true, min: 0, intMax: 1_000_000_000, blank: 0, hint: 'Huruf g.' }),
  field({ key: 'paymentHow', label: 'Cara pembayaran biaya', api: 'payment_how', kind: 'text', group: 'decision', optional: true, max: 500, hint: 'Huruf g: wajib bila ada biaya.' }),
  // The exemption's period (Pasal 20; PP 61/2010): exactly one of the three, with its legal basis.
  field({ key: 'exemptionUntil', label: 'Dikecualikan sampai', api: 'exemption_until', kind: 'date', group: 'decision', optional: true, future: true, hint: 'Jangka waktu pengecualian: sampai tanggal ini.' }),
  field({ key: 'exemptionYears', label: 'Dikecualikan (tahun)', api: 'exemption_years', kind: 'int', group: 'decision', optional: true, min: 1, intMax: 100, hint: 'Jangka waktu pengecualian: sekian tahun sejak putusan.' }),
  field({ key: 'exemptionWhileProtected', label: 'Dikecualikan selama kepentingan dilindungi', api: 'exemption_while_protected', kind: 'bool', group: 'decision', optional: true, hint: '"ya": selama kepentingan yang dilindungi masih ada.' }),
  field({ key: 'exemptionBasis', label: 'Dasar hukum pengecualian', api: 'exemption_basis', kind: 'text', group: 'decision', optional: true, max: 2000, hint: 'Mis. UU 14/2008 Pasal 17 huruf h; PP 61/2010 Pasal 7.' }),
  field({ key: 'rejectionLetterNumber', label: 'Nomor SK penolakan', api: 'rejection_letter_number', kind: 'text', group: 'decision', recorded: true, optional: true, max: 100, hint: 'Nomor Surat Keputusan PPID tentang penolakan; kosong bila tidak ada.' }),
  field({ key: 'withdrawn', label: 'Dicabut', api: 'withdrawn', kind: 'bool', group: 'decision', hint: '"ya" bila pemohon mencabut permohonannya; kosong berarti tidak.' }),
  // ---- Delivery record (Pasal 22 ayat 7 huruf f–g): its own action (src/requests/delivery.ts) ----
  field({ key: 'deliveredOn', label: 'Tanggal penyerahan informasi', api: 'delivered_on', kind: 'date', group: 'delivery', recorded: true, optional: true, hint: 'Kosong bila informasi belum diberikan.' }),
  field({ key: 'deliveredBy', label: 'Cara penyerahan', api: 'method', kind: 'enum', group: 'delivery', recorded: true, optional: true, vocabulary: DELIVERY_RECORD_METHODS, hint: 'Wajib bila Tanggal penyerahan informasi diisi.' }),
  field({ key: 'deliveryCostCopy', label: 'Biaya penggandaan (Rp)', api: 'cost_copy', kind: 'int', group: 'delivery', recorded: true, optional: true, min: 0, intMax: 1_000_000_000, blank: 0, hint: '' }),
  field({ key: 'deliveryCostDelivery', label: 'Biaya pengiriman (Rp)', api: 'cost_delivery', kind: 'int', group: 'delivery', recorded: true, optional: true, min: 0, intMax: 1_000_000_000, blank: 0, hint: '' }),
  field({ key: 'deliveryCostOther', label: 'Biaya lain (Rp)', api: 'cost_other', kind: 'int', group: 'delivery', recorded: true, optional: true, min: 0, intMax: 1_000_000_000, blank: 0, hint: '' }),
  field({ key: 'deliveryPaymentMethod', label: 'Cara pembayaran', api: 'payment_method', kind: 'enum', group: 'delivery', recorded: true, optional: true, vocabulary: PAYMENT_METHODS, hint: '' }),
  field({ key: 'deliveryNote', label: 'Keterangan penyerahan', api: 'note', kind: 'text', group: 'delivery', recorded: true, optional: true, max: 2000, hint: '' }),
  // ---- Void (Batalkan entri): a mistaken entry, kept with its number, counted nowhere ----
  field({ key: 'voidedOn', label: 'Tanggal dibatalkan', api: 'on', kind: 'date', group: 'void', optional: true, hint: 'Kosong bila entri berlaku. Entri yang dibatalkan tidak dihitung dalam rekapitulasi.' }),
  field({ key: 'voidReason', label: 'Alasan pembatalan', api: 'reason', kind: 'enum', group: 'void', required: true, optional: true, vocabulary: VOID_REASONS, hint: 'Wajib bila Tanggal dibatalkan diisi.' }),
  field({ key: 'voidNote', label: 'Keterangan pembatalan', api: 'note', kind: 'text', group: 'void', optional: true, max: 2000, hint: '' }),
];

export type RequestFieldKey = (typeof REQUEST_FIELDS)[number]['key'];
export const REQUEST_FIELD: Record<RequestFieldKey, FieldSpec> = Object.fromEntries(REQUEST_FIELDS.map((f) => [f.key, f])) as Record<RequestFieldKey, FieldSpec>;

export const fieldsOf = (group: FieldGroup): FieldSpec[] => REQUEST_FIELDS.filter((f) => f.group === group);
/** The fields of a group a form or an API body takes (not the recorded ones). */
export const inputFieldsOf = (group: FieldGroup): FieldSpec[] => fieldsOf(group).filter((f) => !f.recorded);

type Declared = (typeof REQUEST_FIELDS)[number];
/** The value a field holds in the domain's inputs: a code, a list of codes, a number, text. */
export type ValueOf<F> = F extends { kind: 'enum'; required: true; vocabulary: infer V } ? keyof V & string
  : F extends { kind: 'enum'; vocabulary: infer V } ? (keyof V & string) | ''
  : F extends { kind: 'enumList' | 'letters'; vocabulary: infer V } ? (keyof V & string)[]
  : F extends { kind: 'int'; blank: number } ? number
  : F extends { kind: 'int' } ? number | null
  : F extends { kind: 'bool' } ? boolean
  : F extends { kind: 'date'; required: true } ? string
  : F extends { kind: 'date' } ? string | null
  : string;
/** The values of a group's fields, by key: the domain input of its form (IntakeInput, …); recorded fields are not input. */
export type GroupValues<G extends FieldGroup> = { [F in Exclude<Extract<Declared, { group: G }>, { recorded: true }> as F['key']]: ValueOf<F> };

/** A request's reasons as stored (one flag each) ↔ the list the forms, the API and the files use. */
export function reasonsOf(r: { reasonExempt: boolean; reasonNotHeld: boolean; reasonOther: boolean }): Reason[] {
  const out: Reason[] = [];
  if (r.reasonExempt) out.push('exempt');
  if (r.reasonNotHeld) out.push('not_held');
  if (r.reasonOther) out.push('other');
  return out;
}

/** Pasal 17 letters as stored ("a,h") → a list. */
export function articlesOf(r: { exemptionArticles: string }): ExemptionArticle[] {
  return r.exemptionArticles ? (r.exemptionArticles.split(',') as ExemptionArticle[]) : [];
}

/** A stored request's value of a field, as the API and the register file take it (codes, lists). */
export function storedValue(r: Record<string, unknown>, f: FieldSpec): unknown {
  if (f.key === 'reasons') return reasonsOf(r as Parameters<typeof reasonsOf>[0]);
  if (f.key === 'exemptionArticles') return articlesOf(r as { exemptionArticles: string });
  return r[f.key];
}

/**
 * The API's object of a group's fields for a stored request: `{ received_on, channel,
 * requester: { name, … }, … }` for the request group, `{ extended_on, days, reason }` for the
 * extension, and so on.
 */
export function apiObject(r: Record<string, unknown>, group: FieldGroup): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(group)) setPath(out, f.api, storedValue(r, f));
  return out;
}

/** Sets `path` ("a.b") in `obj`, making the nested objects on the way. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const dot = path.indexOf('.');
  if (dot < 0) {
    obj[path] = value;
    return;
  }
  const head = path.slice(0, dot);
  const inner = (obj[head] ??= {}) as Record<string, unknown>;
  setPath(inner, path.slice(dot + 1), value);
}

/** Reads `path` ("a.b") from `obj`. */
export function getPath(obj: Record<string, unknown>, path: string): unknown {
  let v: unknown = obj;
  for (const part of path.split('.')) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[part];
  return v;
}
