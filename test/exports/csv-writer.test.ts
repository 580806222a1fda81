import { describe, it, expect } from 'vitest';
import { csvDialectOf, csvWriter, fixed } from '../../src/shared/csv.js';

describe('the shared CSV writer', () => {
  it.each(['standard', 'excel-id'] as const)('in the %s dialect, quotes separators and quotes, and defuses spreadsheet formulas', (dialect) => {
    const csv = csvWriter(dialect);
    const sep = dialect === 'standard' ? ',' : ';';
    expect(csv.cell(`a${sep}b`)).toBe(`"a${sep}b"`);
    expect(csv.cell('say "hi"')).toBe('"say ""hi"""');
    expect(csv.cell('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csv.cell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const formula of ['=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csv.cell(formula).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csv.cell(-5)).toBe('-5'); // a number is never a formula
    expect(csv.cell(null)).toBe('');
    expect(csv.cell(undefined)).toBe('');
    expect(csv.line(['a', 1, null])).toBe(`a${sep}1${sep}\r\n`);
    expect(csv.file([['x']])).toBe('\uFEFFx\r\n');
  });

  it('writes decimals with a point, or with a comma for Excel Indonesia, where a comma no longer needs quotes', () => {
    expect(csvWriter('standard').line([12.5, fixed(4.4, 2), 'a,b'])).toBe('12.5,4.40,"a,b"\r\n');
    expect(csvWriter('excel-id').line([12.5, fixed(4.4, 2), 'a,b'])).toBe('12,5;4,40;a,b\r\n');
  });

  it('reads the dialect from ?format=', () => {
    expect(csvDialectOf('excel-id')).toBe('excel-id');
    expect(csvDialectOf('csv-id')).toBe('excel-id');
    expect(csvDialectOf(undefined)).toBe('standard');
    expect(csvDialectOf(['excel-id'])).toBe('standard');
    expect(csvDialectOf('xlsx')).toBe('standard');
  });
});
