/**
 * Reads a registration number back through the office's numbering pattern (the inverse of
 * formatRegistrationNumber), so an imported "005/PPID/III/2022" keeps sequence 5 of 2022 and
 * numbers given afterwards continue after it instead of colliding. Pure.
 */
import { ROMAN_MONTHS } from '../shared/dates.js';

export interface NumberParts {
  seq: number;
  /** null when the pattern has no {year}. */
  year: number | null;
  /** 1–12, from {month} or {month_roman}; null when the pattern has neither. */
  month: number | null;
}

const TOKEN = /\{(seq(?::\d)?|month_roman|month|year)\}/g;
const ROMAN_ALTERNATION = [...ROMAN_MONTHS].sort((a, b) => b.length - a.length).join('|');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A pattern as a regular expression and the order of its tokens; built once per pattern. */
const COMPILED = new Map<string, { regex: RegExp; order: string[] } | null>();

function compile(pattern: string): { regex: RegExp; order: string[] } | null {
  let compiled = COMPILED.get(pattern);
  if (compiled !== undefined) return compiled;
  const order: string[] = [];
  let source = '';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    source += escape(pattern.slice(last, m.index));
    const token = m[1].startsWith('seq') ? 'seq' : m[1];
    order.push(token);
    source += { seq: '(\\d{1,9})', month_roman: `(${ROMAN_ALTERNATION})`, month: '(\\d{1,2})', year: '(\\d{4})' }[token];
    last = m.index + m[0].length;
  }
  source += escape(pattern.slice(last));
  compiled = order.includes('seq') ? { regex: new RegExp(`^${source}$`, 'i'), order } : null;
  if (COMPILED.size < 100) COMPILED.set(pattern, compiled);
  return compiled;
}

/** The parts of `number` if it follows `pattern` (letters compared without case), else null. */
export function parseRegistrationNumber(pattern: string, number: string): NumberParts | null {
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
