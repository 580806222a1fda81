/**
 * Indonesia's provinces (38) and regencies/cities (514) with their official Kemendagri codes
 * (province "51", regency/city "5171") and the time zone of each province (WIB/WITA/WIT).
 * Data: regions.json (source and licence in README.md beside it). Pure: no database.
 */
import data from './regions.json' with { type: 'json' };

/** Indonesia's three time zones and their IANA names (WIB UTC+7, WITA UTC+8, WIT UTC+9). */
export const ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type RegionZone = keyof typeof ZONES;

export interface Region {
  code: string;
  name: string;
  kind: 'province' | 'regency';
  /** The province's code (a province's own code for a province). */
  provinceCode: string;
  zone: RegionZone;
}

const byCode = new Map<string, Region>();
for (const p of data.provinces) byCode.set(p.code, { code: p.code, name: p.name, kind: 'province', provinceCode: p.code, zone: p.zone as RegionZone });
for (const r of data.regencies) {
  const province = byCode.get(r.province)!;
  byCode.set(r.code, { code: r.code, name: r.name, kind: 'regency', provinceCode: r.province, zone: province.zone });
}

/** Where the list comes from and under which licence (shown on admin pages and the README). */
export const REGIONS_SOURCE = { source: data.source, licence: data.licence };

/** A province ("51") or a regency/city ("5171"), or undefined for an unknown code. */
export function regionByCode(code: string): Region | undefined {
  return byCode.get(code.trim());
}

/** The province of a regency/city code (or of a province code: itself); undefined if unknown. */
export function provinceOf(code: string): Region | undefined {
  const r = regionByCode(code);
  return r ? byCode.get(r.provinceCode) : undefined;
}

/** The time zone of a province or regency/city code ('' when the code is blank or unknown). */
export function zoneOfRegion(code: string): RegionZone | '' {
  return regionByCode(code)?.zone ?? '';
}

/** Every province, in code order. */
export function provinces(): Region[] {
  return [...byCode.values()].filter((r) => r.kind === 'province');
}

/** Every regency/city of a province, in code order. */
export function regenciesOf(provinceCode: string): Region[] {
  return [...byCode.values()].filter((r) => r.kind === 'regency' && r.provinceCode === provinceCode);
}
