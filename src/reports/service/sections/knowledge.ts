/**
 * Basis pengetahuan: the entries agents flagged for correction that their owner unit had not
 * reviewed by the end of the report month (src/knowledge entriesAwaitingReview, office zone).
 */
import { DateTime } from 'luxon';
import { defineSection } from '../section.js';
import { formatCount } from '../figures.js';
import { entriesAwaitingReview } from '../../../knowledge/knowledge.service.js';
import { formatDate } from '../../../shared/dates.js';

export interface KnowledgeFigures {
  as_of: string;
  awaiting: number;
  entries: { id: number; topic: string; title: string; unit_code: string; flagged_on: string; note: string }[];
}

export const knowledgeSection = defineSection<KnowledgeFigures>({
  key: 'knowledge',
  title: 'Basis pengetahuan',
  data(ctx) {
    const asOf = DateTime.fromObject({ year: ctx.year, month: ctx.month, day: 1 }, { zone: ctx.zone }).endOf('month').toISODate()!;
    const units = new Map(ctx.units.map((u) => [u.id, u.code]));
    const entries = entriesAwaitingReview(ctx.db, asOf, ctx.zone).map((e) => ({
      id: e.id, topic: e.topic, title: e.title, unit_code: units.get(e.ownerUnitId) ?? '–',
      flagged_on: DateTime.fromISO(e.reviewRequestedAt!).setZone(ctx.zone).toISODate()!, note: e.reviewNote,
    })).sort((a, b) => a.flagged_on.localeCompare(b.flagged_on) || a.id - b.id);
    return { as_of: asOf, awaiting: entries.length, entries };
  },
  paragraphs: (d) => [d.awaiting
    ? `Sampai dengan ${formatDate(d.as_of)}, sebanyak ${formatCount(d.awaiting)} entri basis pengetahuan ditandai untuk diperbaiki dan masih menunggu tinjauan unit pemiliknya.`
    : `Sampai dengan ${formatDate(d.as_of)}, tidak ada entri basis pengetahuan yang menunggu tinjauan.`],
  tables: (d) => [{
    title: 'Entri yang menunggu tinjauan',
    columns: [{ label: 'Ditandai', kind: 'text' }, { label: 'Unit', kind: 'text' }, { label: 'Topik', kind: 'text' }, { label: 'Judul', kind: 'text' }, { label: 'Catatan', kind: 'text' }],
    rows: d.entries.map((e) => [formatDate(e.flagged_on), e.unit_code, e.topic, e.title, e.note]),
    empty: 'Tidak ada entri yang menunggu tinjauan.',
  }],
});
