/**
 * SQL of the Daftar Informasi yang Dikecualikan (DIK). The list of requests that used each entry
 * is read here with a join (the requests table's columns it reads: id, number, decision date):
 * the DIK sits below the request register, which writes the link (requests.dik_entry_id).
 */
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { insertInChunks } from '../db/bulk.js';
import { dikEntries as dikTable, requests, type DikEntryRow } from '../db/schema.js';

export type NewDikEntry = typeof dikTable.$inferInsert;

export function insertDikEntry(tx: Tx, values: NewDikEntry): DikEntryRow {
  return tx.insert(dikTable).values(values).returning().get();
}

/** Many entries at once (the register import); returns each new entry's id by its request. */
export function insertDikEntries(tx: Tx, rows: readonly NewDikEntry[]): Map<number, number> {
  const out = insertInChunks<{ id: number; requestId: number | null }>(tx, dikTable, rows, 200, { id: dikTable.id, requestId: dikTable.requestId });
  return new Map(out.map((r) => [r.requestId!, r.id]));
}

export function findDikEntry(tx: Tx, id: number): DikEntryRow | undefined {
  return tx.select().from(dikTable).where(eq(dikTable.id, id)).get();
}

export function updateDikEntry(tx: Tx, id: number, values: Partial<NewDikEntry>): DikEntryRow {
  const before = findDikEntry(tx, id)!;
  return tx.update(dikTable).set({ ...values, version: before.version + 1 }).where(eq(dikTable.id, id)).returning().get();
}

/** Every entry, oldest decision first. */
export function listDikEntries(tx: Tx): DikEntryRow[] {
  return tx.select().from(dikTable).orderBy(asc(dikTable.decidedOn), asc(dikTable.id)).all();
}

export interface DikUse {
  dikEntryId: number;
  requestId: number;
  registrationNumber: string;
  decidedOn: string | null;
  voided: boolean;
}

/** The requests that used each entry (voided entries included, marked). */
export function dikUses(tx: Tx): DikUse[] {
  return tx
    .select({ dikEntryId: requests.dikEntryId, requestId: requests.id, registrationNumber: requests.registrationNumber, decidedOn: requests.decidedOn, voidedOn: requests.voidedOn })
    .from(requests)
    .where(isNotNull(requests.dikEntryId))
    .orderBy(asc(requests.receivedOn), asc(requests.id))
    .all()
    .map((r) => ({ dikEntryId: r.dikEntryId!, requestId: r.requestId, registrationNumber: r.registrationNumber, decidedOn: r.decidedOn, voided: r.voidedOn !== null }));
}
