/**
 * The yearly recap ("Rekapitulasi Permintaan Informasi Publik", Perki 1/2021 annual report)
 * as pure functions: rows from monthly aggregates, totals, averages, the reconciliation
 * check, percentiles and Indonesian number formats. Nothing here touches the database.
 */
import { MONTHS_ID } from '../shared/dates.js';

/** Counts of one month of requests, as the repository's GROUP BY returns them. */
export interface MonthlyRequestAggregate {
  month: number;
  requests: number;
  grantedFull: number;
  grantedPartial: number;
  rejected: number;
  notProvided: number;
  inProcess: number;
  reasonExempt: number;
  reasonNotHeld: number;
  reasonOther: number;
  /** Decided requests whose working-day count is recorded: the average's denominator. */
  timed: number;
  serviceDaysSum: number;
}

import type { CourtResult, DisputeResult } from '../objections/vocabulary.js';

/** The year's objections (by filing date) by how they stand. */
export interface ObjectionAggregate {
  filed: number;
  upheld: number;
  rejected: number;
  withdrawn: number;
  /** Not yet answered by the atasan PPID. */
  open: number;
  /** respondedOn ≤ responseDueOn (Pasal 36 ayat 2: 30 working days). */
  answeredInTime: number;
  answeredLate: number;
  /** Not answered and past responseDueOn today. */
  openPastDue: number;
  /** Filed after the 30-working-day window (Pasal 36 ayat 1), recorded anyway. */
  filedLate: number;
  /** Taken to the Komisi Informasi (Pasal 37). */
  disputes: number;
  /** Disputes by where they stand at the Komisi Informasi (DISPUTE_RESULTS; an unknown value counts as pending). */
  disputeResults: Record<DisputeResult, number>;
  /** Disputes taken on to a court (PTUN/PN, Pasal 47), by the last court's result (the MA's once it has one). */
  courtCases: number;
  courtResults: Record<CourtResult, number>;
}

