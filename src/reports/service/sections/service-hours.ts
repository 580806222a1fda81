/**
 * Service hours and time zones (issue 18 point 1, 4th bullet): the month's tickets that came in
 * inside and outside the desk's service hours, and those outside hours by the user's time zone
 * (WIB / WITA / WIT; a ticket without a known region is counted as zone unknown). Both facts are
 * the ticket's own, set at intake (consultations.outside_service_hours against the admin's hours
 * at that time, consultations.user_zone from the region), so a later change of hours does not
 * rewrite an old month.
 */
import { defineSection } from '../section.js';
import { formatCount, listOf, pctText, sharePct } from '../figures.js';
import { ZONES, type RegionZone } from '../../../regions/regions.js';

const ZONE_CODES = Object.keys(ZONES) as RegionZone[];

export interface ServiceHoursFigures {
  total: number;
  inside_hours: number;
  inside_hours_pct: number | null;
  outside_hours: number;
  outside_hours_pct: number | null;
  /** Tickets outside hours per zone; share of the tickets outside hours. */
  outside_by_zone: { zone: RegionZone; count: number; share_pct: number | null }[];
  /** Tickets outside hours whose zone is unknown (no region recorded); share of those outside hours. */
  outside_zone_unknown: number;
  outside_zone_unknown_pct: number | null;
}

export const serviceHoursSection = defineSection<ServiceHoursFigures>({
  key: 'service_hours',
  title: 'Jam layanan dan zona waktu',
  data(ctx) {
    const tickets = ctx.desk().of(ctx.year, ctx.month);
    const outside = tickets.filter((t) => t.outsideServiceHours);
    const zoneCount = (z: RegionZone) => outside.filter((t) => t.userZone === z).length;
    const unknown = outside.filter((t) => !ZONE_CODES.includes(t.userZone as RegionZone)).length;
    const inside = tickets.length - outside.length;
    return {
      total: tickets.length,
      inside_hours: inside, inside_hours_pct: sharePct(inside, tickets.length),
      outside_hours: outside.length, outside_hours_pct: sharePct(outside.length, tickets.length),
      outside_by_zone: ZONE_CODES.map((zone) => ({ zone, count: zoneCount(zone), share_pct: sharePct(zoneCount(zone), outside.length) })),
      outside_zone_unknown: unknown, outside_zone_unknown_pct: sharePct(unknown, outside.length),
    };
  },
  paragraphs(d, { label }) {
    if (!d.total) return [`Tidak ada konsultasi pada ${label}.`];
    if (!d.outside_hours) return [`Seluruh ${formatCount(d.total)} konsultasi ${label} masuk dalam jam layanan.`];
    const out = [
      `Dari ${formatCount(d.total)} konsultasi ${label}, sebanyak ${formatCount(d.inside_hours)} konsultasi (${pctText(d.inside_hours_pct)}) masuk dalam jam layanan ` +
        `dan ${formatCount(d.outside_hours)} konsultasi (${pctText(d.outside_hours_pct)}) di luar jam layanan.`,
    ];
    const zones = d.outside_by_zone.filter((z) => z.count > 0);
    if (zones.length) {
      out.push(`Konsultasi di luar jam layanan berasal dari pengguna di wilayah ${listOf(zones.map((z) => `${z.zone} (${formatCount(z.count)}; ${pctText(z.share_pct)})`))}.`);
    }
    if (d.outside_zone_unknown) {
      out.push(`Sebanyak ${formatCount(d.outside_zone_unknown)} konsultasi di luar jam layanan (${pctText(d.outside_zone_unknown_pct)}) tidak diketahui zona waktunya karena wilayah pengguna tidak dicatat.`);
    }
    return out;
  },
  tables: (d) => [
    {
      title: 'Konsultasi menurut jam layanan',
      columns: [{ label: 'Waktu masuk', kind: 'text' }, { label: 'Jumlah', kind: 'count' }, { label: 'Porsi (%)', kind: 'pct' }],
      rows: [['Dalam jam layanan', d.inside_hours, d.inside_hours_pct], ['Di luar jam layanan', d.outside_hours, d.outside_hours_pct]],
      total: ['Jumlah', d.total, d.total ? 100 : null],
    },
    {
      title: 'Konsultasi di luar jam layanan menurut zona waktu pengguna',
      columns: [{ label: 'Zona waktu', kind: 'text' }, { label: 'Jumlah', kind: 'count' }, { label: 'Porsi (%)', kind: 'pct' }],
      rows: [...d.outside_by_zone.map((z) => [z.zone, z.count, z.share_pct]), ['Zona tidak diketahui', d.outside_zone_unknown, d.outside_zone_unknown_pct]],
      total: ['Jumlah', d.outside_hours, d.outside_hours ? 100 : null],
    },
  ],
});
