/**
 * Turns the raw cells of a register file into request and objection values, row by row, with a
 * problem list in Indonesian. Pure: no database (the service adds what needs one).
 *
 * History is taken as it was recorded: what the app demands of a *new* decision (a reason on a
 * partial grant, a Pasal 17 letter on an exemption, a reason for an extension) becomes a
 * warning here, never a refusal. Errors are what cannot be stored truthfully: a missing or
 * unreadable value, an unknown choice, dates in an impossible order.
 */
import { z } from 'zod';
import type { CellValue, SheetData, SheetRow } from './read-file.js';
import {
  COLUMN_BY_KEY, HEADER_LOOKUP, REGISTER_COLUMNS, allowedValues, lookupCode, normaliseHeader, type ColumnKey,
} from './register-columns.js';
import { dateBoundsError, isIsoDate } from '../shared/dates.js';
import { OUTCOMES, WITHDRAWN_NOTE, type Outcome } from '../requests/vocabulary.js';
import { MAX_EXTENSION_WORKING_DAYS } from '../requests/deadlines.js';

export type ProblemLevel = 'error' | 'warning' | 'info';

export interface Problem {
  /** Spreadsheet row (header = 1); null for the file as a whole. */
  row: number | null;
  /** Column header as in the template; null for the whole row or file. */
  column: string | null;
  level: ProblemLevel;
  message: string;
}

/** The request's own fields, as the requests table stores them. */
export interface RequestValues {
  receivedOn: string;
  channel: string;
  requesterName: string;
  requesterIdNumber: string;
  requesterAddress: string;
  requesterPhone: string;
  requesterEmail: string;
  requesterOccupation: string;
  requesterType: string;
  requesterCategory: string;
  proxyName: string;
  informationRequested: string;
  purpose: string;
  obtainMethod: string;
  deliveryMethod: string;
  extendedOn: string | null;
  extensionDays: number | null;
  extensionReason: string | null;
  outcome: string | null;
  decidedOn: string | null;
  reasonExempt: boolean;
  reasonNotHeld: boolean;
  reasonOther: boolean;
  exemptionArticles: string;
  consequenceTest: string;
  reasonNote: string;
  noticeNote: string;
  feeRupiah: number;
  withdrawn: boolean;
}

/** An objection's recorded fields, as the objections table stores them. */
export interface ObjectionValues {
  /** null: give it the next number of the objection pattern. */
  registrationNumber: string | null;
  filedOn: string;
  grounds: string;
  statement: string;
  filedBy: string;
  proxyName: string;
  lateNote: string;
  respondedOn: string | null;
  result: string | null;
  reasoning: string;
  followUp: string;
  informationGivenOn: string | null;
  responderName: string;
  disputeRegisteredOn: string | null;
  disputeCaseNumber: string;
  disputeResult: string | null;
  disputeDecidedOn: string | null;
  disputeNote: string;
}

export interface ParsedObjection {
  row: number;
  values: ObjectionValues;
}

export interface ParsedRequest {
  row: number;
  number: string;
  values: RequestValues;
  /** The row's own objection first, then those of continuation rows, by filing date. */
  objections: ParsedObjection[];
  /** Rows (its own and its continuation rows) that carry an error. */
  errorRows: number[];
}

/** A row that adds an objection to a request by number only. */
export interface Continuation {
  row: number;
  number: string;
  objection: ParsedObjection | null;
  hasError: boolean;
}

export interface ParseResult {
  requests: ParsedRequest[];
  /** Continuation rows whose number has no request row in the file. */
  orphans: Continuation[];
  problems: Problem[];
  dataRows: number;
  /** False when the columns themselves are wrong: no row was read. */
  columnsOk: boolean;
}

const label = (key: ColumnKey) => COLUMN_BY_KEY[key].label;
const REQUEST_KEYS = REGISTER_COLUMNS.filter((c) => c.group !== 'objection' && c.key !== 'number').map((c) => c.key);
const OBJECTION_KEYS = REGISTER_COLUMNS.filter((c) => c.group === 'objection').map((c) => c.key);

