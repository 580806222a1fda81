/**
 * The report's arithmetic and wording (issue 18 point 4): percent change = (this − that) / that ×
 * 100 rounded half up to one decimal; an earlier figure of 0 cannot be compared.
 */
import { changeFrom } from '../../recap/monthly-report.js';
import { formatCount, formatDecimal, roundTo } from '../../recap/recap.js';
import { MONTHS_ID } from '../../shared/dates.js';

export const monthLabel = (year: number, month: number) => `${MONTHS_ID[month - 1]} ${year}`;

/** The month before (year, month). */
export const previousMonthOf = (year: number, month: number) => (month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 });

/** Signed percent change from `that` to `value`, or null when `that` is 0. */
export function pctChange(that: number, value: number): number | null {
  const c = changeFrom(that, value);
  if (c.pct === null) return null;
  return c.direction === 'down' ? -c.pct : c.pct;
}

/** Share of `part` in `whole`, percent with one decimal; null when the whole is 0. */
export const sharePct = (part: number, whole: number): number | null => (whole > 0 ? roundTo((part / whole) * 100, 1) : null);

/** The figure the JSON gives for the total and each channel. */
export interface Comparison {
  count: number;
  share_pct: number | null;
  previous_month: number;
  change_pct: number | null;
  same_month_last_year: number;
  change_year_pct: number | null;
}

export function compare(count: number, previous: number, lastYear: number, whole: number): Comparison {
  return {
    count, share_pct: sharePct(count, whole), previous_month: previous, change_pct: pctChange(previous, count),
    same_month_last_year: lastYear, change_year_pct: pctChange(lastYear, count),
  };
}

/** "12,4%" */
export const pctText = (v: number | null) => (v === null ? '–' : `${formatDecimal(v, 1)}%`);

/** "naik 12,4% dibandingkan Februari 2026 (1.102 konsultasi)"; a base of 0: "tidak dapat dibandingkan dengan …". */
export function changeText(that: number, value: number, against: string, noun: string): string {
  const c = changeFrom(that, value);
  const base = `${against} (${formatCount(that)} ${noun})`;
  if (c.direction === null) return `tidak dapat dibandingkan dengan ${base}`;
  if (c.direction === 'same') return `sama dengan ${base}`;
  return `${c.direction === 'up' ? 'naik' : 'turun'} ${formatDecimal(c.pct!, 1)}% dibandingkan ${base}`;
}

/** "a, b dan c" */
export const listOf = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;

export { formatCount };
