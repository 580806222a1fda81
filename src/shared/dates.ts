/** Office-zone date helpers and Indonesian formats. Day math lives in calendar/working-days.ts. */
import { DateTime } from 'luxon';

/** Today's date in the office zone, as YYYY-MM-DD. */
export function todayIn(zone: string, now: DateTime = DateTime.now()): string {
  return now.setZone(zone).toISODate()!;
}

/** A valid calendar date written as YYYY-MM-DD (rejects 2023-02-30). */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** Formats a calendar date, remembering results: pages format the same few hundred dates all day. */
function dateFormatter(format: string): (iso: string | null | undefined) => string {
  const memo = new Map<string, string>();
  return (iso) => {
    if (!iso) return '';
    let text = memo.get(iso);
    if (text === undefined) {
      text = DateTime.fromISO(iso).setLocale('id').toFormat(format);
      if (memo.size < 50_000) memo.set(iso, text);
    }
    return text;
  };
}

/** "Senin, 3 Januari 2022" */
export const formatLongDate = dateFormatter('cccc, d LLLL yyyy');

/** "3 Januari 2022" */
export const formatDate = dateFormatter('d LLLL yyyy');

/** A letter's place and date: "Sleman, 24 Mei 2024" (no weekday). */
export function letterDate(city: string, iso: string | null | undefined): string {
  return `${city}, ${formatDate(iso)}`;
}

/** "3 Jan 2022 14.05 WIB" for an instant (ISO timestamp), shown in the office zone. */
export function formatInstant(isoInstant: string, zone: string): string {
  const dt = DateTime.fromISO(isoInstant).setZone(zone).setLocale('id');
  return `${dt.toFormat('d LLL yyyy HH.mm')} ${zoneLabel(zone)}`;
}

export function zoneLabel(zone: string): string {
  return { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' }[zone] ?? zone;
}

export const MONTHS_ID = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

export const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

export function nowInstant(): string {
  return DateTime.utc().toISO()!;
}