/** Which column of the file holds each field; missing and doubled columns are errors, unknown ones are ignored. */
export function mapHeader(header: string[]): { index: Map<ColumnKey, number>; problems: Problem[] } {
  const index = new Map<ColumnKey, number>();
  const problems: Problem[] = [];
  const unknown: string[] = [];
  header.forEach((h, i) => {
    if (h.trim() === '') return;
    const key = HEADER_LOOKUP.get(normaliseHeader(h));
    if (!key) {
      unknown.push(h);
    } else if (index.has(key)) {
      problems.push({ row: 1, column: label(key), level: 'error', message: `Kolom "${label(key)}" muncul dua kali (kolom ke-${index.get(key)! + 1} dan ke-${i + 1}).` });
    } else {
      index.set(key, i);
    }
  });
  const missing = REGISTER_COLUMNS.filter((c) => !index.has(c.key)).map((c) => c.label);
  if (missing.length) {
    problems.push({
      row: 1, column: null, level: 'error',
      message: `Kolom tidak ditemukan: ${missing.join(', ')}. Gunakan templat impor; judul kolom harus sama (huruf besar/kecil bebas) dan berada di baris 1.`,
    });
  }
  if (unknown.length) {
    problems.push({ row: 1, column: null, level: 'warning', message: `Kolom tidak dikenal diabaikan: ${unknown.join(', ')}.` });
  }
  return { index, problems };
}

/** YYYY-MM-DD, DD/MM/YYYY (also with "-" or "."), an Excel date cell, or an Excel day number. */
export function parseDateCell(v: CellValue): string | null | undefined {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    // Excel day numbers (1900 system) between 1970 and 2100, e.g. a date cell formatted as General.
    if (!Number.isInteger(v) || v < 25569 || v > 73415) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
  }
  const s = String(v).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(s);
  let iso: string | null = null;
  if (m) iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return iso && validIso(iso) ? iso : undefined;
}

/** isIsoDate, remembered: a register repeats the same few thousand dates over and over. */
const isoValidity = new Map<string, boolean>();
function validIso(iso: string): boolean {
  let valid = isoValidity.get(iso);
  if (valid === undefined) {
    valid = isIsoDate(iso);
    if (isoValidity.size < 20_000) isoValidity.set(iso, valid);
  }
  return valid;
}

/** One row's cells, read column by column; problems go to the shared list. */
class RowReader {
  hasError = false;
  constructor(
    private readonly row: SheetRow,
    private readonly index: Map<ColumnKey, number>,
    private readonly problems: Problem[],
  ) {}

  get rowNumber() {
    return this.row.rowNumber;
  }

  raw(key: ColumnKey): CellValue {
    const i = this.index.get(key);
    return i === undefined ? null : (this.row.cells[i] ?? null);
  }

  blank(key: ColumnKey): boolean {
    const v = this.raw(key);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }

  error(key: ColumnKey | null, message: string): void {
    this.hasError = true;
    this.problems.push({ row: this.row.rowNumber, column: key ? label(key) : null, level: 'error', message });
  }

  warn(key: ColumnKey | null, message: string): void {
    this.problems.push({ row: this.row.rowNumber, column: key ? label(key) : null, level: 'warning', message });
  }

