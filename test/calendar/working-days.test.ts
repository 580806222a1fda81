/**
 * Working-day arithmetic against the official calendar (src/calendar/official-holidays.json).
 * Every expected value was worked out by hand from that file and a wall calendar; the comment
 * on each row shows the count. Notation: "Tue 8=1" means Tuesday the 8th is working day 1.
 */
import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import official from '../../src/calendar/official-holidays.json' with { type: 'json' };
import {
  addWorkingDays, buildCalendar, dayNumber, isWorkingDay, walkWorkingDays, workingDaysBetween, type HolidayEntry,
  type WorkingCalendar,
} from '../../src/calendar/working-days.js';
import { computeDeadlines, explainDeadline, urgencyOn } from '../../src/requests/deadlines.js';

const entries = Object.values(official.years).flatMap((y) => y.days) as HolidayEntry[];
const cal = buildCalendar(entries);
const weekendsOnly = buildCalendar([]);

describe('the seed file', () => {
  it('when read, then it holds Idul Fitri 2025 on 31 Mar–1 Apr with cuti bersama 2–4 and 7 Apr', () => {
    const around = entries.filter((e) => e.date >= '2025-03-28' && e.date <= '2025-04-07');
    expect(around).toEqual([
      { date: '2025-03-28', kind: 'collective_leave', name: 'Cuti bersama Nyepi' },
      { date: '2025-03-29', kind: 'holiday', name: 'Hari Suci Nyepi Tahun Baru Saka 1947' },
      { date: '2025-03-31', kind: 'holiday', name: 'Hari Raya Idul Fitri 1446 H' },
      { date: '2025-04-01', kind: 'holiday', name: 'Hari Raya Idul Fitri 1446 H' },
      { date: '2025-04-02', kind: 'collective_leave', name: 'Cuti bersama Idul Fitri' },
      { date: '2025-04-03', kind: 'collective_leave', name: 'Cuti bersama Idul Fitri' },
      { date: '2025-04-04', kind: 'collective_leave', name: 'Cuti bersama Idul Fitri' },
      { date: '2025-04-07', kind: 'collective_leave', name: 'Cuti bersama Idul Fitri' },
    ]);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2025-04-08', true], // Tuesday after the Idul Fitri cuti bersama
    ['2025-04-07', false], // Monday, cuti bersama Idul Fitri
    ['2025-03-31', false], // Monday, Idul Fitri
    ['2025-02-15', false], // Saturday
    ['2025-02-16', false], // Sunday
    ['2025-02-17', true], // ordinary Monday
    ['2025-12-26', false], // Friday, cuti bersama Natal
  ])('when the day is %s, then working = %s', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });
});

