/**
 * Kepuasan pengguna: the month's ratings per agent and overall against the target, how many
 * ratings from how many distinct users, the agents below the minimum ("belum memenuhi syarat"),
 * and the SKM index with its grade (src/ratings ratingsSummary). Never a user's identity: only
 * counts of distinct users leave src/ratings.
 */
import { defineSection } from '../section.js';
import { formatCount } from '../figures.js';
import { formatDecimal } from '../../../recap/recap.js';
import { ratingsSummary, type RatingsSummary } from '../../../ratings/ratings.report.js';

const score = (v: number | null) => (v === null ? '–' : formatDecimal(v, 2));
const meets = (v: boolean | null) => (v === null ? '–' : v ? 'Ya' : 'Tidak');

export function satisfactionJson(s: RatingsSummary) {
  return {
    scale_max: s.scale_max, target: s.target, minimum: s.minimum, overall: s.overall,
    agents: s.agents.map((a) => ({ username: a.username, name: a.name, service: a.service, substance: a.substance, count: a.count, users: a.users,
      meets_minimum: a.meets_minimum, service_meets_target: a.service_meets_target, substance_meets_target: a.substance_meets_target })),
    skm: { month: s.skm.month, quarter: s.skm.quarter, year: s.skm.year },
  };
}

export const satisfactionSection = defineSection<RatingsSummary>({
  key: 'satisfaction',
  title: 'Kepuasan pengguna',
  data: (ctx) => ratingsSummary(ctx.db, ctx.year, ctx.month, ctx.zone),
  paragraphs(s, { label }) {
    const o = s.overall;
    if (!o.count) return [`Tidak ada penilaian pengguna pada ${label}.`];
    const target = formatDecimal(s.target, 2);
    const out = [
      `Pada ${label} diterima ${formatCount(o.count)} penilaian dari ${formatCount(o.users)} pengguna yang berbeda. ` +
      `Nilai rata-rata pelayanan ${score(o.service)} dan substansi jawaban ${score(o.substance)} dari skala ${s.scale_max}, ` +
      `${o.service_meets_target && o.substance_meets_target ? 'memenuhi' : 'belum memenuhi'} target ${target}.`,
    ];
    const short = s.agents.filter((a) => !a.meets_minimum);
    if (short.length) out.push(`Sebanyak ${formatCount(short.length)} agen belum memenuhi syarat minimal ${s.minimum.count} penilaian dari ${s.minimum.users} pengguna yang berbeda.`);
    const m = s.skm.month;
    if (m.respondents) out.push(`Indeks Kepuasan Masyarakat (SKM) ${label} sebesar ${formatDecimal(m.ikm!, 2)} dengan mutu pelayanan ${m.grade} (${m.grade_label}) dari ${formatCount(m.respondents)} responden.`);
    return out;
  },
  tables: (s) => [
    {
      title: 'Penilaian per agen',
      columns: [
        { label: 'Agen', kind: 'text' }, { label: 'Penilaian', kind: 'count' }, { label: 'Pengguna', kind: 'count' },
        { label: 'Pelayanan', kind: 'text' }, { label: 'Substansi', kind: 'text' }, { label: 'Memenuhi target', kind: 'text' }, { label: 'Syarat minimal', kind: 'text' },
      ],
      rows: s.agents.map((a) => [a.name || a.username, a.count, a.users, score(a.service), score(a.substance),
        meets(a.service_meets_target === null ? null : Boolean(a.service_meets_target && a.substance_meets_target)), a.meets_minimum ? 'Memenuhi' : 'Belum memenuhi syarat']),
      total: ['Keseluruhan', s.overall.count, s.overall.users, score(s.overall.service), score(s.overall.substance),
        meets(s.overall.service_meets_target === null ? null : Boolean(s.overall.service_meets_target && s.overall.substance_meets_target)), null],
      empty: 'Tidak ada penilaian.',
    },
    {
      title: 'Indeks Kepuasan Masyarakat (SKM)',
      columns: [{ label: 'Periode', kind: 'text' }, { label: 'Responden', kind: 'count' }, { label: 'IKM', kind: 'text' }, { label: 'Mutu', kind: 'text' }],
      rows: [
        ['Bulan ini', s.skm.month.respondents, s.skm.month.ikm === null ? '–' : formatDecimal(s.skm.month.ikm, 2), s.skm.month.grade ? `${s.skm.month.grade} (${s.skm.month.grade_label})` : '–'],
        [`Triwulan ${s.skm.quarter.quarter}`, s.skm.quarter.respondents, s.skm.quarter.ikm === null ? '–' : formatDecimal(s.skm.quarter.ikm, 2), s.skm.quarter.grade ? `${s.skm.quarter.grade} (${s.skm.quarter.grade_label})` : '–'],
        [`Tahun ${s.year}`, s.skm.year.respondents, s.skm.year.ikm === null ? '–' : formatDecimal(s.skm.year.ikm, 2), s.skm.year.grade ? `${s.skm.year.grade} (${s.skm.year.grade_label})` : '–'],
      ],
    },
  ],
  json: satisfactionJson,
});
