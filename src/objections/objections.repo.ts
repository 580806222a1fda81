/** SQL of objections. Nothing outside this file queries the objections table. */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { disputeStages, objections, requests, type DisputeStageRow, type ObjectionRow } from '../db/schema.js';
import { insertInChunks, selectInChunks } from '../db/bulk.js';
import { preparedStatement, type Tx } from '../db/client.js';
import type { DueSoonWindow } from '../requests/deadlines.js';

export type NewObjectionRow = typeof objections.$inferInsert;

export function insertObjection(tx: Tx, values: NewObjectionRow): ObjectionRow {
  return tx.insert(objections).values(values).returning().get();
}

export function findObjection(tx: Tx, id: number): ObjectionRow | undefined {
  return tx.select().from(objections).where(eq(objections.id, id)).get();
}

export function objectionsOfRequest(tx: Tx, requestId: number): ObjectionRow[] {
  return tx.select().from(objections).where(eq(objections.requestId, requestId)).orderBy(asc(objections.filedOn), asc(objections.id)).all();
}

export function findObjectionByNumber(tx: Tx, number: string): ObjectionRow | undefined {
  return tx.select().from(objections).where(eq(objections.registrationNumber, number)).get();
}

/** The objection holding a sequence number of a year, if any (imported numbers may take one). */
export function findObjectionBySequence(tx: Tx, year: number, seq: number): ObjectionRow | undefined {
  return tx.select().from(objections).where(and(eq(objections.registrationYear, year), eq(objections.registrationSeq, seq))).get();
}

/** The objections of several requests at once (for exports), in filing order. */
export function objectionsOfRequests(tx: Tx, requestIds: number[]): ObjectionRow[] {
  if (requestIds.length === 0) return [];
  return tx.select().from(objections).where(inArray(objections.requestId, requestIds)).orderBy(asc(objections.filedOn), asc(objections.id)).all();
}

/** The highest objection sequence number given in a year, if any (prepared once per connection). */
export function highestObjectionSequence(tx: Tx, year: number): number | null {
  const row = preparedStatement(tx, 'select max(registration_seq) as max from objections where registration_year = ?').get(year) as { max: number | null };
  return row.max;
}

export function updateObjectionAtVersion(tx: Tx, id: number, expectedVersion: number, values: Partial<NewObjectionRow>): ObjectionRow | undefined {
  return tx
    .update(objections)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(objections.id, id), eq(objections.version, expectedVersion)))
    .returning()
    .get();
}

/**
 * Objections whose counting windows may contain one of `dates`: filing, answer, and the 14
 * working days for a dispute after the answer (never more than 60 calendar days).
 */
export function objectionsSpanning(tx: Tx, dates: string[]): ObjectionRow[] {
  const earliest = dates.reduce((a, b) => (a < b ? a : b));
  return tx
    .select()
    .from(objections)
    .where(
      or(
        gte(objections.responseDueOn, earliest),
        gte(objections.filingDeadline, earliest),
        and(isNotNull(objections.disputeRegisteredOn), sql`coalesce(${objections.respondedOn}, ${objections.responseDueOn}) >= date(${earliest}, '-60 days')`),
      ),
    )
    .all();
}

export function updateObjectionDerived(tx: Tx, id: number, values: Pick<ObjectionRow, 'filingDeadline' | 'late' | 'responseDueOn' | 'disputeLate'>): void {
  tx.update(objections).set(values).where(eq(objections.id, id)).run();
}

export interface ObjectionFilter extends DueSoonWindow {
  year?: number;
  /** Whose requests (a PPID Pelaksana's officers: their own; src/pelaksana). */
  scope?: SQL;
  status?: 'open' | 'answered' | 'overdue' | 'due_soon' | 'late' | 'dispute';
}

function where(f: ObjectionFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [f.scope];
  if (f.year) c.push(gte(objections.filedOn, `${f.year}-01-01`), lte(objections.filedOn, `${f.year}-12-31`));
  const open = isNull(objections.respondedOn);
  switch (f.status) {
    case 'open': c.push(open); break;
    case 'answered': c.push(isNotNull(objections.respondedOn)); break;
    case 'overdue': c.push(open, lt(objections.responseDueOn, f.today)); break;
    case 'due_soon': c.push(open, gte(objections.responseDueOn, f.today), lte(objections.responseDueOn, f.dueSoonUntil)); break;
    case 'late': c.push(eq(objections.late, true)); break;
    case 'dispute': c.push(isNotNull(objections.disputeRegisteredOn)); break;
    default: break;
  }
  return and(...c);
}

