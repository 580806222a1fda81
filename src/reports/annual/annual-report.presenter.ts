/**
 * What the annual report shows, as tables: the printed report, the public page and the XLSX
 * draw on the same list (one sheet per table), so they cannot disagree. `forPublic` leaves out
 * every personal detail (requester names, registration numbers).
 */
import { RECAP_HEADER, formatAverage, formatCount, formatDays } from '../../recap/recap.js';
import { OUTCOMES, CHANNELS, REQUESTER_CATEGORIES } from '../../requests/vocabulary.js';
import { formatDate } from '../../shared/dates.js';
import type { AnnualFigures, AnnexRow, Counted, YearFigures } from './figures.js';
import type { DayStats } from './stats.js';
import { NARRATIVE_KEYS, NARRATIVE_LABELS, dueDateOf, type AnnualReport, type Narrative } from './annual-report.service.js';

export type Cell = string | number | null;
export interface ReportTable {
  /** Sheet name in the XLSX (at most 31 characters). */
  sheet: string;
  title: string;
  head: string[];
  rows: Cell[][];
  /** Column indexes holding numbers (right-aligned, numeric in the XLSX). */
  numeric: number[];
  /** Index of a bold last row (a Total), if any. */
  totalRow?: boolean;
  /** Dates written short (03-01-2022): the long annex. */
  compact?: boolean;
}

export interface ReportSection {
  letter: 'a' | 'b' | 'c' | 'd' | 'e' | 'f';
  id: string;
  title: string;
  /** Narrative text (a, b, e, f), or null for the generated sections. */
  text: string | null;
  tables: ReportTable[];
}

const SECTION_TITLES = {
  a: 'Kebijakan Pelayanan Informasi Publik',
  b: 'Pelaksanaan Pelayanan Informasi Publik',
  c: 'Pelayanan Informasi Publik dalam Angka',
  d: 'Keberatan dan Sengketa Informasi Publik',
  e: 'Kendala Internal dan Eksternal',
  f: 'Rekomendasi dan Rencana Tindak Lanjut',
} as const;

const counted = (sheet: string, title: string, label: string, items: Counted[]): ReportTable => ({
  sheet, title, head: [label, 'Jumlah'], rows: items.map((i) => [i.label, i.count]), numeric: [1],
});

const statsRow = (label: string, s: DayStats): Cell[] => [label, s.count, s.median, s.mean, s.min, s.max];

const outcomeLabel = (o: string | null) => (o === null ? 'Dalam proses' : o === 'withdrawn' ? 'Dicabut' : (OUTCOMES as Record<string, string>)[o] ?? o);

export type AnnexSort = 'received' | 'service' | 'fulfilment';
export const ANNEX_SORTS: Record<AnnexSort, string> = { received: 'Tanggal diterima', service: 'Hari pelayanan', fulfilment: 'Hari pemenuhan' };

/** The annex, sorted by receipt (default) or by the longest service or fulfilment time first. */
export function sortAnnex(rows: AnnexRow[], sort: AnnexSort): AnnexRow[] {
  if (sort === 'received') return rows;
  const key = sort === 'service' ? 'serviceDays' : 'fulfilmentDays';
  return [...rows].sort((a, b) => (b[key] ?? -1) - (a[key] ?? -1) || a.receivedOn.localeCompare(b.receivedOn));
}

function annexTable(f: AnnualFigures, forPublic: boolean, sort: AnnexSort): ReportTable {
  const label = (labels: Record<string, string>, k: string) => labels[k] ?? k;
  const head = ['No.', ...(forPublic ? [] : ['Nomor registrasi', 'Pemohon']), 'Diterima', 'Saluran', 'Kategori pemohon', 'Hasil', 'Diputus',
    'Hari pelayanan', 'Diberikan', 'Hari pemenuhan', 'Diperpanjang'];
  const rows = sortAnnex(f.annex, sort).map((a, i) => [
    i + 1, ...(forPublic ? [] : [a.registrationNumber, a.requesterName]), a.receivedOn, label(CHANNELS, a.channel), label(REQUESTER_CATEGORIES, a.category),
    outcomeLabel(a.outcome), a.decidedOn, a.serviceDays, a.deliveredOn, a.fulfilmentDays, a.extended ? 'Ya' : '',
  ]);
  const off = forPublic ? 0 : 2;
  return { sheet: 'Lampiran', title: `Lampiran: waktu pelayanan dan pemenuhan per permohonan (urut: ${ANNEX_SORTS[sort].toLowerCase()})`, head, rows, numeric: [0, 6 + off, 8 + off], compact: true };
}

