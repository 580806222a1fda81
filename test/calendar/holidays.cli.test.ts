import { describe, it, expect } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/context.js';
import { cliContext } from '../helpers/cli.js';

function captured(): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l), readStdin: async () => '' };
}

describe('holidays list', () => {
  it('when asked for 2022, then it prints one tab-separated line per day, in date order', async () => {
    const db = freshDb();
    const io = captured();
    const code = await runCli(['holidays', 'list', '--year', '2022'], cliContext(db), io);
    expect(code).toBe(0);
    expect(io.errLines).toEqual([]);
    expect(io.outLines).toEqual([
      '2022-01-01\tholiday\tTahun Baru 2022 Masehi',
      '2022-02-01\tholiday\tTahun Baru Imlek 2573 Kongzili',
      "2022-02-28\tholiday\tIsra Mi'raj Nabi Muhammad SAW",
      '2022-03-03\tholiday\tHari Suci Nyepi Tahun Baru Saka 1944',
      '2022-04-15\tholiday\tWafat Isa Almasih',
      '2022-04-29\tcollective_leave\tCuti bersama Idul Fitri',
      '2022-05-01\tholiday\tHari Buruh Internasional',
      '2022-05-02\tholiday\tHari Raya Idul Fitri 1443 H',
      '2022-05-03\tholiday\tHari Raya Idul Fitri 1443 H',
      '2022-05-04\tcollective_leave\tCuti bersama Idul Fitri',
      '2022-05-05\tcollective_leave\tCuti bersama Idul Fitri',
      '2022-05-06\tcollective_leave\tCuti bersama Idul Fitri',
      '2022-05-16\tholiday\tHari Raya Waisak 2566',
      '2022-05-26\tholiday\tKenaikan Isa Almasih',
      '2022-06-01\tholiday\tHari Lahir Pancasila',
      '2022-07-10\tholiday\tHari Raya Idul Adha 1443 H',
      '2022-07-30\tholiday\tTahun Baru Islam 1444 H',
      '2022-08-17\tholiday\tHari Kemerdekaan RI',
      '2022-10-08\tholiday\tMaulid Nabi Muhammad SAW',
      '2022-12-25\tholiday\tHari Raya Natal',
    ]);
  });

  it('when the year has no entries, then nothing is printed and a warning goes to stderr', async () => {
    const db = freshDb();
    const io = captured();
    expect(await runCli(['holidays', 'list', '--year', '2027'], cliContext(db), io)).toBe(0);
    expect(io.outLines).toEqual([]);
    expect(io.errLines).toEqual([
      'Kalender libur tahun 2027 belum diisi — tenggat yang jatuh pada tahun itu hanya memperhitungkan akhir pekan.',
    ]);
  });

  it.each([
    ['no year', ['holidays', 'list']],
    ['a year that is not a number', ['holidays', 'list', '--year', 'dua']],
  ])('when given %s, then it explains and exits 2', async (_label, argv) => {
    const db = freshDb();
    const io = captured();
    expect(await runCli(argv, cliContext(db), io)).toBe(2);
    expect(io.outLines).toEqual([]);
    expect(io.errLines.join('\n')).toContain('--year');
  });

  it('when given an unknown option, then it shows the usage and exits 2', async () => {
    const db = freshDb();
    const io = captured();
    expect(await runCli(['holidays', 'list', '--tahun', '2022'], cliContext(db), io)).toBe(2);
    expect(io.errLines.join('\n')).toContain('holidays list --year <tahun>');
  });
});
