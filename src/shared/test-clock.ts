/**
 * A fixed "today" for tests that run the real server or CLI as a process (the browser test):
 * `PPID_TEST_TODAY=YYYY-MM-DD`, honoured only together with `NODE_ENV=test`. The process's
 * clock (luxon's `DateTime.now`, which every "today" and every date check in the app reads)
 * starts at 09:00 of that day in the office zone and runs on from there, so the day is fixed
 * whatever the real date. Set without NODE_ENV=test, it stops the start: a production server
 * must never run on a made-up date. In-process tests use vitest's `vi.setSystemTime` instead.
 */
import { DateTime, Settings } from 'luxon';
import { isIsoDate } from './dates.js';

/** Applies PPID_TEST_TODAY when set; returns the day, or null when unset. Throws on misuse. */
export function applyTestClock(env: NodeJS.ProcessEnv, zone: string, realNow: () => number = Date.now): string | null {
  const day = env.PPID_TEST_TODAY;
  if (day === undefined || day === '') return null;
  if (env.NODE_ENV !== 'test') throw new Error('PPID_TEST_TODAY is for tests only: it is honoured with NODE_ENV=test, and refused otherwise. Unset it.');
  if (!isIsoDate(day)) throw new Error(`PPID_TEST_TODAY must be a date YYYY-MM-DD, not "${day}"`);
  const start = DateTime.fromISO(`${day}T09:00`, { zone }).toMillis();
  const realStart = realNow();
  Settings.now = () => start + (realNow() - realStart);
  return day;
}
