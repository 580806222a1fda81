/**
 * The columns of a register file: the import template, what the importer reads, and what the
 * register export writes (the same list, so an export can be imported again). Pure: no database.
 * The request's columns are its fields (src/requests/request-fields.ts) in the table's order;
 * the registration number and the objection columns are declared here.
 * docs/import.md documents every column; keep it in step with this file.
 */
import { REQUEST_FIELDS, type FieldSpec } from '../requests/request-fields.js';
import { DISPUTE_RESULTS, FILED_BY, OBJECTION_GROUNDS, OBJECTION_RESULTS } from '../objections/vocabulary.js';

export type ColumnKind = FieldSpec['kind'];
export type ColumnGroup = FieldSpec['group'] | 'objection';

export interface RegisterColumn {
  key: string;
  /** The header as it appears in the file. */
  label: string;
  kind: ColumnKind;
  group: ColumnGroup;
  required?: boolean;
  /** The header may be missing from a file (columns added after files were made from the template). */
  optional?: boolean;
  /** Longest text accepted (the app's own limits). */
  max?: number;
  /** Closed vocabulary for enum and enumList columns, letters for letters columns. */
  vocabulary?: Record<string, string>;
  /** Other headers accepted for this column (offices rename them). */
  aliases?: readonly string[];
  /** One line for the template's instructions sheet and docs/import.md. */
  hint: string;
}

const col = <K extends string>(c: RegisterColumn & { key: K }): RegisterColumn & { key: K } => c;

/**
 * A request field's column: its label is the header. Required in every row only when the field
 * is a required intake field (a decision's fields are required together, row by row).
 */
function requestColumn<F extends FieldSpec>(f: F): RegisterColumn & { key: F['key'] } {
  const max = f.kind === 'text' ? f.max : undefined;
  return {
    key: f.key, label: f.label, kind: f.kind, group: f.group, required: f.group === 'request' && f.required, optional: f.optional, max,
    vocabulary: f.vocabulary, aliases: f.aliases, hint: f.hint,
  };
}

export const REGISTER_COLUMNS = [
  col({ key: 'number', label: 'Nomor registrasi', kind: 'text', group: 'request', required: true, max: 100, aliases: ['No. registrasi', 'Nomor pendaftaran', 'No. pendaftaran'], hint: 'Nomor yang sudah diberikan; dipertahankan apa adanya.' }),
  // ---- The request, its extension, decision and void: the field table's ----
  ...REQUEST_FIELDS.map(requestColumn),
  // ---- Objection (keberatan, Pasal 35–38) ----
  col({ key: 'objectionNumber', label: 'Nomor keberatan', kind: 'text', group: 'objection', max: 100, hint: 'Kosong: diberi nomor baru menurut pola nomor keberatan.' }),
  col({ key: 'filedOn', label: 'Tanggal keberatan', kind: 'date', group: 'objection', hint: 'Kosong bila tidak ada keberatan.' }),
  col({ key: 'grounds', label: 'Alasan keberatan (Pasal 35 huruf)', kind: 'letters', group: 'objection', vocabulary: OBJECTION_GROUNDS, aliases: ['Alasan keberatan'], hint: 'Huruf a–g Pasal 35 ayat 1, dipisah titik koma.' }),
  col({ key: 'statement', label: 'Uraian keberatan', kind: 'text', group: 'objection', max: 10000, aliases: ['Kasus posisi'], hint: 'Kasus posisi menurut pemohon.' }),
  col({ key: 'filedBy', label: 'Diajukan oleh', kind: 'enum', group: 'objection', vocabulary: FILED_BY, hint: 'Kosong: pemohon sendiri (atau kuasa bila nama kuasa diisi).' }),
  col({ key: 'objectionProxyName', label: 'Nama kuasa keberatan', kind: 'text', group: 'objection', max: 200, hint: '' }),
  col({ key: 'lateNote', label: 'Keterangan keterlambatan', kind: 'text', group: 'objection', max: 2000, hint: 'Bila keberatan diajukan melewati 30 hari kerja.' }),
  col({ key: 'respondedOn', label: 'Tanggal tanggapan keberatan', kind: 'date', group: 'objection', hint: '' }),
  col({ key: 'result', label: 'Hasil keberatan', kind: 'enum', group: 'objection', vocabulary: OBJECTION_RESULTS, hint: 'Diterima, ditolak atau dicabut.' }),
  col({ key: 'reasoning', label: 'Pertimbangan tanggapan', kind: 'text', group: 'objection', max: 10000, hint: '' }),
  col({ key: 'followUp', label: 'Tindak lanjut', kind: 'text', group: 'objection', max: 5000, hint: '' }),
  col({ key: 'informationGivenOn', label: 'Tanggal pemberian informasi', kind: 'date', group: 'objection', hint: 'Bila keberatan diterima.' }),
  col({ key: 'responderName', label: 'Atasan PPID', kind: 'text', group: 'objection', max: 200, hint: 'Nama dan jabatan yang menanggapi.' }),
  col({ key: 'disputeRegisteredOn', label: 'Tanggal sengketa', kind: 'date', group: 'objection', hint: 'Tanggal sengketa didaftarkan di Komisi Informasi.' }),
  col({ key: 'disputeCaseNumber', label: 'Nomor perkara sengketa', kind: 'text', group: 'objection', max: 100, hint: '' }),
  col({ key: 'disputeResult', label: 'Hasil sengketa', kind: 'enum', group: 'objection', vocabulary: DISPUTE_RESULTS, hint: 'Kosong berarti dalam proses.' }),
  col({ key: 'disputeDecidedOn', label: 'Tanggal putusan sengketa', kind: 'date', group: 'objection', hint: '' }),
  col({ key: 'disputeNote', label: 'Keterangan sengketa', kind: 'text', group: 'objection', max: 5000, hint: '' }),
];