  /** Trimmed text; a CSV export's formula guard (a leading apostrophe before = + - @) is undone. */
  text(key: ColumnKey, required = false): string {
    const v = this.raw(key);
    let s: string;
    if (v === null) s = '';
    else if (v instanceof Date) s = v.toISOString().slice(0, 10);
    else if (typeof v === 'boolean') s = v ? 'ya' : 'tidak';
    else s = String(v);
    s = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
    if (/^'[=+\-@\t\r]/.test(s)) s = s.slice(1);
    const max = COLUMN_BY_KEY[key].max;
    if (required && s === '') this.error(key, 'Wajib diisi.');
    else if (max && s.length > max) this.error(key, `Terlalu panjang: ${s.length} karakter, maksimal ${max}.`);
    return s;
  }

  date(key: ColumnKey, required = false): string | null {
    const parsed = parseDateCell(this.raw(key));
    if (parsed === undefined) {
      const shown = this.raw(key) instanceof Date ? '(tanggal tidak valid)' : String(this.raw(key)).trim();
      this.error(key, `Tanggal tidak dikenal: "${shown}". Tulis TTTT-BB-HH (2022-03-01) atau HH/BB/TTTT (01/03/2022).`);
      return null;
    }
    if (parsed === null && required) this.error(key, 'Wajib diisi.');
    // The same bounds as the forms and the API (not before 2010, not after next year).
    const outOfRange = parsed === null ? null : dateBoundsError(parsed);
    if (outOfRange) {
      const typed = this.raw(key);
      this.error(key, `${outOfRange.slice(0, -1)} ("${typeof typed === 'string' ? typed.trim() : parsed}").`);
      return null;
    }
    return parsed;
  }

  enumValue(key: ColumnKey, required = false): string | null {
    const s = this.text(key);
    if (s === '') {
      if (required) this.error(key, `Wajib diisi. Pilihan: ${allowedValues(COLUMN_BY_KEY[key])}.`);
      return null;
    }
    const code = lookupCode(key, s);
    if (!code) this.error(key, `"${s}" tidak dikenal. Pilihan: ${allowedValues(COLUMN_BY_KEY[key])}.`);
    return code ?? null;
  }

  /** Several values separated by ";" (or "," or a line break). */
  enumList(key: ColumnKey): string[] {
    const parts = this.text(key).split(/[;,\n]/).map((p) => p.trim()).filter(Boolean);
    const out: string[] = [];
    for (const p of parts) {
      const code = lookupCode(key, p);
      if (!code) this.error(key, `"${p}" tidak dikenal. Pilihan: ${allowedValues(COLUMN_BY_KEY[key])}; beberapa dipisah titik koma.`);
      else if (!out.includes(code)) out.push(code);
    }
    return out;
  }

  /** Article letters: "a;h", "a, h", "huruf a dan h", "Pasal 17 huruf h". */
  letters(key: ColumnKey): string[] {
    const allowed = Object.keys(COLUMN_BY_KEY[key].vocabulary!);
    const cleaned = this.text(key).toLowerCase().replace(/pasal\s*\d+(\s*ayat\s*\(?\d+\)?)?/g, ' ').replace(/\b(huruf|dan)\b/g, ' ');
    const tokens = cleaned.split(/[\s;,/]+/).map((t) => t.replace(/[().]/g, '')).filter(Boolean);
    const out: string[] = [];
    for (const t of tokens) {
      if (!allowed.includes(t)) {
        this.error(key, `"${t}" bukan huruf yang dikenal; gunakan ${allowedValues(COLUMN_BY_KEY[key])}, dipisah titik koma.`);
      } else if (!out.includes(t)) out.push(t);
    }
    return out.sort();
  }

  int(key: ColumnKey, min: number, max: number): number | null {
    const v = this.raw(key);
    if (this.blank(key)) return null;
    const s = typeof v === 'number' ? String(v) : String(v).trim().replace(/^rp\.?\s*/i, '').replace(/[.\s](?=\d{3}(\D|$))/g, '');
    const n = Number(s);
    if (!/^-?\d+$/.test(s) || !Number.isSafeInteger(n) || n < min || n > max) {
      this.error(key, `"${String(v).trim()}" bukan bilangan bulat ${min}–${max}.`);
      return null;
    }
    return n;
  }

  bool(key: ColumnKey): boolean {
    const v = this.raw(key);
    if (typeof v === 'boolean') return v;
    const s = normaliseBool(this.text(key));
    if (s === undefined) {
      this.error(key, `"${this.text(key)}" tidak dikenal. Isi "ya" atau "tidak".`);
      return false;
    }
    return s;
  }
}

function normaliseBool(s: string): boolean | undefined {
  const n = s.trim().toLowerCase();
  if (['', 'tidak', 't', 'no', 'n', 'false', '0', '-'].includes(n)) return false;
  if (['ya', 'y', 'yes', 'true', '1', 'dicabut'].includes(n)) return true;
  return undefined;
}

const EMAIL = z.email();
const isEmail = (s: string) => EMAIL.safeParse(s).success;

function readRequest(r: RowReader, today: string): RequestValues {
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
  };
}

