/**
 * Aggregate SQL of the yearly recap and the monthly report. Counting happens in SQLite
 * (GROUP BY month), never by looping over a year's rows in JavaScript; the only row lists
 * read here are small (one month's texts, a year's overdue requests).
 */
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Tx } from '../audit/audit.repo.js';
import { objections, requests } from '../db/schema.js';
import { firstAndLast } from '../db/queries.js';
import type { MonthlyRequestAggregate, ObjectionAggregate } from './recap.js';

/** 1–12 from a YYYY-MM-DD text column. */
const monthOf = (col: SQLiteColumn) => sql<number>`cast(substr(${col}, 6, 2) as integer)`;
/** Rows whose date column falls in [from, to] (ISO dates compare as text). */
const between = (col: SQLiteColumn, from: string, to: string) => and(gte(col, from), lte(col, to));
const inYear = (col: SQLiteColumn, year: number) => between(col, `${year}-01-01`, `${year}-12-31`);
const inMonth = (col: SQLiteColumn, year: number, month: number) => {
  const mm = String(month).padStart(2, '0');
  return between(col, `${year}-${mm}-01`, `${year}-${mm}-31`);
};
/** count of rows matching `cond` (0, never null, when the group has rows). */
const countIf = (cond: SQL) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;

/** One row per month that has requests received in `year`. */
export function requestAggregatesByMonth(tx: Tx, year: number): MonthlyRequestAggregate[] {
  const r = requests;
  const month = monthOf(r.receivedOn);
  return tx
    .select({
      month,
      requests: sql<number>`count(*)`,
      grantedFull: countIf(sql`${r.outcome} = 'full'`),
      grantedPartial: countIf(sql`${r.outcome} = 'partial'`),
      rejected: countIf(sql`${r.outcome} = 'rejected'`),
      notProvided: countIf(sql`${r.outcome} = 'not_provided'`),
      inProcess: countIf(sql`${r.outcome} is null`),
      reasonExempt: countIf(sql`${r.reasonExempt} = 1`),
      reasonNotHeld: countIf(sql`${r.reasonNotHeld} = 1`),
      reasonOther: countIf(sql`${r.reasonOther} = 1`),
      timed: countIf(sql`${r.outcome} is not null and ${r.serviceDays} is not null`),
      serviceDaysSum: sql<number>`coalesce(sum(case when ${r.outcome} is not null then ${r.serviceDays} end), 0)`,
      withoutReason: countIf(
        sql`${r.outcome} is not null and ${r.outcome} <> 'full' and ${r.reasonExempt} = 0 and ${r.reasonNotHeld} = 0 and ${r.reasonOther} = 0`,
      ),
      extended: countIf(sql`${r.extendedOn} is not null`),
      decidedLate: countIf(sql`${r.decidedOn} is not null and ${r.decidedOn} > ${r.dueOn}`),
    })
    .from(r)
    .where(inYear(r.receivedOn, year))
    .groupBy(month)
    .orderBy(month)
    .all();
}

/** How many decided requests of the year took each number of working days. */
export function serviceDaysHistogram(tx: Tx, year: number): { days: number; count: number }[] {
  return tx
    .select({ days: sql<number>`${requests.serviceDays}`, count: sql<number>`count(*)` })
    .from(requests)
    .where(and(inYear(requests.receivedOn, year), isNotNull(requests.outcome), isNotNull(requests.serviceDays)))
    .groupBy(requests.serviceDays)
    .orderBy(asc(requests.serviceDays))
    .all();
}

export interface OverdueRequest {
  id: number;
  registrationNumber: string;
  receivedOn: string;
  dueOn: string;
}

/** Requests of the year still without an answer after their due date. */
export function openPastDue(tx: Tx, year: number, today: string): OverdueRequest[] {
  return tx
    .select({ id: requests.id, registrationNumber: requests.registrationNumber, receivedOn: requests.receivedOn, dueOn: requests.dueOn })
    .from(requests)
    .where(and(inYear(requests.receivedOn, year), isNull(requests.outcome), eq(requests.withdrawn, false), lt(requests.dueOn, today)))
    .orderBy(asc(requests.dueOn), asc(requests.id))
    .all();
}

/** Objections per month filed in `year`. */
export function objectionCountsByMonth(tx: Tx, year: number): { month: number; objections: number }[] {
  const month = monthOf(objections.filedOn);
  return tx
    .select({ month, objections: sql<number>`count(*)` })
    .from(objections)
    .where(inYear(objections.filedOn, year))
    .groupBy(month)
    .orderBy(month)
    .all();
}

