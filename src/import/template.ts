/**
 * The downloadable import templates: an empty "Register" sheet with every column (required ones
 * shaded), an instructions sheet, and drop-down lists of the accepted labels; or a CSV header.
 * The data sheet holds no example row, so a template sent back unchanged imports nothing.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../shared/excel.js';
import { REGISTER_COLUMNS, allowedValues } from './register-columns.js';
import { configureRegisterSheet, csvHeader, REGISTER_SHEET_VIEWS } from './register-sheet.js';
import { BOM, csvWriter, type CsvDialect } from '../shared/csv.js';

/** How many rows of the template get the drop-down lists. */
const VALIDATED_ROWS = 2000;

/** The CSV template: the header line, `,` or (Excel Indonesia) `;` between the columns. */
export function templateCsv(dialect: CsvDialect = 'standard'): string {
  return `${BOM}${csvHeader(csvWriter(dialect))}`;
}

const colLetter = (n: number): string => (n <= 0 ? '' : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

export async function templateXlsx(): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = 'PPID Tracker';
  const ws = wb.addWorksheet('Register', { views: REGISTER_SHEET_VIEWS });
  configureRegisterSheet(ws);
  addHelpSheet(wb, [
    'Petunjuk impor register permohonan informasi publik',
    'Isi lembar "Register": satu baris per permohonan, mulai baris 2. Jangan mengubah judul kolom di baris 1.',
    'Tanggal: TTTT-BB-HH (2022-03-01), HH/BB/TTTT (01/03/2022) atau sel tanggal Excel. Pilihan: tulis labelnya atau kodenya, huruf besar/kecil bebas.',
    'Keberatan kedua dan seterusnya untuk permohonan yang sama: baris baru yang hanya berisi Nomor registrasi dan kolom keberatan.',
    'Nomor registrasi yang sudah ada di aplikasi dilewati ("sudah ada"), sehingga berkas yang sama aman diunggah dua kali.',
  ], REGISTER_COLUMNS.map((c) => [c.label, c.required ? 'ya' : '', allowedValues(c), c.hint]));
  addDropDowns(wb, ws, REGISTER_COLUMNS.flatMap((c, i) => (c.kind === 'enum' ? [{ column: i + 1, title: c.label, labels: Object.values(c.vocabulary!) }] : [])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A "Petunjuk" sheet: the intro lines (the first as a title), then one row per column of the
 * data sheet: Kolom, Wajib, Isi yang diterima, Keterangan.
 */
export function addHelpSheet(wb: ExcelJS.Workbook, intro: string[], columns: [string, string, string, string][]): void {
  const help = wb.addWorksheet('Petunjuk');
  help.columns = [{ width: 34 }, { width: 8 }, { width: 70 }, { width: 60 }];
  intro.forEach((text, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = text;
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  const headerRow = intro.length + 2;
  ['Kolom', 'Wajib', 'Isi yang diterima', 'Keterangan'].forEach((h, i) => {
    const cell = help.getCell(headerRow, i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  columns.forEach((values, i) => {
    const row = help.getRow(headerRow + 1 + i);
    row.values = values;
    row.alignment = { vertical: 'top', wrapText: true };
  });
}

/**
 * Drop-down lists on the data sheet's columns (1-based), from a "Pilihan" sheet; "warning" style,
 * so a code typed instead of a label still goes in.
 */
export function addDropDowns(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, lists: { column: number; title: string; labels: string[] }[]): void {
  const sheet = wb.addWorksheet('Pilihan');
  lists.forEach(({ column, title, labels }, i) => {
    const listCol = i + 1;
    sheet.getColumn(listCol).width = 40;
    sheet.getCell(1, listCol).value = title;
    sheet.getCell(1, listCol).font = { bold: true };
    labels.forEach((l, j) => { sheet.getCell(j + 2, listCol).value = l; });
    const L = colLetter(listCol);
    const target = colLetter(column);
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${target}2:${target}${VALIDATED_ROWS}`,
      {
        type: 'list', allowBlank: true, formulae: [`Pilihan!$${L}$2:$${L}$${labels.length + 1}`],
        showErrorMessage: true, errorStyle: 'warning', errorTitle: title, error: `Pilihan: ${labels.join('; ')}`,
      },
    );
  });
}
