/** The service report for the page (formatted cells, chart geometry) and for the API (figures only). */
import { formatCount, formatDecimal } from '../../recap/recap.js';
import type { Cell, ColumnKind, ReportTable } from './section.js';
import type { ServiceReport } from './service-report.service.js';
import { barChart } from './charts.js';

export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  if (kind === 'count') return formatCount(value);
  if (kind === 'pct') return `${formatDecimal(value, 1)}%`;
  if (kind === 'decimal') return formatDecimal(value, 1);
  return String(value);
}

const presentTable = (t: ReportTable) => ({
  title: t.title,
  empty: t.empty ?? '',
  columns: t.columns.map((c) => ({ label: c.label, numeric: c.kind !== 'text' })),
  rows: t.rows.map((r) => r.map((v, i) => formatCell(v, t.columns[i].kind))),
  total: t.total ? t.total.map((v, i) => formatCell(v, t.columns[i].kind)) : null,
});

export function presentServiceReport(r: ServiceReport) {
  return {
    year: r.year,
    month: r.month,
    label: r.label,
    officeName: r.officeName,
    sections: r.sections.map((s, i) => ({
      key: s.key,
      number: i + 1,
      title: s.title,
      paragraphs: s.paragraphs,
      note: s.note,
      tables: s.tables.map(presentTable),
      charts: s.charts.map((c, j) => barChart(c, `chart-${s.key}-${j}`)),
    })),
  };
}

/** Every figure the page shows, per section key, plus the sections' text and notes. */
export function presentServiceReportForApi(r: ServiceReport) {
  const figures = (key: string) => r.sections.find((s) => s.key === key)?.data as Record<string, unknown> | undefined;
  const totals = figures('consultations');
  return {
    year: r.year,
    month: r.month,
    label: r.label,
    // The headline shape: the total and each channel as {count, share_pct, previous_month, change_pct, …}.
    total: totals?.total ?? null,
    year_to_date: totals?.year_to_date ?? null,
    channels: figures('channels') ?? [],
    sections: Object.fromEntries(r.sections.map((s) => [s.key, { title: s.title, figures: s.data, paragraphs: s.paragraphs, note: s.note }])),
  };
}
