/** SQL of dispositions (disposisi) and forwardings. A voided request is nobody's work: left out of queues and figures. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { dispositions, forwardings, requests, units, type DispositionRow, type ForwardingRow, type RequestRow, type UnitRow } from '../db/schema.js';
import type { Tx } from '../db/client.js';
import type { QueueFilter } from './vocabulary.js';

export type NewDispositionRow = typeof dispositions.$inferInsert;

export function insertDisposition(tx: Tx, values: NewDispositionRow): DispositionRow {
  return tx.insert(dispositions).values(values).returning().get();
}

export function findDisposition(tx: Tx, id: number): DispositionRow | undefined {
  return tx.select().from(dispositions).where(eq(dispositions.id, id)).get();
}

export function updateDispositionAtVersion(tx: Tx, id: number, version: number, values: Partial<NewDispositionRow>): DispositionRow | undefined {
  return tx
    .update(dispositions)
    .set({ ...values, version: version + 1 })
    .where(and(eq(dispositions.id, id), eq(dispositions.version, version)))
    .returning()
    .get();
}

export function dispositionsOfRequest(tx: Tx, requestId: number): { disposition: DispositionRow; unit: UnitRow }[] {
  return tx
    .select({ disposition: dispositions, unit: units })
    .from(dispositions)
    .innerJoin(units, eq(units.id, dispositions.unitId))
    .where(eq(dispositions.requestId, requestId))
    .orderBy(asc(dispositions.id))
    .all();
}

/** An open disposition of the request to the unit, if any (one at a time per unit). */
export function openDispositionTo(tx: Tx, requestId: number, unitId: number): DispositionRow | undefined {
  return tx
    .select()
    .from(dispositions)
    .where(and(eq(dispositions.requestId, requestId), eq(dispositions.unitId, unitId), eq(dispositions.status, 'open')))
    .get();
}

export interface QueueQuery {
  unitId?: number;
  /** Whose requests (a PPID Pelaksana's officers: their own; src/pelaksana). */
  requestScope?: SQL;
  status?: QueueFilter;
  today: string;
  dueSoonUntil: string;
}

function queueWhere(q: QueueQuery): SQL | undefined {
  const parts: (SQL | undefined)[] = [isNull(requests.voidedOn), q.requestScope];
  if (q.unitId !== undefined) parts.push(eq(dispositions.unitId, q.unitId));
  switch (q.status) {
    case 'open':
      parts.push(eq(dispositions.status, 'open'));
      break;
    case 'due_soon':
      parts.push(eq(dispositions.status, 'open'), gte(dispositions.dueOn, q.today), lte(dispositions.dueOn, q.dueSoonUntil));
      break;
    case 'overdue':
      parts.push(eq(dispositions.status, 'open'), lt(dispositions.dueOn, q.today));
      break;
    case 'answered':
      parts.push(eq(dispositions.status, 'answered'));
      break;
    case 'closed':
      parts.push(inArray(dispositions.status, ['recalled', 'reassigned']));
      break;
    default:
      break;
  }
  return and(...parts);
}

export const QUEUE_LIMIT = 200;

/** A queue: open work by internal due date first, then the newest closed. */
export function listQueue(db: Tx, q: QueueQuery, limit = QUEUE_LIMIT): { disposition: DispositionRow; unit: UnitRow; request: RequestRow }[] {
  return db
    .select({ disposition: dispositions, unit: units, request: requests })
    .from(dispositions)
    .innerJoin(units, eq(units.id, dispositions.unitId))
    .innerJoin(requests, eq(requests.id, dispositions.requestId))
    .where(queueWhere(q))
    .orderBy(sql`${dispositions.status} = 'open' desc`, asc(dispositions.dueOn), desc(dispositions.id))
    .limit(limit)
    .all();
}

export interface QueueCounts {
  unitId: number;
  open: number;
  dueSoon: number;
  overdue: number;
}

/** Open, due soon and overdue dispositions per unit (against the internal due date). */
export function queueCounts(db: Tx, today: string, dueSoonUntil: string, unitId?: number, requestScope?: SQL): QueueCounts[] {
  return db
    .select({
      unitId: dispositions.unitId,
      open: sql<number>`count(*)`,
      dueSoon: sql<number>`sum(case when ${dispositions.dueOn} >= ${today} and ${dispositions.dueOn} <= ${dueSoonUntil} then 1 else 0 end)`,
      overdue: sql<number>`sum(case when ${dispositions.dueOn} < ${today} then 1 else 0 end)`,
    })
    .from(dispositions)
    .innerJoin(requests, eq(requests.id, dispositions.requestId))
    .where(and(eq(dispositions.status, 'open'), isNull(requests.voidedOn), unitId === undefined ? undefined : eq(dispositions.unitId, unitId), requestScope))
    .groupBy(dispositions.unitId)
    .all();
}

/** Dispositions sent in [from, to] that count in the figures: not recalled, not moved elsewhere. */
export function dispositionsSentBetween(db: Tx, from: string, to: string): Pick<DispositionRow, 'unitId' | 'sentOn' | 'dueOn' | 'answeredOn' | 'status'>[] {
  return db
    .select({ unitId: dispositions.unitId, sentOn: dispositions.sentOn, dueOn: dispositions.dueOn, answeredOn: dispositions.answeredOn, status: dispositions.status })
    .from(dispositions)
    .innerJoin(requests, eq(requests.id, dispositions.requestId))
    .where(and(gte(dispositions.sentOn, from), lte(dispositions.sentOn, to), inArray(dispositions.status, ['open', 'answered']), isNull(requests.voidedOn)))
    .all();
}

// ---- forwarding to another public body (Pasal 22 ayat 7 huruf b) ----

export function findForwarding(tx: Tx, requestId: number): ForwardingRow | undefined {
  return tx.select().from(forwardings).where(eq(forwardings.requestId, requestId)).get();
}

export function insertForwarding(tx: Tx, values: typeof forwardings.$inferInsert): ForwardingRow {
  return tx.insert(forwardings).values(values).returning().get();
}

export function updateForwardingAtVersion(tx: Tx, id: number, version: number, values: Partial<typeof forwardings.$inferInsert>): ForwardingRow | undefined {
  return tx.update(forwardings).set({ ...values, version: version + 1 }).where(and(eq(forwardings.id, id), eq(forwardings.version, version))).returning().get();
}

