/** The service report as XLSX: one sheet per section (title, paragraphs, tables, the officer's note). */
import { loadExcelJS } from '../../shared/excel.js';
import type { ColumnKind } from './section.js';
import type { ServiceReport } from './service-report.service.js';

const FORMATS: Record<ColumnKind, string | undefined> = { text: undefined, count: '#,##0', pct: '0.0"%"', decimal: '0.0' };

export const serviceReportFileName = (year: number, month: number, ext: 'xlsx' | 'json') =>
  `laporan-layanan-informasi-${year}-${String(month).padStart(2, '0')}.${ext}`;

export async function serviceReportXlsx(r: ServiceReport): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = r.officeName;
  r.sections.forEach((s, i) => {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const ws = wb.addWorksheet(`${i + 1}. ${s.title}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
    ws.getColumn(1).width = 40;
    for (let c = 2; c <= 9; c++) ws.getColumn(c).width = 16;
    ws.addRow([`Laporan Layanan Informasi ${r.label} — ${r.officeName}`]).font = { bold: true };
    ws.addRow([`${i + 1}. ${s.title}`]).font = { bold: true, size: 13 };
    for (const p of s.paragraphs) {
      const row = ws.addRow([p]);
      ws.mergeCells(row.number, 1, row.number, 8);
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      row.height = Math.max(15, Math.ceil(p.length / 110) * 15);
    }
    for (const t of s.tables) {
      ws.addRow([]);
      ws.addRow([t.title]).font = { bold: true };
      const head = ws.addRow(t.columns.map((c) => c.label));
      head.font = { bold: true };
      head.eachCell((cell) => { cell.border = { bottom: { style: 'thin' } }; });
      const body = [...t.rows, ...(t.total ? [t.total] : [])];
      if (!body.length && t.empty) ws.addRow([t.empty]);
      body.forEach((cells, k) => {
        const row = ws.addRow(cells.map((v) => v ?? null));
        t.columns.forEach((c, j) => {
          const f = FORMATS[c.kind];
          if (f) row.getCell(j + 1).numFmt = f;
        });
        if (t.total && k === body.length - 1) row.font = { bold: true };
      });
    }
    if (s.note) {
      ws.addRow([]);
      ws.addRow(['Evaluasi dan saran']).font = { bold: true };
      const row = ws.addRow([s.note]);
      ws.mergeCells(row.number, 1, row.number, 8);
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
