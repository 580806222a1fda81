/** SQL of the request register. Nothing outside this file queries the requests table. */
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { objections, requests, type RequestRow } from '../db/schema.js';
import { cachedUntilChanged } from '../db/versioned-cache.js';
import { firstAndLast } from '../db/queries.js';
import { perConnection, preparedStatement, type Tx } from '../db/client.js';
import { insertInChunks, selectInChunks } from '../db/bulk.js';
import { insertRow } from '../db/prepared-insert.js';
import type { Deadlines, DueSoonWindow } from './deadlines.js';
import { STATUS_FILTERS } from './status-filters.js';
import { exactCount } from './request-counts.repo.js';
import type { Channel, RequesterCategory } from '../vocabulary/requests.js';

export type NewRequestRow = typeof requests.$inferInsert;

/** Inserts a request (run on every intake). Columns left out take their schema defaults. */
export function insertRequest(tx: Tx, values: NewRequestRow): RequestRow {
  return insertRow(tx, requests, values)!;
}

export function findRequest(tx: Tx, id: number): RequestRow | undefined {
  return tx.select().from(requests).where(eq(requests.id, id)).get();
}

export function findByRegistrationNumber(tx: Tx, number: string): RequestRow | undefined {
  return tx.select().from(requests).where(eq(requests.registrationNumber, number)).get();
}

/**
 * The requests whose number is `number` whatever its case (normally one; an imported register
 * may hold two that differ only in case). Answered from requests_number_nocase_idx.
 */
export function findByRegistrationNumberAnyCase(tx: Tx, number: string): RequestRow[] {
  return tx.select().from(requests).where(sql`${requests.registrationNumber} = ${number} collate nocase`).limit(10).all();
}

/** The request holding a sequence number of a year, if any (imported numbers may take one). */
export function findBySequence(tx: Tx, year: number, seq: number): RequestRow | undefined {
  return tx.select().from(requests).where(and(eq(requests.registrationYear, year), eq(requests.registrationSeq, seq))).get();
}

export function registrationNumberTaken(tx: Tx, number: string): boolean {
  return preparedStatement(tx, 'select 1 from requests where registration_number = ?').get(number) !== undefined;
}

/** The highest sequence number given in a registration year, if any (run on every intake: prepared once). */
export function highestSequence(tx: Tx, year: number): number | null {
  const row = preparedStatement(tx, 'select max(registration_seq) as max from requests where registration_year = ?').get(year) as { max: number | null };
  return row.max;
}

/** The next extension letter's sequence of the year (Pemberitahuan Perpanjangan Waktu). */
export function nextExtensionLetterSequence(tx: Tx, year: number): number {
  const row = preparedStatement(tx, 'select max(extension_letter_seq) as max from requests where extension_letter_year = ?').get(year) as { max: number | null };
  return (row.max ?? 0) + 1;
}

/** The body a request was forwarded to (Pasal 22 ayat 7 huruf b; written by src/units), if any. */
export function forwardedTo(tx: Tx, requestId: number): { body: string; contact: string } | undefined {
  return preparedStatement(tx, 'select body, contact from forwardings where request_id = ?').get(requestId) as { body: string; contact: string } | undefined;
}

/** The next SK penolakan's sequence of the year. */
export function nextRejectionLetterSequence(tx: Tx, year: number): number {
  const row = preparedStatement(tx, 'select max(rejection_letter_seq) as max from requests where rejection_letter_year = ?').get(year) as { max: number | null };
  return (row.max ?? 0) + 1;
}

export function rejectionLetterNumberTaken(tx: Tx, number: string): boolean {
  return preparedStatement(tx, 'select 1 from requests where rejection_letter_number = ?').get(number) !== undefined;
}

export function extensionLetterNumberTaken(tx: Tx, number: string): boolean {
  return preparedStatement(tx, 'select 1 from requests where extension_letter_number = ?').get(number) !== undefined;
}

/**
 * Writes a change only if the row is still at `expectedVersion`; returns the new row, or
 * undefined when someone else changed it first.
 */
export function updateRequestAtVersion(
  tx: Tx,
  id: number,
  expectedVersion: number,
  values: Partial<NewRequestRow>,
): RequestRow | undefined {
  return tx
    .update(requests)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(requests.id, id), eq(requests.version, expectedVersion)))
    .returning()
    .get();
}

/** Sets openedAt once; false when someone else got there first. */
export function markOpened(tx: Tx, id: number, at: string): boolean {
  return tx.update(requests).set({ openedAt: at }).where(and(eq(requests.id, id), isNull(requests.openedAt))).run().changes > 0;
}

