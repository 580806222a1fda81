/** Year and month parameters of the recap and the monthly report, as the URL carries them. */
import { checkMonth, checkYear } from './recap.service.js';

/** A path or query value that must be a plain whole number ("2022", not "2022.5" or "2e3"). */
function wholeNumber(value: unknown): number {
  return typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}

/** The year, or 400 with `fields.year`; blank or absent gives `fallback`. */
export function yearParam(value: unknown, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const year = wholeNumber(value);
  checkYear(year);
  return year;
}

/** The month 1–12, or 400 with `fields.month`; blank or absent gives `fallback`. */
export function monthParam(value: unknown, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const month = wholeNumber(value);
  checkMonth(month);
  return month;
}