export type ColumnKey = (typeof REGISTER_COLUMNS)[number]['key'];
export const COLUMN_BY_KEY = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, RegisterColumn>;

/** Short words people write instead of the long labels. */
const EXTRA_ALIASES: Partial<Record<ColumnKey, Record<string, string>>> = {
  reasons: { dikecualikan: 'exempt', 'belum dikuasai': 'not_held', 'belum didokumentasikan': 'not_held', 'tidak dikuasai': 'not_held' },
  result: { diterima: 'upheld', ditolak: 'rejected', dicabut: 'withdrawn' },
  filedBy: { pemohon: 'requester', kuasa: 'proxy' },
  outcome: { sepenuhnya: 'full', sebagian: 'partial' },
};

/** Lower case, one space between words, "_" read as a space: "Not_Provided " → "not provided". */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/[_\s]+/g, ' ').trim();
}

/**
 * Every accepted spelling of a column's values → its code: the code, the label, the label
 * without its parenthesis or after its dash, and each part of a label written "A/B", as long
 * as no other value claims the same spelling.
 */
function lookupFor(key: ColumnKey, vocabulary: Record<string, string>): Map<string, string> {
  const exact = new Map<string, string>();
  const loose = new Map<string, string | null>();
  for (const [code, label] of Object.entries(vocabulary)) {
    exact.set(normalise(code), code);
    exact.set(normalise(label), code);
    const bare = label.replace(/\s*\([^)]*\)/g, '').split(/\s+[—–-]\s+|:\s+/)[0];
    for (const variant of [bare, ...bare.split('/')]) {
      const n = normalise(variant);
      if (!n || exact.has(n)) continue;
      loose.set(n, loose.has(n) && loose.get(n) !== code ? null : code);
    }
  }
  for (const [word, code] of Object.entries(EXTRA_ALIASES[key] ?? {})) loose.set(normalise(word), code);
  for (const [n, code] of loose) if (code && !exact.has(n)) exact.set(n, code);
  return exact;
}

const LOOKUPS = new Map<ColumnKey, Map<string, string>>(
  REGISTER_COLUMNS.filter((c) => c.kind === 'enum' || c.kind === 'enumList').map((c) => [c.key, lookupFor(c.key, c.vocabulary!)]),
);

/** Answers of lookupCode by column and value as written: a register repeats the same few. */
const LOOKUP_MEMO = new Map<ColumnKey, Map<string, string | undefined>>();

/** The code a value stands for (code or label, any case), or undefined. */
export function lookupCode(key: ColumnKey, value: string): string | undefined {
  let memo = LOOKUP_MEMO.get(key);
  if (!memo) LOOKUP_MEMO.set(key, (memo = new Map()));
  if (memo.has(value)) return memo.get(value);
  const code = LOOKUPS.get(key)?.get(normalise(value));
  if (memo.size < 1000) memo.set(value, code);
  return code;
}

/** Headers accepted for each column, normalised → key. */
export const HEADER_LOOKUP: Map<string, ColumnKey> = new Map(
  REGISTER_COLUMNS.flatMap((c) => [c.label, c.key, ...(c.aliases ?? [])].map((h) => [normaliseHeader(h), c.key] as const)),
);

/** Headers compare without case, spaces, a trailing "*" (required mark) or a trailing colon. */
export function normaliseHeader(h: string): string {
  return normalise(h).replace(/[*:]+$/, '').trim();
}

/** What a cell of the column may hold, in one line (for error messages and the instructions). */
export function allowedValues(c: RegisterColumn): string {
  switch (c.kind) {
    case 'enum':
    case 'enumList':
      return Object.entries(c.vocabulary!).map(([code, label]) => `${label} (${code})`).join('; ');
    case 'letters': {
      const letters = Object.keys(c.vocabulary!);
      return `huruf ${letters[0]}–${letters[letters.length - 1]}`;
    }
    case 'date':
      return 'TTTT-BB-HH, HH/BB/TTTT, atau sel tanggal Excel';
    case 'int':
      return 'bilangan bulat';
    case 'bool':
      return 'ya / tidak';
    default:
      return c.max ? `teks, maksimal ${c.max} karakter` : 'teks';
  }
}