function comparison(cur: YearFigures, prev: YearFigures | null): ReportTable {
  const line = (label: string, get: (y: YearFigures) => number | null): Cell[] => {
    const a = prev ? get(prev) : null;
    const b = get(cur);
    return [label, a, b, a !== null && b !== null ? Math.round((b - a) * 100) / 100 : null];
  };
  return {
    sheet: 'Perbandingan', title: `Perbandingan dengan tahun ${cur.year - 1}`,
    head: ['Uraian', String(cur.year - 1), String(cur.year), 'Selisih'],
    rows: [
      line('Jumlah permohonan', (y) => y.service.requests),
      line('Dikabulkan sepenuhnya', (y) => y.service.grantedFull),
      line('Dikabulkan sebagian', (y) => y.service.grantedPartial),
      line('Ditolak', (y) => y.service.rejected),
      line('Tidak diberikan', (y) => y.service.notProvided),
      line('Rata-rata hari pelayanan', (y) => y.service.serviceDays.mean),
      line('Median hari pelayanan', (y) => y.service.serviceDays.median),
      line('Selesai ≤ 10 hari kerja', (y) => y.service.within10),
      line('Lebih dari 17 hari kerja', (y) => y.service.over17),
      line('Belum selesai pada akhir tahun', (y) => y.service.openAtYearEnd),
      line('Keberatan', (y) => y.objections.filed),
      line('Sengketa informasi', (y) => y.disputes.filed),
    ],
    numeric: [1, 2, 3],
  };
}

/** Section (c)'s and (d)'s tables. */
export function figureTables(f: AnnualFigures, { forPublic = false, sort = 'received' as AnnexSort } = {}): { c: ReportTable[]; d: ReportTable[]; annex: ReportTable } {
  const h = RECAP_HEADER;
  const recapRows = [...f.recap.months, f.recap.total].map((r) => [
    r.label, r.requests, r.avgServiceDays, r.grantedFull, r.grantedPartial, r.rejected, r.notProvided, r.reasonExempt, r.reasonNotHeld, r.reasonOther, r.objections, r.inProcess,
  ]);
  const s = f.service;
  const c: ReportTable[] = [
    {
      sheet: 'Rekapitulasi', title: `Rekapitulasi permintaan informasi publik tahun ${f.year}`,
      head: [h.bulan, h.requests, h.avg, `Dikabulkan ${h.grantedFull.toLowerCase()}`, `Dikabulkan ${h.grantedPartial.toLowerCase()}`, 'Ditolak', h.notProvided,
        `Alasan: ${h.reasonExempt}`, `Alasan: ${h.reasonNotHeld}`, `Alasan: ${h.reasonOther}`, h.objections, h.inProcess],
      rows: recapRows, numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], totalRow: true,
    },
    {
      sheet: 'Waktu layanan', title: 'Waktu pelayanan dan waktu pemenuhan (hari kerja)',
      head: ['Ukuran', 'Jumlah permohonan', 'Median', 'Rata-rata', 'Terendah', 'Tertinggi'],
      rows: [statsRow('Waktu pelayanan (sampai pemberitahuan tertulis)', s.serviceDays), statsRow('Waktu pemenuhan (sampai informasi diberikan)', s.fulfilmentDays)],
      numeric: [1, 2, 3, 4, 5],
    },
    {
      sheet: 'Ketepatan waktu', title: 'Permohonan yang telah diputus menurut lama pelayanan',
      head: ['Lama pelayanan', 'Jumlah'],
      rows: [['Sampai 10 hari kerja (Pasal 22 ayat 7)', s.within10], ['11–17 hari kerja (dengan perpanjangan, Pasal 22 ayat 8)', s.within11to17],
        ['Lebih dari 17 hari kerja', s.over17], ['Diperpanjang', s.extended]],
      numeric: [1],
    },
    {
      sheet: 'Belum selesai', title: `Belum selesai pada ${formatDate(s.openCountedOn)}: ${s.openAtYearEnd} permohonan; sepuluh yang tertua`,
      head: ['No.', ...(forPublic ? [] : ['Nomor registrasi']), 'Diterima', 'Hari kerja berjalan'],
      rows: s.oldestOpen.map((o, i) => [i + 1, ...(forPublic ? [] : [o.registrationNumber]), o.receivedOn, o.workingDaysOpen]),
      numeric: forPublic ? [0, 2] : [0, 3],
    },
    counted('Saluran', 'Permohonan menurut saluran', 'Saluran', s.byChannel),
    counted('Kategori pemohon', 'Permohonan menurut kategori pemohon', 'Kategori pemohon', s.byCategory),
    {
      sheet: 'Pengecualian', title: 'Pengecualian yang digunakan menurut Pasal 17 UU 14/2008',
      head: ['Dasar pengecualian', 'Jumlah putusan'], rows: s.exemptions.map((e) => [e.label, e.count]), numeric: [1],
    },
  ];
  const o = f.objections;
  const d: ReportTable[] = [
    counted('Keberatan - alasan', `Keberatan menurut alasan (${o.filed} keberatan)`, 'Alasan keberatan', o.byGround),
    counted('Keberatan - hasil', 'Keberatan menurut hasil tanggapan atasan PPID', 'Hasil', o.byResult),
    {
      sheet: 'Keberatan - waktu', title: 'Waktu tanggapan atasan PPID (hari kerja; batas 30 hari kerja, Pasal 36 ayat 2)',
      head: ['Ukuran', 'Jumlah ditanggapi', 'Median', 'Rata-rata', 'Terendah', 'Tertinggi', 'Tepat waktu', 'Terlambat'],
      rows: [[...statsRow('Waktu tanggapan', o.supervisorDays), o.answeredInTime, o.answeredLate]], numeric: [1, 2, 3, 4, 5, 6, 7],
    },
    counted('Sengketa - tahap', `Sengketa informasi menurut tahap terakhir (${f.disputes.filed} sengketa)`, 'Tahap', f.disputes.byStage),
    counted('Sengketa - hasil', 'Sengketa informasi menurut hasil', 'Hasil', f.disputes.byResult),
    comparison(f, f.previous),
  ];
  return { c, d, annex: annexTable(f, forPublic, sort) };
}

