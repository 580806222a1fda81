/**
 * Aggregate SQL of the yearly recap and the monthly report. Counting happens in SQLite
 * (GROUP BY month), never by looping over a year's rows in JavaScript; the only row lists
 * read here are small (one month's texts, a year's overdue requests).
 */
import { and, asc, desc, eq, gte, isNull, lt, lte, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { disputeStages, objections, requests } from '../db/schema.js';
import { COURT_RESULTS, DISPUTE_RESULTS, type CourtResult, type DisputeResult } from '../objections/vocabulary.js';
import { firstAndLast } from '../db/queries.js';
import { perConnection, type Tx } from '../db/client.js';
import { monthCountsBy, requestsPerMonthOf } from '../requests/request-counts.repo.js';
import type { MonthlyRequestAggregate, ObjectionAggregate } from './recap.js';
import { scopeWhere, type RequestScope } from '../pelaksana/pelaksana.repo.js';

/** 1–12 from a YYYY-MM-DD text column. */
const monthOf = (col: SQLiteColumn) => sql<number>`cast(substr(${col}, 6, 2) as integer)`;
/** Rows whose date column falls in [from, to] (ISO dates compare as text). */
const between = (col: SQLiteColumn, from: string | Placeholder, to: string | Placeholder) => and(gte(col, from), lte(col, to));
const inYear = (col: SQLiteColumn, year: number) => between(col, `${year}-01-01`, `${year}-12-31`);
const inMonth = (col: SQLiteColumn, year: number, month: number) => {
  const mm = String(month).padStart(2, '0');
  return between(col, `${year}-${mm}-01`, `${year}-${mm}-31`);
};
/** Voided entries (Batalkan entri) are mistakes, not requests: no count here includes them. */
const counted = isNull(requests.voidedOn);
/** Count of rows matching `cond` (a comparison is 1, 0 or null in SQLite; sum skips nulls). */
const countIf = (cond: SQL) => sql<number>`coalesce(sum(${cond}), 0)`;
/** Decided and not withdrawn: a withdrawal was not served, so it stays out of the service time. */
const served = sql`(${requests.outcome} is not null and ${requests.withdrawn} = 0)`;

/** Whose requests a recap counts (src/pelaksana): consolidated (undefined), the Utama's own, a Pelaksana's. */
export type Scope = RequestScope | undefined;
const ofRequests = (scope: Scope) => (scope ? scopeWhere(scope, requests.id) : undefined);
/** Objections follow their request; one without a request is the PPID Utama's. */
const ofObjections = (scope: Scope) => (scope ? scopeWhere(scope, objections.requestId) : undefined);

/** The recap table's counts, one row per month (a scope adds its condition). */
function tableSelect(tx: Tx, scope?: SQL) {
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
      timed: countIf(sql`${served} and ${r.serviceDays} is not null`),
      serviceDaysSum: sql<number>`coalesce(sum(case when ${served} then ${r.serviceDays} end), 0)`,
    })
    .from(r)
    .where(and(between(r.receivedOn, sql.placeholder('from'), sql.placeholder('to')), counted, scope))
    .groupBy(month)
    .orderBy(month)
    .prepare();
}
/** The consolidated table's query: built once per connection, then reused. */
const tableQuery = (tx: Tx) => tableSelect(tx);
/** One row per month that has requests received in `year`. */
export function requestAggregatesByMonth(tx: Tx, year: number, scope?: Scope): MonthlyRequestAggregate[] {
  const where = ofRequests(scope);
  const query = where ? tableSelect(tx, where) : perConnection(tx, tableQuery);
  return query.all({ from: `${year}-01-01`, to: `${year}-12-31` });
}

/**
 * The year's service-time distribution over decided requests, with the number extended, the
 * number answered after their due date, and the decisions recorded without a reason (imported
 * history): the analytics beside the table.
 */
export function serviceTimes(tx: Tx, year: number, scope?: Scope): {
  histogram: { days: number; count: number }[]; extended: number; decidedLate: number; withoutReason: number;
} {
  const r = requests;
  const rows = tx
    .select({
      days: r.serviceDays,
      count: countIf(sql`${served} and ${r.serviceDays} is not null`),
      extended: countIf(sql`${r.extendedOn} is not null`),
      decidedLate: countIf(sql`${r.decidedOn} is not null and ${r.decidedOn} > ${r.dueOn}`),
      withoutReason: countIf(
        sql`${r.outcome} is not null and ${r.outcome} <> 'full' and ${r.reasonExempt} = 0 and ${r.reasonNotHeld} = 0 and ${r.reasonOther} = 0`,
      ),
    })
    .from(r)
    .where(and(inYear(r.receivedOn, year), counted, ofRequests(scope)))
    .groupBy(r.serviceDays)
    .orderBy(asc(r.serviceDays))
    .all();
  return {
    histogram: rows.filter((x) => x.days !== null && Number(x.count) > 0).map((x) => ({ days: x.days!, count: Number(x.count) })),
    extended: rows.reduce((n, x) => n + Number(x.extended), 0),
    decidedLate: rows.reduce((n, x) => n + Number(x.decidedLate), 0),
    withoutReason: rows.reduce((n, x) => n + Number(x.withoutReason), 0),
  };
}

export interface OverdueRequest {
  id: number;
  registrationNumber: string;
  receivedOn: string;
  dueOn: string;
}

