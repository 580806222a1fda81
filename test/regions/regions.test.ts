import { describe, expect, it } from 'vitest';
import { provinceOf, provinces, regenciesOf, regionByCode, zoneOfRegion } from '../../src/regions/regions.js';
import data from '../../src/regions/regions.json' with { type: 'json' };

describe('regions (Kemendagri codes)', () => {
  it('when the list is loaded, then it holds 38 provinces and 514 regencies/cities, each under a known province', () => {
    expect(provinces()).toHaveLength(38);
    expect(data.regencies).toHaveLength(514);
    expect(provinces().reduce((n, p) => n + regenciesOf(p.code).length, 0)).toBe(514);
    expect(data.licence).toContain('ODbL');
  });

  it.each([
    ['51', 'BALI', 'province', '51', 'WITA'],
    ['5171', 'KOTA DENPASAR', 'regency', '51', 'WITA'],
    ['3404', 'KABUPATEN SLEMAN', 'regency', '34', 'WIB'],
    ['3171', 'KOTA ADMINISTRASI JAKARTA PUSAT', 'regency', '31', 'WIB'],
    ['1971', 'KOTA PANGKAL PINANG', 'regency', '19', 'WIB'],
    ['6171', 'KOTA PONTIANAK', 'regency', '61', 'WIB'],
    ['6472', 'KOTA SAMARINDA', 'regency', '64', 'WITA'],
    ['7371', 'KOTA MAKASSAR', 'regency', '73', 'WITA'],
    ['8171', 'KOTA AMBON', 'regency', '81', 'WIT'],
    ['9171', 'KOTA JAYAPURA', 'regency', '91', 'WIT'],
    ['96', 'PAPUA BARAT DAYA', 'province', '96', 'WIT'],
  ])('when the code is %s, then it is %s (%s of province %s) in %s', (code, name, kind, province, zone) => {
    expect(regionByCode(code)).toMatchObject({ code, name, kind, provinceCode: province, zone });
    expect(provinceOf(code)?.code).toBe(province);
    expect(zoneOfRegion(code)).toBe(zone);
  });

  it.each([['99'], ['5199'], [''], ['51.71'], ['abc']])('when the code is %j, then it is unknown and has no zone', (code) => {
    expect(regionByCode(code)).toBeUndefined();
    expect(provinceOf(code)).toBeUndefined();
    expect(zoneOfRegion(code)).toBe('');
  });

  it('when zones are counted by province, then WIB, WITA and WIT follow the decree (18, 12, 8 provinces)', () => {
    const count = (z: string) => provinces().filter((p) => p.zone === z).length;
    expect([count('WIB'), count('WITA'), count('WIT')]).toEqual([18, 12, 8]);
  });
});
