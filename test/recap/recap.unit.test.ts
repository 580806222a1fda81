/** The pure parts: number formats, rounding, percentiles, changes, topics, rows, chart. */
import { describe, expect, it } from 'vitest';
import {
  assembleRecapRows, average, formatAverage, formatDecimal, formatPercent, median, percentile, roundTo, shareWithin,
  type MonthlyRequestAggregate,
} from '../../src/recap/recap.js';
import { changeFrom, describeChange, topTopics } from '../../src/recap/monthly-report.js';
import { monthlyBarChart } from '../../src/recap/recap.presenter.js';

describe('Indonesian numbers', () => {
  it.each([
    [4.4, 2, '4,40'], [5.1024, 2, '5,10'], [8.625, 2, '8,63'], [1234.5, 2, '1.234,50'], [1205, 0, '1.205'], [0, 2, '0,00'], [33.333, 1, '33,3'],
  ])('formatDecimal(%s, %s) is %s', (value, digits, expected) => {
    expect(formatDecimal(value, digits)).toBe(expected);
  });

  it('when there is no average or no share, then a dash is shown', () => {
    expect(formatAverage(null)).toBe('–');
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(20)).toBe('20,0%');
  });

  it('when rounding halves, then away from zero without binary surprises', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(4.345, 2)).toBe(4.35);
    expect(average(69, 8)).toBe(8.63);
    expect(average(66, 15)).toBe(4.4);
    expect(average(5, 0)).toBeNull();
  });
});

describe('distribution of working days', () => {
  const hist = (...days: number[]) =>
    [...new Set(days)].sort((a, b) => a - b).map((d) => ({ days: d, count: days.filter((x) => x === d).length }));

  it('when the count is odd or even, then the median is the middle value or the mean of the two', () => {
    expect(median(hist(3, 5, 9, 12, 15))).toBe(9);
    expect(median(hist(2, 4))).toBe(3);
    expect(median(hist(4, 4, 4, 7))).toBe(4);
    expect(median([])).toBeNull();
  });

  it('when the 90th percentile is asked, then the nearest rank is used', () => {
    const ten = hist(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    expect(percentile(ten, 90)).toBe(9); // ceil(0,9 × 10) = 9th
    expect(percentile(hist(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 90)).toBe(10); // ceil(9,9) = 10th
    expect(percentile(hist(6), 90)).toBe(6);
    expect(percentile([], 90)).toBeNull();
  });

  it('when shares are computed, then at most the limit counts, as a percentage with one decimal', () => {
    expect(shareWithin(hist(3, 10, 11), 10)).toEqual({ count: 2, pct: 66.7 });
    expect(shareWithin([], 10)).toEqual({ count: 0, pct: null });
  });
});

describe('rows', () => {
  const agg = (month: number, o: Partial<MonthlyRequestAggregate>): MonthlyRequestAggregate => ({
    month, requests: 0, grantedFull: 0, grantedPartial: 0, rejected: 0, notProvided: 0, inProcess: 0, reasonExempt: 0, reasonNotHeld: 0,
    reasonOther: 0, timed: 0, serviceDaysSum: 0, ...o,
  });

  it('when months are missing from the aggregates, then they are zero rows; the Total sums and averages over decided requests', () => {
    const { months, total } = assembleRecapRows(
      [agg(2, { requests: 2, grantedFull: 2, timed: 2, serviceDaysSum: 8 }), agg(11, { requests: 3, grantedFull: 1, inProcess: 2, timed: 1, serviceDaysSum: 2 })],
      [{ month: 12, objections: 4 }],
    );
    expect(months.map((m) => m.requests)).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0]);
    expect(months.map((m) => m.label)).toEqual(['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']);
    expect(months[1].avgServiceDays).toBe(4);
    expect(months[10].avgServiceDays).toBe(2);
    expect(months[0].avgServiceDays).toBeNull();
    expect(total).toMatchObject({ label: 'Total', requests: 5, inProcess: 2, objections: 4, avgServiceDays: 3.33, reconciles: true });
  });

  it('when outcomes do not add up to the requests, then the row and the Total are marked', () => {
    const { months, total } = assembleRecapRows([agg(5, { requests: 3, grantedFull: 2 })], []);
    expect(months[4].reconciles).toBe(false);
    expect(total.reconciles).toBe(false);
    expect(months[3].reconciles).toBe(true);
  });
});

describe('changes and topics', () => {
  it.each([
    [25, 20, 'turun 20,0% dibandingkan bulan sebelumnya (25)'],
    [15, 20, 'naik 33,3% dibandingkan bulan sebelumnya (15)'],
    [20, 20, 'sama dengan bulan sebelumnya (20)'],
    [0, 20, 'tidak dapat dibandingkan dengan bulan sebelumnya (0)'],
    [0, 0, 'tidak dapat dibandingkan dengan bulan sebelumnya (0)'],
    [3, 0, 'turun 100,0% dibandingkan bulan sebelumnya (3)'],
  ])('from %s to %s: %s', (base, value, text) => {
    expect(describeChange(changeFrom(base, value), 'bulan sebelumnya')).toBe(text);
  });

  it('when texts repeat words, then each request counts a word once, stop words and numbers are dropped, ties sort alphabetically', () => {
    const t = topTopics([
      'Data anggaran anggaran anggaran dana desa 2024',
      'Mohon data dana desa dan anggaran untuk penelitian',
      'Realisasi dana desa',
    ]);
    expect(t.words).toEqual([
      { term: 'dana', count: 3 }, { term: 'desa', count: 3 }, { term: 'anggaran', count: 2 }, { term: 'penelitian', count: 1 }, { term: 'realisasi', count: 1 },
    ]);
    expect(t.bigrams).toEqual([{ term: 'dana desa', count: 3 }]);
    expect(topTopics([...['b a', 'a b']].map((s) => `${s} kata`))).toEqual(topTopics(['a b kata', 'b a kata']));
  });
});

describe('bar chart', () => {
  it('when drawn, then bars are proportional, zero months have no height, and the legend names both years', () => {
    const c = monthlyBarChart(2026, [10, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0], [5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const bar = (title: string) => c.bars.find((b) => b.title === title)!;
    expect(c.bars).toHaveLength(24);
    expect(bar('Mar 2026: 20 permohonan').h).toBeCloseTo(2 * bar('Jan 2026: 10 permohonan').h, 0);
    expect(bar('Jan 2025: 5 permohonan').h).toBeCloseTo(bar('Jan 2026: 10 permohonan').h / 2, 0);
    expect(bar('Feb 2026: 0 permohonan').h).toBe(0);
    expect(c.legend.map((l) => l.label)).toEqual(['2025', '2026']);
    expect(c.gridlines.map((g) => g.label)).toEqual(['0', '5', '10', '15', '20']);
    for (const b of c.bars) expect(b.y + b.h).toBeCloseTo(c.plot.bottom, 0);
  });
});
