/**
 * Views of the recap for each audience: the JSON API (snake_case), the staff page, the public
 * transparency page (aggregates only: no request, no registration number, no name), and the
 * server-drawn bar chart.
 */
import { formatDate } from '../shared/dates.js';
import type { Settings } from '../settings/settings.repo.js';
import {
  COLUMN_ORDER, COUNTING_RULES, RECAP_HEADER, formatAverage, formatCount, formatDays, formatPercent,
  type RecapRow,
} from './recap.js';
import type { Recap } from './recap.service.js';
import { COURT_RESULTS, DISPUTE_RESULTS } from '../objections/vocabulary.js';
import { describeChange, type MonthlyReport } from './monthly-report.js';

// ---- JSON API ---------------------------------------------------------------------------

function apiCounts(r: RecapRow) {
  return {
    requests: r.requests,
    avg_service_days: r.avgServiceDays,
    granted_full: r.grantedFull,
    granted_partial: r.grantedPartial,
    rejected: r.rejected,
    not_provided: r.notProvided,
    reason_exempt: r.reasonExempt,
    reason_not_held: r.reasonNotHeld,
    reason_other: r.reasonOther,
    objections: r.objections,
    in_process: r.inProcess,
  };
}

export function presentRecapForApi(recap: Recap) {
  const a = recap.analytics;
  const o = a.objections;
  const s = recap.scope;
  return {
    year: recap.year,
    /** null: consolidated; else the PPID Pelaksana (or the Utama's own) the figures are of. */
    unit: s.kind === 'all' ? null : { code: s.code, name: s.name, kind: s.kind },
    months: recap.months.map((m) => ({ month: m.month!, ...apiCounts(m) })),
    total: apiCounts(recap.total),
    analytics: {
      as_of: recap.today,
      decided: a.timed,
      median_service_days: a.medianServiceDays,
      p90_service_days: a.p90ServiceDays,
      within_10_working_days: a.withinNotice,
      within_17_working_days: a.withinExtended,
      extended: a.extended,
      decided_late: a.decidedLate,
      without_reason: a.withoutReason,
      unreconciled_months: a.unreconciledMonths,
      open_past_due: a.openPastDue.map((x) => ({
        id: x.id, registration_number: x.registrationNumber, received_on: x.receivedOn, due_on: x.dueOn, working_days_late: x.workingDaysLate,
      })),
      objections: {
        filed: o.filed, upheld: o.upheld, rejected: o.rejected, withdrawn: o.withdrawn, open: o.open,
        answered_in_time: o.answeredInTime, answered_late: o.answeredLate, open_past_due: o.openPastDue,
        filed_late: o.filedLate, disputes: o.disputes,
        dispute_results: o.disputeResults, court_cases: o.courtCases, court_results: o.courtResults,
      },
    },
  };
}
export type RecapJson = ReturnType<typeof presentRecapForApi>;

export function presentMonthlyReportForApi(m: MonthlyReport) {
  const change = (c: MonthlyReport['previousMonth']) => ({
    year: c.year, month: c.month, requests: c.change.base, change_pct: c.change.pct, direction: c.change.direction,
  });
  return {
    year: m.year,
    month: m.month,
    requests: m.requests,
    previous_month: change(m.previousMonth),
    same_month_last_year: change(m.sameMonthLastYear),
    year_to_date: m.yearToDate,
    per_month: { this_year: m.perMonth.thisYear, last_year: m.perMonth.lastYear },
    purposes: m.purposes,
    topics: m.topics,
    requester_categories: m.categories.map((c) => ({ category: c.key, label: c.label, count: c.count })),
    channels: m.channels.map((c) => ({ channel: c.key, label: c.label, count: c.count })),
    narrative: m.narrative,
  };
}

// ---- The table, as the pages print it ---------------------------------------------------

export interface RecapRowView {
  label: string;
  /** Formatted cells in COLUMN_ORDER. */
  cells: string[];
  reconciles: boolean;
  isTotal: boolean;
}

export interface RecapTableView {
  year: number;
  header: typeof RECAP_HEADER;
  rows: RecapRowView[];
  total: RecapRowView;
  /** "Maret: 35 permohonan, 34 tercatat menurut hasilnya." for rows that do not add up. */
  unreconciled: string[];
  withoutReason: number;
  rules: readonly string[];
}

function rowView(r: RecapRow): RecapRowView {
  return {
    label: r.label,
    cells: COLUMN_ORDER.map((k) => (k === 'avgServiceDays' ? formatAverage(r.avgServiceDays) : formatCount(r[k]))),
    reconciles: r.reconciles,
    isTotal: r.month === null,
  };
}

