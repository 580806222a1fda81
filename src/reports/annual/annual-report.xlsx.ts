/**
 * The annual report as XLSX: a sheet for the narrative, then one sheet per table of sections (c)
 * and (d) and the annex, drawn from the same table list as the printed report.
 */
import { loadExcelJS } from '../../shared/excel.js';
import type { ReportSection, ReportTable } from './annual-report.presenter.js';

export const annualFileName = (year: number, version: number, ext: 'xlsx' | 'html' | 'zip', unit = '') =>
  `laporan-layanan-informasi-publik-${year}${unit ? `-${unit.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : ''}-v${version}.${ext}`;

export async function annualReportXlsx(opts: { officeName: string; year: number; version: number; sections: ReportSection[]; annex: ReportTable }): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = 'PPID Tracker';
  const intro = wb.addWorksheet('Laporan', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  intro.columns = [{ width: 8 }, { width: 100 }];
  intro.addRow(['', `Laporan Layanan Informasi Publik Tahun ${opts.year} (versi ${opts.version})`]).font = { bold: true, size: 14 };
  intro.addRow(['', opts.officeName]);
  intro.addRow([]);
  for (const s of opts.sections) {
    intro.addRow([`${s.letter}.`, s.title]).font = { bold: true };
    if (s.text !== null) {
      const row = intro.addRow(['', s.text || '(Belum diisi.)']);
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      row.height = Math.min(400, Math.max(15, Math.ceil(s.text.length / 110 + (s.text.match(/\n/g)?.length ?? 0)) * 15));
    } else {
      intro.addRow(['', `Lihat lembar: ${s.tables.map((t) => t.sheet).join(', ')}`]);
    }
  }
  const tables = [...opts.sections.flatMap((s) => s.tables.map((t) => ({ t, letter: s.letter }))), { t: opts.annex, letter: 'lampiran' }];
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  for (const { t, letter } of tables) {
    const ws = wb.addWorksheet(`${letter === 'lampiran' ? '' : `${letter} `}${t.sheet}`.slice(0, 31));
    ws.addRow([t.title]).font = { bold: true };
    ws.addRow([]);
    const head = ws.addRow(t.head);
    head.eachCell((c) => { c.font = { bold: true }; c.border = border; c.alignment = { wrapText: true, vertical: 'middle' }; c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F6' } }; });
    t.rows.forEach((r, i) => {
      const row = ws.addRow(r.map((v) => (v === null ? null : v)));
      for (let c = 1; c <= t.head.length; c++) row.getCell(c).border = border;
      for (const j of t.numeric) row.getCell(j + 1).numFmt = Number.isInteger(r[j]) || r[j] === null ? '0' : '0.00';
      if (t.totalRow && i === t.rows.length - 1) row.font = { bold: true };
    });
    ws.columns.forEach((col, i) => { col.width = i === 0 ? Math.max(12, Math.min(60, Math.max(...t.rows.map((r) => String(r[0] ?? '').length), 10))) : 16; });
    ws.views = [{ state: 'frozen', ySplit: 3 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