function readObjection(r: RowReader, today: string): ParsedObjection {
  const filedOn = r.date('filedOn', true);
  const grounds = r.letters('grounds');
  if (grounds.length === 0 && r.blank('grounds')) r.error('grounds', 'Wajib diisi bila ada keberatan (huruf a–g Pasal 35 ayat 1).');
  const statement = r.text('statement');
  const proxyName = r.text('objectionProxyName');
  const filedBy = r.enumValue('filedBy') ?? (proxyName ? 'proxy' : 'requester');
  const lateNote = r.text('lateNote');
  const respondedOn = r.date('respondedOn');
  const result = r.enumValue('result');
  const reasoning = r.text('reasoning');
  const followUp = r.text('followUp');
  const informationGivenOn = r.date('informationGivenOn');
  const responderName = r.text('responderName');
  const disputeRegisteredOn = r.date('disputeRegisteredOn');
  const disputeCaseNumber = r.text('disputeCaseNumber');
  let disputeResult = r.enumValue('disputeResult');
  const disputeDecidedOn = r.date('disputeDecidedOn');
  const disputeNote = r.text('disputeNote');

  if (filedOn && filedOn > today) r.error('filedOn', 'Tanggal keberatan di masa depan.');
  if (!statement) r.warn('statement', 'Uraian keberatan kosong; dicatat apa adanya.');
  if (filedBy === 'proxy' && !proxyName) r.warn('objectionProxyName', 'Diajukan oleh kuasa tanpa nama kuasa; dicatat apa adanya.');
  if (r.blank('respondedOn')) {
    if (!r.blank('result')) r.error('respondedOn', 'Wajib diisi bila Hasil keberatan diisi.');
    else if (reasoning || followUp || !r.blank('informationGivenOn') || responderName) r.error('respondedOn', 'Wajib diisi bila kolom tanggapan lain diisi.');
  } else if (respondedOn) {
    if (r.blank('result')) r.error('result', 'Wajib diisi bila Tanggal tanggapan keberatan diisi.');
    if (filedOn && respondedOn < filedOn) r.error('respondedOn', 'Tanggal tanggapan sebelum tanggal keberatan.');
    else if (respondedOn > today) r.error('respondedOn', 'Tanggal tanggapan di masa depan.');
    if (!reasoning) r.warn('reasoning', 'Tanggapan tanpa pertimbangan; dicatat apa adanya.');
  }
  if (informationGivenOn && respondedOn && informationGivenOn < respondedOn) r.error('informationGivenOn', 'Tanggal pemberian informasi sebelum tanggal tanggapan.');
  if (informationGivenOn && result && result !== 'upheld') r.warn('informationGivenOn', 'Tanggal pemberian informasi diisi padahal keberatan tidak diterima; dicatat apa adanya.');
  if (r.blank('disputeRegisteredOn')) {
    if (disputeCaseNumber || !r.blank('disputeResult') || !r.blank('disputeDecidedOn') || disputeNote) {
      r.error('disputeRegisteredOn', 'Wajib diisi bila kolom sengketa lain diisi.');
    }
  } else if (disputeRegisteredOn) {
    disputeResult ??= 'pending';
    if (filedOn && disputeRegisteredOn < filedOn) r.error('disputeRegisteredOn', 'Tanggal sengketa sebelum tanggal keberatan.');
    else if (disputeRegisteredOn > today) r.error('disputeRegisteredOn', 'Tanggal sengketa di masa depan.');
    if (disputeDecidedOn && disputeDecidedOn < disputeRegisteredOn) r.error('disputeDecidedOn', 'Tanggal putusan sengketa sebelum tanggal sengketa.');
    if (disputeDecidedOn && disputeResult === 'pending') r.warn('disputeResult', 'Tanggal putusan sengketa diisi tetapi hasilnya "Dalam proses"; dicatat apa adanya.');
  }

  return {
    row: r.rowNumber,
    values: {
      registrationNumber: r.text('objectionNumber') || null,
      filedOn: filedOn ?? '',
      grounds: grounds.join(','),
      statement,
      filedBy,
      proxyName,
      lateNote,
      respondedOn,
      result,
      reasoning,
      followUp,
      informationGivenOn,
      responderName,
      disputeRegisteredOn,
      disputeCaseNumber,
      disputeResult: disputeRegisteredOn ? disputeResult : null,
      disputeDecidedOn,
      disputeNote,
    },
  };
}

/**
 * Reads every row. A row whose only request column is the number and that fills objection
 * columns adds a further objection to that request (the export writes a request's second and
 * later objections that way).
 */
