/**
 * Turns the raw cells of a register file into request and objection values, row by row, with a
 * problem list in Indonesian. Pure: no database (the service adds what needs one, and passes in
 * which numbers are already registered).
 *
 * The work is split by what is read: row-reader.ts (cells, dates, the header), request-row.ts
 * and objection-row.ts (one entity each); here the rows are put together (further-objection
 * rows joined to their request) and the file-wide checks made (numbers used twice).
 */
import type { SheetData } from './read-file.js';
import { REGISTER_COLUMNS } from './register-columns.js';
import type { ProblemLog } from './problems.js';
import { cellText, label, mapHeader, RowReader } from './row-reader.js';
import { readRequest } from './request-row.js';
import { readObjection } from './objection-row.js';
import type { Continuation, ParsedRequest, ParseResult } from './parsed-values.js';

export type { Problem, ProblemLevel } from './problems.js';
export type { Continuation, ObjectionValues, ParsedObjection, ParsedRequest, ParseResult, RequestValues } from './parsed-values.js';
export { cellText, mapHeader, parseDateCell } from './row-reader.js';

const REQUEST_KEYS = REGISTER_COLUMNS.filter((c) => c.group !== 'objection' && c.key !== 'number').map((c) => c.key);
const OBJECTION_KEYS = REGISTER_COLUMNS.filter((c) => c.group === 'objection').map((c) => c.key);

/** How many other rows a duplicate's message names; the rest are counted. */
const ROWS_NAMED = 5;

/** "5, 9, 12, 20, 31 dan 19.995 baris lain": a few rows, then a count. */
function someRows(rows: number[]): string {
  const named = rows.slice(0, ROWS_NAMED).join(', ');
  return rows.length > ROWS_NAMED ? `${named} dan ${(rows.length - ROWS_NAMED).toLocaleString('id-ID')} baris lain` : named;
}

/**
 * Reports numbers used more than once: the first row names (some of) the others, each other row
 * names the first. Linear in the rows, whatever the file: a file whose every number is "-"
 * gives one short message per row.
 */
function reportDuplicates(rowsByNumber: Map<string, number[]>, column: string, what: string, log: ProblemLog, onRow: (row: number) => void): void {
  for (const [number, rows] of rowsByNumber) {
    if (rows.length < 2) continue;
    const shown = number.length > 60 ? `${number.slice(0, 60)}…` : number;
    log.error(rows[0], column, `${what} "${shown}" ganda dalam berkas (juga di baris ${someRows(rows.slice(1))}).`);
    onRow(rows[0]);
    for (let i = 1; i < rows.length; i++) {
      log.error(rows[i], column, `${what} "${shown}" ganda dalam berkas (sama dengan baris ${rows[0]}).`);
      onRow(rows[i]);
    }
  }
}

const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Reads every row. A row whose only request column is the number and that fills objection
 * columns adds a further objection to that request (the export writes a request's second and
 * later objections that way).
 *
 * `registered` answers which of the file's numbers are already in the register: those rows are
 * skipped with a note ("sudah ada") and not read further, so importing a file twice adds nothing.
 */
export function parseRows(sheet: SheetData, today: string, log: ProblemLog, registered: (numbers: string[]) => Set<string>): ParseResult {
  const { index, problems } = mapHeader(sheet.header);
  for (const p of problems) log.add(p);
  if (problems.some((p) => p.level === 'error')) return { requests: [], orphans: [], dataRows: sheet.rows.length, existing: 0, columnsOk: false };

  const numberColumn = index.get('number')!;
  const numbers: string[] = [];
  for (const row of sheet.rows) {
    const n = cellText(row.cells[numberColumn] ?? null);
    if (n) numbers.push(n);
  }
  const known = numbers.length ? registered(numbers) : new Set<string>();

  const requests: ParsedRequest[] = [];
  const continuations: Continuation[] = [];
  let dataRows = 0;
  let existing = 0;
  for (const row of sheet.rows) {
    const r = new RowReader(row, index, log);
    // A row with something only in ignored columns (a pre-filled "No" column) is an empty row.
    if (REGISTER_COLUMNS.every((c) => r.blank(c.key))) continue;
    dataRows++;
    const number = cellText(r.raw('number'));
    const hasRequestData = REQUEST_KEYS.some((k) => !r.blank(k));
    if (number && known.has(number)) {
      // What the row says no longer matters: the request is in the register already.
      if (hasRequestData) {
        existing++;
        log.note(row.rowNumber, label('number'), `Sudah ada: ${number} sudah tercatat; baris dilewati.`);
      } else {
        log.note(row.rowNumber, label('number'), `Sudah ada: permohonan ${number} sudah tercatat; baris dilewati.`);
      }
      continue;
    }
    r.text('number', false); // length check
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
  for (const p of requests) if (p.number) pushTo(byNumber, p.number, p);
  const requestByRow = new Map<number, ParsedRequest>(requests.map((p) => [p.row, p]));
  const markRow = (owner: ParsedRequest | undefined, row: number) => {
    if (owner && !owner.errorRows.includes(row)) owner.errorRows.push(row);
  };
  reportDuplicates(
    new Map([...byNumber].map(([n, same]) => [n, same.map((p) => p.row)])),
    label('number'), 'Nomor registrasi', log, (row) => markRow(requestByRow.get(row), row),
  );

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
        log.error(c.row, label('filedOn'), 'Tanggal keberatan sebelum tanggal permohonan diterima.');
        c.hasError = true;
      }
      owner.objections.push(c.objection);
    }
    if (c.hasError) owner.errorRows.push(c.row);
  }
  for (const p of requests) {
    if (p.values.voidedOn && p.objections.length) {
      log.error(p.row, label('voidedOn'), 'Entri yang dibatalkan tidak dapat memiliki keberatan; kosongkan pembatalan atau hapus keberatannya.');
      markRow(p, p.row);
    }
    const own = p.objections.find((o) => o.row === p.row);
    if (own && own.values.filedOn && p.values.receivedOn && own.values.filedOn < p.values.receivedOn) {
      log.error(p.row, label('filedOn'), 'Tanggal keberatan sebelum tanggal permohonan diterima.');
      markRow(p, p.row);
    }
    p.objections.sort((a, b) => (a.values.filedOn < b.values.filedOn ? -1 : a.values.filedOn > b.values.filedOn ? 1 : a.row - b.row));
  }

  // Objection numbers given in the file must be unique too.
  const objectionRows = new Map<string, number[]>();
  const ownerOfObjectionRow = new Map<number, ParsedRequest>();
  for (const p of requests) {
    for (const o of p.objections) {
      ownerOfObjectionRow.set(o.row, p);
      if (o.values.registrationNumber) pushTo(objectionRows, o.values.registrationNumber, o.row);
    }
  }
  reportDuplicates(objectionRows, label('objectionNumber'), 'Nomor keberatan', log, (row) => markRow(ownerOfObjectionRow.get(row), row));

  return { requests, orphans, dataRows, existing, columnsOk: true };
}
