/** Office-zone date helpers and Indonesian formats. Day math lives in calendar/working-days.ts. */
import { DateTime, Settings } from 'luxon';

/** Each zone's today with the instants it starts and ends: pages ask for it several times per request. */
const todays = new Map<string, { date: string; from: number; until: number }>();

/** Today's date in the office zone, as YYYY-MM-DD. */
export function todayIn(zone: string, now?: DateTime): string {
  if (now) return now.setZone(zone).toISODate()!;
  // luxon's clock (a test's fixed clock or fake timers move it), not Date's.
  const ms = Settings.now();
  const known = todays.get(zone);
  if (known && ms >= known.from && ms < known.until) return known.date;
  const day = DateTime.fromMillis(ms, { zone }).startOf('day');
  todays.set(zone, { date: day.toISODate()!, from: day.toMillis(), until: day.plus({ days: 1 }).toMillis() });
  return day.toISODate()!;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A valid calendar date written as YYYY-MM-DD (rejects 2023-02-30). Checked by hand: every form
 * and API call validates several dates, and parsing each with luxon cost more than the rest of
 * the validation (issue 20).
 */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// ---- Which dates the register accepts ---------------------------------------------------------
//
// Two kinds of date enter the app, each with one rule (forms, API and import alike):
//  - an event that has happened (received, extended, decided, withdrawn, objection filed,
//    answered, dispute registered/decided): EARLIEST_DATE ≤ date ≤ today in the office zone;
//  - a day that may still be ahead (a holiday in the calendar, the day information will be
//    given): EARLIEST_DATE ≤ date ≤ 31 December of next year.
// Schemas check the second rule for every date (they do not know the office zone); the
// register's rules add "not after today" with the zone for events.

/**
 * The earliest date accepted anywhere. The official holiday calendar starts in 2020; ten years
 * before it leaves room for an office back-entering its paper register, and UU 14/2008 itself
 * only came into force in 2010 (Pasal 64), so nothing real is older. Anything earlier is a typo
 * (0001-01-01, 1900-…) that would make every working-day count span centuries.
 */
export const EARLIEST_DATE = '2010-01-01';
export const EARLIEST_YEAR = Number(EARLIEST_DATE.slice(0, 4));

/**
 * Indonesia's easternmost zone: its date is never behind the office's, so a ceiling computed
 * there is never stricter than the office's own (the exact "today" check uses the office zone).
 */
const EASTERNMOST_ZONE = 'Asia/Jayapura';

/** The latest day that may still be ahead: 31 December of the year after `today`'s. */
export function latestPlannedDate(today: string): string {
  return `${Number(today.slice(0, 4)) + 1}-12-31`;
}

/** The latest year a filter or a date may name (the year after the current one). */
export function latestYear(now: DateTime = DateTime.now()): number {
  return Number(todayIn(EASTERNMOST_ZONE, now).slice(0, 4)) + 1;
}

/**
 * Why a valid YYYY-MM-DD date lies outside what the register accepts, or null when it is fine.
 * `latest` is today (office zone) for an event that has happened, or latestPlannedDate(today);
 * left out, it is the latest planned date wherever the office is.
 */
export function dateBoundsError(iso: string, latest: string = latestPlannedDate(todayIn(EASTERNMOST_ZONE))): string | null {
  if (iso < EARLIEST_DATE) return `Tanggal terlalu lama: paling awal ${formatDate(EARLIEST_DATE)}.`;
  if (iso > latest) return `Tanggal terlalu jauh di masa depan: paling lambat ${formatDate(latest)}.`;
  return null;
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

const instantTexts = new Map<string, string>();

/**
 * "3 Jan 2022 14.05 WIB" for an instant (ISO timestamp), shown in the office zone. Remembered
 * like dates: the desk's queue shows the same tickets' times on every view, and luxon's
 * formatting was a fifth of the page.
 */
export function formatInstant(isoInstant: string, zone: string): string {
  const key = `${zone} ${isoInstant}`;
  let text = instantTexts.get(key);
  if (text === undefined) {
    const dt = DateTime.fromISO(isoInstant).setZone(zone).setLocale('id');
    text = `${dt.toFormat('d LLL yyyy HH.mm')} ${zoneLabel(zone)}`;
    if (instantTexts.size >= 50_000) instantTexts.clear();
    instantTexts.set(key, text);
  }
  return text;
}

export function zoneLabel(zone: string): string {
  return { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' }[zone] ?? zone;
}

export const MONTHS_ID = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

export const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** Now as a UTC instant, 2026-11-30T23:05:49.123Z (luxon's clock, so a test's fixed clock holds). */
export function nowInstant(): string {
  return instantAt(Settings.now());
}

/**
 * An instant given in milliseconds, written as luxon's `DateTime.utc().toISO()` writes it
 * (ISO 8601, milliseconds, Z). Only formatting: no day arithmetic happens here.
 */
export function instantAt(ms: number): string {
  return new Date(ms).toISOString();
}
