/**
 * The problems an import reports, kept within a fixed size whatever the file holds.
 *
 * Every problem is counted (errors, warnings, notes, and which rows have errors), but only the
 * first PROBLEMS_PER_KIND of each kind (level and column) and MAX_PROBLEMS_KEPT in all are kept
 * with their message; the rest are summed up as "… dan 19.900 galat lain". A 20,000-row file
 * with the same mistake in every row reports a few hundred lines, not 20,000 (or, as a duplicate
 * list once did, 20,000 lines of 20,000 rows each).
 */
import { COLUMN_BY_KEY, REGISTER_COLUMNS } from './register-columns.js';

export type ProblemLevel = 'error' | 'warning' | 'info';

export interface Problem {
  /** Spreadsheet row (header = 1); null for the file as a whole. */
  row: number | null;
  /** Column header as in the template; null for the whole row or file. */
  column: string | null;
  level: ProblemLevel;
  message: string;
  /** True on the "… dan N lain" line that stands for problems left out of the report. */
  summary?: true;
}

/** Lines kept per level and column; the rest are counted. */
export const PROBLEMS_PER_KIND = 200;
/** Lines kept in all. */
export const MAX_PROBLEMS_KEPT = 2000;

const LEVEL_WORDS: Record<ProblemLevel, string> = { error: 'galat', warning: 'peringatan', info: 'catatan' };
const COLUMN_ORDER = new Map<string, number>(REGISTER_COLUMNS.map((c, i) => [c.label, i]));
const LEVEL_ORDER = { error: 0, warning: 1, info: 2 } as const;
const columnRank = (c: string | null) => (c === null ? -1 : (COLUMN_ORDER.get(c) ?? 999));

/** By row (file-wide first), then column in template order, then errors before warnings before notes. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || columnRank(a.column) - columnRank(b.column) || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level],
  );
}

const number = new Intl.NumberFormat('id-ID');

export class ProblemLog {
  private readonly kept: Problem[] = [];
  private readonly perKind = new Map<string, { level: ProblemLevel; column: string | null; seen: number }>();
  readonly counts: Record<ProblemLevel, number> = { error: 0, warning: 0, info: 0 };
  /** Rows with at least one error. */
  readonly errorRows = new Set<number>();
  /** Errors about the file as a whole (no row). */
  fileErrors = 0;

  add(p: Problem): void {
    this.counts[p.level]++;
    if (p.level === 'error') {
      if (p.row === null) this.fileErrors++;
      else this.errorRows.add(p.row);
    }
    const key = `${p.level}\u0000${p.column ?? ''}`;
    let kind = this.perKind.get(key);
    if (!kind) this.perKind.set(key, (kind = { level: p.level, column: p.column, seen: 0 }));
    kind.seen++;
    // File-wide problems (row null) are few and always kept.
    if (p.row === null || (kind.seen <= PROBLEMS_PER_KIND && this.kept.length < MAX_PROBLEMS_KEPT)) this.kept.push(p);
  }

  error(row: number | null, column: string | null, message: string): void {
    this.add({ row, column, level: 'error', message });
  }

  warn(row: number | null, column: string | null, message: string): void {
    this.add({ row, column, level: 'warning', message });
  }

  note(row: number | null, column: string | null, message: string): void {
    this.add({ row, column, level: 'info', message });
  }

  get hasErrors(): boolean {
    return this.counts.error > 0;
  }

  /** The kept problems in report order, then one line per kind with problems left out. */
  list(): Problem[] {
    const keptPerKind = new Map<string, number>();
    for (const p of this.kept) {
      const key = `${p.level}\u0000${p.column ?? ''}`;
      keptPerKind.set(key, (keptPerKind.get(key) ?? 0) + 1);
    }
    const summaries: Problem[] = [];
    for (const [key, kind] of this.perKind) {
      const left = kind.seen - (keptPerKind.get(key) ?? 0);
      if (left <= 0) continue;
      const where = kind.column ? ` pada kolom "${kind.column}"` : '';
      summaries.push({
        row: null, column: kind.column, level: kind.level, summary: true,
        message: `… dan ${number.format(left)} ${LEVEL_WORDS[kind.level]} lain${where} tidak ditampilkan; perbaiki yang di atas lalu periksa lagi.`,
      });
    }
    return [...sortProblems(this.kept), ...sortProblems(summaries)];
  }
}

export const columnLabel = (key: keyof typeof COLUMN_BY_KEY) => COLUMN_BY_KEY[key].label;
