/** The CRM import's report as the page shows it. Pure. */
import { LEVEL_LABELS, REPORT_PAGE_LIMIT } from '../import/import.presenter.js';
import type { ConsultationImportReport } from './consultation-import.service.js';

const LEVEL_CSS = { error: 'late', warning: 'soon', info: 'muted' } as const;

export function presentConsultationImport(report: ConsultationImportReport) {
  const listed = report.problems.filter((p) => !p.summary);
  return {
    kind: report.committed ? 'success' : report.errors > 0 ? 'error' : 'info',
    summary: report.summary, fileName: report.fileName, format: report.format ? report.format.toUpperCase() : '—', sha256: report.sha256,
    dataRows: report.dataRows, committed: report.committed, dryRun: report.dryRun,
    counts: [
      { label: report.dryRun ? 'Konsultasi siap diimpor' : 'Konsultasi diimpor', value: report.imported },
      { label: 'Sudah ada (dilewati)', value: report.existing },
      { label: 'Baris bermasalah', value: report.invalidRows, css: report.invalidRows ? 'late' : '' },
    ],
    problems: [...listed.slice(0, REPORT_PAGE_LIMIT), ...report.problems.filter((p) => p.summary)].map((p) => ({
      row: p.row === null ? '—' : String(p.row), column: p.column ?? '—', level: LEVEL_LABELS[p.level], css: LEVEL_CSS[p.level], message: p.message,
    })),
    hiddenProblems: Math.max(0, listed.length - REPORT_PAGE_LIMIT),
  };
}
