/**
 * Konferensi video: the calls held in the month (office zone), listed by date, region and topic
 * (src/visits videoConferencesIn), with those held beyond the SOP's planning limit.
 */
import { defineSection, labelIn } from '../section.js';
import { formatCount } from '../figures.js';
import { videoConferencesIn } from '../../../visits/video.service.js';
import { formatDate } from '../../../shared/dates.js';
import { regionName } from './visits.js';

export interface VideoFigures {
  count: number;
  late: number;
  rows: { date: string; region_code: string; region: string; institution: string; topic: string; topic_label: string; unit_code: string }[];
}

export const videoConferencesSection = defineSection<VideoFigures>({
  key: 'video_conferences',
  title: 'Konferensi video',
  data(ctx) {
    const m = videoConferencesIn(ctx.db, ctx.year, ctx.month, ctx.zone);
    return {
      count: m.count, late: m.late,
      rows: m.rows.map((r) => ({ date: r.date, region_code: r.regionCode, region: regionName(r.regionCode), institution: r.institution, topic: r.topic, topic_label: labelIn(ctx.labels.topic, r.topic), unit_code: r.unitCode }))
        .sort((a, b) => a.date.localeCompare(b.date)),
    };
  },
  paragraphs(d, { label }) {
    if (!d.count) return [`Tidak ada konferensi video pada ${label}.`];
    const out = [`Pada ${label} dilaksanakan ${formatCount(d.count)} konferensi video.`];
    if (d.late) out.push(`Sebanyak ${formatCount(d.late)} konferensi video dilaksanakan melewati batas waktu perencanaan dengan alasan yang dicatat.`);
    return out;
  },
  tables: (d) => [{
    title: 'Daftar konferensi video',
    columns: [{ label: 'Tanggal', kind: 'text' }, { label: 'Daerah', kind: 'text' }, { label: 'Instansi', kind: 'text' }, { label: 'Topik', kind: 'text' }, { label: 'Unit', kind: 'text' }],
    rows: d.rows.map((r) => [formatDate(r.date), r.region, r.institution || '–', r.topic_label, r.unit_code || '–']),
    empty: 'Tidak ada konferensi video.',
  }],
});
