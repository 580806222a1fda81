/**
 * The register as a file (CSV or XLSX) for auditors and admins: the requests matching the
 * register's filters, oldest first, with extension, decision and objection columns. The columns
 * are the import template's (src/import/register-columns.ts), so an export imports back as is.
 *
 * Personal data: the file carries requesters' names, ID numbers and contacts. Only roles with
 * the 'export' permission get it (auditor, admin), and both may already read the register with
 * its personal data ('request.read'); the permission check is therefore the privacy check. A
 * role that may export but not see personal data would need a redacted column set here.
 */
import type { Writable } from 'node:stream';
import { loadExcelJS } from '../shared/excel.js';
import type { Db } from '../db/client.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { queryRegister, type RegisterFilter } from '../requests/register.query.js';
import type { RequestScope } from '../pelaksana/pelaksana.service.js';
import { objectionsOfRequests } from '../objections/objections.repo.js';
import { STATUS_FILTERS } from '../requests/status-filters.js';
import { CHANNELS, REQUESTER_CATEGORIES } from '../requests/vocabulary.js';
import { MONTHS_ID } from '../shared/dates.js';
import type { ObjectionRow } from '../db/schema.js';
import { BOM, csvWriter, type CsvDialect } from '../shared/csv.js';
import {
  configureRegisterSheet, csvHeader, csvRecord, REGISTER_SHEET_VIEWS, requestRecords, xlsxValues, type RegisterRecord,
} from '../import/register-sheet.js';

export type ExportFormat = 'csv' | 'xlsx';
export type { RegisterFilter };

const BATCH = 500;

/** The filters in words, for the audit entry: "tahun 2022, status Sudah diputus (semua)". */
export function describeFilter(f: RegisterFilter): string {
  const parts: string[] = [];
  if (f.year) parts.push(`tahun ${f.year}`);
  if (f.month) parts.push(`bulan ${MONTHS_ID[f.month - 1]}`);
  if (f.status) parts.push(`status ${STATUS_FILTERS[f.status as keyof typeof STATUS_FILTERS] ?? f.status}`);
  if (f.channel) parts.push(`saluran ${CHANNELS[f.channel as keyof typeof CHANNELS] ?? f.channel}`);
  if (f.category) parts.push(`kategori ${REQUESTER_CATEGORIES[f.category as keyof typeof REQUESTER_CATEGORIES] ?? f.category}`);
  if (f.q) parts.push(`cari "${f.q}"`);
  return parts.join(', ');
}

export function exportFileName(f: RegisterFilter, format: ExportFormat, dialect: CsvDialect = 'standard'): string {
  // Only a known status goes into the name: the query's text would otherwise reach the
  // Content-Disposition header (a non-Latin-1 character there is a 500, a quote an injection).
  const status = f.status && Object.hasOwn(STATUS_FILTERS, f.status) ? f.status : '';
  const scope = [f.year ? String(f.year) : 'semua-tahun', f.month ? String(f.month).padStart(2, '0') : '', status].filter(Boolean).join('-');
  return `register-permohonan-${scope}${format === 'csv' && dialect !== 'standard' ? `-${dialect}` : ''}.${format}`;
}

export interface RegisterExport {
  count: number;
  fileName: string;
  /** The rows, a batch at a time: each request, then a row per further objection. */
  records: () => Generator<RegisterRecord[]>;
}

/** Opens an export: records it in the audit log with its filters and size, then yields its rows. */
export function startRegisterExport({ db, actor, zone, filter, format, dialect = 'standard', scope }: {
  db: Db; actor: Actor; zone: string; filter: RegisterFilter; format: ExportFormat; dialect?: CsvDialect;
  /** Whose requests (a PPID Pelaksana's officer: their own); default everyone's. */
  scope?: RequestScope;
}): RegisterExport {
  const register = queryRegister({ db, zone, filter, scope });
  const count = register.count();
  const used = describeFilter(filter);
  db.transaction((tx) => {
    recordEvent(tx, actor, {
      action: 'request.export', entityType: 'request',
      summary: `Register diekspor ke ${format.toUpperCase()}${format === 'csv' && dialect !== 'standard' ? ' (Excel Indonesia)' : ''}: ${count} permohonan${used ? ` (filter: ${used})` : ''}`,
      after: { format, ...(format === 'csv' && dialect !== 'standard' ? { dialect } : {}), filters: filter, count },
    });
  });
  function* records(): Generator<RegisterRecord[]> {
    for (const batch of register.batches(BATCH)) {
      const byRequest = new Map<number, ObjectionRow[]>();
      for (const o of objectionsOfRequests(db, batch.map((r) => r.id))) if (o.requestId !== null) byRequest.set(o.requestId, [...(byRequest.get(o.requestId) ?? []), o]);
      yield batch.flatMap((r) => requestRecords(r, byRequest.get(r.id) ?? []));
    }
  }
  return { count, fileName: exportFileName(filter, format, dialect), records };
}

/** CSV, UTF-8 with BOM (spreadsheet programs then read it as UTF-8), CRLF lines; `,` or (Excel Indonesia) `;`. */
export function writeCsv(out: Writable, exp: RegisterExport, dialect: CsvDialect = 'standard'): void {
  const csv = csvWriter(dialect);
  out.write(`${BOM}${csvHeader(csv)}`);
  for (const batch of exp.records()) out.write(batch.map((rec) => csvRecord(rec, csv)).join(''));
}

/** XLSX streamed row by row, so memory stays flat however many years are exported. */
export async function writeXlsx(out: Writable, exp: RegisterExport): Promise<void> {
  const Excel = await loadExcelJS();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'PPID Tracker';
  const ws = wb.addWorksheet('Register', { views: REGISTER_SHEET_VIEWS });
  configureRegisterSheet(ws);
  ws.getRow(1).commit();
  for (const batch of exp.records()) {
    for (const rec of batch) ws.addRow(xlsxValues(rec)).commit();
  }
  ws.commit();
  await wb.commit();
}