/** The recap table with its notes; safe for the public page (aggregates only). */
export function presentRecapTable(recap: Recap): RecapTableView {
  return {
    year: recap.year,
    header: RECAP_HEADER,
    rows: recap.months.map(rowView),
    total: rowView(recap.total),
    unreconciled: [...recap.months, recap.total]
      .filter((r) => !r.reconciles)
      .map((r) => {
        const accounted = r.grantedFull + r.grantedPartial + r.rejected + r.notProvided + r.inProcess;
        return `${r.label}: ${formatCount(r.requests)} permohonan, tetapi ${formatCount(accounted)} tercatat menurut hasilnya (dikabulkan, ditolak, tidak diberikan atau dalam proses).`;
      }),
    withoutReason: recap.analytics.withoutReason,
    rules: COUNTING_RULES,
  };
}

/** "5 hari kerja", or just the dash when there is no figure. */
const withUnit = (formatted: string) => (formatted === '–' ? formatted : `${formatted} hari kerja`);

export interface AnalyticsView {
  service: { label: string; value: string }[];
  objections: { label: string; value: string }[];
  /** The first OVERDUE_SHOWN of the open requests past due, longest overdue first. */
  overdue: { number: string; id: number; receivedOn: string; dueOn: string; daysLate: string }[];
  /** How many more are past due than listed. */
  overdueMore: number;
}

/** The page lists this many open requests past due; the register lists them all. */
export const OVERDUE_SHOWN = 20;

/** The service-level figures under the staff table. */
export function presentAnalytics(recap: Recap): AnalyticsView {
  const a = recap.analytics;
  const o = a.objections;
  const share = (s: { count: number; pct: number | null }) => `${formatCount(s.count)} permohonan (${formatPercent(s.pct)})`;
  return {
    service: [
      { label: 'Permohonan yang telah diputus', value: formatCount(a.timed) },
      { label: 'Median waktu pelayanan', value: withUnit(formatDays(a.medianServiceDays)) },
      { label: 'Persentil ke-90 waktu pelayanan', value: withUnit(formatDays(a.p90ServiceDays)) },
      { label: 'Dijawab dalam 10 hari kerja (Pasal 22 ayat 7)', value: share(a.withinNotice) },
      { label: 'Dijawab dalam 17 hari kerja (dengan perpanjangan, Pasal 22 ayat 8)', value: share(a.withinExtended) },
      { label: 'Diperpanjang', value: formatCount(a.extended) },
      { label: 'Diputus melewati tenggat', value: formatCount(a.decidedLate) },
      { label: 'Belum diputus dan melewati tenggat (per ' + formatDate(recap.today) + ')', value: formatCount(a.openPastDue.length) },
    ],
    objections: [
      { label: 'Keberatan diajukan', value: formatCount(o.filed) },
      { label: 'Diterima (informasi diberikan)', value: formatCount(o.upheld) },
      { label: 'Ditolak (putusan PPID tetap)', value: formatCount(o.rejected) },
      { label: 'Dicabut', value: formatCount(o.withdrawn) },
      { label: 'Belum ditanggapi', value: formatCount(o.open) },
      { label: 'Ditanggapi tepat waktu (30 hari kerja, Pasal 36 ayat 2)', value: formatCount(o.answeredInTime) },
      { label: 'Ditanggapi terlambat', value: formatCount(o.answeredLate) },
      { label: 'Belum ditanggapi dan melewati tenggat', value: formatCount(o.openPastDue) },
      { label: 'Diajukan melewati batas 30 hari kerja (Pasal 36 ayat 1)', value: formatCount(o.filedLate) },
      { label: 'Sengketa di Komisi Informasi (Pasal 37)', value: formatCount(o.disputes) },
      ...(Object.keys(DISPUTE_RESULTS) as (keyof typeof DISPUTE_RESULTS)[]).map((k) => ({ label: `— ${DISPUTE_RESULTS[k]}`, value: formatCount(o.disputeResults[k]) })),
      { label: 'Berlanjut ke pengadilan (PTUN/PN, Pasal 47)', value: formatCount(o.courtCases) },
      ...(Object.keys(COURT_RESULTS) as (keyof typeof COURT_RESULTS)[])
        .filter((k) => o.courtResults[k] > 0)
        .map((k) => ({ label: `— Putusan pengadilan terakhir: ${COURT_RESULTS[k].toLowerCase()}`, value: formatCount(o.courtResults[k]) })),
    ],
    overdueMore: Math.max(0, a.openPastDue.length - OVERDUE_SHOWN),
    overdue: a.openPastDue.slice(0, OVERDUE_SHOWN).map((x) => ({
      id: x.id, number: x.registrationNumber, receivedOn: formatDate(x.receivedOn), dueOn: formatDate(x.dueOn), daysLate: formatCount(x.workingDaysLate),
    })),
  };
}