describe('addWorkingDays: the 10th working day after receipt (UU 14/2008 Pasal 22 ayat 7)', () => {
  it.each([
    // Thu 27 Mar 2025. Skip Fri 28 (cuti Nyepi), Sat 29, Sun 30, Mon 31 + Tue 1 Apr (Idul Fitri),
    // Wed 2–Fri 4 (cuti), Sat 5, Sun 6, Mon 7 (cuti). Tue 8=1 Wed 9=2 Thu 10=3 Fri 11=4,
    // Mon 14=5 Tue 15=6 Wed 16=7 Thu 17=8, Fri 18 Wafat Isa Almasih, Mon 21=9 Tue 22=10.
    ['Idul Fitri 2025', '2025-03-27', '2025-04-22'],
    // Mon 23 Dec 2024. Tue 24=1, Wed 25 Natal, Thu 26 cuti Natal, Fri 27=2, Mon 30=3 Tue 31=4,
    // Wed 1 Jan Tahun Baru, Thu 2=5 Fri 3=6, Mon 6=7 Tue 7=8 Wed 8=9 Thu 9=10.
    ['Natal and new year 2024→2025', '2024-12-23', '2025-01-09'],
    // Mon 22 Dec 2025. Tue 23=1 Wed 24=2, Thu 25 Natal, Fri 26 cuti Natal, Mon 29=3 Tue 30=4
    // Wed 31=5, Thu 1 Jan 2026 Tahun Baru, Fri 2=6, Mon 5=7 Tue 6=8 Wed 7=9 Thu 8=10.
    ['Natal and new year 2025→2026', '2025-12-22', '2026-01-08'],
    // Sat 15 Feb 2025: Sun 16 skipped, counting starts Mon 17=1 … Fri 21=5, Mon 24=6 … Fri 28=10.
    ['Saturday receipt', '2025-02-15', '2025-02-28'],
    // Fri 14 Feb 2025: the Friday itself does not count; Sat, Sun skipped; same as above.
    ['Friday receipt', '2025-02-14', '2025-02-28'],
    // Fri 9 May 2025: Sat 10, Sun 11, Mon 12 Waisak, Tue 13 cuti Waisak. Wed 14=1 Thu 15=2
    // Fri 16=3, Mon 19=4 … Fri 23=8, Mon 26=9 Tue 27=10.
    ['Friday receipt before Waisak', '2025-05-09', '2025-05-27'],
    // Wed 22 Dec 2021: Thu 23=1 Fri 24=2, Sat 25 (also Natal), Sun 26, Mon 27=3 … Fri 31=7,
    // Sat 1 Jan 2022 (also Tahun Baru), Sun 2, Mon 3=8 Tue 4=9 Wed 5=10.
    ['year boundary 2021→2022', '2021-12-22', '2022-01-05'],
  ])('when received %s (%s), then due %s', (_label, receivedOn, due) => {
    expect(addWorkingDays(receivedOn, 10, cal)).toBe(due);
  });

  it.each([
    // Thu 27 Mar 2025 with weekends only: Fri 28=1, Mon 31=2 … Fri 4 Apr=6, Mon 7=7 … Thu 10=10.
    ['2025-03-27', 10, '2025-04-10'],
    // n = 0: the start itself, whatever day it is.
    ['2025-02-15', 0, '2025-02-15'],
  ])('when the calendar is empty and %s + %s, then %s', (start, n, end) => {
    expect(addWorkingDays(start, n, weekendsOnly)).toBe(end);
  });

  it('when n is negative or fractional, then it refuses', () => {
    expect(() => addWorkingDays('2025-01-02', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-01-02', 1.5, cal)).toThrow(RangeError);
  });

  it('when n is beyond any period of the law, then it refuses rather than walk for ever', () => {
    expect(() => addWorkingDays('2025-01-02', 1_000_000, cal)).toThrow(RangeError);
  });

  it('when the start is 0001-01-01, then the walk takes as many steps as the days it passes', () => {
    const walk = walkWorkingDays('0001-01-01', 10, cal);
    expect(walk.counted).toHaveLength(10);
    expect(walk.counted.length + walk.skipped.length).toBeLessThan(20);
  });
});

describe('walkWorkingDays', () => {
  it('when walking over Natal and new year 2024→2025, then the skipped days carry their reasons', () => {
    const walk = walkWorkingDays('2024-12-23', 10, cal);
    expect(walk.end).toBe('2025-01-09');
    expect(walk.counted).toEqual([
      '2024-12-24', '2024-12-27', '2024-12-30', '2024-12-31', '2025-01-02',
      '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09',
    ]);
    expect(walk.skipped).toEqual([
      { date: '2024-12-25', reason: 'Hari Raya Natal' },
      { date: '2024-12-26', reason: 'Cuti bersama Natal' },
      { date: '2024-12-28', reason: 'Sabtu' },
      { date: '2024-12-29', reason: 'Minggu' },
      { date: '2025-01-01', reason: 'Tahun Baru 2025 Masehi' },
      { date: '2025-01-04', reason: 'Sabtu' },
      { date: '2025-01-05', reason: 'Minggu' },
    ]);
  });

  it('when a holiday falls on a weekend, then both reasons are given', () => {
    // 25 Dec 2021 and 1 Jan 2022 were Saturdays.
    const walk = walkWorkingDays('2021-12-22', 10, cal);
    expect(walk.skipped).toEqual([
      { date: '2021-12-25', reason: 'Sabtu, Hari Raya Natal' },
      { date: '2021-12-26', reason: 'Minggu' },
      { date: '2022-01-01', reason: 'Sabtu, Tahun Baru 2022 Masehi' },
      { date: '2022-01-02', reason: 'Minggu' },
    ]);
  });
});

describe('workingDaysBetween: working days d with from < d ≤ to', () => {
  it.each([
    // Only Tue 8 Apr 2025 works between Thu 27 Mar and Tue 8 Apr (see the Idul Fitri row).
    ['2025-03-27', '2025-04-08', 1],
    // Fri 28 Mar … Mon 7 Apr 2025: nothing but weekends, Nyepi, Idul Fitri and cuti bersama.
    ['2025-03-28', '2025-04-07', 0],
    // Same day: nothing after `from`.
    ['2025-04-08', '2025-04-08', 0],
    // `to` before `from`.
    ['2025-04-10', '2025-04-08', 0],
    // Fri 14 Feb 2025 → Mon 17 Feb: the weekend in between does not count, Monday does.
    ['2025-02-14', '2025-02-17', 1],
    // Mirrors the Natal 2024 row: the 10th working day.
    ['2024-12-23', '2025-01-09', 10],
    // All of 2022: 365 days − 105 weekend days (53 Saturdays, 52 Sundays) − 14 weekday
    // holidays/cuti (1 Feb, 28 Feb, 3 Mar, 15 Apr, 29 Apr, 2–6 May, 16 May, 26 May, 1 Jun,
    // 17 Aug; 1 Jan, 1 May, 10 Jul, 30 Jul, 8 Oct, 25 Dec fell on weekends) = 246.
    ['2021-12-31', '2022-12-31', 246],
  ])('when from %s to %s, then %s', (from, to, n) => {
    expect(workingDaysBetween(from, to, cal)).toBe(n);
  });
});

/** The old day-by-day count, kept here as the reference the arithmetic must agree with. */
function countDayByDay(from: string, to: string, c: WorkingCalendar): number {
  let n = 0;
  for (let d = DateTime.fromISO(from).plus({ days: 1 }); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
    if (c.offReason(d.toISODate()!) === null) n++;
  }
  return n;
}

describe('workingDaysBetween is arithmetic, not a walk (a 0001-01-01 in the database once froze every page)', () => {
  it.each([
    // Idul Fitri 2025, Natal and new year, a weekend holiday, the leap day, whole years.
    ['2025-03-20', '2025-04-30'],
    ['2025-03-28', '2025-04-07'],
    ['2024-12-20', '2025-01-10'],
    ['2025-12-19', '2026-01-09'],
    ['2021-12-24', '2022-01-04'],
    ['2024-02-27', '2024-03-04'],
    ['2019-12-31', '2026-12-31'],
    ['2023-04-17', '2023-05-02'], // Idul Fitri 2023 with its cuti bersama
    ['2025-02-15', '2025-02-16'], // Saturday → Sunday
    ['2025-02-14', '2025-02-14'],
  ])('when from %s to %s, then it agrees with a day-by-day count', (from, to) => {
    expect(workingDaysBetween(from, to, cal)).toBe(countDayByDay(from, to, cal));
    expect(workingDaysBetween(from, to, weekendsOnly)).toBe(countDayByDay(from, to, weekendsOnly));
  });

  it('when every pair of days across 2024–2025 is counted, then each agrees with the walk', () => {
    const days: string[] = [];
    for (let d = DateTime.fromISO('2024-12-01'); d.toISODate()! <= '2025-05-10'; d = d.plus({ days: 3 })) days.push(d.toISODate()!);
    for (const from of days.slice(0, 15)) for (const to of days) {
      expect(workingDaysBetween(from, to, cal), `${from} → ${to}`).toBe(countDayByDay(from, to, cal));
    }
  });

  it.each([
    // 0001-01-01 → 2001-01-01 is 730,485 days = exactly 104,355 weeks: 5 working days in each,
    // and the calendar's holidays (2020–2026) lie outside the range.
    ['0001-01-01', '2001-01-01', 104_355 * 5],
    // The same whole weeks shifted by 14 days, still clear of the calendar.
    ['0001-01-15', '2001-01-15', 104_355 * 5],
    // Two thousand years up to the end of 2021 = the count to 2019-12-31 (whole-week arithmetic
    // checked against the walk for the last stretch) plus 2020 and 2021 as the walk counts them.
    ['0001-01-01', '2021-12-31', workingDaysBetween('0001-01-01', '2019-12-31', weekendsOnly) + countDayByDay('2019-12-31', '2021-12-31', cal)],
  ])('when from %s to %s, then %s, without visiting the days one by one', (from, to, expected) => {
    let visits = 0;
    const counting: WorkingCalendar = {
      offReason: (d) => { visits++; return cal.offReason(d); },
      weekdayHolidaysIn: (a, b) => cal.weekdayHolidaysIn(a, b),
    };
    expect(workingDaysBetween(from, to, counting)).toBe(expected);
    expect(visits).toBe(0);
  });

  it('when a range spans 9999 years, then the count is the weekdays in it (5 in 7)', () => {
    // 0001-01-01 → 9601-01-01 is 24 whole 400-year cycles = 24 × 20,871 weeks.
    expect(workingDaysBetween('0001-01-01', '9601-01-01', weekendsOnly)).toBe(24 * 20_871 * 5);
  });

  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11_017],
    ['0001-01-01', -719_162],
  ])('when the day number of %s is asked, then %s', (date, n) => {
    expect(dayNumber(date)).toBe(n);
  });
});