export function parseRows(sheet: SheetData, today: string): ParseResult {
  const { index, problems } = mapHeader(sheet.header);
  if (problems.some((p) => p.level === 'error')) return { requests: [], orphans: [], problems, dataRows: sheet.rows.length, columnsOk: false };

  const requests: ParsedRequest[] = [];
  const continuations: Continuation[] = [];
  let dataRows = 0;
  for (const row of sheet.rows) {
    const r = new RowReader(row, index, problems);
    // A row with something only in ignored columns (a pre-filled "No" column) is an empty row.
    if (REGISTER_COLUMNS.every((c) => r.blank(c.key))) continue;
    dataRows++;
    const number = r.text('number', false);
    const hasRequestData = REQUEST_KEYS.some((k) => !r.blank(k));
    const hasObjectionData = OBJECTION_KEYS.some((k) => !r.blank(k));
    if (!hasRequestData) {
      if (!number) r.error('number', 'Wajib diisi.');
      else if (!hasObjectionData) r.error(null, 'Baris hanya berisi nomor registrasi; isi data permohonannya.');
      const objection = hasObjectionData ? readObjection(r, today) : null;
      continuations.push({ row: row.rowNumber, number, objection, hasError: r.hasError });
      continue;
    }
    if (!number) r.error('number', 'Wajib diisi.');
    const values = readRequest(r, today);
    const objections = hasObjectionData ? [readObjection(r, today)] : [];
    requests.push({ row: row.rowNumber, number, values, objections, errorRows: r.hasError ? [row.rowNumber] : [] });
  }

  // A number used by two request rows: both are wrong, the file cannot say which one is right.
  const byNumber = new Map<string, ParsedRequest[]>();
  for (const p of requests) if (p.number) byNumber.set(p.number, [...(byNumber.get(p.number) ?? []), p]);
  for (const [number, same] of byNumber) {
    if (same.length < 2) continue;
    for (const p of same) {
      const others = same.filter((o) => o !== p).map((o) => o.row);
      problems.push({ row: p.row, column: label('number'), level: 'error', message: `Nomor registrasi "${number}" ganda dalam berkas (juga di baris ${others.join(', ')}).` });
      if (!p.errorRows.includes(p.row)) p.errorRows.push(p.row);
    }
  }

  const orphans: Continuation[] = [];
  for (const c of continuations) {
    const owner = c.number ? byNumber.get(c.number)?.[0] : undefined;
    if (!owner) {
      orphans.push(c);
      continue;
    }
    if (c.objection) {
      const filed = c.objection.values.filedOn;
      if (filed && owner.values.receivedOn && filed < owner.values.receivedOn) {
        problems.push({ row: c.row, column: label('filedOn'), level: 'error', message: 'Tanggal keberatan sebelum tanggal permohonan diterima.' });
        c.hasError = true;
      }
      owner.objections.push(c.objection);
    }
    if (c.hasError) owner.errorRows.push(c.row);
  }
  for (const p of requests) {
    const own = p.objections.find((o) => o.row === p.row);
    if (own && own.values.filedOn && p.values.receivedOn && own.values.filedOn < p.values.receivedOn) {
      problems.push({ row: p.row, column: label('filedOn'), level: 'error', message: 'Tanggal keberatan sebelum tanggal permohonan diterima.' });
      if (!p.errorRows.includes(p.row)) p.errorRows.push(p.row);
    }
    p.objections.sort((a, b) => (a.values.filedOn < b.values.filedOn ? -1 : a.values.filedOn > b.values.filedOn ? 1 : a.row - b.row));
  }

  // Objection numbers given in the file must be unique too.
  const objectionRows = new Map<string, number[]>();
  for (const p of requests) for (const o of p.objections) if (o.values.registrationNumber) objectionRows.set(o.values.registrationNumber, [...(objectionRows.get(o.values.registrationNumber) ?? []), o.row]);
  for (const [number, rows] of objectionRows) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      problems.push({ row, column: label('objectionNumber'), level: 'error', message: `Nomor keberatan "${number}" ganda dalam berkas (juga di baris ${rows.filter((x) => x !== row).join(', ')}).` });
      const owner = requests.find((p) => p.objections.some((o) => o.row === row));
      if (owner && !owner.errorRows.includes(row)) owner.errorRows.push(row);
    }
  }

  return { requests, orphans, problems, dataRows, columnsOk: true };
}
