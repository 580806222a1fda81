/** Per channel: count, share of the month, change against the month before and the same month last year, a small chart each. */
import { defineSection, labelIn, type ReportContext } from '../section.js';
import { changeText, compare, formatCount, listOf, monthLabel, pctText, previousMonthOf, type Comparison } from '../figures.js';

export interface ChannelFigure extends Comparison {
  channel: string;
  label: string;
  per_month: { this_year: number[]; last_year: number[] };
}

/** Every channel seen in the two years, busiest of the month first (then the admin's list order). */
export function channelFigures(ctx: ReportContext): ChannelFigure[] {
  const desk = ctx.desk();
  const { year, month } = ctx;
  const prev = previousMonthOf(year, month);
  const total = desk.of(year, month).length;
  const order = Object.keys(ctx.labels.channel);
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return desk.channelsSeen()
    .map((channel) => {
      const thisYear = desk.perMonth(year, channel);
      const lastYear = desk.perMonth(year - 1, channel);
      return {
        channel, label: labelIn(ctx.labels.channel, channel),
        ...compare(thisYear[month - 1], desk.perMonth(prev.year, channel)[prev.month - 1], lastYear[month - 1], total),
        per_month: { this_year: thisYear, last_year: lastYear },
      };
    })
    .sort((a, b) => b.count - a.count || rank(a.channel) - rank(b.channel) || a.channel.localeCompare(b.channel));
}

export const channelsSection = defineSection<ChannelFigure[]>({
  key: 'channels',
  title: 'Konsultasi per saluran',
  data: channelFigures,
  paragraphs(d, { year, month, label }) {
    const used = d.filter((c) => c.count > 0);
    if (!used.length) return [`Tidak ada konsultasi pada ${label}.`];
    const prev = monthLabel(previousMonthOf(year, month).year, previousMonthOf(year, month).month);
    const [first, ...rest] = used;
    const out = [
      `Konsultasi ${label} paling banyak disampaikan melalui ${first.label} (${formatCount(first.count)} konsultasi; ${pctText(first.share_pct)})` +
        (rest.length ? `, diikuti ${listOf(rest.map((c) => `${c.label} (${formatCount(c.count)}; ${pctText(c.share_pct)})`))}.` : '.'),
    ];
    for (const c of d) {
      out.push(`Konsultasi melalui ${c.label} ${changeText(c.previous_month, c.count, prev, 'konsultasi')} dan ${changeText(c.same_month_last_year, c.count, monthLabel(year - 1, month), 'konsultasi')}.`);
    }
    return out;
  },
  tables(d, { year, month }) {
    const prev = previousMonthOf(year, month);
    const sum = (f: (c: ChannelFigure) => number) => d.reduce((s, c) => s + f(c), 0);
    const total = compare(sum((c) => c.count), sum((c) => c.previous_month), sum((c) => c.same_month_last_year), sum((c) => c.count));
    return [{
      title: 'Konsultasi per saluran',
      columns: [
        { label: 'Saluran', kind: 'text' }, { label: 'Jumlah', kind: 'count' }, { label: 'Porsi (%)', kind: 'pct' },
        { label: monthLabel(prev.year, prev.month), kind: 'count' }, { label: 'Perubahan (%)', kind: 'pct' },
        { label: monthLabel(year - 1, month), kind: 'count' }, { label: 'Perubahan (%)', kind: 'pct' },
      ],
      rows: d.map((c) => [c.label, c.count, c.share_pct, c.previous_month, c.change_pct, c.same_month_last_year, c.change_year_pct]),
      total: ['Jumlah', total.count, total.share_pct, total.previous_month, total.change_pct, total.same_month_last_year, total.change_year_pct],
      empty: 'Tidak ada konsultasi.',
    }];
  },
  charts: (d, { year }) => d.map((c) => ({ title: c.label, noun: 'konsultasi', year, thisYear: c.per_month.this_year, lastYear: c.per_month.last_year, small: true })),
});
