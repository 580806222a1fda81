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

/** "Senin, 3 Januari 2022" */
export function formatLongDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return DateTime.fromISO(iso).setLocale('id').toFormat('cccc, d LLLL yyyy');
}

/** "3 Januari 2022" */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return DateTime.fromISO(iso).setLocale('id').toFormat('d LLLL yyyy');
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
