/**
 * The register's one query, read by the register page, the API list and the export alike, with
 * one filter type (`RegisterFilter`, what registerFilterSchema parses). The time-based statuses
 * (due soon, overdue) are worked out here, once, from the office's today and the calendar.
 * Queries return rows; presenters shape them.
 */
import type { Db } from '../db/client.js';
import type { RequestRow } from '../db/schema.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { addWorkingDays } from '../calendar/working-days.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { todayIn } from '../shared/dates.js';
import { DUE_SOON_WORKING_DAYS } from './deadlines.js';
import * as repo from './requests.repo.js';
import { CONSOLIDATED, scopeWhere, type RequestScope } from '../pelaksana/pelaksana.service.js';
import type { RegisterFilterInput } from './requests.schemas.js';

/** The register's filters: year, month, status, channel, category, free text. */
export type RegisterFilter = RegisterFilterInput;

export interface RegisterQuery {
  /** Office-zone today and the calendar the rows' deadlines are read with. */
  today: string;
  calendar: WorkingCalendar;
  /** The last day counted as "due soon" (DUE_SOON_WORKING_DAYS working days after today). */
  dueSoonUntil: string;
  /** One page, newest first, with the (capped) number of matches. */
  page(page: number, pageSize: number): { rows: RequestRow[]; total: number; totalCapped: boolean };
  /** The same page with only what the register's table shows of each request. */
  tablePage(page: number, pageSize: number): { rows: repo.RegisterRow[]; total: number; totalCapped: boolean };
  /** Every match (uncapped). */
  count(): number;
  /** Every match, oldest first, a batch at a time (the export). */
  batches(batchSize: number): Generator<RequestRow[]>;
}

/**
 * The requests matching `filter`. A refused filter (`null`) matches nothing: listing everything
 * would pass for a match.
 */
export function queryRegister({ db, zone, filter, scope = CONSOLIDATED }: { db: Db; zone: string; filter: RegisterFilter | null; scope?: RequestScope }): RegisterQuery {
  const calendar = loadCalendar(db);
  const today = todayIn(zone);
  const dueSoonUntil = addWorkingDays(today, DUE_SOON_WORKING_DAYS, calendar);
  const full: repo.RequestFilter | null = filter ? { ...filter, today, dueSoonUntil, scope: scopeWhere(scope) } : null;
  return {
    today,
    calendar,
    dueSoonUntil,
    page: (page, pageSize) => (full ? repo.listRequests(db, full, page, pageSize) : { rows: [], total: 0, totalCapped: false }),
    tablePage: (page, pageSize) => (full ? repo.listRegisterRows(db, full, page, pageSize) : { rows: [], total: 0, totalCapped: false }),
    count: () => (full ? repo.countRequests(db, full) : 0),
    batches: function* (batchSize) {
      if (full) yield* repo.iterateRequests(db, full, batchSize);
    },
  };
}

export const REGISTER_PAGE_SIZE = 25;

/** Everything the register page shows: one page of matches, the desk's workload, the years. */
export function registerPage({ db, zone, filter, page, scope = CONSOLIDATED }: { db: Db; zone: string; filter: RegisterFilter | null; page: number; scope?: RequestScope }) {
  const query = queryRegister({ db, zone, filter, scope });
  const { rows, total, totalCapped } = query.tablePage(page, REGISTER_PAGE_SIZE);
  return {
    rows, total, totalCapped, page, pageSize: REGISTER_PAGE_SIZE,
    today: query.today,
    calendar: query.calendar,
    workload: repo.workloadCounts(db, { today: query.today, dueSoonUntil: query.dueSoonUntil }, scopeWhere(scope)),
    years: repo.yearsWithRequests(db),
  };
}
export type RegisterPageData = ReturnType<typeof registerPage>;
