/**
 * The "Layanan PPID" section the office writes by hand each month, as pure functions:
 * percentage changes with naik/turun, the year to date, and the most frequent topics.
 */
import { MONTHS_ID } from '../shared/dates.js';
import { formatCount, formatDecimal, roundTo } from './recap.js';

export interface Change {
  /** The base the month is compared with. */
  base: number;
  /** Percent change, 1 decimal, unsigned; null when the base is 0. */
  pct: number | null;
  direction: 'up' | 'down' | 'same' | null;
}

/** Change from `base` to `value`; a zero base cannot give a percentage. */
export function changeFrom(base: number, value: number): Change {
  if (base === 0) return { base, pct: null, direction: null };
  if (value === base) return { base, pct: 0, direction: 'same' };
  return { base, pct: roundTo((Math.abs(value - base) / base) * 100, 1), direction: value > base ? 'up' : 'down' };
}

/** "turun 20,0% dibandingkan bulan sebelumnya (25)"; "tidak dapat dibandingkan dengan … (0)". */
export function describeChange(c: Change, against: string): string {
  if (c.direction === null) return `tidak dapat dibandingkan dengan ${against} (0)`;
  if (c.direction === 'same') return `sama dengan ${against} (${formatCount(c.base)})`;
  return `${c.direction === 'up' ? 'naik' : 'turun'} ${formatDecimal(c.pct!, 1)}% dibandingkan ${against} (${formatCount(c.base)})`;
}

/** Words that say nothing about the topic of a request. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `yang dan di ke dari untuk pada dengan dalam atas oleh per atau serta juga ini itu tersebut terkait mengenai tentang
  adalah akan sebagai bisa dapat agar bagi hal sudah telah belum ada tidak secara setiap seluruh semua para hingga sampai
  sejak antara tiap beserta berupa berikut yaitu yakni selama masing sesuai lain lainnya banyak sebanyak jumlah
  mohon minta meminta memohon permintaan permohonan saya kami kita anda bapak ibu terima kasih tolong harap berharap
  data informasi dokumen salinan file softcopy hardcopy copy tahun bulan periode tanggal terbaru terakhir lengkap detail rincian
  butuh membutuhkan dibutuhkan diperlukan perlu keperluan guna rangka dimaksud
  the of and for to in on a an`.split(/\s+/).filter(Boolean),
);

/** Lower-cased words of a text, in order; digits-only and 1–2 letter tokens dropped. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !/^\d+$/.test(w));
}

export interface TermCount {
  term: string;
  count: number;
}

const byCountThenTerm = (a: TermCount, b: TermCount) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

/**
 * The most frequent meaningful words and word pairs of the month's requests. Each request
 * counts a term once, so one long request does not outweigh many short ones; a pair is two
 * meaningful words standing next to each other (a stop word breaks it). Ties sort
 * alphabetically, so the result is the same on every run.
 */
export function topTopics(texts: readonly string[], limits = { words: 8, bigrams: 5 }): { words: TermCount[]; bigrams: TermCount[] } {
  const words = new Map<string, number>();
  const bigrams = new Map<string, number>();
  for (const text of texts) {
    const tokens = tokenize(text);
    const seenWords = new Set<string>();
    const seenPairs = new Set<string>();
    tokens.forEach((w, i) => {
      if (STOP_WORDS.has(w)) return;
      seenWords.add(w);
      const next = tokens[i + 1];
      if (next !== undefined && !STOP_WORDS.has(next)) seenPairs.add(`${w} ${next}`);
    });
    for (const w of seenWords) words.set(w, (words.get(w) ?? 0) + 1);
    for (const p of seenPairs) bigrams.set(p, (bigrams.get(p) ?? 0) + 1);
  }
  const ranked = (m: Map<string, number>, min: number, limit: number) =>
    [...m].map(([term, count]) => ({ term, count })).filter((t) => t.count >= min).sort(byCountThenTerm).slice(0, limit);
  return { words: ranked(words, 1, limits.words), bigrams: ranked(bigrams, 2, limits.bigrams) };
}

