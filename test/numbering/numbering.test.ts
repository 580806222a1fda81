import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OBJECTION_PATTERN,
  DEFAULT_REGISTRATION_PATTERN,
  firstFreeNumber,
  formatNumber,
  nextInSequence,
  nextNumber,
  numberPatternProblem,
  parseNumber,
  sequenceYear,
} from '../../src/numbering/numbering.js';
import { DEFAULT_SETTINGS } from '../../src/settings/settings.repo.js';

const REG = DEFAULT_REGISTRATION_PATTERN;
const KEB = DEFAULT_OBJECTION_PATTERN;

describe('the default patterns', () => {
  it('are the settings defaults', () => {
    expect(REG).toBe('{seq:3}/PPID/{month_roman}/{year}');
    expect(KEB).toBe('{seq:3}/KEB/PPID/{year}');
    expect(DEFAULT_SETTINGS.registration_pattern).toBe(REG);
    expect(DEFAULT_SETTINGS.objection_pattern).toBe(KEB);
    expect(numberPatternProblem(REG)).toBeNull();
    expect(numberPatternProblem(KEB)).toBeNull();
  });
});

describe('formatNumber', () => {
  it.each([
    [REG, 1, '2024-01-15', '001/PPID/I/2024'],
    [REG, 7, '2024-04-30', '007/PPID/IV/2024'],
    [REG, 42, '2022-08-01', '042/PPID/VIII/2022'],
    [REG, 1234, '2021-12-31', '1234/PPID/XII/2021'],
    [KEB, 5, '2023-09-09', '005/KEB/PPID/2023'],
    ['{seq}/{month}/{year}', 9, '2022-03-01', '9/03/2022'],
    ['REG-{year}.{month}-{seq:6}', 17, '2022-04-02', 'REG-2022.04-000017'],
    ['{seq:1}-{seq:2}/{year}/{year}', 3, '2020-11-11', '3-03/2020/2020'],
  ])('%s, sequence %i, day %s → %s', (pattern, seq, on, expected) => {
    expect(formatNumber(pattern, seq, on)).toBe(expected);
  });

  it('writes every month in roman numerals', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatNumber('{month_roman}', 1, `2024-${String(i + 1).padStart(2, '0')}-01`));
    expect(months).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
  });
});

describe('parseNumber', () => {
  it.each([
    [REG, '005/PPID/III/2022', { seq: 5, year: 2022, month: 3 }],
    [REG, '1234/ppid/xii/2021', { seq: 1234, year: 2021, month: 12 }],
    [REG, ' 001/PPID/VIII/2024 ', { seq: 1, year: 2024, month: 8 }],
    [KEB, '007/KEB/PPID/2023', { seq: 7, year: 2023, month: null }],
    ['REG-{year}.{month}-{seq}', 'REG-2022.04-17', { seq: 17, year: 2022, month: 4 }],
  ])('%s reads %s', (pattern, number, parts) => {
    expect(parseNumber(pattern, number)).toEqual(parts);
  });

  it.each([
    [REG, 'PPID/2022/0099'],
    [REG, '005/PPID/XIII/2022'],
    [REG, '000/PPID/I/2022'],
    [KEB, '005/PPID/III/2022'],
    ['{seq}/{month}/{year}', '5/13/2022'],
  ])('%s does not read %s', (pattern, number) => {
    expect(parseNumber(pattern, number)).toBeNull();
  });

  it('reads back every number it formats, each month of the year', () => {
    for (let m = 1; m <= 12; m++) {
      const on = `2025-${String(m).padStart(2, '0')}-10`;
      for (const seq of [1, 99, 100, 5000]) expect(parseNumber(REG, formatNumber(REG, seq, on))).toEqual({ seq, year: 2025, month: m });
    }
  });
});

describe('numberPatternProblem', () => {
  it.each([
    ['{seq:3}/PPID/{month_roman}/{year}', null],
    ['{seq}-{year}', null],
    ['PPID/{year}', 'Pola harus memuat nomor urut {seq} atau {seq:N}.'],
    ['{seq:3}/PPID', 'Pola harus memuat tahun {year}.'],
    ['{seq:7}/{year}', 'Token tidak dikenal: {seq:7}.'],
    ['{seq}/{tahun}', 'Token tidak dikenal: {tahun}.'],
    ['{seq}/{year:2}', 'Token tidak dikenal: {year:2}.'],
    ['{seq}/{year', 'Token tidak dikenal: {year.'],
    ['{seq}}/{year}', 'Token tidak dikenal: }.'],
  ])('%s → %s', (pattern, problem) => {
    const found = numberPatternProblem(pattern);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('the next number', () => {
  it('follows the highest sequence of the year, starting at 1', () => {
    expect(nextInSequence(null)).toBe(1);
    expect(nextInSequence(41)).toBe(42);
    expect(sequenceYear('2024-12-31')).toBe(2024);
  });

  it('restarts each year: the year of the day received, not of the last number', () => {
    const highest = new Map([[2023, 250], [2024, 3]]);
    const read = (year: number) => highest.get(year) ?? null;
    expect(nextNumber(REG, '2023-12-29', read)).toEqual({ number: '251/PPID/XII/2023', year: 2023, seq: 251 });
    expect(nextNumber(REG, '2024-01-02', read)).toEqual({ number: '004/PPID/I/2024', year: 2024, seq: 4 });
    expect(nextNumber(REG, '2025-01-02', read)).toEqual({ number: '001/PPID/I/2025', year: 2025, seq: 1 });
    expect(nextNumber(KEB, '2025-06-30', read)).toEqual({ number: '001/KEB/PPID/2025', year: 2025, seq: 1 });
  });

  it('skips a number already held (kept from an imported register)', () => {
    const held = new Set(['003/KEB/PPID/2022', '004/KEB/PPID/2022']);
    expect(firstFreeNumber(KEB, '2022-05-01', 3, (n) => held.has(n))).toEqual({ number: '005/KEB/PPID/2022', seq: 5 });
    expect(firstFreeNumber(KEB, '2022-05-01', 1, (n) => held.has(n))).toEqual({ number: '001/KEB/PPID/2022', seq: 1 });
  });
});