describe('computeDeadlines', () => {
  it.each([
    // Idul Fitri row above; undecided.
    ['open over Idul Fitri 2025', { receivedOn: '2025-03-27', extensionDays: null, decidedOn: null },
      { originalDueOn: '2025-04-22', dueOn: '2025-04-22', serviceDays: null }],
    // Decided the day it arrived: 0 service days.
    ['decided the same day', { receivedOn: '2025-02-14', extensionDays: null, decidedOn: '2025-02-14' },
      { originalDueOn: '2025-02-28', dueOn: '2025-02-28', serviceDays: 0 }],
    // Fri 14 Feb → Mon 17 Feb: 1 service day.
    ['decided the next working day', { receivedOn: '2025-02-14', extensionDays: null, decidedOn: '2025-02-17' },
      { originalDueOn: '2025-02-28', dueOn: '2025-02-28', serviceDays: 1 }],
    // Thu 27 Mar → Thu 10 Apr 2025: Tue 8, Wed 9, Thu 10 = 3 service days.
    ['decided after Idul Fitri', { receivedOn: '2025-03-27', extensionDays: null, decidedOn: '2025-04-10' },
      { originalDueOn: '2025-04-22', dueOn: '2025-04-22', serviceDays: 3 }],
    // Extended 7 working days after Tue 22 Apr 2025: Wed 23=1 Thu 24=2 Fri 25=3, Mon 28=4
    // Tue 29=5 Wed 30=6, Thu 1 May Hari Buruh, Fri 2 May=7.
    ['extended by 7 (Pasal 22 ayat 8)', { receivedOn: '2025-03-27', extensionDays: 7, decidedOn: null },
      { originalDueOn: '2025-04-22', dueOn: '2025-05-02', serviceDays: null }],
    // Extended 7 after Thu 9 Jan 2025: Fri 10=1, Mon 13=2 … Fri 17=6, Mon 20=7.
    ['extended across January 2025', { receivedOn: '2024-12-23', extensionDays: 7, decidedOn: null },
      { originalDueOn: '2025-01-09', dueOn: '2025-01-20', serviceDays: null }],
  ])('when %s, then the deadlines are as counted by hand', (_label, input, expected) => {
    expect(computeDeadlines(input, cal)).toEqual(expected);
  });
});