/** The year's objections (by filing date) counted by how they stand. */
export function objectionAggregate(tx: Tx, year: number, today: string): ObjectionAggregate {
  const o = objections;
  const row = tx
    .select({
      filed: sql<number>`count(*)`,
      upheld: countIf(sql`${o.result} = 'upheld'`),
      rejected: countIf(sql`${o.result} = 'rejected'`),
      withdrawn: countIf(sql`${o.result} = 'withdrawn'`),
      open: countIf(sql`${o.respondedOn} is null`),
      answeredInTime: countIf(sql`${o.respondedOn} is not null and ${o.respondedOn} <= ${o.responseDueOn}`),
      answeredLate: countIf(sql`${o.respondedOn} is not null and ${o.respondedOn} > ${o.responseDueOn}`),
      openPastDue: countIf(sql`${o.respondedOn} is null and ${o.responseDueOn} < ${today}`),
      filedLate: countIf(sql`${o.late} = 1`),
      disputes: countIf(sql`${o.disputeRegisteredOn} is not null`),
    })
    .from(o)
    .where(inYear(o.filedOn, year))
    .get();
  // sum() over no rows is null.
  const n = (v: number | null | undefined) => Number(v ?? 0);
  return {
    filed: n(row?.filed), upheld: n(row?.upheld), rejected: n(row?.rejected), withdrawn: n(row?.withdrawn), open: n(row?.open),
    answeredInTime: n(row?.answeredInTime), answeredLate: n(row?.answeredLate), openPastDue: n(row?.openPastDue),
    filedLate: n(row?.filedLate), disputes: n(row?.disputes),
  };
}

/**
 * Years from the first request or objection to the last, newest first: min/max through the
 * date indexes, never a scan of the whole register.
 */
export function yearsWithData(tx: Tx): number[] {
  const r = firstAndLast(tx, requests, requests.receivedOn);
  const o = firstAndLast(tx, objections, objections.filedOn);
  const bounds = [r?.first, r?.last, o?.first, o?.last].filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
  if (bounds.length === 0) return [];
  const years: number[] = [];
  for (let y = Math.max(...bounds); y >= Math.min(...bounds); y--) years.push(y);
  return years;
}

// ---- Monthly report ---------------------------------------------------------------------

/** Requests received per month of `year`: [{month, requests}] for months that have any. */
export function requestCountsByMonth(tx: Tx, year: number): { month: number; requests: number }[] {
  const month = monthOf(requests.receivedOn);
  return tx
    .select({ month, requests: sql<number>`count(*)` })
    .from(requests)
    .where(inYear(requests.receivedOn, year))
    .groupBy(month)
    .orderBy(month)
    .all();
}

/** The month's stated purposes, grouped case-insensitively after trimming, most frequent first. */
export function topPurposes(tx: Tx, year: number, month: number, limit: number): { purpose: string; count: number }[] {
  const key = sql`lower(trim(${requests.purpose}))`;
  return tx
    .select({ purpose: sql<string>`min(trim(${requests.purpose}))`, count: sql<number>`count(*)` })
    .from(requests)
    .where(and(inMonth(requests.receivedOn, year, month), sql`trim(${requests.purpose}) <> ''`))
    .groupBy(key)
    .orderBy(desc(sql`count(*)`), asc(key))
    .limit(limit)
    .all();
}

/** What was asked for in the month, one text per request (a month is a few dozen rows). */
export function informationTextsOfMonth(tx: Tx, year: number, month: number): string[] {
  return tx
    .select({ text: requests.informationRequested })
    .from(requests)
    .where(inMonth(requests.receivedOn, year, month))
    .orderBy(asc(requests.id))
    .all()
    .map((r) => r.text);
}

/** Requests of the month per value of a category-like column, most frequent first. */
function countsOfMonthBy(tx: Tx, col: SQLiteColumn, year: number, month: number): { key: string; count: number }[] {
  return tx
    .select({ key: sql<string>`${col}`, count: sql<number>`count(*)` })
    .from(requests)
    .where(inMonth(requests.receivedOn, year, month))
    .groupBy(col)
    .orderBy(desc(sql`count(*)`), asc(col))
    .all();
}

export const categoriesOfMonth = (tx: Tx, year: number, month: number) => countsOfMonthBy(tx, requests.requesterCategory, year, month);
export const channelsOfMonth = (tx: Tx, year: number, month: number) => countsOfMonthBy(tx, requests.channel, year, month);
