/**
 * Reads an uploaded register file into a header and rows of raw cells. What the file is comes
 * from its bytes: a ZIP is a workbook (XLSX), text is CSV; a name that claims otherwise is an
 * error, not a guess. Every failure is an AppError with an Indonesian message.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../shared/errors.js';
import { storedZip, unzipWithin, zipEntryNames, ZipError } from './zip.js';

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

const fail = (message: string) => new AppError('validation', message);

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1].toLowerCase() ?? '';
}

/** The one message for a file that is neither a CSV nor an XLSX, whatever it is instead. */
export const wrongType = (fileName: string) =>
  fail(`Jenis berkas salah: "${fileName}" bukan CSV maupun XLSX. Unggah register sebagai .xlsx atau CSV (unduh templatnya di halaman ini).`);

export async function readRegisterFile(fileName: string, buffer: Buffer): Promise<SheetData> {
  if (buffer.length === 0) throw fail(`Berkas "${fileName}" kosong.`);
  const ext = extensionOf(fileName);
  if (buffer.subarray(0, 8).equals(OLE_MAGIC)) {
    // The old Office format holds Word documents (.doc) and Outlook messages as well as .xls.
    if (ext !== 'xls') throw wrongType(fileName);
    throw fail(`Berkas "${fileName}" berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai .xlsx atau CSV UTF-8.`);
  }
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(fileName, buffer);
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') {
    throw fail(`Berkas "${fileName}" bernama .${ext} tetapi isinya bukan buku kerja Excel. Simpan ulang dari Excel sebagai .xlsx, atau unggah sebagai CSV.`);
  }
  return readCsv(fileName, buffer);
}

// ---- CSV ----

/**
 * UTF-8 (with or without BOM), UTF-16 from "Unicode Text", or Windows-1252 from older Excel;
 * null when the bytes are not text (a NUL byte, or control characters no spreadsheet writes).
 */
export function decodeText(buffer: Buffer): string | null {
  let text: string;
  if (buffer[0] === 0xff && buffer[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buffer.subarray(2));
  else if (buffer.includes(0)) return null;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    } catch {
      text = new TextDecoder('windows-1252').decode(buffer);
    }
  }
  return looksBinary(text) ? null : text;
}

/** Text has tabs and line breaks; images, archives and executables have the other C0 controls. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return controls > 0 && controls * 1000 > sample.length; // more than one in a thousand
}

/** Excel in an Indonesian locale writes ";" between cells; "Unicode Text" writes tabs. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ',';
}

/** Cells up to this long may be shared between rows (see parseCsv). */
const SHARED_CELL_LENGTH = 100;

/** What scanCsv keeps of each record: cells past `maxCells` are read and dropped. */
export interface CsvScan {
  maxCells: number;
}

/** All records of a CSV text (see scanCsv). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  scanCsv(text, delimiter, { maxCells: Number.POSITIVE_INFINITY }, (cells) => {
    records.push(cells);
  });
  return records;
}

/**
 * RFC 4180: quoted cells may hold the delimiter, quotes ("") and line breaks. A quote opens a
 * quoted stretch only at the start of a cell; elsewhere it is an ordinary character.
 *
 * Hands each record to `onRecord` as it ends, keeping at most `scan.maxCells` cells of it (the
 * callback may change the limit, and may throw to stop): memory follows the rows kept, not
 * the blank lines or stray cells a file holds.
 *
 * Reads runs of ordinary characters and quoted stretches as whole slices (a 100,000-row register
 * is tens of megabytes; building cells a character at a time made it slow and memory-hungry).
 * Kept by hand rather than csv-parse: it reads a 100,000-row register in well under a second,
 * shares repeated values between rows, and stops at the limits while reading.
 */