describe('explainDeadline', () => {
  it('when a request is received before Idul Fitri 2025 and extended, then every skipped day is listed with its name', () => {
    const ex = explainDeadline({ receivedOn: '2025-03-27', extensionDays: 7, decidedOn: null }, cal);
    expect(ex.original.counted).toEqual([
      '2025-04-08', '2025-04-09', '2025-04-10', '2025-04-11', '2025-04-14',
      '2025-04-15', '2025-04-16', '2025-04-17', '2025-04-21', '2025-04-22',
    ]);
    expect(ex.original.skipped).toEqual([
      { date: '2025-03-28', reason: 'Cuti bersama Nyepi' },
      { date: '2025-03-29', reason: 'Sabtu, Hari Suci Nyepi Tahun Baru Saka 1947' },
      { date: '2025-03-30', reason: 'Minggu' },
      { date: '2025-03-31', reason: 'Hari Raya Idul Fitri 1446 H' },
      { date: '2025-04-01', reason: 'Hari Raya Idul Fitri 1446 H' },
      { date: '2025-04-02', reason: 'Cuti bersama Idul Fitri' },
      { date: '2025-04-03', reason: 'Cuti bersama Idul Fitri' },
      { date: '2025-04-04', reason: 'Cuti bersama Idul Fitri' },
      { date: '2025-04-05', reason: 'Sabtu' },
      { date: '2025-04-06', reason: 'Minggu' },
      { date: '2025-04-07', reason: 'Cuti bersama Idul Fitri' },
      { date: '2025-04-12', reason: 'Sabtu' },
      { date: '2025-04-13', reason: 'Minggu' },
      { date: '2025-04-18', reason: 'Wafat Isa Almasih' },
      { date: '2025-04-19', reason: 'Sabtu' },
      { date: '2025-04-20', reason: 'Minggu, Hari Paskah' },
    ]);
    expect(ex.extension).toEqual({
      counted: ['2025-04-23', '2025-04-24', '2025-04-25', '2025-04-28', '2025-04-29', '2025-04-30', '2025-05-02'],
      skipped: [
        { date: '2025-04-26', reason: 'Sabtu' },
        { date: '2025-04-27', reason: 'Minggu' },
        { date: '2025-05-01', reason: 'Hari Buruh Internasional' },
      ],
      end: '2025-05-02',
    });
  });

  it('when there is no extension, then only the original walk is given', () => {
    const ex = explainDeadline({ receivedOn: '2025-02-15', extensionDays: null, decidedOn: null }, cal);
    expect(ex.extension).toBeNull();
    // Saturday receipt: Sunday skipped, Monday 17 Feb is the first day counted.
    expect(ex.original.skipped[0]).toEqual({ date: '2025-02-16', reason: 'Minggu' });
    expect(ex.original.counted[0]).toBe('2025-02-17');
  });
});

