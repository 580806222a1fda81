/**
 * Reads an uploaded register file into a header and rows of raw cells. What the file is comes
 * from its bytes: a ZIP is a workbook (XLSX), text is CSV; a name that claims otherwise is an
 * error, not a guess. Every failure is an AppError with an Indonesian message.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../shared/excel.js';
import { storedZip, unzipWithin, zipEntryNames, ZipError } from './zip.js';
import { readCsv } from './read-csv.js';
import {
  fail, MAX_COLUMNS, MAX_DATA_ROWS, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, tooManyColumns, wrongType,
  type CellValue, type SheetData, type SheetRow,
} from './sheet.js';

export * from './sheet.js';
export { decodeText, detectDelimiter, parseCsv, scanCsv } from './read-csv.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1].toLowerCase() ?? '';
}

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
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
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
