/**
 * Kunjungan: the visits that took place in the month (the guest came: arrived or met) and in the
 * year up to the report month, with the people, cancellations and no-shows (src/visits visitsIn,
 * by the reservation's planned day).
 */
import { defineSection, labelIn } from '../section.js';
import { formatCount } from '../figures.js';
import { visitsIn } from '../../../visits/visits.service.js';
import { regionByCode } from '../../../regions/regions.js';
import { formatDate } from '../../../shared/dates.js';

export interface VisitFigures {
  held: number;
  people: number;
  cancelled: number;
  no_show: number;
  year_to_date: { held: number; people: number };
  rows: { date: string; region_code: string; region: string; institution: string; people: number; topic: string; topic_label: string }[];
}

export const regionName = (code: string) => regionByCode(code)?.name ?? (code || 'Tidak diketahui');

export const visitsSection = defineSection<VisitFigures>({
  key: 'visits',
  title: 'Kunjungan',
  data(ctx) {
    const m = visitsIn(ctx.db, ctx.year, ctx.month);
    const ytd = { held: 0, people: 0 };
    for (let k = 1; k <= ctx.month; k++) {
      const v = k === ctx.month ? m : visitsIn(ctx.db, ctx.year, k);
      ytd.held += v.held;
      ytd.people += v.people;
    }
    return {
      held: m.held, people: m.people, cancelled: m.cancelled, no_show: m.noShow, year_to_date: ytd,
      rows: m.rows.map((r) => ({ date: r.plannedOn, region_code: r.regionCode, region: regionName(r.regionCode), institution: r.institution, people: r.people, topic: r.topic, topic_label: labelIn(ctx.labels.topic, r.topic) })),
    };
  },
  paragraphs(d, { label, year }) {
    const out = [d.held
      ? `Jumlah kunjungan ${label} sebanyak ${formatCount(d.held)} kunjungan dengan ${formatCount(d.people)} orang tamu.`
      : `Tidak ada kunjungan pada ${label}.`];
    if (d.cancelled || d.no_show) out.push(`Sebanyak ${formatCount(d.cancelled)} reservasi dibatalkan dan ${formatCount(d.no_show)} tamu tidak datang.`);
    out.push(`Sampai dengan ${label}, jumlah kunjungan tahun ${year} sebanyak ${formatCount(d.year_to_date.held)} kunjungan (${formatCount(d.year_to_date.people)} orang).`);
    return out;
  },
  tables: (d) => [{
    title: 'Kunjungan yang terlaksana',
    columns: [{ label: 'Tanggal', kind: 'text' }, { label: 'Daerah', kind: 'text' }, { label: 'Instansi', kind: 'text' }, { label: 'Orang', kind: 'count' }, { label: 'Topik', kind: 'text' }],
    rows: d.rows.map((r) => [formatDate(r.date), r.region, r.institution || '–', r.people, r.topic_label]),
    total: d.rows.length ? ['Jumlah', null, null, d.people, null] : undefined,
    empty: 'Tidak ada kunjungan.',
  }],
});