/** Signature block of the printed recap: "Jakarta, 23 November 2026" and the PPID. */
export function presentSignature(settings: Settings, today: string) {
  return {
    officeName: settings.office_name,
    placeAndDate: `${settings.office_city}, ${formatDate(today)}`,
    officerName: settings.ppid_officer_name,
  };
}

/**
 * What the public page may show: the table, a few service figures and the chart. Built from
 * the aggregate object only; the list of open requests is left out on purpose.
 */
export function presentRecapForPublic(recap: Recap, lastYearPerMonth: number[]) {
  const a = recap.analytics;
  return {
    table: presentRecapTable(recap),
    summary: [
      { label: 'Permohonan diterima', value: formatCount(recap.total.requests) },
      { label: 'Waktu rata-rata pelayanan', value: withUnit(formatAverage(recap.total.avgServiceDays)) },
      { label: 'Median waktu pelayanan', value: withUnit(formatDays(a.medianServiceDays)) },
      { label: 'Dijawab dalam 10 hari kerja', value: formatPercent(a.withinNotice.pct) },
      { label: 'Keberatan diajukan', value: formatCount(a.objections.filed) },
      { label: 'Sengketa di Komisi Informasi', value: formatCount(a.objections.disputes) },
    ],
    chart: monthlyBarChart(recap.year, recap.months.map((m) => m.requests), lastYearPerMonth),
  };
}

/** The monthly report page: the narrative, the tables beside it, the chart. */
export function presentMonthlyReport(m: MonthlyReport) {
  return {
    ...m,
    previousText: describeChange(m.previousMonth.change, m.previousMonth.label),
    lastYearText: describeChange(m.sameMonthLastYear.change, m.sameMonthLastYear.label),
    chart: monthlyBarChart(m.year, m.perMonth.thisYear, m.perMonth.lastYear),
  };
}

// ---- Bar chart --------------------------------------------------------------------------

const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

export interface BarChart {
  width: number;
  height: number;
  title: string;
  /** One sentence for screen readers. */
  description: string;
  bars: { x: number; y: number; w: number; h: number; fill: string; stroke: string; value: number; labelX: number; labelY: number; title: string }[];
  gridlines: { y: number; label: string }[];
  months: { x: number; label: string }[];
  legend: { x: number; y: number; fill: string; stroke: string; label: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

/** A step of 1, 2 or 5 × 10ⁿ giving at most five gridlines up to `max`. */
function niceStep(max: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const s of [1, 2, 5]) if (max / (s * magnitude) <= 5) return s * magnitude;
  }
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Requests per month of `year` beside `year - 1`, as SVG geometry (presentation attributes
 * only: the CSP forbids style attributes). Dark and light fills stay apart in grey print.
 */
export function monthlyBarChart(year: number, thisYear: number[], lastYear: number[]): BarChart {
  const width = 760;
  const height = 300;
  const plot = { left: 44, right: width - 12, top: 40, bottom: height - 28 };
  const max = Math.max(1, ...thisYear, ...lastYear);
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const scale = (plot.bottom - plot.top) / top;
  const groupW = (plot.right - plot.left) / 12;
  const barW = Math.min(22, (groupW - 10) / 2);
  const series = [
    { year: year - 1, values: lastYear, fill: '#b7c9dc', stroke: '#5b6776' },
    { year, values: thisYear, fill: '#0b4f8a', stroke: '#0b4f8a' },
  ];
  const bars: BarChart['bars'] = [];
  for (let m = 0; m < 12; m++) {
    const groupX = plot.left + m * groupW + (groupW - 2 * barW - 2) / 2;
    series.forEach((s, i) => {
      const value = s.values[m] ?? 0;
      const h = value * scale;
      const x = groupX + i * (barW + 2);
      bars.push({
        x: r1(x), y: r1(plot.bottom - h), w: r1(barW), h: r1(h), fill: s.fill, stroke: s.stroke, value,
        labelX: r1(x + barW / 2), labelY: r1(plot.bottom - h - 3), title: `${MONTH_SHORT[m]} ${s.year}: ${value} permohonan`,
      });
    });
  }
  const gridlines: BarChart['gridlines'] = [];
  for (let v = 0; v <= top; v += step) gridlines.push({ y: r1(plot.bottom - v * scale), label: formatCount(v) });
  return {
    width,
    height,
    title: `Jumlah permohonan per bulan, ${year} dibandingkan ${year - 1}`,
    description: `Diagram batang jumlah permohonan informasi per bulan. ${year}: ${thisYear.join(', ')}. ${year - 1}: ${lastYear.join(', ')}.`,
    bars,
    gridlines,
    months: MONTH_SHORT.map((label, m) => ({ x: r1(plot.left + m * groupW + groupW / 2), label })),
    legend: series.map((s, i) => ({ x: plot.right - 150 + i * 80, y: 12, fill: s.fill, stroke: s.stroke, label: String(s.year) })),
    plot,
  };
}
