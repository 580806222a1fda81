/** Summary statistics of a list of day counts (pure). */
import { average, median } from '../../recap/recap.js';

export interface DayStats {
  /** How many values the statistics are over. */
  count: number;
  median: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
}

/** Median (the recap's rule), mean to 2 decimals, lowest and highest. */
export function dayStats(values: readonly number[]): DayStats {
  const sorted = [...values].sort((a, b) => a - b);
  const hist: { days: number; count: number }[] = [];
  for (const v of sorted) {
    const last = hist[hist.length - 1];
    if (last?.days === v) last.count++;
    else hist.push({ days: v, count: 1 });
  }
  return {
    count: sorted.length,
    median: median(hist),
    mean: average(sorted.reduce((s, v) => s + v, 0), sorted.length),
    min: sorted.length ? sorted[0] : null,
    max: sorted.length ? sorted[sorted.length - 1] : null,
  };
}
