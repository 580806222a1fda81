/** Consultations: the month's total against the month before and the same month last year, the year to date, the chart. */
import { defineSection, type ReportContext } from '../section.js';
import { changeText, compare, formatCount, monthLabel, previousMonthOf, type Comparison } from '../figures.js';
import { MONTHS_ID } from '../../../shared/dates.js';

export interface ConsultationTotals {
  total: Comparison;
  year_to_date: number;
  year_to_date_last_year: number;
  per_month: { this_year: number[]; last_year: number[] };
}

export function consultationTotals(ctx: ReportContext): ConsultationTotals {
  const desk = ctx.desk();
  const { year, month } = ctx;
  const thisYear = desk.perMonth(year);
  const lastYear = desk.perMonth(year - 1);
  const prev = previousMonthOf(year, month);
  const count = thisYear[month - 1];
  return {
    total: compare(count, desk.perMonth(prev.year)[prev.month - 1], lastYear[month - 1], count),
    year_to_date: thisYear.slice(0, month).reduce((s, n) => s + n, 0),
    year_to_date_last_year: lastYear.slice(0, month).reduce((s, n) => s + n, 0),
    per_month: { this_year: thisYear, last_year: lastYear },
  };
}

export const consultationsSection = defineSection<ConsultationTotals>({
  key: 'consultations',
  title: 'Konsultasi',
  data: consultationTotals,
  paragraphs(d, { year, month, label }) {
    const prev = previousMonthOf(year, month);
    const t = d.total;
    return [
      `Jumlah konsultasi ${label} sebanyak ${formatCount(t.count)} konsultasi, ` +
        `${changeText(t.previous_month, t.count, monthLabel(prev.year, prev.month), 'konsultasi')} dan ` +
        `${changeText(t.same_month_last_year, t.count, monthLabel(year - 1, month), 'konsultasi')}.`,
      `Jumlah konsultasi sampai dengan ${label} sebanyak ${formatCount(d.year_to_date)} konsultasi, ` +
        `${changeText(d.year_to_date_last_year, d.year_to_date, `periode yang sama tahun ${year - 1}`, 'konsultasi')}.`,
    ];
  },
  tables(d, { year, month, label }) {
    const prev = previousMonthOf(year, month);
    const t = d.total;
    return [
      {
        title: 'Ringkasan',
        columns: [{ label: 'Uraian', kind: 'text' }, { label: 'Jumlah', kind: 'count' }, { label: 'Perubahan (%)', kind: 'pct' }],
        rows: [
          [`Konsultasi ${label}`, t.count, null],
          [`Konsultasi ${monthLabel(prev.year, prev.month)}`, t.previous_month, t.change_pct],
          [`Konsultasi ${monthLabel(year - 1, month)}`, t.same_month_last_year, t.change_year_pct],
          [`Sampai dengan ${label}`, d.year_to_date, null],
          [`Sampai dengan ${monthLabel(year - 1, month)}`, d.year_to_date_last_year, null],
        ],
      },
      {
        title: 'Konsultasi per bulan',
        columns: [{ label: 'Bulan', kind: 'text' }, { label: String(year - 1), kind: 'count' }, { label: String(year), kind: 'count' }],
        rows: MONTHS_ID.map((m, i) => [m, d.per_month.last_year[i], i < month ? d.per_month.this_year[i] : null]),
        total: ['Jumlah', d.per_month.last_year.reduce((s, n) => s + n, 0), d.year_to_date],
      },
    ];
  },
  charts: (d, { year }) => [{ title: `Jumlah konsultasi per bulan, ${year} dibandingkan ${year - 1}`, noun: 'konsultasi', year, thisYear: d.per_month.this_year, lastYear: d.per_month.last_year }],
});
