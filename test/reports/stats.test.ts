import { describe, expect, it } from 'vitest';
import { dayStats } from '../../src/reports/annual/stats.js';

describe('dayStats', () => {
  it.each([
    [[], { count: 0, median: null, mean: null, min: null, max: null }],
    [[7], { count: 1, median: 7, mean: 7, min: 7, max: 7 }],
    [[10, 2, 4], { count: 3, median: 4, mean: 5.33, min: 2, max: 10 }],
    [[1, 2, 3, 4], { count: 4, median: 2.5, mean: 2.5, min: 1, max: 4 }],
    [[5, 5, 5, 20], { count: 4, median: 5, mean: 8.75, min: 5, max: 20 }],
  ])('of %j is %j', (values, expected) => {
    expect(dayStats(values)).toEqual(expected);
  });
});