export function scanCsv(text: string, delimiter: string, scan: CsvScan, onRecord: (cells: string[]) => void): void {
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  // A register repeats its values (dates, choices, "tidak") row after row: keep one copy of each,
  // per column, in columns that turn out to repeat (names or e-mails are not worth a lookup).
  const columns: { seen: Map<string, string> | null; count: number }[] = [];
  const add = (value: string) => {
    if (record.length >= scan.maxCells) return;
    const column = (columns[record.length] ??= { seen: new Map(), count: 0 });
    if (column.seen && value.length > 0 && value.length <= SHARED_CELL_LENGTH) {
      const same = column.seen.get(value);
      if (same !== undefined) value = same;
      else column.seen.set(value, value);
      if (++column.count === 1000 && column.seen.size > 500) column.seen = null;
    }
    record.push(value);
  };
  // Rows are kept for the whole import: store each in an array of its own length.
  const end = () => onRecord(record.slice());
  while (i < n) {
    if (quoted) {
      const q = text.indexOf('"', i);
      if (q === -1) {
        cell += text.slice(i);
        i = n;
      } else if (text.charCodeAt(q + 1) === QUOTE) {
        cell += text.slice(i, q + 1); // up to and with one of the doubled quotes
        i = q + 2;
      } else {
        cell += text.slice(i, q);
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && cell === '') {
      quoted = true;
      i++;
    } else if (ch === delim) {
      add(cell);
      cell = '';
      i++;
    } else if (ch === LF || ch === CR) {
      add(cell);
      end();
      record = [];
      cell = '';
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      // Ordinary characters up to the next delimiter or line break; the cell is not empty from
      // here on, so a quote among them is an ordinary character too.
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delim || c === LF || c === CR) break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (cell !== '' || record.length) {
    add(cell);
    end();
  }
}

const tooManyRows = () => fail(`Berkas berisi lebih dari ${MAX_DATA_ROWS.toLocaleString('id-ID')} baris data; paling banyak ${MAX_DATA_ROWS.toLocaleString('id-ID')} baris sekali impor. Bagi per tahun.`);
const tooManyColumns = (fileName: string) =>
  fail(`Baris judul berkas "${fileName}" berisi lebih dari ${MAX_COLUMNS} kolom. Gunakan templat impor.`);

/** Markup, JSON, RTF, PDF or PostScript: text, but not a table. */
const NOT_A_TABLE = /^(<|\{|\[|%pdf|%!ps)/;

function readCsv(fileName: string, buffer: Buffer): SheetData {
  const decoded = decodeText(buffer);
  if (decoded === null) throw wrongType(fileName);
  const text = decoded.replace(/^\uFEFF/, '');
  if (NOT_A_TABLE.test(text.trimStart().slice(0, 10).toLowerCase())) throw wrongType(fileName);
  const firstLine = /^[^\r\n]*/.exec(text.trimStart())![0];
  // A register has dozens of columns: a first line with no separator at all is a letter or a
  // note, not a table (a one-column "CSV" would only be refused later for its missing columns).
  if (!/[,;\t]/.test(firstLine)) throw wrongType(fileName);
  let header: string[] | null = null;
  const rows: SheetRow[] = [];
  let line = 0;
  const scan: CsvScan = { maxCells: MAX_COLUMNS + 1 };
  scanCsv(text, detectDelimiter(text), scan, (cells) => {
    line++;
    if (header === null) {
      if (cells.length > MAX_COLUMNS) throw tooManyColumns(fileName);
      header = cells;
      // Cells past the header's last column are never read: they are not kept either.
      scan.maxCells = Math.max(1, cells.length);
      return;
    }
    if (!cells.some((c) => c.trim() !== '')) return;
    if (rows.length === MAX_DATA_ROWS) throw tooManyRows();
    rows.push({ rowNumber: line, cells });
  });
  if (header === null) throw fail(`Berkas "${fileName}" tidak berisi baris judul kolom.`);
  return { format: 'csv', header: (header as string[]).map((h) => h.trim()), rows };
}

// ---- XLSX ----

async function readXlsx(fileName: string, buffer: Buffer): Promise<SheetData> {
  const notWorkbook = fail(`Berkas "${fileName}" adalah arsip ZIP tetapi bukan buku kerja Excel (XLSX) yang dapat dibaca. Simpan ulang dari Excel sebagai .xlsx, atau unggah sebagai CSV.`);
  const names = zipEntryNames(buffer, MAX_ZIP_ENTRIES);
  if (names && !names.includes('xl/workbook.xml')) throw notWorkbook;
  // Inflated here, counting the real bytes; ExcelJS gets the entries stored, and inflates nothing.
  let workbook: Buffer;
  try {
    workbook = storedZip(unzipWithin(buffer, { maxEntries: MAX_ZIP_ENTRIES, maxTotalBytes: MAX_UNZIPPED_BYTES }));
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    if (e.failure.kind === 'too-large') {
      throw fail(`Isi berkas "${fileName}" terlalu besar setelah dibuka (lebih dari ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB). Bagi register per tahun, atau simpan sebagai CSV.`);
    }
    throw notWorkbook; // unreadable, encrypted, ZIP64, or thousands of entries: no workbook Excel writes
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(workbook as unknown as ExcelJS.Buffer);
  } catch {
    throw notWorkbook;
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
  const ws = sheets.find((s) => s.name.trim().toLowerCase() === 'register') ?? sheets.find((s) => s.actualRowCount > 0) ?? sheets[0];
  if (!ws || ws.actualRowCount === 0) throw fail(`Buku kerja "${fileName}" tidak berisi lembar dengan data.`);
  if (ws.actualRowCount - 1 > MAX_DATA_ROWS) {
    throw fail(`Lembar "${ws.name}" berisi ${ws.actualRowCount - 1} baris; paling banyak ${MAX_DATA_ROWS} baris sekali impor. Bagi per tahun.`);
  }
  const headerRow = ws.getRow(1);
  if (headerRow.cellCount > MAX_COLUMNS) {
    // Trailing empty cells (formatting) do not count; a header reaching far to the right does.
    let last = headerRow.cellCount;
    while (last > 0 && asText(cellValue(headerRow.getCell(last).value)).trim() === '') last--;
    if (last > MAX_COLUMNS) throw tooManyColumns(fileName);
  }
  const header: string[] = [];
  for (let c = 1; c <= Math.min(headerRow.cellCount, MAX_COLUMNS); c++) header.push(asText(cellValue(headerRow.getCell(c).value)));
  while (header.length && header[header.length - 1] === '') header.pop();
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: CellValue[] = [];
    for (let c = 1; c <= header.length; c++) cells.push(cellValue(row.getCell(c).value));
    if (cells.some((v) => v !== null && !(typeof v === 'string' && v.trim() === ''))) rows.push({ rowNumber, cells });
  });
  return { format: 'xlsx', header: header.map((h) => h.trim()), rows };
}

/** What a cell holds, whatever Excel wrapped it in (rich text, hyperlink, formula result). */
export function cellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in v) return cellValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

function asText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