/** Requests whose counting window (received, due or decided] may contain one of `dates`. */
export function requestsSpanning(tx: Tx, dates: string[]): RequestRow[] {
  const earliest = dates.reduce((a, b) => (a < b ? a : b));
  const latest = dates.reduce((a, b) => (a > b ? a : b));
  return tx
    .select()
    .from(requests)
    .where(
      and(
        lt(requests.receivedOn, latest),
        or(gte(requests.dueOn, earliest), isNull(requests.decidedOn), gte(requests.decidedOn, earliest)),
      ),
    )
    .all();
}

export function updateDerived(tx: Tx, id: number, d: Deadlines): void {
  tx.update(requests)
    .set({ originalDueOn: d.originalDueOn, dueOn: d.dueOn, serviceDays: d.serviceDays })
    .where(eq(requests.id, id))
    .run();
}

/** Register filters; `status` values are the ones listed in request-status.ts. */
/** Register filters, with the office-zone "due soon" window for the time-based statuses. */
export interface RequestFilter extends DueSoonWindow {
  year?: number;
  month?: number;
  status?: string;
  channel?: Channel;
  category?: RequesterCategory;
  q?: string;
  /** Whose requests (src/pelaksana scopeWhere); undefined: everyone's. */
  scope?: SQL;
}

/**
 * Search over number, requester and information requested by words: every word typed must be a
 * word of the request, the last one may be just its beginning ("dewi lestari nug",
 * "ppid iii 2022"), accents and case ignored, through the full-text index of migration 0004.
 */
