/**
 * Writing register files: the cells of a request row as the template's columns hold them, as
 * CSV lines and as worksheet rows. The import template and the register export both use it, so
 * an export reads back through the importer unchanged. Pure apart from exceljs objects.
 */
import type ExcelJS from 'exceljs';
import type { ObjectionRow, RequestRow } from '../db/schema.js';
import { csvWriter, type CsvWriter } from '../shared/csv.js';
import { REGISTER_COLUMNS, type ColumnKey, type RegisterColumn } from './register-columns.js';
import { REQUEST_FIELDS, storedValue, type FieldSpec } from '../requests/request-fields.js';

/** A cell as written: text, a whole number, or (in date columns) an ISO date. */
export type RecordCell = string | number | null;
export type RegisterRecord = Record<ColumnKey, RecordCell>;

const labelOf = (c: ColumnKey, code: string | null): string => {
  if (!code) return '';
  const vocabulary = REGISTER_COLUMNS.find((x) => x.key === c)!.vocabulary!;
  return vocabulary[code] ?? code;
};
const letters = (commaList: string) => (commaList ? commaList.split(',').join(';') : '');

function blankRecord(): RegisterRecord {
  return Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.key, null])) as RegisterRecord;
}

function objectionCells(o: ObjectionRow): Partial<RegisterRecord> {
  return {
    objectionNumber: o.registrationNumber,
    filedOn: o.filedOn,
    grounds: letters(o.grounds),
    statement: o.statement,
    filedBy: labelOf('filedBy', o.filedBy),
    objectionProxyName: o.proxyName,
    lateNote: o.lateNote,
    respondedOn: o.respondedOn,
    result: labelOf('result', o.result),
    reasoning: o.reasoning,
    followUp: o.followUp,
    informationGivenOn: o.informationGivenOn,
    responderName: o.responderName,
    disputeRegisteredOn: o.disputeRegisteredOn,
    disputeCaseNumber: o.disputeCaseNumber,
    disputeResult: labelOf('disputeResult', o.disputeResult),
    disputeDecidedOn: o.disputeDecidedOn,
    disputeNote: o.disputeNote,
  };
}

/** A stored request's field as its column holds it: labels for codes, "a;h" for letters, blank for none. */
function requestCell(r: RequestRow, f: FieldSpec): RecordCell {
  const v = storedValue(r, f);
  switch (f.kind) {
    case 'enum':
      return labelOf(f.key as ColumnKey, v as string | null);
    case 'enumList':
      return (v as string[]).map((code) => f.vocabulary![code]).join('; ');
    case 'letters':
      return (v as string[]).join(';');
    case 'bool':
      return v ? 'ya' : 'tidak';
    case 'int':
      return (v as number | null) || null; // 0 (no fee) is written blank and read back as 0
    default:
      return (v as string | null) ?? null;
  }
}

/**
 * The rows of one request: its own row carrying the first objection, then one continuation row
 * (number and objection columns only) for each further objection.
 */
export function requestRecords(r: RequestRow, objections: ObjectionRow[]): RegisterRecord[] {
  const main = blankRecord();
  main.number = r.registrationNumber;
  for (const f of REQUEST_FIELDS) main[f.key] = requestCell(r, f);
  if (objections[0]) Object.assign(main, objectionCells(objections[0]));
  const rest = objections.slice(1).map((o) => ({ ...blankRecord(), number: r.registrationNumber, ...objectionCells(o) }));
  return [main, ...rest];
}

// ---- CSV ----

/** The header line (no BOM), in the writer's dialect. */
export function csvHeader(csv: CsvWriter = csvWriter()): string {
  return csv.line(REGISTER_COLUMNS.map((c) => c.label));
}

/** One record as a CSV line; formula-looking text gets the shared writer's apostrophe guard. */
export function csvRecord(rec: RegisterRecord, csv: CsvWriter = csvWriter()): string {
  return csv.line(REGISTER_COLUMNS.map((c) => rec[c.key]));
}

// ---- XLSX ----

const WIDTHS: Partial<Record<ColumnKey, number>> = {
  number: 20, requesterName: 24, requesterAddress: 30, informationRequested: 45, purpose: 28, requesterEmail: 26,
  obtainMethod: 24, deliveryMethod: 18, reasons: 26, statement: 36, reasoning: 36, result: 28, disputeResult: 28,
};

const widthOf = (c: RegisterColumn) => WIDTHS[c.key as ColumnKey] ?? (c.kind === 'date' ? 14 : Math.max(12, Math.min(24, c.label.length + 2)));

/**
 * Columns, header and number formats of a "Register" sheet: dates as dates, everything else as
 * text (so a phone number keeps its leading 0 and a NIK all its 16 digits).
 */
export function configureRegisterSheet(ws: ExcelJS.Worksheet): void {
  ws.columns = REGISTER_COLUMNS.map((c) => ({
    key: c.key,
    width: widthOf(c),
    style: { numFmt: c.kind === 'date' ? 'yyyy-mm-dd' : c.kind === 'int' ? '0' : '@' },
  }));
  const header = ws.getRow(1);
  REGISTER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE8C3' : 'FFEEF2F6' } };
  });
}

/** Header row and number column stay in view; pass to addWorksheet (the streaming writer reads views only there). */
export const REGISTER_SHEET_VIEWS: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];

/** One record as worksheet cells: ISO dates become date cells (midnight UTC, as Excel stores them). */
export function xlsxValues(rec: RegisterRecord): (string | number | Date | null)[] {
  return REGISTER_COLUMNS.map((c) => {
    const v = rec[c.key];
    if (v === null || v === '') return null;
    if (c.kind === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
    return v;
  });
}
