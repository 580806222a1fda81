/** PPID_TEST_TODAY: a fixed "today" for server processes under test, never in production. */
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime, Settings } from 'luxon';
import { applyTestClock } from '../../src/shared/test-clock.js';
import { todayIn } from '../../src/shared/dates.js';

const realNow = Settings.now;
afterEach(() => {
  Settings.now = realNow;
});

describe('test clock', () => {
  it('when PPID_TEST_TODAY is set with NODE_ENV=test, then today is that day in the office zone and the clock runs on from 09:00', () => {
    let real = 1_000_000;
    expect(applyTestClock({ NODE_ENV: 'test', PPID_TEST_TODAY: '2026-03-10' }, 'Asia/Jayapura', () => real)).toBe('2026-03-10');
    expect(todayIn('Asia/Jayapura')).toBe('2026-03-10');
    expect(DateTime.now().setZone('Asia/Jayapura').toFormat('HH:mm')).toBe('09:00');
    real += 90 * 60 * 1000;
    expect(DateTime.now().setZone('Asia/Jayapura').toFormat('HH:mm')).toBe('10:30');
  });

  it('when it is unset, then nothing changes', () => {
    expect(applyTestClock({ NODE_ENV: 'test' }, 'Asia/Jakarta')).toBeNull();
    expect(Settings.now).toBe(realNow);
  });

  it('when it is set without NODE_ENV=test, or is not a date, then the start is refused', () => {
    expect(() => applyTestClock({ NODE_ENV: 'production', PPID_TEST_TODAY: '2026-03-10' }, 'Asia/Jakarta')).toThrow(/for tests only/);
    expect(() => applyTestClock({ PPID_TEST_TODAY: '2026-03-10' }, 'Asia/Jakarta')).toThrow(/for tests only/);
    expect(() => applyTestClock({ NODE_ENV: 'test', PPID_TEST_TODAY: '2026-02-30' }, 'Asia/Jakarta')).toThrow(/YYYY-MM-DD/);
    expect(Settings.now).toBe(realNow);
  });
});
