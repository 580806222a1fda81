/** The import report as the page and the command line show it. Pure. */
import type { ImportReport } from './import.service.js';
import type { Problem } from './parse-rows.js';

/** More lines than anyone reads on a page; the rest are counted, and the CLI prints them all. */
export const REPORT_PAGE_LIMIT = 500;

export const LEVEL_LABELS: Record<Problem['level'], string> = { error: 'Galat', warning: 'Peringatan', info: 'Catatan' };
const LEVEL_CSS: Record<Problem['level'], string> = { error: 'late', warning: 'soon', info: 'muted' };

export function presentImportReport(report: ImportReport) {
  const kind = report.committed ? 'success' : report.errors > 0 ? 'error' : 'info';
  const listed = report.problems.filter((p) => !p.summary);
  const summaries = report.problems.filter((p) => p.summary);
  return {
    kind,
    summary: report.summary,
    fileName: report.fileName,
    format: report.format ? report.format.toUpperCase() : '—',
    sha256: report.sha256,
    dryRun: report.dryRun,
    committed: report.committed,
    counts: [
      { label: report.dryRun ? 'Permohonan siap diimpor' : 'Permohonan diimpor', value: report.committed || report.dryRun ? report.imported : 0 },
      { label: 'Keberatan', value: report.committed || report.dryRun ? report.objections : 0 },
      { label: 'Sudah ada (dilewati)', value: report.existing },
      { label: 'Baris bermasalah', value: report.invalidRows, css: report.invalidRows ? 'late' : '' },
      { label: 'Peringatan', value: report.warnings, css: report.warnings ? 'soon' : '' },
    ],
    dataRows: report.dataRows,
    // The "… dan N lain" lines are always shown, after the first REPORT_PAGE_LIMIT problems.
    problems: [...listed.slice(0, REPORT_PAGE_LIMIT), ...summaries].map((p) => ({
      row: p.row === null ? '—' : String(p.row),
      column: p.column ?? '—',
      level: LEVEL_LABELS[p.level],
      css: LEVEL_CSS[p.level],
      message: p.message,
    })),
    hiddenProblems: Math.max(0, listed.length - REPORT_PAGE_LIMIT),
  };
}

/** One line per problem for the command line: "Baris 3, Tanggal diterima: Galat: …". */
export function problemLine(p: Problem): string {
  const where = [p.row === null ? 'Berkas' : `Baris ${p.row}`, p.column].filter(Boolean).join(', ');
  return `${where}: ${LEVEL_LABELS[p.level]}: ${p.message}`;
}