export interface LabelledCount {
  key: string;
  label: string;
  count: number;
}

export interface MonthlyReport {
  year: number;
  month: number;
  /** "April 2026" */
  monthLabel: string;
  requests: number;
  previousMonth: { year: number; month: number; label: string; change: Change };
  sameMonthLastYear: { year: number; month: number; label: string; change: Change };
  yearToDate: number;
  perMonth: { thisYear: number[]; lastYear: number[] };
  purposes: { purpose: string; count: number }[];
  topics: { words: TermCount[]; bigrams: TermCount[] };
  categories: LabelledCount[];
  channels: LabelledCount[];
  /** The section's paragraphs, ready to paste into the report. */
  narrative: string[];
}

export const monthLabel = (year: number, month: number) => `${MONTHS_ID[month - 1]} ${year}`;

const listOf = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;

/** Assembles the report and writes its paragraphs. */
export function buildMonthlyNarrative(input: {
  officeName: string;
  year: number;
  month: number;
  /** Requests per month (12 numbers) of the report's year and the year before. */
  thisYear: number[];
  lastYear: number[];
  purposes: { purpose: string; count: number }[];
  topics: { words: TermCount[]; bigrams: TermCount[] };
  categories: LabelledCount[];
  channels: LabelledCount[];
}): MonthlyReport {
  const { year, month, thisYear, lastYear } = input;
  const requests = thisYear[month - 1];
  const prev = month === 1 ? { year: year - 1, month: 12, count: lastYear[11] } : { year, month: month - 1, count: thisYear[month - 2] };
  const previousMonth = { year: prev.year, month: prev.month, label: 'bulan sebelumnya', change: changeFrom(prev.count, requests) };
  const sameMonthLastYear = { year: year - 1, month, label: monthLabel(year - 1, month), change: changeFrom(lastYear[month - 1], requests) };
  const yearToDate = thisYear.slice(0, month).reduce((s, n) => s + n, 0);
  const label = monthLabel(year, month);

  const narrative: string[] = [];
  narrative.push(
    `${requests === 0 ? `Pada bulan ${label} ${input.officeName} tidak menerima permohonan informasi publik` : `Pada bulan ${label} ${input.officeName} menerima ${formatCount(requests)} permohonan informasi publik`}, ` +
      `${describeChange(previousMonth.change, previousMonth.label)} dan ${describeChange(sameMonthLastYear.change, sameMonthLastYear.label)}. ` +
      `Jumlah permohonan informasi publik sampai dengan ${label} berjumlah ${formatCount(yearToDate)} permohonan.`,
  );
  if (input.purposes.length) {
    narrative.push(`Tujuan permohonan yang paling sering disebutkan: ${listOf(input.purposes.map((p) => `${p.purpose} (${p.count})`))}.`);
  }
  const topics = input.topics.bigrams.length ? input.topics.bigrams : input.topics.words.slice(0, 5);
  if (topics.length) {
    narrative.push(`Informasi yang paling banyak diminta berkaitan dengan ${listOf(topics.map((t) => `${t.term} (${t.count})`))}.`);
  }
  if (input.categories.length) {
    narrative.push(`Berdasarkan kategori pemohon: ${listOf(input.categories.map((c) => `${c.label} (${c.count})`))}.`);
  }
  if (input.channels.length) {
    narrative.push(`Berdasarkan saluran penyampaian: ${listOf(input.channels.map((c) => `${c.label} (${c.count})`))}.`);
  }
  return {
    year, month, monthLabel: label, requests, previousMonth, sameMonthLastYear, yearToDate,
    perMonth: { thisYear: [...thisYear], lastYear: [...lastYear] },
    purposes: input.purposes, topics: input.topics, categories: input.categories, channels: input.channels, narrative,
  };
}
