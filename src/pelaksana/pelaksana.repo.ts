/**
 * SQL of the PPID Pelaksana: which requests a Pelaksana registered, its own sequence, and the
 * units and users it reads. Only the tables: this folder imports no domain folder, so requests/,
 * recap/, units/ and the annual report can all use it (arrows point down).
 */
import { and, eq, max, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { dispositions, objections, requestPelaksana, requests, units, users, type UnitRow } from '../db/schema.js';
import type { Tx } from '../db/client.js';

export function findUnitById(db: Tx, id: number): UnitRow | undefined {
  return db.select().from(units).where(eq(units.id, id)).get();
}

export function findUnitByCode(db: Tx, code: string): UnitRow | undefined {
  return db.select().from(units).where(sql`${units.code} = ${code} collate nocase`).get();
}

/** The unit a user belongs to (none: null). */
export function unitOfUser(db: Tx, userId: number): UnitRow | null {
  const row = db.select({ unit: units }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(eq(users.id, userId)).get();
  return row?.unit ?? null;
}

/** The highest number given in a Pelaksana's own sequence of `year` (none yet: null). */
export function highestPelaksanaSequence(tx: Tx, unitId: number, year: number): number | null {
  const row = tx.select({ max: max(requestPelaksana.seq) }).from(requestPelaksana).where(and(eq(requestPelaksana.unitId, unitId), eq(requestPelaksana.year, year))).get();
  return row?.max ?? null;
}

export function insertRequestPelaksana(tx: Tx, values: typeof requestPelaksana.$inferInsert): void {
  tx.insert(requestPelaksana).values(values).run();
}

/** The Pelaksana that registered a request, or undefined (the PPID Utama's own). */
export function pelaksanaOfRequest(db: Tx, requestId: number): UnitRow | undefined {
  return db.select({ unit: units }).from(requestPelaksana).innerJoin(units, eq(units.id, requestPelaksana.unitId)).where(eq(requestPelaksana.requestId, requestId)).get()?.unit;
}

/** The request an objection is about (null: an objection without a request). */
export function requestOfObjection(db: Tx, objectionId: number): number | null | undefined {
  const row = db.select({ requestId: objections.requestId }).from(objections).where(eq(objections.id, objectionId)).get();
  return row ? row.requestId : undefined;
}

/** The request a disposition is about. */
export function requestOfDisposition(db: Tx, dispositionId: number): number | undefined {
  return db.select({ requestId: dispositions.requestId }).from(dispositions).where(eq(dispositions.id, dispositionId)).get()?.requestId;
}

/** Every PPID Pelaksana unit (active or not), by code. */
export function pelaksanaUnits(db: Tx): UnitRow[] {
  return db.select().from(units).where(eq(units.kind, 'pelaksana')).orderBy(units.code).all();
}

/** The PPID Utama unit, if the tree has one (the first by code). */
export function utamaUnit(db: Tx): UnitRow | undefined {
  return db.select().from(units).where(eq(units.kind, 'utama')).orderBy(units.code).get();
}

/** Active PPID Pelaksana units, by code. */
export function activePelaksanaUnits(db: Tx): UnitRow[] {
  return db.select().from(units).where(and(eq(units.kind, 'pelaksana'), eq(units.active, true))).orderBy(units.code).all();
}

/** Rows whose request column (requests.id, objections.request_id, …) belongs to Pelaksana `unitId`. */
export function ofPelaksana(column: SQLiteColumn, unitId: number): SQL {
  return sql`${column} in (select ${requestPelaksana.requestId} from ${requestPelaksana} where ${requestPelaksana.unitId} = ${unitId})`;
}

/** Rows the PPID Utama registered itself: no Pelaksana row (and objections without a request). */
export function ofUtama(column: SQLiteColumn): SQL {
  return sql`(${column} is null or ${column} not in (select ${requestPelaksana.requestId} from ${requestPelaksana}))`;
}

/**
 * Whose requests a page, a recap or a report covers: everything (consolidated), the PPID Utama's
 * own, or one PPID Pelaksana's.
 */
export type RequestScope =
  | { kind: 'all' }
  | { kind: 'utama'; code: string; name: string }
  | { kind: 'pelaksana'; unitId: number; code: string; name: string };

/**
 * The SQL condition of a scope over a column holding a request id (requests.id by default;
 * objections.request_id for objections). Undefined for the consolidated scope: no condition.
 */
export function scopeWhere(scope: RequestScope, column: SQLiteColumn = requests.id): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return scope.kind === 'pelaksana' ? ofPelaksana(column, scope.unitId) : ofUtama(column);
}

/** A scope's condition over objections (by their request; one without a request is the Utama's). */
export const objectionScopeWhere = (scope: RequestScope): SQL | undefined => scopeWhere(scope, objections.requestId);
/** A scope's condition over dispositions (by their request). */
export const dispositionScopeWhere = (scope: RequestScope): SQL | undefined => scopeWhere(scope, dispositions.requestId);
