/** Operators' holiday commands: `npm run ppid -- holidays list --year 2025`. */
import type { CliCommand } from '../context.js';
import { holidaysOfYear, missingCalendarWarning } from './holidays.service.js';

export const holidayCommands: CliCommand[] = [
  {
    usage: 'holidays list --year <tahun>',
    words: ['holidays', 'list'],
    options: { year: { type: 'string' } },
    run({ db }, { values }, io) {
      const year = Number(values.year);
      if (!/^\d{4}$/.test(String(values.year ?? '')) || !Number.isInteger(year)) {
        io.err('Sebutkan tahun dengan --year, mis. --year 2025.');
        return 2;
      }
      const days = holidaysOfYear(db, year);
      if (days.length === 0) io.err(missingCalendarWarning(year));
      // One line per day, tab-separated so it can be piped: date, kind, name.
      for (const d of days) io.out(`${d.date}\t${d.kind}\t${d.name}`);
      return 0;
    },
  },
];
