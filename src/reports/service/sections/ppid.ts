/** The "Layanan PPID" section (moved from /reports/monthly; its data and wording stay in src/recap). */
import { defineSection } from '../section.js';
import { buildMonthlyReport } from '../../../recap/recap.service.js';
import { presentMonthlyReportForApi } from '../../../recap/recap.presenter.js';
import type { MonthlyReport } from '../../../recap/monthly-report.js';

export const ppidSection = defineSection<MonthlyReport>({
  key: 'ppid',
  title: 'Layanan PPID',
  data: (ctx) => buildMonthlyReport(ctx.db, ctx.year, ctx.month),
  paragraphs: (m) => m.narrative,
  tables: (m) => [
    { title: 'Kategori pemohon', columns: [{ label: 'Kategori', kind: 'text' }, { label: 'Jumlah', kind: 'count' }], rows: m.categories.map((c) => [c.label, c.count]), empty: 'Tidak ada permohonan.' },
    { title: 'Saluran', columns: [{ label: 'Saluran', kind: 'text' }, { label: 'Jumlah', kind: 'count' }], rows: m.channels.map((c) => [c.label, c.count]), empty: 'Tidak ada permohonan.' },
    { title: 'Tujuan yang paling sering', columns: [{ label: 'Tujuan', kind: 'text' }, { label: 'Jumlah', kind: 'count' }], rows: m.purposes.map((p) => [p.purpose, p.count]), empty: 'Tidak ada tujuan yang dicatat.' },
    {
      title: 'Topik informasi',
      columns: [{ label: 'Kata / pasangan kata', kind: 'text' }, { label: 'Jumlah', kind: 'count' }],
      rows: [...m.topics.bigrams, ...m.topics.words].map((t) => [t.term, t.count]),
      empty: 'Tidak ada permohonan.',
    },
  ],
  charts: (m) => [{ title: `Jumlah permohonan per bulan, ${m.year} dibandingkan ${m.year - 1}`, noun: 'permohonan', year: m.year, thisYear: m.perMonth.thisYear, lastYear: m.perMonth.lastYear }],
  json: presentMonthlyReportForApi,
});
