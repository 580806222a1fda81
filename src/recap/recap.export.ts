/**
 * The recap as files: CSV (UTF-8 with BOM, the two header rows, one row per month and Total;
 * decimal point, or `;` and decimal comma for Excel Indonesia) and XLSX (title, merged two-level header, number formats, counting rules).
 */
import { loadExcelJS } from '../shared/excel.js';
import { COLUMN_ORDER, COUNTING_RULES, headerRows, type RecapRow } from './recap.js';
import type { Recap } from './recap.service.js';
import { csvWriter, fixed, type CsvDialect, type CsvValue } from '../shared/csv.js';

export const recapTitle = (year: number) => `Rekapitulasi Permintaan Informasi Publik Tahun ${year}`;
/** `unit`: the code of a PPID Pelaksana's (or the Utama's own) recap, kept to safe file-name characters. */
export const recapFileName = (year: number, ext: 'csv' | 'xlsx' | 'json', dialect: CsvDialect = 'standard', unit = '') =>
  `rekapitulasi-permintaan-informasi-${year}${unit ? `-${unit.replace(/[^A-Za-z0-9_-]+/g, '-')}` : ''}${dialect === 'standard' ? '' : `-${dialect}`}.${ext}`;

/** The row's cells for machines: numbers as numbers, the average with a decimal point or blank. */
function dataCells(r: RecapRow): (number | null)[] {
  return COLUMN_ORDER.map((k) => (k === 'avgServiceDays' ? r.avgServiceDays : r[k]));
}

/** Counts as integers, the average with two decimals ("4.40", or "4,40" for Excel Indonesia), blank when none. */
function csvRow(r: RecapRow): CsvValue[] {
  return [r.label, ...dataCells(r).map((v, j) => (v === null ? null : COLUMN_ORDER[j] === 'avgServiceDays' ? fixed(v, 2) : v))];
}

export function recapCsv(recap: Recap, dialect: CsvDialect = 'standard'): string {
  return csvWriter(dialect).file([...headerRows(), ...[...recap.months, recap.total].map(csvRow)]);
}

/** Column widths in characters: Bulan, then COLUMN_ORDER. */
const WIDTHS = [13, 12, 14, 12, 12, 13, 12, 14, 14, 12, 12, 12];

export const XLSX_LAYOUT = {
  /** First header row; the second follows; data start two rows below. */
  headerRow: 4,
  firstDataRow: 6,
  columns: 12,
} as const;

export async function recapXlsx(recap: Recap, officeName: string): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = 'PPID Tracker';
  const ws = wb.addWorksheet(`Rekap ${recap.year}`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: XLSX_LAYOUT.firstDataRow - 1 }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const lastCol = XLSX_LAYOUT.columns;

  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(1, 1).value = recapTitle(recap.year);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, lastCol);
  ws.getCell(2, 1).value = officeName;
  ws.getCell(2, 1).alignment = { horizontal: 'center' };

  const h1 = XLSX_LAYOUT.headerRow;
  const h2 = h1 + 1;
  const [top, bottom] = headerRows();
  top.forEach((v, i) => { if (v) ws.getCell(h1, i + 1).value = v; });
  bottom.forEach((v, i) => { if (v) ws.getCell(h2, i + 1).value = v; });
  // Cells standing alone span both header rows; the two groups span their columns.
  for (let c = 1; c <= lastCol; c++) if (top[c - 1] && !bottom[c - 1]) ws.mergeCells(h1, c, h2, c);
  ws.mergeCells(h1, 4, h1, 5);
  ws.mergeCells(h1, 8, h1, 10);
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  for (const rowNo of [h1, h2]) {
    const row = ws.getRow(rowNo);
    for (let c = 1; c <= lastCol; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F6' } };
      cell.border = border;
    }
  }
  ws.getRow(h1).height = 32;
  ws.getRow(h2).height = 32;

  [...recap.months, recap.total].forEach((r, i) => {
    const row = ws.getRow(XLSX_LAYOUT.firstDataRow + i);
    row.getCell(1).value = r.label;
    dataCells(r).forEach((v, j) => {
      const cell = row.getCell(j + 2);
      cell.value = v;
      cell.numFmt = COLUMN_ORDER[j] === 'avgServiceDays' ? '0.00' : '0';
      cell.alignment = { horizontal: 'right' };
    });
    for (let c = 1; c <= lastCol; c++) row.getCell(c).border = border;
    if (r.month === null) row.font = { bold: true };
  });

  let note = XLSX_LAYOUT.firstDataRow + 14;
  const addNote = (text: string, bold = false) => {
    ws.mergeCells(note, 1, note, lastCol);
    const cell = ws.getCell(note, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (bold) cell.font = { bold: true };
    ws.getRow(note).height = Math.max(15, Math.ceil(text.length / 150) * 15);
    note++;
  };
  const unreconciled = [...recap.months, recap.total].filter((r) => !r.reconciles).map((r) => r.label);
  if (unreconciled.length) addNote(`Baris yang tidak sesuai (jumlah permintaan ≠ jumlah menurut hasil): ${unreconciled.join(', ')}.`);
  if (recap.analytics.withoutReason > 0) addNote(`${recap.analytics.withoutReason} permohonan tanpa alasan tercatat.`);
  addNote('Ketentuan penghitungan:', true);
  COUNTING_RULES.forEach((rule, i) => addNote(`${i + 1}. ${rule}`));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
