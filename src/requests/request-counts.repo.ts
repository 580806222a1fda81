/**
 * Exact register totals from `request_counts` (issue 20): one row per combination of year, month,
 * channel, category and status facts, kept by the triggers of migration request_counts_triggers.
 * A filter's total is a SUM over the matching rows (a few hundred at most), where a COUNT(*) over
 * a year's 60,000 matches cost more than the page itself. The sums themselves are cached until a
 * request changes (src/db/versioned-cache.ts). Free text and the time-based statuses
 * (due soon, overdue: they depend on today) are not in the table: `null`, the caller counts.
 */
import { preparedStatement, type Tx } from '../db/client.js';
import { cachedUntilChanged } from '../db/versioned-cache.js';

/** The register filter's fields this table answers (requests.repo.ts's RequestFilter fits). */
export interface CountFilter {
  year?: number;
  month?: number;
  status?: string;
  channel?: string;
  category?: string;
  q?: string;
}

/** Each countable status as a condition on the table's status facts. */
const STATUS_WHERE: Record<string, string> = {
  open: "voided = 0 and outcome = ''",
  new: 'voided = 0 and opened = 0',
  in_process: "voided = 0 and outcome = '' and extended = 0",
  extended: "voided = 0 and outcome = '' and extended = 1",
  decided: "voided = 0 and outcome <> ''",
  full: "voided = 0 and outcome = 'full'",
  partial: "voided = 0 and outcome = 'partial'",
  rejected: "voided = 0 and outcome = 'rejected'",
  not_provided: "voided = 0 and outcome = 'not_provided'",
  withdrawn: 'voided = 0 and withdrawn = 1',
  voided: 'voided = 1',
};

/** The exact number of requests matching `f`, or null when the table cannot answer it. */
export function exactCount(tx: Tx, f: CountFilter): number | null {
  if (f.q) return null;
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.status) {
    const where = STATUS_WHERE[f.status];
    if (!where) return null;
    conditions.push(where);
  }
  if (f.year) {
    conditions.push('year = @year');
    params.year = f.year;
    if (f.month) {
      conditions.push('month = @month');
      params.month = f.month;
    }
  }
  if (f.channel) {
    conditions.push('channel = @channel');
    params.channel = f.channel;
  }
  if (f.category) {
    conditions.push('category = @category');
    params.category = f.category;
  }
  const text = `select coalesce(sum(n), 0) as n from request_counts${conditions.length ? ` where ${conditions.join(' and ')}` : ''}`;
  // Every page view of the same filter asks again: kept until a request changes.
  return cachedUntilChanged(tx, 'requests', `exactCount ${text} ${JSON.stringify(params)}`, () => (preparedStatement(tx, text).get(params) as { n: number }).n);
}

/** Requests received in each month of `year` that has any (voided entries left out), month order. */
export function requestsPerMonthOf(tx: Tx, year: number): { month: number; requests: number }[] {
  return preparedStatement(tx, 'select month, sum(n) as requests from request_counts where year = ? and voided = 0 group by month having sum(n) > 0 order by month')
    .all(year) as { month: number; requests: number }[];
}

/** Requests received in a month per channel or per requester category (voided left out), most frequent first. */
export function monthCountsBy(tx: Tx, column: 'channel' | 'category', year: number, month: number): { key: string; count: number }[] {
  return preparedStatement(
    tx,
    `select ${column} as key, sum(n) as count from request_counts where year = ? and month = ? and voided = 0
     group by ${column} having sum(n) > 0 order by count desc, key asc`,
  ).all(year, month) as { key: string; count: number }[];
}
