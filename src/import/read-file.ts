/**
 * Reads an uploaded register file into a header and rows of raw cells. What the file is comes
 * from its bytes: a ZIP is a workbook (XLSX), text is CSV; a name that claims otherwise is an
 * error, not a guess. Every failure is an AppError with an Indonesian message.
 */
import ExcelJS from 'exceljs';
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
/** A 10 MB workbook never expands to this much; a "zip bomb" does. */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

const fail = (message: string) => new AppError('validation', message);

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1].toLowerCase() ?? '';
}

export async function readRegisterFile(fileName: string, buffer: Buffer): Promise<SheetData> {
  if (buffer.length === 0) throw fail(`Berkas "${fileName}" kosong.`);
  const ext = extensionOf(fileName);
  if (buffer.subarray(0, 8).equals(OLE_MAGIC)) {
    throw fail(`Berkas "${fileName}" berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai .xlsx atau CSV UTF-8.`);
  }
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(fileName, buffer);
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') {
    throw fail(`Berkas "${fileName}" bernama .${ext} tetapi isinya bukan buku kerja Excel. Simpan ulang dari Excel sebagai .xlsx, atau unggah sebagai CSV.`);
  }
  return readCsv(fileName, buffer);
}

// ---- CSV ----

/** UTF-8 (with or without BOM), UTF-16 from "Unicode Text", or Windows-1252 from older Excel. */
export function decodeText(buffer: Buffer): string | null {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (buffer.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
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

/**
 * RFC 4180: quoted cells may hold the delimiter, quotes ("") and line breaks. A quote opens a
 * quoted stretch only at the start of a cell; elsewhere it is an ordinary character.
 *
 * Reads runs of ordinary characters and quoted stretches as whole slices (a 100,000-row register
 * is tens of megabytes; building cells a character at a time made it slow and memory-hungry).
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  // A register repeats its values (dates, choices, "tidak") row after row: keep one copy of each,
  // per column, in columns that turn out to repeat (names or e-mails are not worth a lookup).
  const columns: { seen: Map<string, string> | null; count: number }[] = [];
  const add = (value: string) => {
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
  const end = () => records.push(record.slice());
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
  return records;
}

function readCsv(fileName: string, buffer: Buffer): SheetData {
  const decoded = decodeText(buffer);
  if (decoded === null) throw fail(`Berkas "${fileName}" bukan berkas teks CSV maupun buku kerja XLSX.`);
  const text = decoded.replace(/^\uFEFF/, '');
  const start = text.trimStart().slice(0, 100).toLowerCase();
  if (start.startsWith('<') || start.startsWith('{') || start.startsWith('%pdf')) {
    throw fail(`Berkas "${fileName}" bukan CSV maupun XLSX. Gunakan templat impor.`);
  }
  const records = parseCsv(text, detectDelimiter(text));
  if (records.length === 0) throw fail(`Berkas "${fileName}" tidak berisi baris judul kolom.`);
  const header = records[0];
  const rows: SheetRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i];
    if (cells.some((c) => c.trim() !== '')) rows.push({ rowNumber: i + 1, cells });
  }
  if (rows.length > MAX_DATA_ROWS) throw fail(`Berkas berisi ${rows.length} baris; paling banyak ${MAX_DATA_ROWS} baris sekali impor. Bagi per tahun.`);
  return { format: 'csv', header: header.map((h) => h.trim()), rows };
}

// ---- XLSX ----

/**
 * The entries a ZIP's central directory lists, with their total uncompressed size, or null when
 * the directory cannot be read. Checked before unpacking, so a small file cannot expand to
 * gigabytes and an archive that is not a workbook is named as such.
 */
export function zipDirectory(buf: Buffer): { names: string[]; totalSize: number } | null {
  const min = Math.max(0, buf.length - 0xffff - 22);
  for (let eocd = buf.length - 22; eocd >= min; eocd--) {
    if (buf.readUInt32LE(eocd) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    let totalSize = 0;
    const names: string[] = [];
    for (let n = 0; n < entries; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
      const size = buf.readUInt32LE(p + 24);
      totalSize += size === 0xffffffff ? Number.POSITIVE_INFINITY : size; // ZIP64: far beyond any register
      const nameLength = buf.readUInt16LE(p + 28);
      names.push(buf.toString('utf8', p + 46, p + 46 + nameLength));
      p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return { names, totalSize };
  }
  return null;
}

async function readXlsx(fileName: string, buffer: Buffer): Promise<SheetData> {
  const notWorkbook = fail(`Berkas "${fileName}" adalah arsip ZIP tetapi bukan buku kerja Excel (XLSX) yang dapat dibaca. Simpan ulang dari Excel sebagai .xlsx, atau unggah sebagai CSV.`);
  const dir = zipDirectory(buffer);
  if (!dir || !dir.names.includes('xl/workbook.xml')) throw notWorkbook;
  if (dir.totalSize > MAX_UNZIPPED_BYTES) throw fail(`Isi berkas "${fileName}" terlalu besar setelah dibuka. Bagi register per tahun.`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
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
  const header: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++) header.push(asText(cellValue(headerRow.getCell(c).value)));
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