function textMatch(q: string): SQL {
  const words = q.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // Nothing searchable (only punctuation): match nothing rather than everything.
  if (words.length === 0) return sql`0`;
  const query = words.map((w, i) => `"${w.replaceAll('"', '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
  return sql`${requests.id} in (select rowid from requests_search where requests_search match ${query})`;
}

function filterWhere(f: RequestFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [f.scope];
  if (f.year && f.month) {
    const month = `${f.year}-${String(f.month).padStart(2, '0')}`;
    conditions.push(gte(requests.receivedOn, `${month}-01`), lte(requests.receivedOn, `${month}-31`));
  } else if (f.year) {
    conditions.push(gte(requests.receivedOn, `${f.year}-01-01`), lte(requests.receivedOn, `${f.year}-12-31`));
  }
  if (f.channel) conditions.push(eq(requests.channel, f.channel));
  if (f.category) conditions.push(eq(requests.requesterCategory, f.category));
  if (f.q) conditions.push(textMatch(f.q));
  const open = isNull(requests.outcome);
  // A voided entry is listed under "voided" (and with no status filter) only.
  if (f.status === 'voided') conditions.push(isNotNull(requests.voidedOn));
  else if (f.status && Object.hasOwn(STATUS_FILTERS, f.status)) conditions.push(isNull(requests.voidedOn));
  switch (f.status) {
    case 'in_process':
      conditions.push(open, isNull(requests.extendedOn));
      break;
    case 'extended':
      conditions.push(open, isNotNull(requests.extendedOn));
      break;
    case 'open':
      conditions.push(open);
      break;
    case 'overdue':
      conditions.push(open, lt(requests.dueOn, f.today));
      break;
    case 'due_soon':
      conditions.push(open, gte(requests.dueOn, f.today), lte(requests.dueOn, f.dueSoonUntil));
      break;
    case 'new':
      conditions.push(isNull(requests.openedAt));
      break;
    case 'withdrawn':
      conditions.push(eq(requests.withdrawn, true));
      break;
    case 'decided':
      conditions.push(isNotNull(requests.outcome));
      break;
    case 'full':
    case 'partial':
    case 'rejected':
    case 'not_provided':
      conditions.push(eq(requests.outcome, f.status));
      break;
    default:
      break;
  }
  return and(...conditions);
}

/**
 * Free-text and time-based lists count matches up to this many (the others are exact, from
 * request_counts): an exact count of a year's 60,000 granted requests on
 * every page view costs more than the page; "more than 10,000" is all a reader needs.
 */
export const COUNT_CAP = 10_000;

/** Prepared register page queries of one connection, by filter, page and shape (see listPage). */
const pageQueryCache = () => new Map<string, { all(): unknown }>();

/**
 * What the register's table shows of a request (presentRegisterRow): its page reads these 17
 * columns, not all 75 (reading and mapping every column was most of the page's database work).
 */
const registerRowColumns = {
  id: requests.id, registrationNumber: requests.registrationNumber, receivedOn: requests.receivedOn, requesterName: requests.requesterName,
  requesterCategory: requests.requesterCategory, channel: requests.channel, informationRequested: requests.informationRequested,
  dueOn: requests.dueOn, decidedOn: requests.decidedOn, serviceDays: requests.serviceDays, deliveredOn: requests.deliveredOn,
  outcome: requests.outcome, withdrawn: requests.withdrawn, voidedOn: requests.voidedOn, extendedOn: requests.extendedOn,
  openedAt: requests.openedAt, source: requests.source,
};
export type RegisterRow = Pick<RequestRow, keyof typeof registerRowColumns>;

interface RegisterPage<T> {
  rows: T[];
  total: number;
  totalCapped: boolean;
}

/** One page of whole requests (the API list). */
export function listRequests(tx: Tx, f: RequestFilter, page: number, pageSize: number): RegisterPage<RequestRow> {
  return listPage(tx, f, page, pageSize, 'whole') as RegisterPage<RequestRow>;
}

/** One page of what the register's table shows (the register page). */
export function listRegisterRows(tx: Tx, f: RequestFilter, page: number, pageSize: number): RegisterPage<RegisterRow> {
  return listPage(tx, f, page, pageSize, 'register') as RegisterPage<RegisterRow>;
}

function listPage(tx: Tx, f: RequestFilter, page: number, pageSize: number, shape: 'whole' | 'register'): RegisterPage<unknown> {
  const build = () => (shape === 'whole' ? tx.select() : tx.select(registerRowColumns)).from(requests).where(filterWhere(f))
    .orderBy(desc(requests.receivedOn), desc(requests.id)).limit(pageSize).offset((page - 1) * pageSize);
  // Without free text the filter's values are few: the page's query is built by drizzle once per
  // connection and filter (issue 20: building it cost as much as SQLite's work), then reused.
  let rows: unknown[];
  if (f.q) rows = build().all();
  else {
    const pages = perConnection(tx, pageQueryCache);
    const key = JSON.stringify([shape, f.year, f.month, f.status, f.channel, f.category, f.today, f.dueSoonUntil, page, pageSize]);
    let query = pages.get(key);
    if (!query) {
      if (pages.size >= 256) pages.clear();
      pages.set(key, (query = build().prepare()));
    }
    rows = query.all() as unknown[];
  }
  // Exact from the counts table for the register's own filters; capped for free text and the
  // time-based statuses (issue 20).
  const exact = exactCount(tx, f);
  if (exact !== null) return { rows, total: exact, totalCapped: false };
  const matches = tx.select({ one: sql`1` }).from(requests).where(filterWhere(f)).limit(COUNT_CAP + 1).as('matches');
  const counted = tx.select({ n: sql<number>`count(*)` }).from(matches).get()!.n;
  return { rows, total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP };
}

export function countRequests(tx: Tx, f: RequestFilter): number {
  const exact = exactCount(tx, f);
  if (exact !== null) return exact;
  return tx.select({ n: sql<number>`count(*)` }).from(requests).where(filterWhere(f)).get()!.n;
}

/**
 * Every request matching the register's filters, oldest first (register order), read `batchSize`
 * at a time by keyset so an export of years of requests never holds them all in memory.
 */
export function* iterateRequests(tx: Tx, f: RequestFilter, batchSize = 500): Generator<RequestRow[]> {
  let after: { receivedOn: string; id: number } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after
      ? or(gt(requests.receivedOn, after.receivedOn), and(eq(requests.receivedOn, after.receivedOn), gt(requests.id, after.id)))
      : undefined;
    const rows: RequestRow[] = tx
      .select()
      .from(requests)
      .where(and(filterWhere(f), keyset))
      .orderBy(asc(requests.receivedOn), asc(requests.id))
      .limit(batchSize)
      .all();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last: RequestRow = rows[rows.length - 1];
    after = { receivedOn: last.receivedOn, id: last.id };
  }
}

/** Counts for the register's header: open, due soon and overdue requests (voided entries are no work). */
export function workloadCounts(tx: Tx, { today, dueSoonUntil }: DueSoonWindow, scope?: SQL): { open: number; dueSoon: number; overdue: number; unopened: number } {
  if (scope) {
    const r = requests;
    const row = tx.select({
      open: sql<number>`count(*)`, dueSoon: sql<number>`coalesce(sum(${r.dueOn} >= ${today} and ${r.dueOn} <= ${dueSoonUntil}), 0)`,
      overdue: sql<number>`coalesce(sum(${r.dueOn} < ${today}), 0)`, unopened: sql<number>`coalesce(sum(${r.openedAt} is null), 0)`,
    }).from(r).where(and(isNull(r.outcome), isNull(r.voidedOn), scope)).get();
    return row ?? { open: 0, dueSoon: 0, overdue: 0, unopened: 0 };
  }
  // Every register page asks: prepared once, answered from the partial index requests_open_idx,
  // and kept for the day until a request changes.
  return cachedUntilChanged(tx, 'requests', `workload ${today} ${dueSoonUntil}`, () => preparedStatement(
    tx,
    `select count(*) as open, coalesce(sum(due_on >= @today and due_on <= @dueSoonUntil), 0) as dueSoon,
       coalesce(sum(due_on < @today), 0) as overdue, coalesce(sum(opened_at is null), 0) as unopened
     from requests indexed by requests_open_idx where outcome is null and voided_on is null`,
  ).get({ today, dueSoonUntil }) as { open: number; dueSoon: number; overdue: number; unopened: number });
}

/** Years from the first to the last request received, newest first (two index lookups). */
export function yearsWithRequests(tx: Tx): number[] {
  const { first, last } = cachedUntilChanged(tx, 'requests', 'firstAndLast', () => firstAndLast(tx, requests, requests.receivedOn));
  if (!first || !last) return [];
  const years: number[] = [];
  for (let y = Number(last.slice(0, 4)); y >= Number(first.slice(0, 4)); y--) years.push(y);
  return years;
}

export function requestsByIds(tx: Tx, ids: number[]): RequestRow[] {
  return ids.length ? tx.select().from(requests).where(inArray(requests.id, ids)).all() : [];
}

// ---- Bulk access for the register import (one query per chunk instead of one per row) ----

/** Values per IN (...) list: well under SQLite's 32,766 bound variables. */
const LOOKUP_CHUNK = 500;
/** Rows per multi-row INSERT; times the table's ~50 columns stays under 32,766 variables. */
const INSERT_CHUNK = 200;

/** Which of `numbers` are already registered. */
export function existingRegistrationNumbers(tx: Tx, numbers: Iterable<string>): Set<string> {
  const rows = selectInChunks([...new Set(numbers)], LOOKUP_CHUNK, (list) =>
    tx.select({ n: requests.registrationNumber }).from(requests).where(inArray(requests.registrationNumber, list)).prepare(),
  );
  return new Set(rows.map((r) => r.n));
}

/** The registration numbers holding any of `seqs` in `year`, by sequence. */
export function sequenceHolders(tx: Tx, year: number, seqs: Iterable<number>): Map<number, string> {
  const rows = selectInChunks(
    [...new Set(seqs)],
    LOOKUP_CHUNK,
    (list) =>
      tx
        .select({ seq: requests.registrationSeq, n: requests.registrationNumber })
        .from(requests)
        .where(and(eq(requests.registrationYear, sql.placeholder('year')), inArray(requests.registrationSeq, list)))
        .prepare(),
    { year },
  );
  return new Map(rows.map((r) => [r.seq!, r.n]));
}

/**
 * Inserts requests in multi-row chunks, in the order given (so ids follow it), and returns their
 * ids by registration number (SQLite does not promise RETURNING rows in VALUES order).
 */
export function insertRequests(tx: Tx, rows: readonly NewRequestRow[]): Map<string, number> {
  const out = insertInChunks<{ id: number; n: string }>(tx, requests, rows, INSERT_CHUNK, { id: requests.id, n: requests.registrationNumber });
  return new Map(out.map((r) => [r.n, r.id]));
}

/** Links imported requests to the DIK entries made for their exemptions (requestId → entry id). */
export function linkDikEntries(tx: Tx, entries: ReadonlyMap<number, number>): void {
  const link = perConnection(tx, linkDikStatement);
  for (const [requestId, dikEntryId] of entries) link.run({ requestId, dikEntryId });
}
const linkDikStatement = (tx: Tx) =>
  tx.update(requests).set({ dikEntryId: sql`${sql.placeholder('dikEntryId')}` }).where(eq(requests.id, sql.placeholder('requestId'))).prepare();

/**
 * How many objections hang on a request (an entry with one cannot be voided). Counted here, not
 * through objections/, because objections/ builds on requests/ (arrows point down).
 */
export function objectionCountOf(tx: Tx, requestId: number): number {
  return tx.select({ n: sql<number>`count(*)` }).from(objections).where(eq(objections.requestId, requestId)).get()?.n ?? 0;
}
