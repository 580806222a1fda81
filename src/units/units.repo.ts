/** SQL of the units tree (and who belongs to a unit). */
import { and, asc, eq, sql } from 'drizzle-orm';
import { dispositions, requestPelaksana, units, users, type UnitRow } from '../db/schema.js';
import type { Tx } from '../db/client.js';

export type NewUnitRow = typeof units.$inferInsert;

export function listUnits(db: Tx): UnitRow[] {
  return db.select().from(units).orderBy(asc(units.code)).all();
}

export function findUnit(db: Tx, id: number): UnitRow | undefined {
  return db.select().from(units).where(eq(units.id, id)).get();
}

/** Codes match whatever their case ("pk.1" finds PK.1). */
export function findUnitByCode(db: Tx, code: string): UnitRow | undefined {
  return db.select().from(units).where(sql`${units.code} = ${code} collate nocase`).get();
}

export function insertUnit(tx: Tx, values: NewUnitRow): UnitRow {
  return tx.insert(units).values(values).returning().get();
}

export function updateUnitAtVersion(tx: Tx, id: number, version: number, values: Partial<NewUnitRow>): UnitRow | undefined {
  return tx.update(units).set({ ...values, version: version + 1 }).where(and(eq(units.id, id), eq(units.version, version))).returning().get();
}

export function deleteUnit(tx: Tx, id: number): void {
  tx.delete(units).where(eq(units.id, id)).run();
}

/** What ties a unit down: its dispositions, its users and its sub-units. */
export function unitTies(tx: Tx, id: number): { dispositions: number; users: number; children: number } {
  const count = (n: { n: number } | undefined) => n?.n ?? 0;
  return {
    dispositions: count(tx.select({ n: sql<number>`count(*)` }).from(dispositions).where(eq(dispositions.unitId, id)).get()),
    users: count(tx.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.unitId, id)).get()),
    children: count(tx.select({ n: sql<number>`count(*)` }).from(units).where(eq(units.parentId, id)).get()),
  };
}

/** Users per unit id, for the admin list. */
export function userCountsByUnit(db: Tx): Map<number, number> {
  const rows = db.select({ unitId: users.unitId, n: sql<number>`count(*)` }).from(users).where(sql`${users.unitId} is not null`).groupBy(users.unitId).all();
  return new Map(rows.map((r) => [r.unitId!, r.n]));
}

/** Requests a PPID Pelaksana registered (src/pelaksana). */
export function registeredRequestCount(tx: Tx, id: number): number {
  return tx.select({ n: sql<number>`count(*)` }).from(requestPelaksana).where(eq(requestPelaksana.unitId, id)).get()?.n ?? 0;
}
