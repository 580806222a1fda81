/**
 * Bars per month, this year beside last year, as SVG geometry for views/reports/_bars.ejs
 * (presentation attributes only: the CSP forbids style attributes). No chart library.
 */
import { formatCount } from '../../recap/recap.js';
import type { ChartSpec } from './section.js';

const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const r1 = (n: number) => Math.round(n * 10) / 10;

function niceStep(max: number, lines: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const s of [1, 2, 5]) if (max / (s * magnitude) <= lines) return s * magnitude;
  }
}

export interface BarChartView {
  id: string;
  width: number;
  height: number;
  small: boolean;
  title: string;
  description: string;
  bars: { x: number; y: number; w: number; h: number; fill: string; stroke: string; value: number; labelX: number; labelY: number; title: string; label: boolean }[];
  gridlines: { y: number; label: string }[];
  months: { x: number; label: string }[];
  legend: { x: number; y: number; fill: string; stroke: string; label: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

export function barChart(spec: ChartSpec, id: string): BarChartView {
  const small = spec.small ?? false;
  const width = small ? 360 : 760;
  const height = small ? 150 : 300;
  const plot = { left: small ? 30 : 44, right: width - 8, top: small ? 30 : 40, bottom: height - (small ? 20 : 28) };
  const max = Math.max(1, ...spec.thisYear, ...spec.lastYear);
  const step = niceStep(max, small ? 3 : 5);
  const top = Math.ceil(max / step) * step;
  const scale = (plot.bottom - plot.top) / top;
  const groupW = (plot.right - plot.left) / 12;
  const barW = Math.min(small ? 10 : 22, (groupW - (small ? 4 : 10)) / 2);
  const series = [
    { year: spec.year - 1, values: spec.lastYear, fill: '#b7c9dc', stroke: '#5b6776' },
    { year: spec.year, values: spec.thisYear, fill: '#0b4f8a', stroke: '#0b4f8a' },
  ];
  const bars: BarChartView['bars'] = [];
  for (let m = 0; m < 12; m++) {
    const groupX = plot.left + m * groupW + (groupW - 2 * barW - 2) / 2;
    series.forEach((s, i) => {
      const value = s.values[m] ?? 0;
      const h = value * scale;
      const x = groupX + i * (barW + 2);
      bars.push({
        x: r1(x), y: r1(plot.bottom - h), w: r1(barW), h: r1(h), fill: s.fill, stroke: s.stroke, value, label: !small && value > 0,
        labelX: r1(x + barW / 2), labelY: r1(plot.bottom - h - 3), title: `${MONTH_SHORT[m]} ${s.year}: ${formatCount(value)} ${spec.noun}`,
      });
    });
  }
  const gridlines: BarChartView['gridlines'] = [];
  for (let v = 0; v <= top; v += step) gridlines.push({ y: r1(plot.bottom - v * scale), label: formatCount(v) });
  return {
    id, width, height, small, title: spec.title,
    description: `Diagram batang jumlah ${spec.noun} per bulan. ${spec.year}: ${spec.thisYear.join(', ')}. ${spec.year - 1}: ${spec.lastYear.join(', ')}.`,
    bars, gridlines,
    months: MONTH_SHORT.map((label, m) => ({ x: r1(plot.left + m * groupW + groupW / 2), label: small ? label.slice(0, 1) : label })),
    legend: series.map((s, i) => ({ x: plot.right - (small ? 110 : 150) + i * (small ? 55 : 80), y: small ? 6 : 12, fill: s.fill, stroke: s.stroke, label: String(s.year) })),
    plot,
  };
}