/** The count columns of the recap, in the office's order, then "Dalam proses". */
export const COUNT_KEYS = [
  'requests', 'grantedFull', 'grantedPartial', 'rejected', 'notProvided',
  'reasonExempt', 'reasonNotHeld', 'reasonOther', 'objections', 'inProcess',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

export interface RecapRow extends Record<CountKey, number> {
  /** 1–12, or null on the Total row. */
  month: number | null;
  label: string;
  /** Decided requests with a working-day count, and the sum of their counts. */
  timed: number;
  serviceDaysSum: number;
  /** Mean working days over the row's decided requests, 2 decimals; null when none. */
  avgServiceDays: number | null;
  /** requests = full + partial + rejected + not provided + in process. */
  reconciles: boolean;
}

/** The two-level header of the office's table; `key` null marks a grouping cell. */
export const RECAP_HEADER = {
  bulan: 'Bulan',
  requests: 'Jumlah Permintaan',
  avg: 'Waktu Rata-Rata Pelayanan (hari kerja)',
  grantedGroup: 'Jumlah Permintaan Yang Dikabulkan',
  grantedFull: 'Sepenuhnya',
  grantedPartial: 'Sebagian',
  rejected: 'Jumlah Permohonan Ditolak',
  notProvided: 'Tidak Diberikan',
  reasonGroup: 'Alasan Permintaan Yang Ditolak/Tidak Diberikan',
  reasonExempt: 'Dikecualikan',
  reasonNotHeld: 'Belum Dikuasai',
  reasonOther: 'Lainnya',
  objections: 'Jumlah Keberatan',
  inProcess: 'Dalam Proses',
} as const;

/**
 * The table's columns left to right (the CSV, the XLSX and the page use this order): Bulan,
 * then `requests`, the average, and the rest of COUNT_KEYS.
 */
export const COLUMN_ORDER = [
  'requests', 'avgServiceDays', 'grantedFull', 'grantedPartial', 'rejected', 'notProvided',
  'reasonExempt', 'reasonNotHeld', 'reasonOther', 'objections', 'inProcess',
] as const;
export type ColumnKey = (typeof COLUMN_ORDER)[number];

/** The two header rows as flat cell lists (empty string under a merged or spanned cell). */
export function headerRows(): [string[], string[]] {
  const h = RECAP_HEADER;
  return [
    [h.bulan, h.requests, h.avg, h.grantedGroup, '', h.rejected, h.notProvided, h.reasonGroup, '', '', h.objections, h.inProcess],
    ['', '', '', h.grantedFull, h.grantedPartial, '', '', h.reasonExempt, h.reasonNotHeld, h.reasonOther, '', ''],
  ];
}

/** How the recap counts, printed under the table so a reader can check every cell. */
export const COUNTING_RULES: readonly string[] = [
  'Permohonan dihitung pada bulan diterimanya (tanggal diterima), bukan bulan diputusnya; keberatan dihitung pada bulan diajukannya.',
  'Waktu rata-rata pelayanan adalah rata-rata jumlah hari kerja, sejak tanggal diterima sampai tanggal pemberitahuan tertulis, atas permohonan bulan itu yang telah diputus, dibulatkan dua desimal. Hari kerja: Senin–Jumat, kecuali hari libur nasional dan cuti bersama (SKB 3 Menteri).',
  'Rata-rata pada baris Total dihitung atas seluruh permohonan yang telah diputus dalam tahun itu (rata-rata tertimbang), bukan rata-rata dari rata-rata bulanan.',
  'Kolom alasan menghitung permohonan yang memuat alasan tersebut. Permohonan yang dikabulkan sebagian juga memuat alasan atas bagian yang tidak diberikan, dan satu permohonan dengan dua alasan dihitung pada kedua kolom; karena itu jumlah alasan dapat berbeda dari jumlah permohonan yang ditolak atau tidak diberikan.',
  'Permohonan yang dicabut oleh pemohon dihitung sebagai Tidak Diberikan dengan alasan Lainnya, tetapi tidak ikut dalam waktu rata-rata pelayanan (pencabutan bukan pelayanan). Entri yang dibatalkan (tidak berlaku) tidak dihitung sama sekali.',
  'Permohonan yang belum diputus dihitung pada Jumlah Permintaan dan pada kolom Dalam Proses, sehingga pada setiap baris: Jumlah Permintaan = Sepenuhnya + Sebagian + Ditolak + Tidak Diberikan + Dalam Proses.',
];

/** Rounds half away from zero to `digits` decimals without binary surprises (1.005 → 1.01). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(15))) / factor;
}

/** sum / n to 2 decimals, or null when nothing was counted. */
export function average(sum: number, n: number): number | null {
  return n > 0 ? roundTo(sum / n, 2) : null;
}

export function rowReconciles(c: Pick<RecapRow, 'requests' | 'grantedFull' | 'grantedPartial' | 'rejected' | 'notProvided' | 'inProcess'>): boolean {
  return c.requests === c.grantedFull + c.grantedPartial + c.rejected + c.notProvided + c.inProcess;
}

function emptyRow(month: number | null): RecapRow {
  return {
    month, label: month === null ? 'Total' : MONTHS_ID[month - 1],
    requests: 0, grantedFull: 0, grantedPartial: 0, rejected: 0, notProvided: 0, inProcess: 0,
    reasonExempt: 0, reasonNotHeld: 0, reasonOther: 0, objections: 0,
    timed: 0, serviceDaysSum: 0, avgServiceDays: null, reconciles: true,
  };
}

const SUMMED = [...COUNT_KEYS, 'timed', 'serviceDaysSum'] as const;

/**
 * Twelve month rows (months without data are zeros) and the Total row. The Total average is
 * over all the year's decided requests, not the mean of the monthly means.
 */
export function assembleRecapRows(
  requestMonths: readonly MonthlyRequestAggregate[],
  objectionMonths: readonly { month: number; objections: number }[],
): { months: RecapRow[]; total: RecapRow } {
  const months = Array.from({ length: 12 }, (_, i) => emptyRow(i + 1));
  for (const a of requestMonths) {
    const row = months[a.month - 1];
    if (!row) continue;
    for (const k of SUMMED) if (k !== 'objections') row[k] = Number(a[k] ?? 0);
  }
  for (const o of objectionMonths) {
    const row = months[o.month - 1];
    if (row) row.objections = Number(o.objections);
  }
  const total = emptyRow(null);
  for (const row of months) {
    for (const k of SUMMED) total[k] += row[k];
  }
  for (const row of [...months, total]) {
    row.avgServiceDays = average(row.serviceDaysSum, row.timed);
    row.reconciles = rowReconciles(row);
  }
  return { months, total };
}

/** A distribution of working days: how many requests took each number of days. */
export type Histogram = readonly { days: number; count: number }[];

function valueAtRank(hist: Histogram, rank: number): number {
  let seen = 0;
  for (const b of hist) {
    seen += b.count;
    if (seen >= rank) return b.days;
  }
  return hist[hist.length - 1].days;
}

/** Median of the distribution (mean of the two middle values when the count is even). */
export function median(hist: Histogram): number | null {
  const n = hist.reduce((s, b) => s + b.count, 0);
  if (n === 0) return null;
  if (n % 2 === 1) return valueAtRank(hist, (n + 1) / 2);
  return (valueAtRank(hist, n / 2) + valueAtRank(hist, n / 2 + 1)) / 2;
}

/** The p-th percentile by the nearest-rank method: the smallest value ≥ p% of the cases. */
export function percentile(hist: Histogram, p: number): number | null {
  const n = hist.reduce((s, b) => s + b.count, 0);
  if (n === 0) return null;
  return valueAtRank(hist, Math.max(1, Math.ceil((p / 100) * n)));
}

/** How many took at most `maxDays`, and their share in percent (1 decimal; null when none). */
export function shareWithin(hist: Histogram, maxDays: number): { count: number; pct: number | null } {
  const n = hist.reduce((s, b) => s + b.count, 0);
  const count = hist.filter((b) => b.days <= maxDays).reduce((s, b) => s + b.count, 0);
  return { count, pct: n ? roundTo((count / n) * 100, 1) : null };
}

// ---- Indonesian number formats ----------------------------------------------------------

/** "4,40", "1.234,50": decimal comma, dot between thousands. */
export function formatDecimal(value: number, digits: number): string {
  const fixed = roundTo(value, digits).toFixed(digits);
  const [int, frac] = fixed.replace('-', '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 && Number(fixed) !== 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** A whole count: "1.205". */
export const formatCount = (value: number): string => formatDecimal(value, 0);

/** The recap's average cell: "4,40", or "–" when nothing was decided. */
export const formatAverage = (value: number | null): string => (value === null ? '–' : formatDecimal(value, 2));

/** "20,0%" */
export const formatPercent = (value: number | null, digits = 1): string => (value === null ? '–' : `${formatDecimal(value, digits)}%`);

/** Median and similar: no decimals when whole ("5"), else one ("4,5"). */
export const formatDays = (value: number | null): string =>
  value === null ? '–' : Number.isInteger(value) ? formatCount(value) : formatDecimal(value, 1);
