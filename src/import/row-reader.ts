/**
 * Reading cells: the header's columns, dates, and one row's cells column by column, with
 * problems (in Indonesian) going to the import's ProblemLog. Pure: no database.
 */
import type { CellValue, SheetRow } from './read-file.js';
import {
  COLUMN_BY_KEY, HEADER_LOOKUP, REGISTER_COLUMNS, allowedValues, lookupCode, normaliseHeader, type ColumnKey,
} from './register-columns.js';
import { dateBoundsError, isIsoDate } from '../shared/dates.js';
import type { Problem, ProblemLog } from './problems.js';
import type { Findings } from '../shared/rules.js';

export const label = (key: ColumnKey) => COLUMN_BY_KEY[key].label;

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
  const missing = REGISTER_COLUMNS.filter((c) => !c.optional && !index.has(c.key)).map((c) => c.label);
  if (missing.length) {
    problems.push({
      row: 1, column: null, level: 'error',
      message: `Kolom tidak ditemukan: ${missing.join(', ')}. Gunakan templat impor; judul kolom harus sama (huruf besar/kecil bebas) dan berada di baris 1.`,
    });
  }
  if (unknown.length) {
    const shown = unknown.slice(0, 20).map((h) => (h.length > 60 ? `${h.slice(0, 60)}…` : h));
    const more = unknown.length > shown.length ? ` dan ${unknown.length - shown.length} kolom lain` : '';
    problems.push({ row: 1, column: null, level: 'warning', message: `Kolom tidak dikenal diabaikan: ${shown.join(', ')}${more}.` });
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
export class RowReader {
  hasError = false;
  constructor(
    private readonly row: SheetRow,
    private readonly index: Map<ColumnKey, number>,
    private readonly log: ProblemLog,
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
    this.log.error(this.row.rowNumber, key ? label(key) : null, message);
  }

  warn(key: ColumnKey | null, message: string): void {
    this.log.warn(this.row.rowNumber, key ? label(key) : null, message);
  }

  /**
   * What the domain's rules found, called in history mode: refusals are errors, kept demands
   * warnings. `columns` names the column of a domain field whose key differs from it.
   */
  report(findings: Findings, columns: Partial<Record<string, ColumnKey>> = {}): void {
    for (const field in findings.errors) this.error(columns[field] ?? (field as ColumnKey), findings.errors[field]);
    for (const field in findings.warnings) this.warn(columns[field] ?? (field as ColumnKey), findings.warnings[field]);
  }

  /** Trimmed text; a CSV export's formula guard (a leading apostrophe before = + - @) is undone. */
  text(key: ColumnKey, required = false): string {
    const s = cellText(this.raw(key));
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

/** A cell as trimmed text; a CSV export's formula guard (a leading apostrophe before = + - @) is undone. */
export function cellText(v: CellValue): string {
  let s: string;
  if (v === null) s = '';
  else if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else if (typeof v === 'boolean') s = v ? 'ya' : 'tidak';
  else s = String(v);
  s = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (/^'[=+\-@\t\r]/.test(s)) s = s.slice(1);
  return s;
}

export function normaliseBool(s: string): boolean | undefined {
  const n = s.trim().toLowerCase();
  if (['', 'tidak', 't', 'no', 'n', 'false', '0', '-'].includes(n)) return false;
  if (['ya', 'y', 'yes', 'true', '1', 'dicabut'].includes(n)) return true;
  return undefined;
}
