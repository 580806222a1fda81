/**
 * The columns of a consultation-history file (a CRM export): the fields of
 * POST /api/v1/consultations, flattened (user.name → user_name), plus the answer, the
 * escalation and the CRM's own ticket number. Headers are matched without case; codes or their
 * Indonesian labels are accepted for channel, user type and category.
 */
import { DateTime } from 'luxon';
import type { CellValue } from '../import/sheet.js';
import { CATEGORIES, CHANNELS, USER_TYPES } from '../desk/vocabulary.js';

export const CONSULTATION_COLUMNS = [
  { key: 'received_at', required: true, hint: 'Waktu masuk: ISO 8601 dengan zona, atau TTTT-BB-HH JJ:MM (zona kantor)' },
  { key: 'channel', required: true, hint: `Kanal: ${Object.keys(CHANNELS).join(', ')}` },
  { key: 'user_name', required: true, hint: 'Nama pengguna' },
  { key: 'user_type', required: true, hint: `Jenis pengguna: ${Object.keys(USER_TYPES).join(', ')}` },
  { key: 'user_institution', required: false, hint: 'Instansi' },
  { key: 'user_region_code', required: false, hint: 'Kode wilayah (2 atau 4 digit)' },
  { key: 'user_email', required: false, hint: 'E-mail' },
  { key: 'user_phone', required: false, hint: 'Telepon' },
  { key: 'category', required: true, hint: `Kategori: ${Object.keys(CATEGORIES).join(', ')}` },
  { key: 'topic', required: false, hint: 'Topik: kode atau label dari daftar topik' },
  { key: 'question', required: true, hint: 'Pertanyaan' },
  { key: 'answer', required: false, hint: 'Jawaban' },
  { key: 'answered_at', required: false, hint: 'Waktu dijawab (wajib bila ada jawaban)' },
  { key: 'unit_code', required: false, hint: 'Kode unit tujuan eskalasi' },
  { key: 'escalated_at', required: false, hint: 'Waktu eskalasi (wajib bila ada unit)' },
  { key: 'ticket_number', required: false, hint: 'Nomor tiket di CRM (bila ada): kunci agar impor ulang tidak menggandakan' },
] as const;
export type ColumnKey = (typeof CONSULTATION_COLUMNS)[number]['key'];

const ALIASES: Record<string, ColumnKey> = { escalated_unit_code: 'unit_code', unit: 'unit_code', ticket: 'ticket_number', crm_ticket_number: 'ticket_number' };

/** Header → column, by position; unknown headers are listed to be reported and ignored. */
export function mapHeader(header: string[]): { at: Partial<Record<ColumnKey, number>>; unknown: string[]; missing: ColumnKey[] } {
  const known = new Set<string>(CONSULTATION_COLUMNS.map((c) => c.key));
  const at: Partial<Record<ColumnKey, number>> = {};
  const unknown: string[] = [];
  header.forEach((h, i) => {
    const name = h.trim().toLowerCase().replace(/[\s.]+/g, '_');
    const key = (known.has(name) ? name : ALIASES[name]) as ColumnKey | undefined;
    if (key && at[key] === undefined) at[key] = i;
    else if (h.trim()) unknown.push(h.trim());
  });
  const missing = CONSULTATION_COLUMNS.filter((c) => c.required && at[c.key] === undefined).map((c) => c.key);
  return { at, unknown, missing };
}

/** A cell as text; an Excel date cell is its wall-clock time (no zone), written ISO. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return DateTime.fromJSDate(v, { zone: 'utc' }).toFormat("yyyy-LL-dd'T'HH:mm:ss");
  return String(v).trim();
}

/**
 * An instant as the API takes it (ISO 8601 with offset): kept when it has an offset; a wall-clock
 * time (TTTT-BB-HH JJ:MM[:DD] or HH/BB/TTTT JJ:MM[:DD]) is read in the office zone. '' when blank;
 * the text itself when unreadable (the schema then refuses it with its message).
 */
export function toInstant(text: string, zone: string): string {
  if (!text) return '';
  if (/(Z|[+-]\d\d:\d\d)$/.test(text)) return text;
  let at = DateTime.fromFormat(text.replace('T', ' '), 'yyyy-LL-dd HH:mm:ss', { zone });
  if (!at.isValid) at = DateTime.fromFormat(text.replace('T', ' '), 'yyyy-LL-dd HH:mm', { zone });
  if (!at.isValid) at = DateTime.fromFormat(text, 'd/L/yyyy H:mm:ss', { zone });
  if (!at.isValid) at = DateTime.fromFormat(text, 'd/L/yyyy H:mm', { zone });
  return at.isValid ? at.toISO({ suppressMilliseconds: true })! : text;
}

/** A code, or the Indonesian label of one (any case), as its code. */
export function toCode(text: string, labels: Record<string, string>): string {
  if (Object.hasOwn(labels, text)) return text;
  const lower = text.toLowerCase();
  return Object.entries(labels).find(([code, label]) => code.toLowerCase() === lower || label.toLowerCase() === lower)?.[0] ?? text;
}
