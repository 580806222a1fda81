import { describe, it, expect } from 'vitest';
import { parseDateCell } from '../../src/import/parse-rows.js';
import { lookupCode } from '../../src/import/register-columns.js';
import { parseNumber } from '../../src/numbering/numbering.js';
import { decodeText, detectDelimiter, parseCsv } from '../../src/import/read-file.js';

describe('dates in register files', () => {
  it.each([
    ['2022-03-01', '2022-03-01'],
    ['2022-3-1', '2022-03-01'],
    ['01/03/2022', '2022-03-01'],
    ['1/3/2022', '2022-03-01'],
    ['01-03-2022', '2022-03-01'],
    ['2022-03-01 00:00:00', '2022-03-01'],
    [new Date(Date.UTC(2022, 2, 1)), '2022-03-01'],
    [44621, '2022-03-01'], // Excel day number
    ['', null],
    [null, null],
  ] as const)('%s → %s', (input, expected) => {
    expect(parseDateCell(input as never)).toBe(expected);
  });

  it.each(['31/02/2022', '2022-02-30', '03/15/2022', 'Maret 2022', '20220301', 1.5])('"%s" is not a date', (input) => {
    expect(parseDateCell(input as never)).toBeUndefined();
  });
});

describe('vocabulary values', () => {
  it('accepts codes, labels, label parts and short words, in any case', () => {
    expect(lookupCode('channel', 'E-mail')).toBe('email');
    expect(lookupCode('channel', 'EMAIL')).toBe('email');
    expect(lookupCode('channel', 'langsung')).toBe('walk_in');
    expect(lookupCode('channel', 'Langsung (datang)')).toBe('walk_in');
    expect(lookupCode('requesterCategory', 'akademisi/peneliti')).toBe('academic');
    expect(lookupCode('requesterCategory', 'Akademisi')).toBe('academic');
    expect(lookupCode('outcome', 'Dikabulkan Sepenuhnya')).toBe('full');
    expect(lookupCode('outcome', 'not_provided')).toBe('not_provided');
    expect(lookupCode('outcome', 'Not Provided')).toBe('not_provided');
    expect(lookupCode('reasons', 'Belum dikuasai')).toBe('not_held');
    expect(lookupCode('reasons', 'Dikecualikan (Pasal 17)')).toBe('exempt');
    expect(lookupCode('result', 'Ditolak')).toBe('rejected');
    expect(lookupCode('disputeResult', 'Ajudikasi')).toBeUndefined(); // ambiguous
    expect(lookupCode('channel', 'merpati')).toBeUndefined();
  });
});

describe('registration numbers read through the pattern', () => {
  it('finds sequence, month and year', () => {
    expect(parseNumber('{seq:3}/PPID/{month_roman}/{year}', '005/PPID/III/2022')).toEqual({ seq: 5, year: 2022, month: 3 });
    expect(parseNumber('{seq:3}/PPID/{month_roman}/{year}', '1234/ppid/xii/2021')).toEqual({ seq: 1234, year: 2021, month: 12 });
    expect(parseNumber('{seq:3}/KEB/PPID/{year}', '007/KEB/PPID/2023')).toEqual({ seq: 7, year: 2023, month: null });
    expect(parseNumber('REG-{year}.{month}-{seq}', 'REG-2022.04-17')).toEqual({ seq: 17, year: 2022, month: 4 });
  });

  it('returns null for numbers of another pattern', () => {
    expect(parseNumber('{seq:3}/PPID/{month_roman}/{year}', 'PPID/2022/0099')).toBeNull();
    expect(parseNumber('{seq:3}/PPID/{month_roman}/{year}', '005/PPID/XIII/2022')).toBeNull();
    expect(parseNumber('{seq:3}/PPID/{month_roman}/{year}', '000/PPID/I/2022')).toBeNull();
  });
});

describe('CSV reading', () => {
  it('handles quotes, doubled quotes, line breaks in cells and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n', ',')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('Nomor;Tanggal;"A,B"\n1;2;3')).toBe(';');
    expect(detectDelimiter('Nomor,Tanggal\n')).toBe(',');
    expect(detectDelimiter('Nomor\tTanggal\n')).toBe('\t');
  });

  it('reads UTF-8, and Windows-1252 from older Excel', () => {
    expect(decodeText(Buffer.from('Ölçer', 'utf8'))).toBe('Ölçer');
    expect(decodeText(Buffer.from([0x52, 0xe9, 0x6e, 0x61]))).toBe('Réna');
    expect(decodeText(Buffer.from([0x41, 0x00]))).toBeNull();
  });
});
