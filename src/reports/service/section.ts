/**
 * What a section of the monthly service report is: a data function, its paragraphs, its tables
 * and charts. The page, the print, the XLSX and the JSON iterate over SECTIONS (sections.ts), so
 * a new section is one module plus one line there.
 */
import type { Db } from '../../db/client.js';
import type { UnitRow } from '../../db/schema.js';
import type { DeskData } from './desk-data.js';
import type { deskLabels } from '../../desk/desk-config.js';

/** Code → label of the admin's channel, category and topic lists (inactive items included). */
export type DeskLabels = ReturnType<typeof deskLabels>;

/** A code's label in a list, or the code itself when the list does not know it. */
export const labelIn = (labels: Record<string, string>, code: string) => (Object.hasOwn(labels, code) ? labels[code] : code);

export interface ReportContext {
  db: Db;
  zone: string;
  year: number;
  month: number;
  officeName: string;
  /** "Maret 2026" */
  label: string;
  /** The consultations of last year and this year up to the report month, by month (loaded once). */
  desk: () => DeskData;
  units: readonly UnitRow[];
  /** The desk's lists (src/desk/desk-config.ts deskLabels), read once per report. */
  labels: DeskLabels;
}

/** How a column is written: text, a whole count, a percent with one decimal, a one-decimal number. */
export type ColumnKind = 'text' | 'count' | 'pct' | 'decimal';
export type Cell = string | number | null;

export interface ReportTable {
  title: string;
  columns: { label: string; kind: ColumnKind }[];
  rows: Cell[][];
  /** A last row in bold (Jumlah). */
  total?: Cell[];
  /** Said instead of an empty table. */
  empty?: string;
}

/** Twelve months of this year beside last year, drawn as bars (charts.ts). */
export interface ChartSpec {
  title: string;
  /** "konsultasi", "permohonan" */
  noun: string;
  year: number;
  thisYear: number[];
  lastYear: number[];
  small?: boolean;
}

export interface ReportSection<D> {
  /** Persisted in service_report_notes.section: never rename one. */
  key: string;
  title: string;
  data(ctx: ReportContext): D;
  paragraphs(d: D, ctx: ReportContext): string[];
  tables(d: D, ctx: ReportContext): ReportTable[];
  charts?(d: D, ctx: ReportContext): ChartSpec[];
  /** The figures for the API (default: the data itself, which should be snake_case). */
  json?(d: D): unknown;
}

export interface BuiltSection {
  key: string;
  title: string;
  paragraphs: string[];
  tables: ReportTable[];
  charts: ChartSpec[];
  data: unknown;
  /** The officer's "Evaluasi dan Saran" paragraph for the month, or ''. */
  note: string;
}

/** Declares a section; the list holds sections of different data types. */
export function defineSection<D>(s: ReportSection<D>): ReportSection<unknown> {
  return s as unknown as ReportSection<unknown>;
}

export function buildSection(s: ReportSection<unknown>, ctx: ReportContext, note: string): BuiltSection {
  const d = s.data(ctx);
  return {
    key: s.key, title: s.title, paragraphs: s.paragraphs(d, ctx), tables: s.tables(d, ctx),
    charts: s.charts?.(d, ctx) ?? [], data: s.json ? s.json(d) : d, note,
  };
}
