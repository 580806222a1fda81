import crypto from 'node:crypto';
import { ROMAN_MONTHS } from '../shared/dates.js';

/**
 * Fills a registration-number pattern: {seq:N} (zero-padded to N), {seq}, {month_roman},
 * {month}, {year}. The month and year are those of the day received.
 */
export function formatRegistrationNumber(pattern: string, seq: number, receivedOn: string): string {
  const [year, month] = receivedOn.split('-');
  const m = Number(month);
  return pattern
    .replace(/\{seq(?::(\d))?\}/g, (_, width: string | undefined) => String(seq).padStart(Number(width ?? 0), '0'))
    .replace(/\{month_roman\}/g, ROMAN_MONTHS[m - 1])
    .replace(/\{month\}/g, month)
    .replace(/\{year\}/g, year);
}

// No 0/O, 1/I/L: the code is read aloud and typed from a paper receipt.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random access code for the public status page, e.g. "K7PX-M3QD" (~40 bits). */
export function newAccessCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
