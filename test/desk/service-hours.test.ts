/** Service hours and service levels in working hours / working days: pure, table-driven. */
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/calendar/working-days.js';
import { addServiceHours, DEFAULT_SERVICE_HOURS, isInsideServiceHours } from '../../src/desk/service-hours.js';
import { dueAtForPolicy } from '../../src/desk/sla.js';

const zone = 'Asia/Jakarta';
// Friday 2026-01-16 a holiday; Monday 2026-03-23 cuti bersama.
const holidays = [
  { date: '2026-01-16', kind: 'holiday' as const, name: 'Isra Mikraj' },
  { date: '2026-03-23', kind: 'collective_leave' as const, name: 'Cuti Bersama Idul Fitri' },
];
const cal = buildCalendar(holidays);
const calLeaveWorks = buildCalendar(holidays, { collectiveLeaveIsWorkingDay: true });
const hours = DEFAULT_SERVICE_HOURS;

describe('isInsideServiceHours (Mon–Thu 08:00–16:00, Fri 08:00–16:30, office zone)', () => {
  it.each([
    ['Monday 08:00 (opening)', '2026-01-12T08:00:00+07:00', true],
    ['Monday 07:59', '2026-01-12T07:59:00+07:00', false],
    ['Monday 15:59', '2026-01-12T15:59:00+07:00', true],
    ['Monday 16:00 (closing)', '2026-01-12T16:00:00+07:00', false],
    ['Friday 16:15 (Friday closes 16:30)', '2026-01-09T16:15:00+07:00', true],
    ['Saturday 10:00', '2026-01-10T10:00:00+07:00', false],
    ['a holiday Friday 10:00', '2026-01-16T10:00:00+07:00', false],
    ['Monday 09:00 WITA = 08:00 WIB', '2026-01-12T09:00:00+08:00', true],
    ['Monday 08:30 WIT = 06:30 WIB', '2026-01-12T08:30:00+09:00', false],
    ['Monday 01:30 UTC = 08:30 WIB', '2026-01-12T01:30:00Z', true],
  ])('when a ticket comes in on %s, then inside = %s', (_what, at, inside) => {
    expect(isInsideServiceHours(at, hours, cal, zone)).toBe(inside);
  });

  it('when cuti bersama is a working day under the office setting, then it has service hours; otherwise not', () => {
    expect(isInsideServiceHours('2026-03-23T10:00:00+07:00', hours, cal, zone)).toBe(false);
    expect(isInsideServiceHours('2026-03-23T10:00:00+07:00', hours, calLeaveWorks, zone)).toBe(true);
  });

  it('when a weekday has no hours (closed), then nothing that day is inside', () => {
    expect(isInsideServiceHours('2026-01-14T10:00:00+07:00', { ...hours, 3: null }, cal, zone)).toBe(false);
  });
});

describe('addServiceHours (working hours count only inside service hours on working days)', () => {
  it.each([
    ['inside the same day', '2026-01-12T09:00:00+07:00', 4, '2026-01-12T13:00:00+07:00'],
    ['up to closing time exactly', '2026-01-12T12:00:00+07:00', 4, '2026-01-12T16:00:00+07:00'],
    ['past closing into the next morning', '2026-01-12T15:00:00+07:00', 4, '2026-01-13T11:00:00+07:00'],
    ['after closing time: counting starts at the next opening', '2026-01-12T18:30:00+07:00', 2, '2026-01-13T10:00:00+07:00'],
    ['before opening: counting starts at opening', '2026-01-12T06:00:00+07:00', 1, '2026-01-12T09:00:00+07:00'],
    ['across a weekend (Friday closes 16:30)', '2026-01-09T15:00:00+07:00', 4, '2026-01-12T10:30:00+07:00'],
    ['on a Saturday: from Monday opening', '2026-01-10T11:00:00+07:00', 3, '2026-01-12T11:00:00+07:00'],
    ['across a holiday Friday and the weekend', '2026-01-15T14:00:00+07:00', 3, '2026-01-19T09:00:00+07:00'],
    ['two full days (8 + 8 hours)', '2026-01-12T08:00:00+07:00', 16, '2026-01-13T16:00:00+07:00'],
    ['from another zone (10:00 WITA = 09:00 WIB)', '2026-01-12T10:00:00+08:00', 2, '2026-01-12T11:00:00+07:00'],
  ])('when it counts %s, then it is due at %s + %s h = %s', (_what, start, n, due) => {
    expect(addServiceHours(start, n, hours, cal, zone)).toBe(new Date(due).toISOString().replace('.000', ''));
  });

  it('when there are no service hours at all, then there is no due time (an error, not a loop)', () => {
    expect(() => addServiceHours('2026-01-12T09:00:00+07:00', 1, {}, cal, zone)).toThrow(/jam layanan/);
  });
});

describe('dueAtForPolicy', () => {
  const utc = (s: string) => new Date(s).toISOString().replace('.000', '');
  it.each([
    ['1 working day from Friday 09:00 → Monday 09:00', '2026-01-09T09:00:00+07:00', { amount: 1, unit: 'working_days' as const }, '2026-01-12T09:00:00+07:00'],
    ['2 working days from Thursday skip the holiday Friday', '2026-01-15T10:00:00+07:00', { amount: 2, unit: 'working_days' as const }, '2026-01-20T10:00:00+07:00'],
    ['5 working days after closing keep the clock time and skip the holiday', '2026-01-12T19:00:00+07:00', { amount: 5, unit: 'working_days' as const }, '2026-01-20T19:00:00+07:00'],
    ['8 working hours after closing = next working day closing', '2026-01-12T19:00:00+07:00', { amount: 8, unit: 'working_hours' as const }, '2026-01-13T16:00:00+07:00'],
  ])('when %s', (_what, start, policy, due) => {
    expect(dueAtForPolicy(start, policy, cal, zone, hours)).toBe(utc(due));
  });
});
