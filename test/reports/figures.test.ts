/** Issue 18 point 4: (this − that) / that × 100, half up to one decimal; 0 before: not comparable. */
import { describe, expect, it } from 'vitest';
import { changeText, pctChange, sharePct } from '../../src/reports/service/figures.js';
import { provinceDisplayName, provinceOfTicket } from '../../src/reports/service/sections/users.js';

describe('percent change', () => {
  it.each([
    [1102, 1239, 12.4], // the example: 12,43…
    [16, 17, 6.3], // 6,25 → 6,3 (half up, not to even)
    [16, 15, -6.3],
    [8, 9, 12.5],
    [9, 8, -11.1],
    [7, 7, 0],
    [0, 5, null],
    [0, 0, null],
  ])('from %i to %i: %s', (that, value, expected) => {
    expect(pctChange(that, value)).toBe(expected);
  });

  it('when written out, then naik/turun with the Indonesian number format, and a zero base is "tidak dapat dibandingkan"', () => {
    expect(changeText(1102, 1239, 'Februari 2025', 'konsultasi')).toBe('naik 12,4% dibandingkan Februari 2025 (1.102 konsultasi)');
    expect(changeText(1239, 1102, 'Maret 2025', 'konsultasi')).toBe('turun 11,1% dibandingkan Maret 2025 (1.239 konsultasi)');
    expect(changeText(0, 4, 'Maret 2025', 'konsultasi')).toBe('tidak dapat dibandingkan dengan Maret 2025 (0 konsultasi)');
    expect(changeText(4, 4, 'Maret 2025', 'konsultasi')).toBe('sama dengan Maret 2025 (4 konsultasi)');
  });

  it('shares of an empty month are null, not NaN', () => {
    expect(sharePct(1, 3)).toBe(33.3);
    expect(sharePct(0, 0)).toBeNull();
  });
});

describe('the province of a ticket (src/regions, by the first two digits)', () => {
  it("finds a regency's province, a province itself, an unlisted regency by its two digits; blank is unknown", () => {
    expect(provinceOfTicket('3273')).toMatchObject({ code: '32', name: 'JAWA BARAT', zone: 'WIB' });
    expect(provinceOfTicket('91')).toMatchObject({ code: '91', name: 'PAPUA', zone: 'WIT' });
    expect(provinceOfTicket('3299')?.code).toBe('32');
    expect(provinceOfTicket('')).toBeUndefined();
    expect(provinceOfTicket('99')).toBeUndefined();
  });

  it("writes the list's capitals as a name", () => {
    expect(provinceDisplayName('DAERAH ISTIMEWA YOGYAKARTA')).toBe('Daerah Istimewa Yogyakarta');
    expect(provinceDisplayName('DKI JAKARTA')).toBe('DKI Jakarta');
    expect(provinceDisplayName('KEPULAUAN BANGKA BELITUNG')).toBe('Kepulauan Bangka Belitung');
  });
});