export function listObjections(tx: Tx, f: ObjectionFilter) {
  // A request-less objection (ground b) lists with its objector in place of the requester.
  return tx
    .select({ objection: objections, requestNumber: requests.registrationNumber, requesterName: sql<string>`coalesce(${requests.requesterName}, ${objections.objectorName})` })
    .from(objections)
    .leftJoin(requests, eq(requests.id, objections.requestId))
    .where(where(f))
    .orderBy(desc(objections.filedOn), desc(objections.id))
    .all();
}

/** Open, due soon and overdue objections: the supervisor's count in the navigation. */
export function openObjectionCounts(tx: Tx, { today, dueSoonUntil }: DueSoonWindow): { open: number; dueSoon: number; overdue: number } {
  // Read on every page a supervisor opens: prepared once, answered from the partial index objections_open_idx.
  return preparedStatement(
    tx,
    `select count(*) as open, coalesce(sum(response_due_on >= @today and response_due_on <= @dueSoonUntil), 0) as dueSoon,
       coalesce(sum(response_due_on < @today), 0) as overdue
     from objections indexed by objections_open_idx where responded_on is null`,
  ).get({ today, dueSoonUntil }) as { open: number; dueSoon: number; overdue: number };
}

/** The years in which objections were filed, newest first (a scan of the filing-date index). */
export function yearsWithObjections(tx: Tx): number[] {
  const rows = preparedStatement(tx, 'select distinct substr(filed_on, 1, 4) as y from objections indexed by objections_filed_idx order by y desc').all() as { y: string }[];
  return rows.map((r) => Number(r.y));
}

// ---- Dispute stages ---------------------------------------------------------------------

/** The stages of an objection's dispute, in the order they happened. */
export function stagesOfObjection(tx: Tx, objectionId: number): DisputeStageRow[] {
  return tx.select().from(disputeStages).where(eq(disputeStages.objectionId, objectionId)).orderBy(asc(disputeStages.heldOn), asc(disputeStages.id)).all();
}

export type NewDisputeStageRow = typeof disputeStages.$inferInsert;

/** Records a stage, or corrects it when the objection already has that stage (that court). */
export function upsertStage(tx: Tx, values: NewDisputeStageRow): DisputeStageRow {
  const { createdAt: _c, createdBy: _b, objectionId: _o, stage: _s, court: _k, ...changes } = values;
  return tx
    .insert(disputeStages)
    .values(values)
    .onConflictDoUpdate({ target: [disputeStages.objectionId, disputeStages.stage, disputeStages.court], set: changes })
    .returning()
    .get();
}

// ---- Bulk access for the register import (one query per chunk instead of one per row) ----

/** Values per IN (...) list: well under SQLite's 32,766 bound variables. */
const LOOKUP_CHUNK = 500;
/** Rows per multi-row INSERT; times the table's ~30 columns stays under 32,766 variables. */
const INSERT_CHUNK = 200;

/** Which of `numbers` are already used by an objection. */
export function existingObjectionNumbers(tx: Tx, numbers: Iterable<string>): Set<string> {
  const rows = selectInChunks([...new Set(numbers)], LOOKUP_CHUNK, (list) =>
    tx.select({ n: objections.registrationNumber }).from(objections).where(inArray(objections.registrationNumber, list)).prepare(),
  );
  return new Set(rows.map((r) => r.n));
}

/** The objection numbers holding any of `seqs` in `year`, by sequence. */
export function objectionSequenceHolders(tx: Tx, year: number, seqs: Iterable<number>): Map<number, string> {
  const rows = selectInChunks(
    [...new Set(seqs)],
    LOOKUP_CHUNK,
    (list) =>
      tx
        .select({ seq: objections.registrationSeq, n: objections.registrationNumber })
        .from(objections)
        .where(and(eq(objections.registrationYear, sql.placeholder('year')), inArray(objections.registrationSeq, list)))
        .prepare(),
    { year },
  );
  return new Map(rows.map((r) => [r.seq!, r.n]));
}

/** Inserts objections in multi-row chunks, in the order given. */
export function insertObjections(tx: Tx, rows: readonly NewObjectionRow[]): void {
  insertInChunks(tx, objections, rows, INSERT_CHUNK);
}
