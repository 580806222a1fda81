/** Topics (the three most frequent per channel) and categories of the month's consultations. */
import { defineSection } from '../section.js';
import { formatCount, listOf, pctText, sharePct } from '../figures.js';
import { CATEGORIES, CHANNELS } from '../../../desk/vocabulary.js';
import { deskLabels } from '../../../desk/desk-config.js';

export const TOPICS_PER_CHANNEL = 3;

export interface TopicFigures {
  total: number;
  categories: { category: string; label: string; count: number; share_pct: number | null }[];
  topics_per_channel: { channel: string; label: string; topics: { topic: string; count: number }[] }[];
}

const label = <T extends Record<string, string>>(labels: T, key: string) => (Object.hasOwn(labels, key) ? labels[key as keyof T] : key);

export const topicsSection = defineSection<TopicFigures>({
  key: 'topics',
  title: 'Topik dan kategori',
  data(ctx) {
    const tickets = ctx.desk().of(ctx.year, ctx.month);
    const categories = new Map<string, number>(Object.keys(CATEGORIES).map((k) => [k, 0]));
    // Per channel: topic → its label (a code of the admin's topic list; older free text is grouped
    // case-insensitively under its first spelling) and count.
    const topicLabels = deskLabels(ctx.db).topic;
    const perChannel = new Map<string, Map<string, { topic: string; count: number }>>();
    for (const t of tickets) {
      categories.set(t.category, (categories.get(t.category) ?? 0) + 1);
      const topic = Object.hasOwn(topicLabels, t.topic) ? topicLabels[t.topic] : t.topic.trim().replace(/\s+/g, ' ');
      if (!topic) continue;
      const m = perChannel.get(t.channel) ?? new Map<string, { topic: string; count: number }>();
      const k = topic.toLocaleLowerCase('id');
      m.set(k, { topic: m.get(k)?.topic ?? topic, count: (m.get(k)?.count ?? 0) + 1 });
      perChannel.set(t.channel, m);
    }
    const order = Object.keys(CHANNELS);
    return {
      total: tickets.length,
      categories: [...categories].map(([k, count]) => ({ category: k, label: label(CATEGORIES, k), count, share_pct: sharePct(count, tickets.length) })),
      topics_per_channel: [...perChannel]
        .sort(([a], [b]) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0))
        .map(([channel, m]) => ({
          channel, label: label(CHANNELS, channel),
          topics: [...m.values()].sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic, 'id')).slice(0, TOPICS_PER_CHANNEL),
        })),
    };
  },
  paragraphs(d, { label: month }) {
    if (!d.total) return [`Tidak ada konsultasi pada ${month}.`];
    const out = d.topics_per_channel.map((c) => `Topik yang paling banyak ditanyakan melalui ${c.label}: ${listOf(c.topics.map((t) => `${t.topic} (${formatCount(t.count)})`))}.`);
    const cats = d.categories.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
    out.push(`Berdasarkan kategori: ${listOf(cats.map((c) => `${c.label} (${formatCount(c.count)}; ${pctText(c.share_pct)})`))}.`);
    return out;
  },
  tables: (d) => [
    {
      title: `Topik terbanyak per saluran (${TOPICS_PER_CHANNEL} teratas)`,
      columns: [{ label: 'Saluran', kind: 'text' }, { label: 'Topik', kind: 'text' }, { label: 'Jumlah', kind: 'count' }],
      rows: d.topics_per_channel.flatMap((c) => c.topics.map((t, i) => [i === 0 ? c.label : '', t.topic, t.count])),
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
