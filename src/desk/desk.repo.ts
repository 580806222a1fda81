/** SQL of the desk's consultation tickets. */
import { and, asc, count, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { cachedUntilChanged } from '../db/versioned-cache.js';
import { consultations, type ConsultationRow } from '../db/schema.js';
import type { Tx } from '../db/client.js';

export type NewConsultationRow = typeof consultations.$inferInsert;

export function nextSeq(tx: Tx, year: number): number {
  const row = tx.select({ max: sql<number | null>`max(${consultations.seq})` }).from(consultations).where(eq(consultations.year, year)).get();
  return (row?.max ?? 0) + 1;
}

export function insertConsultation(tx: Tx, values: NewConsultationRow): ConsultationRow {
  return tx.insert(consultations).values(values).returning().get();
}

export function findConsultation(tx: Tx, id: number): ConsultationRow | undefined {
  return tx.select().from(consultations).where(eq(consultations.id, id)).get();
}

/**
 * Tickets whose count may cross a day between `from` and `until` (UTC instants): received before
 * `until` and due after `from`, any status (an answered ticket's due time is its "within service
 * level" in the reports).
 */
export function ticketsCountingBetween(tx: Tx, from: string, until: string): Pick<ConsultationRow, 'id' | 'receivedAt' | 'channel' | 'escalatedAt' | 'slaDueAt' | 'slaAmount' | 'slaUnit'>[] {
  return tx
    .select({
      id: consultations.id, receivedAt: consultations.receivedAt, channel: consultations.channel, escalatedAt: consultations.escalatedAt,
      slaDueAt: consultations.slaDueAt, slaAmount: consultations.slaAmount, slaUnit: consultations.slaUnit,
    })
    .from(consultations)
    .where(and(gte(consultations.slaDueAt, from), lt(consultations.receivedAt, until)))
    .all();
}

/** A due time counted again (a holiday change): derived, so neither the version nor updated_at moves. */
export function updateDueAt(tx: Tx, id: number, slaDueAt: string): void {
  tx.update(consultations).set({ slaDueAt }).where(eq(consultations.id, id)).run();
}

export function updateConsultationAtVersion(tx: Tx, id: number, version: number, values: Partial<NewConsultationRow>): ConsultationRow | undefined {
  return tx
    .update(consultations)
    .set({ ...values, version: version + 1 })
    .where(and(eq(consultations.id, id), eq(consultations.version, version)))
    .returning()
    .get();
}

export interface ListFilter {
  /** Received on or after / before these instants (UTC ISO), from year/month in the office zone. */
  from?: string;
  to?: string;
  channel?: string;
  status?: string;
  unitId?: number;
  category?: string;
  /** Only open or escalated tickets due at or after / before these instants (UTC ISO). */
  dueFrom?: string;
  dueBefore?: string;
}

function whereOf(f: ListFilter): SQL | undefined {
  const where: SQL[] = [];
  // Instants are stored in UTC (…Z): text order is time order, and the indexes serve it.
  if (f.from) where.push(gte(consultations.receivedAt, f.from));
  if (f.to) where.push(lt(consultations.receivedAt, f.to));
  if (f.channel) where.push(eq(consultations.channel, f.channel));
  if (f.status) where.push(eq(consultations.status, f.status));
  if (f.category) where.push(eq(consultations.category, f.category));
  if (f.unitId !== undefined) where.push(eq(consultations.escalatedUnitId, f.unitId));
  if (f.dueFrom || f.dueBefore) where.push(inArray(consultations.status, ['open', 'escalated']));
  if (f.dueFrom) where.push(gte(consultations.slaDueAt, f.dueFrom));
  if (f.dueBefore) where.push(lte(consultations.slaDueAt, f.dueBefore));
  return where.length ? and(...where) : undefined;
}

/** One page of the queue (due-time order) and the exact number of tickets matching the filter. */
export function pageConsultations(tx: Tx, f: ListFilter, page: { offset: number; limit: number }): { total: number; rows: ConsultationRow[] } {
  const where = whereOf(f);
  // Counted again only after a ticket changed: a COUNT(*) over a million tickets on every view of
  // the queue was most of the page (issue 20).
  const total = cachedUntilChanged(tx, 'consultations', `queue ${JSON.stringify(f)}`, () => tx.select({ n: count() }).from(consultations).where(where).get()?.n ?? 0);
  const rows = tx.select().from(consultations).where(where).orderBy(asc(consultations.slaDueAt), asc(consultations.id)).limit(page.limit).offset(page.offset).all();
  return { total, rows };
}

/** Tickets sorted by their due time (the queue's order), then by number. */
export function listConsultations(tx: Tx, f: ListFilter, limit = 500): ConsultationRow[] {
  return tx.select().from(consultations).where(whereOf(f)).orderBy(asc(consultations.slaDueAt), asc(consultations.id)).limit(limit).all();
}
