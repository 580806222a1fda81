/**
 * The seeded 2022 calendar, read back from the database, against due dates counted by hand
 * (the office's 2022 report is the reference year of the domain brief).
 */
import { describe, it, expect } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { holidaysOfYear, loadCalendar } from '../../src/calendar/holidays.service.js';
import { computeDeadlines } from '../../src/requests/deadlines.js';
import { workingDaysBetween } from '../../src/calendar/working-days.js';

describe('the 2022 calendar from the database', () => {
  const db = freshDb();
  const cal = loadCalendar(db);

  it('when seeded, then 2022 has its 20 official days', () => {
    expect(holidaysOfYear(db, 2022).map((h) => h.date)).toEqual([
      '2022-01-01', '2022-02-01', '2022-02-28', '2022-03-03', '2022-04-15', '2022-04-29', '2022-05-01',
      '2022-05-02', '2022-05-03', '2022-05-04', '2022-05-05', '2022-05-06', '2022-05-16', '2022-05-26',
      '2022-06-01', '2022-07-10', '2022-07-30', '2022-08-17', '2022-10-08', '2022-12-25',
    ]);
  });

  it.each([
    // Wed 27 Apr: Thu 28=1, Fri 29 cuti Idul Fitri, Sat 30, Sun 1 May (Hari Buruh), Mon 2 + Tue 3
    // Idul Fitri, Wed 4–Fri 6 cuti, Sat 7, Sun 8, Mon 9=2 … Fri 13=6, Mon 16 Waisak,
    // Tue 17=7 Wed 18=8 Thu 19=9 Fri 20=10.
    ['Idul Fitri 1443 H', '2022-04-27', '2022-05-20'],
    // Fri 23 Dec: Sat 24, Sun 25 (Natal), Mon 26=1 (no cuti bersama in the 2022 file) … Fri 30=5,
    // Sat 31, Sun 1 Jan 2023 (Tahun Baru), Mon 2=6 … Fri 6=10. Crosses into 2023.
    ['Natal, across the year', '2022-12-23', '2023-01-06'],
    // Fri 25 Feb: Sat 26, Sun 27, Mon 28 Isra Mi'raj, Tue 1 Mar=1 Wed 2=2, Thu 3 Nyepi,
    // Fri 4=3, Mon 7=4 … Fri 11=8, Mon 14=9 Tue 15=10.
    ["Isra Mi'raj and Nyepi", '2022-02-25', '2022-03-15'],
    // Mon 31 Jan: Tue 1 Feb Imlek, Wed 2=1 Thu 3=2 Fri 4=3, Mon 7=4 … Fri 11=8, Mon 14=9 Tue 15=10.
    ['Imlek', '2022-01-31', '2022-02-15'],
    // Wed 10 Aug: Thu 11=1 Fri 12=2, Mon 15=3 Tue 16=4, Wed 17 Kemerdekaan, Thu 18=5 Fri 19=6,
    // Mon 22=7 Tue 23=8 Wed 24=9 Thu 25=10.
    ['Hari Kemerdekaan', '2022-08-10', '2022-08-25'],
  ])('when received around %s on %s, then due %s', (_label, receivedOn, due) => {
    expect(computeDeadlines({ receivedOn, extensionDays: null, decidedOn: null }, cal).dueOn).toBe(due);
  });

  it('when counting the whole of 2022, then it has 246 working days', () => {
    // 365 − 105 weekend days − 14 holidays/cuti on weekdays (see working-days.test.ts).
    expect(workingDaysBetween('2021-12-31', '2022-12-31', cal)).toBe(246);
  });
});