/** Requests of the year still without an answer after their due date. */
export function openPastDue(tx: Tx, year: number, today: string, scope?: Scope): OverdueRequest[] {
  return tx
    .select({ id: requests.id, registrationNumber: requests.registrationNumber, receivedOn: requests.receivedOn, dueOn: requests.dueOn })
    .from(requests)
    .where(and(inYear(requests.receivedOn, year), isNull(requests.outcome), eq(requests.withdrawn, false), lt(requests.dueOn, today), counted, ofRequests(scope)))
    .orderBy(asc(requests.dueOn), asc(requests.id))
    .all();
}

/** Objections per month filed in `year`. */
export function objectionCountsByMonth(tx: Tx, year: number, scope?: Scope): { month: number; objections: number }[] {
  const month = monthOf(objections.filedOn);
  return tx
    .select({ month, objections: sql<number>`count(*)` })
    .from(objections)
    .where(and(inYear(objections.filedOn, year), ofObjections(scope)))
    .groupBy(month)
    .orderBy(month)
    .all();
}

/** The year's objections (by filing date) counted by how they stand. */
export function objectionAggregate(tx: Tx, year: number, today: string, scope?: Scope): ObjectionAggregate {
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
    .where(and(inYear(o.filedOn, year), ofObjections(scope)))
    .get();
  // sum() over no rows is null.
  const n = (v: number | null | undefined) => Number(v ?? 0);
  return {
    filed: n(row?.filed), upheld: n(row?.upheld), rejected: n(row?.rejected), withdrawn: n(row?.withdrawn), open: n(row?.open),
    answeredInTime: n(row?.answeredInTime), answeredLate: n(row?.answeredLate), openPastDue: n(row?.openPastDue),
    filedLate: n(row?.filedLate), disputes: n(row?.disputes),
    ...disputeOutcomes(tx, year, scope),
  };
}

/**
 * The year's disputes (objections filed in the year and taken to the Komisi Informasi) by their
 * standing there, and those taken on to a court by the last court's result: the MA's when the
 * case reached it, else the PTUN's or PN's.
 */
function disputeOutcomes(tx: Tx, year: number, scope: Scope): Pick<ObjectionAggregate, 'disputeResults' | 'courtCases' | 'courtResults'> {
  const o = objections;
  const disputeResults = Object.fromEntries(Object.keys(DISPUTE_RESULTS).map((k) => [k, 0])) as Record<DisputeResult, number>;
  const byResult = tx
    .select({ result: sql<string>`coalesce(${o.disputeResult}, 'pending')`, n: sql<number>`count(*)` })
    .from(o)
    .where(and(inYear(o.filedOn, year), sql`${o.disputeRegisteredOn} is not null`, ofObjections(scope)))
    .groupBy(sql`1`)
    .all();
  for (const r of byResult) {
    const key = (Object.hasOwn(DISPUTE_RESULTS, r.result) ? r.result : 'pending') as DisputeResult;
    disputeResults[key] += Number(r.n);
  }
  const s = disputeStages;
  // The last court of each case: 'ma' sorts after 'pn' and 'ptun' only by this explicit rank.
  const rank = sql`case ${s.court} when 'ma' then 2 else 1 end`;
  const courts = tx
    .select({ objectionId: s.objectionId, result: s.result, rank: sql<number>`${rank}` })
    .from(s)
    .innerJoin(o, eq(o.id, s.objectionId))
    .where(and(eq(s.stage, 'court'), inYear(o.filedOn, year), ofObjections(scope)))
    .all();
  const last = new Map<number, { result: string; rank: number }>();
  for (const c of courts) if ((last.get(c.objectionId)?.rank ?? 0) < c.rank) last.set(c.objectionId, c);
  const courtResults = Object.fromEntries(Object.keys(COURT_RESULTS).map((k) => [k, 0])) as Record<CourtResult, number>;
  for (const c of last.values()) courtResults[(Object.hasOwn(COURT_RESULTS, c.result) ? c.result : 'pending') as CourtResult]++;
  return { disputeResults, courtCases: last.size, courtResults };
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
/** Requests per month of a year, from request_counts (exact, kept by triggers: no scan of the year). */
export const requestCountsByMonth = (tx: Tx, year: number) => requestsPerMonthOf(tx, year);

/** The month's stated purposes, grouped case-insensitively after trimming, most frequent first. */
export function topPurposes(tx: Tx, year: number, month: number, limit: number): { purpose: string; count: number }[] {
  const key = sql`lower(trim(${requests.purpose}))`;
  return tx
    .select({ purpose: sql<string>`min(trim(${requests.purpose}))`, count: sql<number>`count(*)` })
    .from(requests)
    .where(and(inMonth(requests.receivedOn, year, month), counted, sql`trim(${requests.purpose}) <> ''`))
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
    .where(and(inMonth(requests.receivedOn, year, month), counted))
    .orderBy(asc(requests.id))
    .all()
    .map((r) => r.text);
}

/** Requests of the month per requester category and per channel, most frequent first (from request_counts). */
export const categoriesOfMonth = (tx: Tx, year: number, month: number) => monthCountsBy(tx, 'category', year, month);
export const channelsOfMonth = (tx: Tx, year: number, month: number) => monthCountsBy(tx, 'channel', year, month);
