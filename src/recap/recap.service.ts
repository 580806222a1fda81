/**
 * The yearly recap and the monthly PPID report. `buildRecap` returns the one object every
 * output (page, CSV, XLSX, JSON, CLI, public page) is drawn from, so they cannot disagree.
 */
import type { Db } from '../db/client.js';
import { todayIn } from '../shared/dates.js';
import { invalid } from '../shared/errors.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { workingDaysBetween } from '../calendar/working-days.js';
import { getSettings } from '../settings/settings.repo.js';
import { NOTICE_WORKING_DAYS, MAX_EXTENSION_WORKING_DAYS } from '../requests/deadlines.js';
import * as repo from './recap.repo.js';
import { CONSOLIDATED, type RequestScope } from '../pelaksana/pelaksana.service.js';
import {
  assembleRecapRows, median, percentile, shareWithin,
  type ObjectionAggregate, type RecapRow,
} from './recap.js';
import { buildMonthlyNarrative, topTopics, type MonthlyReport } from './monthly-report.js';
import { CHANNELS, REQUESTER_CATEGORIES } from '../requests/vocabulary.js';

/** Years the recap accepts; anything else is a typo, not a year of the register. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export interface OverdueItem {
  id: number;
  registrationNumber: string;
  receivedOn: string;
  dueOn: string;
  /** Working days since the due date, at least 1. */
  workingDaysLate: number;
}

export interface RecapAnalytics {
  /** Decided requests with a recorded working-day count (the basis of the figures below). */
  timed: number;
  medianServiceDays: number | null;
  p90ServiceDays: number | null;
  /** Answered within the 10 working days of Pasal 22 ayat 7. */
  withinNotice: { count: number; pct: number | null };
  /** Within 10 + the 7-day extension of Pasal 22 ayat 8. */
  withinExtended: { count: number; pct: number | null };
  extended: number;
  /** Decided after their (possibly extended) due date. */
  decidedLate: number;
  /** Decided, not fully granted, no reason recorded (imported history). */
  withoutReason: number;
  /** Months whose row does not reconcile (1–12). */
  unreconciledMonths: number[];
  openPastDue: OverdueItem[];
  objections: ObjectionAggregate;
}

export interface Recap {
  year: number;
  /** Whose requests: consolidated (everyone's), the PPID Utama's own, or one PPID Pelaksana's. */
  scope: RequestScope;
  /** The office-zone date the recap was drawn up (open-past-due depends on it). */
  today: string;
  months: RecapRow[];
  total: RecapRow;
  analytics: RecapAnalytics;
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalid({ year: `Tahun tidak valid: gunakan bilangan bulat ${MIN_YEAR}–${MAX_YEAR}.` }, 'Rekapitulasi tidak dapat disusun untuk tahun yang diminta.');
  }
}

/**
 * The recap of `year`: requests counted in the month received, objections in the month filed,
 * and the service-level analytics. A year without data gives zeros. `scope` (src/pelaksana):
 * one PPID Pelaksana's requests, the PPID Utama's own, or (default) consolidated — the sum of
 * the Utama's own and every Pelaksana's.
 */
export function buildRecap(db: Db, year: number, opts: ({ zone: string } | { today: string }) & { scope?: RequestScope }): Recap {
  checkYear(year);
  const today = 'today' in opts ? opts.today : todayIn(opts.zone);
  const scope = opts.scope ?? CONSOLIDATED;
  const only = scope.kind === 'all' ? undefined : scope;
  const { months, total } = buildRecapTable(db, year, only);
  const { histogram: hist, extended, decidedLate, withoutReason } = repo.serviceTimes(db, year, only);
  const overdue = repo.openPastDue(db, year, today, only);
  const cal = overdue.length ? loadCalendar(db) : null;
  return {
    year,
    scope,
    today,
    months,
    total,
    analytics: {
      timed: total.timed,
      medianServiceDays: median(hist),
      p90ServiceDays: percentile(hist, 90),
      withinNotice: shareWithin(hist, NOTICE_WORKING_DAYS),
      withinExtended: shareWithin(hist, NOTICE_WORKING_DAYS + MAX_EXTENSION_WORKING_DAYS),
      extended,
      decidedLate,
      withoutReason,
      unreconciledMonths: months.filter((m) => !m.reconciles).map((m) => m.month!),
      openPastDue: overdue.map((o) => ({ ...o, workingDaysLate: Math.max(1, workingDaysBetween(o.dueOn, today, cal!)) })),
      objections: repo.objectionAggregate(db, year, today, only),
    },
  };
}

/**
 * The table alone (months and Total): the numbers the office's own table has, from one GROUP BY
 * over the year's requests and one over its objections.
 */
export function buildRecapTable(db: Db, year: number, scope?: RequestScope): { months: RecapRow[]; total: RecapRow } {
  checkYear(year);
  return assembleRecapRows(repo.requestAggregatesByMonth(db, year, scope), repo.objectionCountsByMonth(db, year, scope));
}

/** Years with a request or an objection, newest first (the year selectors). */
export function recapYears(db: Db): number[] {
  return repo.yearsWithData(db);
}

/** Requests per month of `year` as twelve numbers. */
export function requestsPerMonth(db: Db, year: number): number[] {
  const out = Array<number>(12).fill(0);
  for (const m of repo.requestCountsByMonth(db, year)) out[m.month - 1] = Number(m.requests);
  return out;
}

export function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw invalid({ month: 'Bulan tidak valid: gunakan angka 1 (Januari) sampai 12 (Desember).' }, 'Laporan bulanan tidak dapat disusun untuk bulan yang diminta.');
  }
}

/**
 * The "Layanan PPID" section of the monthly report: the month's requests against the previous
 * month and the same month a year earlier, the year to date, purposes, topics, requesters.
 */
export function buildMonthlyReport(db: Db, year: number, month: number): MonthlyReport {
  checkYear(year);
  checkMonth(month);
  const thisYear = requestsPerMonth(db, year);
  const lastYear = requestsPerMonth(db, year - 1);
  const texts = repo.informationTextsOfMonth(db, year, month);
  const label = <T extends Record<string, string>>(labels: T, key: string) => (Object.hasOwn(labels, key) ? labels[key as keyof T] : key);
  return buildMonthlyNarrative({
    officeName: getSettings(db).office_name,
    year,
    month,
    thisYear,
    lastYear,
    purposes: repo.topPurposes(db, year, month, 5).map((p) => ({ purpose: p.purpose, count: Number(p.count) })),
    topics: topTopics(texts),
    categories: repo.categoriesOfMonth(db, year, month).map((c) => ({ key: c.key, label: label(REQUESTER_CATEGORIES, c.key), count: Number(c.count) })),
    channels: repo.channelsOfMonth(db, year, month).map((c) => ({ key: c.key, label: label(CHANNELS, c.key), count: Number(c.count) })),
  });
}
