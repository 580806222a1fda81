/**
 * Topics (the three most frequent per channel) and categories of the month's consultations.
 * Topics, channels and categories are codes of the admin's lists; labels from ctx.labels.
 */
import { defineSection, labelIn } from '../section.js';
import { formatCount, listOf, pctText, sharePct } from '../figures.js';

export const TOPICS_PER_CHANNEL = 3;

export interface TopicFigures {
  total: number;
  categories: { category: string; label: string; count: number; share_pct: number | null }[];
  topics_per_channel: { channel: string; label: string; topics: { topic: string; label: string; count: number }[] }[];
}

export const topicsSection = defineSection<TopicFigures>({
  key: 'topics',
  title: 'Topik dan kategori',
  data(ctx) {
    const { labels } = ctx;
    const tickets = ctx.desk().of(ctx.year, ctx.month);
    // Every category of the admin's list (its order), then any other code a ticket carries.
    const categories = new Map<string, number>(Object.keys(labels.category).map((k) => [k, 0]));
    // Per channel: topic code → count.
    const perChannel = new Map<string, Map<string, number>>();
    for (const t of tickets) {
      categories.set(t.category, (categories.get(t.category) ?? 0) + 1);
      if (!t.topic) continue;
      const m = perChannel.get(t.channel) ?? new Map<string, number>();
      m.set(t.topic, (m.get(t.topic) ?? 0) + 1);
      perChannel.set(t.channel, m);
    }
    const order = Object.keys(labels.channel);
    return {
      total: tickets.length,
      categories: [...categories].map(([k, count]) => ({ category: k, label: labelIn(labels.category, k), count, share_pct: sharePct(count, tickets.length) })),
      topics_per_channel: [...perChannel]
        .sort(([a], [b]) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0))
        .map(([channel, m]) => ({
          channel, label: labelIn(labels.channel, channel),
          topics: [...m]
            .map(([topic, count]) => ({ topic, label: labelIn(labels.topic, topic), count }))
            .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'id'))
            .slice(0, TOPICS_PER_CHANNEL),
        })),
    };
  },
  paragraphs(d, { label: month }) {
    if (!d.total) return [`Tidak ada konsultasi pada ${month}.`];
    const out = d.topics_per_channel.map((c) => `Topik yang paling banyak ditanyakan melalui ${c.label}: ${listOf(c.topics.map((t) => `${t.label} (${formatCount(t.count)})`))}.`);
    const cats = d.categories.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
    out.push(`Berdasarkan kategori: ${listOf(cats.map((c) => `${c.label} (${formatCount(c.count)}; ${pctText(c.share_pct)})`))}.`);
    return out;
  },
  tables: (d) => [
    {
      title: `Topik terbanyak per saluran (${TOPICS_PER_CHANNEL} teratas)`,
      columns: [{ label: 'Saluran', kind: 'text' }, { label: 'Topik', kind: 'text' }, { label: 'Jumlah', kind: 'count' }],
      rows: d.topics_per_channel.flatMap((c) => c.topics.map((t, i) => [i === 0 ? c.label : '', t.label, t.count])),
      empty: 'Tidak ada topik yang dicatat.',
    },
    {
      title: 'Kategori',
      columns: [{ label: 'Kategori', kind: 'text' }, { label: 'Jumlah', kind: 'count' }, { label: 'Porsi (%)', kind: 'pct' }],
      rows: d.categories.map((c) => [c.label, c.count, c.share_pct]),
      total: ['Jumlah', d.total, d.total ? 100 : null],
    },
  ],
});
