/** Reading a CSV register: decoding, the delimiter, and RFC 4180 records, within the limits. */
import { fail, MAX_COLUMNS, MAX_DATA_ROWS, tooManyColumns, wrongType, type SheetData, type SheetRow } from './sheet.js';

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
 * Kept by hand rather than csv-parse (issue 12 point 6 allows a library only if it keeps the
 * 100,000-row import as fast): it shares repeated values between rows, drops cells right of the
 * header and stops at the row limit while reading, which csv-parse would need wrapping to do.
 * Measured 2026-11 on the shared 2-core build machine under load: reading a 100,000-row,
 * 28 MB register takes 1.6–1.8 s, and the whole 100,000-row import 19 s after this split vs
 * 18 s before it (the same machine; ~6 s unloaded, see README). csv-parse is not installed and
 * was not measured: adding it is only worth it if it beats this.
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

/** Markup, JSON, RTF, PDF or PostScript: text, but not a table. */
const NOT_A_TABLE = /^(<|\{|\[|%pdf|%!ps)/;

export function readCsv(fileName: string, buffer: Buffer): SheetData {
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
