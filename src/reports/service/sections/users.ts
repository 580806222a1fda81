/** Users by type (count and share) and the provinces that contacted most. */
import { defineSection } from '../section.js';
import { formatCount, listOf, pctText, sharePct } from '../figures.js';
import { USER_TYPES } from '../../../desk/vocabulary.js';
import { provinceOf, type Region } from '../../../regions/regions.js';

export const TOP_PROVINCES = 5;

/** "JAWA BARAT" → "Jawa Barat", "DKI JAKARTA" → "DKI Jakarta" (the list writes names in capitals). */
export const provinceDisplayName = (name: string) =>
  name.split(' ').map((w) => (w === 'DKI' ? w : w.charAt(0) + w.slice(1).toLocaleLowerCase('id'))).join(' ');

/** The province of a ticket's region code (src/regions; an unlisted code by its first two digits), or undefined. */
export function provinceOfTicket(regionCode: string): Region | undefined {
  const code = regionCode.trim();
  if (!code) return undefined;
  return provinceOf(code) ?? provinceOf(code.slice(0, 2));
}

export interface UserFigures {
  total: number;
  user_types: { user_type: string; label: string; count: number; share_pct: number | null }[];
  provinces: { province_code: string; name: string; count: number; share_pct: number | null }[];
  /** Tickets without a region code (or with one the regions list does not know). */
  region_unknown: number;
}

export const usersSection = defineSection<UserFigures>({
  key: 'users',
  title: 'Pengguna layanan',
  data(ctx) {
    const tickets = ctx.desk().of(ctx.year, ctx.month);
    const total = tickets.length;
    const types = new Map<string, number>(Object.keys(USER_TYPES).map((k) => [k, 0]));
    const provinces = new Map<string, { name: string; count: number }>();
    let unknown = 0;
    for (const t of tickets) {
      types.set(t.userType, (types.get(t.userType) ?? 0) + 1);
      const p = provinceOfTicket(t.userRegionCode);
      if (!p) unknown++;
      else provinces.set(p.code, { name: provinceDisplayName(p.name), count: (provinces.get(p.code)?.count ?? 0) + 1 });
    }
    return {
      total,
      user_types: [...types].map(([k, count]) => ({ user_type: k, label: Object.hasOwn(USER_TYPES, k) ? USER_TYPES[k as keyof typeof USER_TYPES] : k, count, share_pct: sharePct(count, total) })),
      provinces: [...provinces]
        .map(([code, p]) => ({ province_code: code, name: p.name, count: p.count, share_pct: sharePct(p.count, total) }))
        .sort((a, b) => b.count - a.count || a.province_code.localeCompare(b.province_code))
        .slice(0, TOP_PROVINCES),
      region_unknown: unknown,
    };
  },
  paragraphs(d, { label }) {
    if (!d.total) return [`Tidak ada konsultasi pada ${label}.`];
    const types = [...d.user_types].filter((u) => u.count > 0).sort((a, b) => b.count - a.count);
    const out = [`Berdasarkan jenis pengguna, konsultasi ${label} berasal dari ${listOf(types.map((u) => `${u.label} (${formatCount(u.count)}; ${pctText(u.share_pct)})`))}.`];
    if (d.provinces.length) out.push(`Provinsi yang paling banyak menghubungi: ${listOf(d.provinces.map((p) => `${p.name} (${formatCount(p.count)})`))}.`);
    if (d.region_unknown) out.push(`Sebanyak ${formatCount(d.region_unknown)} konsultasi tidak mencatat wilayah pengguna.`);
    return out;
  },
  tables: (d) => [
    {
      title: 'Jenis pengguna',
      columns: [{ label: 'Jenis pengguna', kind: 'text' }, { label: 'Jumlah', kind: 'count' }, { label: 'Porsi (%)', kind: 'pct' }],
      rows: d.user_types.map((u) => [u.label, u.count, u.share_pct]),
      total: ['Jumlah', d.total, d.total ? 100 : null],
    },
    {
      title: `Provinsi terbanyak (${TOP_PROVINCES} teratas)`,
      columns: [{ label: 'Provinsi', kind: 'text' }, { label: 'Jumlah', kind: 'count' }, { label: 'Porsi (%)', kind: 'pct' }],
      rows: [...d.provinces.map((p) => [p.name, p.count, p.share_pct]), ...(d.region_unknown ? [['Wilayah tidak dicatat', d.region_unknown, sharePct(d.region_unknown, d.total)]] : [])],
      empty: 'Tidak ada konsultasi.',
    },
  ],
});
