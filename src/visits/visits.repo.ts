/** SQL of visits (SOP 194). */
import { and, asc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import { visits, type VisitRow } from '../db/schema.js';
import type { Tx } from '../db/client.js';

export type NewVisitRow = typeof visits.$inferInsert;

export function insertVisit(tx: Tx, values: NewVisitRow): VisitRow {
  return tx.insert(visits).values(values).returning().get();
}

export function findVisit(tx: Tx, id: number): VisitRow | undefined {
  return tx.select().from(visits).where(eq(visits.id, id)).get();
}

export function updateVisitAtVersion(tx: Tx, id: number, version: number, values: Partial<NewVisitRow>): VisitRow | undefined {
  return tx.update(visits).set({ ...values, version: version + 1 }).where(and(eq(visits.id, id), eq(visits.version, version))).returning().get();
}

/** People already reserved from a region on a day (cancelled reservations do not count). */
export function peopleReserved(tx: Tx, plannedOn: string, regionCode: string): number {
  const row = tx
    .select({ n: sql<number | null>`sum(${visits.people})` })
    .from(visits)
    .where(and(eq(visits.plannedOn, plannedOn), eq(visits.regionCode, regionCode), ne(visits.status, 'cancelled')))
    .get();
  return row?.n ?? 0;
}

/** Reservations planned on one day, or between two days (from inclusive, to exclusive). */
export function visitsBetween(tx: Tx, from: string, to: string): VisitRow[] {
  return tx.select().from(visits).where(and(gte(visits.plannedOn, from), lt(visits.plannedOn, to))).orderBy(asc(visits.plannedOn), asc(visits.regionCode), asc(visits.id)).all();
}
