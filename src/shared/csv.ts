/**
 * The one CSV writer: every CSV the app produces (recap, register export, audit log, import
 * template, the CLI) is written here, in one of two dialects:
 *
 * - `standard`: `,` between cells, decimal point ("4.40") — what programs and Excel in an
 *   English locale read;
 * - `excel-id`: `;` between cells, decimal comma ("4,40") — what Excel with Indonesian regional
 *   settings reads (it opens a comma CSV as one column).
 *
 * Both are UTF-8 with a BOM (spreadsheet programs then read it as UTF-8) and CRLF lines, quote
 * cells as RFC 4180 does, and neutralise text a spreadsheet would run as a formula.
 */

/** CSV dialects, by the name used in `?format=` and `--format`. */
export const CSV_DIALECTS = {
  standard: { separator: ',', decimal: '.', label: 'CSV' },
  'excel-id': { separator: ';', decimal: ',', label: 'CSV (Excel Indonesia)' },
} as const;
export type CsvDialect = keyof typeof CSV_DIALECTS;

export const BOM = '\uFEFF';

/** The dialect a query string asks for: `?format=excel-id` (or `csv-id`), else standard. */
export function csvDialectOf(value: unknown): CsvDialect {
  return value === 'excel-id' || value === 'csv-id' ? 'excel-id' : 'standard';
}

/** The file name of a dialect: "rekap.csv" stays, "rekap-excel-id.csv" for Excel Indonesia. */
export function csvFileName(base: string, dialect: CsvDialect): string {
  return dialect === 'standard' ? `${base}.csv` : `${base}-excel-id.csv`;
}

/** A number written with a fixed count of decimals ("4.40" or "4,40"). */
export interface FixedDecimal {
  readonly fixed: number;
  readonly digits: number;
}
export const fixed = (value: number, digits: number): FixedDecimal => ({ fixed: value, digits });

export type CsvValue = string | number | FixedDecimal | null | undefined;

/** Text that Excel, LibreOffice or Sheets would run as a formula: = + - @, a tab or a CR first. */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvWriter {
  readonly dialect: CsvDialect;
  /** One cell: quoted when needed, formula-looking text behind an apostrophe. */
  cell(value: CsvValue): string;
  /** One line, CRLF-terminated. */
  line(cells: readonly CsvValue[]): string;
  /** A whole file: BOM and lines. */
  file(rows: readonly (readonly CsvValue[])[]): string;
}

export function csvWriter(dialect: CsvDialect = 'standard'): CsvWriter {
  const { separator, decimal } = CSV_DIALECTS[dialect];
  const needsQuotes = new RegExp(`["${separator}\\r\\n]`);
  const number = (n: number, digits?: number) => {
    const s = digits === undefined ? String(n) : n.toFixed(digits);
    return decimal === '.' ? s : s.replace('.', decimal);
  };
  const cell = (value: CsvValue): string => {
    if (value === null || value === undefined) return '';
    // Numbers are numbers, never formulas: only text gets the guard.
    if (typeof value === 'number') return number(value);
    if (typeof value === 'object') return number(value.fixed, value.digits);
    const s = FORMULA_START.test(value) ? `'${value}` : value;
    return needsQuotes.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const line = (cells: readonly CsvValue[]) => `${cells.map(cell).join(separator)}\r\n`;
  return { dialect, cell, line, file: (rows) => `${BOM}${rows.map(line).join('')}` };
}

/** Content-Type of every CSV download. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
