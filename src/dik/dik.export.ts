/** The DIK as a file for auditors: CSV (src/shared/csv.ts) and XLSX, one row per entry. */
import { csvWriter, type CsvDialect } from '../shared/csv.js';
import { loadExcelJS } from '../shared/excel.js';
import { formatDate } from '../shared/dates.js';
import type { DikEntry } from './dik.service.js';

export const DIK_COLUMNS = [
  'Nomor DIK', 'Informasi yang dikecualikan', 'Pasal 17 huruf', 'Dasar hukum', 'Uji konsekuensi', 'Jangka waktu pengecualian',
  'Nomor keputusan', 'Tanggal keputusan', 'Permohonan yang memakai',
] as const;

function cells(e: DikEntry): (string | number)[] {
  return [
    e.id, e.information, e.articles.map((a) => a.letter).join(';'), e.legalBasis, e.consequenceTest, e.period,
    e.decisionNumber, e.decidedOn, e.requests.map((r) => r.number + (r.voided ? ' (dibatalkan)' : '')).join('; '),
  ];
}

export function dikCsv(entries: DikEntry[], dialect: CsvDialect = 'standard'): string {
  return csvWriter(dialect).file([[...DIK_COLUMNS], ...entries.map(cells)]);
}

export async function dikXlsx(entries: DikEntry[], officeName: string): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = 'PPID Tracker';
  const ws = wb.addWorksheet('DIK', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [10, 40, 12, 30, 50, 28, 22, 14, 30].map((width) => ({ width }));
  ws.addRow([`Daftar Informasi yang Dikecualikan — ${officeName}`]).font = { bold: true, size: 14 };
  const head = ws.addRow([...DIK_COLUMNS]);
  head.font = { bold: true };
  for (const e of entries) {
    const row = ws.addRow(cells(e));
    // A date cell, and text cells never read as formulas.
    row.getCell(8).value = new Date(`${e.decidedOn}T00:00:00Z`);
    row.getCell(8).numFmt = 'dd/mm/yyyy';
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.addRow([]);
  ws.addRow([`Dicetak dari PPID Tracker; ${entries.length} entri. Tanggal keputusan terakhir: ${entries.length ? formatDate(entries.at(-1)!.decidedOn) : '—'}.`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
