/** What reading a register file gives (a header and rows of raw cells), and the reading limits. */
import { AppError } from '../shared/errors.js';

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number a spreadsheet program shows (the header is row 1). */
  rowNumber: number;
  cells: CellValue[];
}

export interface SheetData {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: SheetRow[];
}

/** More rows than any office's register holds in years; beyond it, something is wrong. */
export const MAX_DATA_ROWS = 200_000;
/**
 * Inflated bytes of a workbook, counted while inflating (see zip.ts): a 100,000-row register
 * is about 150 MB of XML; a "zip bomb" is far more, whatever its directory says.
 */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** Entries in a workbook's ZIP: Excel writes a dozen or two. */
export const MAX_ZIP_ENTRIES = 1000;
/** Columns in the header row: the template has 46; a few of the office's own are ignored. */
export const MAX_COLUMNS = 200;

export const fail = (message: string) => new AppError('validation', message);

/** The one message for a file that is neither a CSV nor an XLSX, whatever it is instead. */
export const wrongType = (fileName: string) =>
  fail(`Jenis berkas salah: "${fileName}" bukan CSV maupun XLSX. Unggah register sebagai .xlsx atau CSV (unduh templatnya di halaman ini).`);

export const tooManyColumns = (fileName: string) =>
  fail(`Baris judul berkas "${fileName}" berisi lebih dari ${MAX_COLUMNS} kolom. Gunakan templat impor.`);
