/** What auditors see of log entries: on the page and in the CSV export. Pure: no database. */
import { DateTime } from 'luxon';
import type { AuditRow } from '../db/schema.js';
import { formatInstant, zoneLabel } from '../shared/dates.js';
import type { ChainReport } from './audit.repo.js';
import { csvWriter, type CsvWriter } from '../shared/csv.js';
import { actionLabel } from './actions.js';

/** Names for the entity types the services record; an unknown type is shown as stored. */
export const ENTITY_LABELS: Record<string, string> = {
  request: 'Permohonan',
  objection: 'Keberatan',
  user: 'Pengguna',
  api_token: 'Token API',
  holiday: 'Hari libur',
  settings: 'Pengaturan',
  audit: 'Log audit',
  import: 'Impor register',
  dik: 'Daftar Informasi yang Dikecualikan',
};

/** Entity types with a page every audit reader may open. */
const ENTITY_PAGES: Record<string, string> = { request: '/requests', objection: '/objections' };

export interface Change {
  key: string;
  before: string;
  after: string;
}

/** The stored before/after text back as a value; text that is not JSON (a damaged row) stays text. */
export function parseStored(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One value as a person reads it. */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (v === '') return '(kosong)';
  if (typeof v === 'boolean') return v ? 'ya' : 'tidak';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/**
 * The keys whose value differs between two states, in the order they first appear. A side
 * that is missing (a creation has no "before") counts as every key being absent there; two
 * values that are not objects compare as one unnamed value. Absent and null count as the same.
 */
export function changedKeys(before: unknown, after: unknown): Change[] {
  if (before === undefined && after === undefined) return [];
  const b = before ?? {};
  const a = after ?? {};
  if (!isRecord(b) || !isRecord(a)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ key: '(nilai)', before: formatValue(before), after: formatValue(after) }];
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ key: k, before: formatValue(b[k]), after: formatValue(a[k]) }));
}

export function presentAuditEntry(row: AuditRow, zone: string) {
  return {
    id: row.id,
    when: formatInstant(row.at, zone),
    actor: row.actorLabel,
    action: row.action,
    actionLabel: actionLabel(row.action),
    entityType: row.entityType,
    entityLabel: ENTITY_LABELS[row.entityType] ?? row.entityType,
    entityId: row.entityId,
    entityHref: row.entityId && ENTITY_PAGES[row.entityType] ? `${ENTITY_PAGES[row.entityType]}/${encodeURIComponent(row.entityId)}` : null,
    summary: row.summary,
    changes: changedKeys(parseStored(row.before), parseStored(row.after)),
  };
}
export type AuditEntryView = ReturnType<typeof presentAuditEntry>;

/** The verification result as one Indonesian sentence. */
export function describeChain(report: ChainReport): string {
  if (report.ok) return `Rantai log utuh: ${report.checked} entri diperiksa. ${describeAnchoring(report)}`;
  const broken = report.firstBroken!;
  return `Rantai log rusak pada entri #${broken.id}: ${broken.problem} (${report.checked} entri sebelumnya utuh.)`;
}

/** "3 jangkar diperiksa (terakhir #120); 4 entri belum dijangkarkan." */
export function describeAnchoring(report: ChainReport): string {
  const anchored = report.lastAnchoredSeq === null ? 'Belum ada jangkar di luar basis data' : `${report.anchors} jangkar cocok (terakhir #${report.lastAnchoredSeq})`;
  return `${anchored}; ${report.unanchored} entri belum dijangkarkan.`;
}

// ---- CSV ----

export function auditCsvHeader(zone: string, csv: CsvWriter = csvWriter()): string {
  return csv.line([
    'ID', `Waktu (${zoneLabel(zone)})`, 'Waktu (UTC)', 'Pelaku', 'Aksi', 'Kode aksi', 'Jenis data', 'ID data', 'Ringkasan', 'Sebelum', 'Sesudah', 'Hash',
  ]);
}

export function auditCsvRow(row: AuditRow, zone: string, csv: CsvWriter = csvWriter()): string {
  return csv.line([
    row.id,
    DateTime.fromISO(row.at).setZone(zone).toFormat('yyyy-MM-dd HH:mm:ss'),
    row.at,
    row.actorLabel,
    actionLabel(row.action),
    row.action,
    row.entityType,
    row.entityId,
    row.summary,
    row.before,
    row.after,
    row.hash,
  ]);
}
