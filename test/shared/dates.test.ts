/** The date helpers every form and API call goes through (src/shared/dates.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime, Settings } from 'luxon';
import { instantAt, isIsoDate, nowInstant } from '../../src/shared/dates.js';

const realNow = Settings.now;
afterEach(() => {
  Settings.now = realNow;
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100 only
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2026-04-31', false],
    ['2026-04-30', true],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-05', false],
    ['2026-01-05 ', false],
    ['05-01-2026', false],
    ['', false],
  ])('%s → %s, as luxon would judge it', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
    expect(isIsoDate(value)).toBe(/^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid);
  });

  it('agrees with luxon on every day of four years, and on the day after each month', () => {
    for (let d = DateTime.fromISO('2023-01-01'); d.year < 2027; d = d.plus({ days: 1 })) {
      expect(isIsoDate(d.toISODate()!)).toBe(true);
      expect(isIsoDate(`${d.toFormat('yyyy-MM')}-${String(d.daysInMonth! + 1).padStart(2, '0')}`)).toBe(false);
    }
  });
});

describe('nowInstant', () => {
  it('writes the instant as luxon writes it in UTC, on luxon’s clock', () => {
    Settings.now = () => Date.UTC(2026, 10, 30, 23, 5, 49, 123);
    expect(nowInstant()).toBe('2026-11-30T23:05:49.123Z');
    expect(nowInstant()).toBe(DateTime.utc().toISO());
    expect(instantAt(Date.UTC(2026, 0, 1))).toBe(DateTime.fromMillis(Date.UTC(2026, 0, 1), { zone: 'utc' }).toISO());
  });
});