/** The report's six sections in Pasal 56 order. */
export function reportSections(narrative: Narrative, f: AnnualFigures, opts: { forPublic?: boolean; sort?: AnnexSort } = {}): { sections: ReportSection[]; annex: ReportTable } {
  const t = figureTables(f, opts);
  const text = (k: keyof Narrative) => narrative[k];
  return {
    sections: [
      { letter: 'a', id: 'kebijakan', title: SECTION_TITLES.a, text: text('policy'), tables: [] },
      { letter: 'b', id: 'pelaksanaan', title: SECTION_TITLES.b, text: text('implementation'), tables: [] },
      { letter: 'c', id: 'angka', title: SECTION_TITLES.c, text: null, tables: t.c },
      { letter: 'd', id: 'keberatan', title: SECTION_TITLES.d, text: null, tables: t.d },
      { letter: 'e', id: 'kendala', title: SECTION_TITLES.e, text: text('obstacles'), tables: [] },
      { letter: 'f', id: 'rekomendasi', title: SECTION_TITLES.f, text: text('recommendations'), tables: [] },
    ],
    annex: t.annex,
  };
}

/** A cell for the page: counts with dots, days with a decimal comma, dates in Indonesian, blanks as "–". */
export function formatCell(v: Cell, compact = false): string {
  if (v === null || v === '') return '–';
  if (typeof v === 'number') return Number.isInteger(v) ? formatCount(v) : formatAverage(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return compact ? v.split('-').reverse().join('-') : formatDate(v);
  return v;
}

export { formatDays };

/** The report's header facts: status, version, handing in. */
export function presentStatus(report: Pick<AnnualReport, 'year' | 'status' | 'version' | 'row'>) {
  const r = report.row;
  return {
    status: report.status,
    statusLabel: report.status === 'submitted' ? 'Sudah diserahkan (dibekukan)' : 'Draf',
    version: report.version,
    dueOn: dueDateOf(report.year),
    submittedOn: r?.submittedOn ?? null,
    submittedTo: r?.submittedTo ?? '',
    submissionNote: r?.submissionNote ?? '',
    proofName: r?.proofOriginalName ?? null,
    correctionReason: r?.correctionReason ?? '',
  };
}

const statsApi = (s: DayStats) => ({ median: s.median, mean: s.mean, min: s.min, max: s.max });
const byKey = (items: Counted[]) => Object.fromEntries(items.map((i) => [i.key, i.count]));

function yearApi(y: YearFigures) {
  const s = y.service;
  return {
    service: {
      requests: s.requests, granted_full: s.grantedFull, granted_partial: s.grantedPartial, rejected: s.rejected, not_provided: s.notProvided,
      in_process: s.inProcess, service_days: statsApi(s.serviceDays), fulfilment_days: statsApi(s.fulfilmentDays),
      within_10: s.within10, within_11_17: s.within11to17, over_17: s.over17, extended: s.extended, open_at_year_end: s.openAtYearEnd,
      oldest_open: s.oldestOpen.map((o) => ({ registration_number: o.registrationNumber, received_on: o.receivedOn, working_days_open: o.workingDaysOpen })),
    },
    objections: { filed: y.objections.filed, by_ground: byKey(y.objections.byGround), by_result: byKey(y.objections.byResult) },
    disputes: { filed: y.disputes.filed, by_stage: byKey(y.disputes.byStage), by_result: byKey(y.disputes.byResult) },
  };
}

/** GET /api/v1/reports/annual/:year: the shape issue 14 gives, nothing else. */
export function presentAnnualReportForApi(report: AnnualReport) {
  const narrative = Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, report.narrative[k]])) as Narrative;
  const prev = report.figures.previous;
  return {
    year: report.year,
    status: report.status,
    version: report.version,
    narrative,
    ...yearApi(report.figures),
    previous_year: prev ? { year: prev.year, ...yearApi(prev) } : null,
  };
}

export { NARRATIVE_KEYS, NARRATIVE_LABELS };
