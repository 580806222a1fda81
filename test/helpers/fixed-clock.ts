/**
 * A fixed clock for tests that depend on "today". In-process tests: `useFixedClock()` freezes
 * Date (and so luxon's DateTime.now) for each test of the file. Server processes: start them
 * with `fixedTodayEnv` (PPID_TEST_TODAY, see src/shared/test-clock.ts) and use FIXED_TODAY for
 * the dates the test itself types.
 */
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Tuesday 10 March 2026: a working day in a seeded calendar year, whose deadline runs across
 * Nyepi, Idul Fitri and their cuti bersama.
 */
export const FIXED_TODAY = '2026-03-10';
/** 00:30 of FIXED_TODAY in Jakarta (WIB) — still 9 March in UTC, so a "today" taken in the wrong zone shows. */
export const FIXED_NOW = `${FIXED_TODAY}T00:30:00+07:00`;

/** Environment for a server or CLI process whose "today" is FIXED_TODAY. */
export const fixedTodayEnv = { NODE_ENV: 'test', PPID_TEST_TODAY: FIXED_TODAY } as const;

export function useFixedClock(now: string = FIXED_NOW): void {
  beforeEach(() => {
    vi.setSystemTime(new Date(now));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
