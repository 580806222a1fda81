/**
 * Registration numbers of requests and objections: the one grammar of the office's numbering
 * patterns, and everything done with it — check a pattern, format a number, read one back,
 * and give the next one of a year. Pure: imports no domain folder, so requests/, objections/,
 * import/ and settings/ all use it.
 *
 * Tokens: {seq:N} (the sequence in the year, zero-padded to N digits, N 1–6), {seq},
 * {month_roman} (I–XII), {month} (01–12) and {year}. The month and year are those of the day
 * the request was received (or the objection filed); the sequence restarts each year.
 */
import { ROMAN_MONTHS } from '../shared/dates.js';

/** Perki 1/2021-style defaults: 001/PPID/I/2024 and 001/KEB/PPID/2024. */
export const DEFAULT_REGISTRATION_PATTERN = '{seq:3}/PPID/{month_roman}/{year}';
export const DEFAULT_OBJECTION_PATTERN = '{seq:3}/KEB/PPID/{year}';

/** Every token; group 1 is the token's name, group 2 the {seq:N} width. */
const TOKEN = /\{(seq|month_roman|month|year)(?::([1-6]))?\}/g;
const TOKEN_NAMES = '{seq}, {seq:N} (N 1–6), {month_roman}, {month}, {year}';

/** Tokens written {name:N} are only valid for seq. */
function tokensOf(pattern: string): { name: string; width: number; index: number; length: number }[] {
  return [...pattern.matchAll(TOKEN)]
    .filter((m) => m[2] === undefined || m[1] === 'seq')
    .map((m) => ({ name: m[1], width: Number(m[2] ?? 0), index: m.index, length: m[0].length }));
}

/**
 * Why a numbering pattern cannot be used, or null. It must hold the sequence and the year:
 * numbers restart each year, so without the year two requests could share a number.
 */
export function numberPatternProblem(pattern: string): string | null {
  const tokens = tokensOf(pattern);
  let rest = '';
  let last = 0;
  for (const t of tokens) {
    rest += pattern.slice(last, t.index);
    last = t.index + t.length;
  }
  rest += pattern.slice(last);
  const unknown = /\{[^{}]*\}?|\}/.exec(rest);
  if (unknown) return `Token tidak dikenal: ${unknown[0]}. Yang dikenal: ${TOKEN_NAMES}.`;
  if (!tokens.some((t) => t.name === 'seq')) return 'Pola harus memuat nomor urut {seq} atau {seq:N}.';
  if (!tokens.some((t) => t.name === 'year')) return 'Pola harus memuat tahun {year}.';
  return null;
}

/** The year whose sequence a number belongs to: the year of the day received or filed. */
export function sequenceYear(on: string): number {
  return Number(on.slice(0, 4));
}

/** The sequence number after the highest one given in a year (none yet: 1). */
export function nextInSequence(highestOfYear: number | null): number {
  return (highestOfYear ?? 0) + 1;
}

/** Fills a pattern for sequence `seq` of the day `on` (YYYY-MM-DD). */
export function formatNumber(pattern: string, seq: number, on: string): string {
  const [year, month] = on.split('-');
  const values: Record<string, (width: number) => string> = {
    seq: (width) => String(seq).padStart(width, '0'),
    month_roman: () => ROMAN_MONTHS[Number(month) - 1],
    month: () => month,
    year: () => year,
  };
  let out = '';
  let last = 0;
  for (const t of tokensOf(pattern)) {
    out += pattern.slice(last, t.index) + values[t.name](t.width);
    last = t.index + t.length;
  }
  return out + pattern.slice(last);
}

export interface AssignedNumber {
  number: string;
  year: number;
  seq: number;
}

/**
 * The next number of the year of `on`: one after the highest sequence given in that year.
 * `highestOfYear` reads it (a statement prepared once per connection: it runs on every intake).
 */
export function nextNumber(pattern: string, on: string, highestOfYear: (year: number) => number | null): AssignedNumber {
  const year = sequenceYear(on);
  const seq = nextInSequence(highestOfYear(year));
  return { number: formatNumber(pattern, seq, on), year, seq };
}

/**
 * The first number from sequence `seq` on that is not `taken` (a number kept from an imported
 * register may already hold the one the sequence reaches).
 */
export function firstFreeNumber(pattern: string, on: string, seq: number, taken: (number: string) => boolean): { number: string; seq: number } {
  let number = formatNumber(pattern, seq, on);
  while (taken(number)) number = formatNumber(pattern, ++seq, on);
  return { number, seq };
}

export interface NumberParts {
  seq: number;
  /** null when the pattern has no {year}. */
  year: number | null;
  /** 1–12, from {month} or {month_roman}; null when the pattern has neither. */
  month: number | null;
}

const ROMAN_ALTERNATION = [...ROMAN_MONTHS].sort((a, b) => b.length - a.length).join('|');
const TOKEN_SOURCE: Record<string, string> = { seq: '(\\d{1,9})', month_roman: `(${ROMAN_ALTERNATION})`, month: '(\\d{1,2})', year: '(\\d{4})' };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A pattern as a regular expression and the order of its tokens; built once per pattern. */
const COMPILED = new Map<string, { regex: RegExp; order: string[] } | null>();

function compile(pattern: string): { regex: RegExp; order: string[] } | null {
  let compiled = COMPILED.get(pattern);
  if (compiled !== undefined) return compiled;
  const order: string[] = [];
  let source = '';
  let last = 0;
  for (const t of tokensOf(pattern)) {
    source += escape(pattern.slice(last, t.index)) + TOKEN_SOURCE[t.name];
    order.push(t.name);
    last = t.index + t.length;
  }
  source += escape(pattern.slice(last));
  compiled = order.includes('seq') ? { regex: new RegExp(`^${source}$`, 'i'), order } : null;
  if (COMPILED.size < 100) COMPILED.set(pattern, compiled);
  return compiled;
}

/**
 * Reads a number back through a pattern (the inverse of formatNumber), letters compared
 * without case, so an imported "005/PPID/III/2022" keeps sequence 5 of 2022 and numbers given
 * afterwards continue after it. Null when the number does not follow the pattern.
 */
export function parseNumber(pattern: string, number: string): NumberParts | null {
  const compiled = compile(pattern);
  if (!compiled) return null;
  const { regex, order } = compiled;
  const match = regex.exec(number.trim());
  if (!match) return null;
  const value = (token: string) => {
    const i = order.indexOf(token);
    return i === -1 ? undefined : match[i + 1];
  };
  const seq = Number(value('seq'));
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  const year = value('year');
  const roman = value('month_roman');
  const numeric = value('month');
  let month: number | null = null;
  if (roman !== undefined) month = ROMAN_MONTHS.indexOf(roman.toUpperCase() as (typeof ROMAN_MONTHS)[number]) + 1;
  else if (numeric !== undefined) month = Number(numeric);
  if (month !== null && (month < 1 || month > 12)) return null;
  return { seq, year: year === undefined ? null : Number(year), month };
}