describe('urgencyOn (DUE_SOON = 2 working days)', () => {
  const due = '2025-04-22'; // Tue, the Idul Fitri 2025 row
  it.each([
    // Mon 14 Apr: Tue 15, Wed 16, Thu 17, Mon 21, Tue 22 still to come = 5 (Fri 18 is Wafat Isa).
    ['2025-04-14', due, { kind: 'on_track', daysLeft: 5 }],
    // Thu 17 Apr: Fri 18 holiday, Mon 21, Tue 22 = 2 left → due soon.
    ['2025-04-17', due, { kind: 'due_soon', daysLeft: 2 }],
    // On the due date itself: 0 left, still not late.
    ['2025-04-22', due, { kind: 'due_soon', daysLeft: 0 }],
    // Wed 23 Apr: one working day late.
    ['2025-04-23', due, { kind: 'overdue', daysLate: 1 }],
    // Sat 26 Apr: Wed 23, Thu 24, Fri 25 have passed = 3 late.
    ['2025-04-26', due, { kind: 'overdue', daysLate: 3 }],
    // Due Fri 25 Apr, today Sun 27: no working day since, but late all the same → at least 1.
    ['2025-04-27', '2025-04-25', { kind: 'overdue', daysLate: 1 }],
  ])('when today is %s and due %s, then %j', (today, dueOn, expected) => {
    expect(urgencyOn(today, { dueOn, decidedOn: null }, cal)).toEqual(expected);
  });

  it('when decided, then closed whatever the date', () => {
    expect(urgencyOn('2025-06-01', { dueOn: due, decidedOn: '2025-04-10' }, cal)).toEqual({ kind: 'closed' });
  });
});
