/** SQL of the knowledge base. */
import { and, asc, eq, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { knowledgeEntries, type KnowledgeEntryRow } from '../db/schema.js';
import type { Tx } from '../db/client.js';

export type NewKnowledgeEntry = typeof knowledgeEntries.$inferInsert;

export function insertEntry(tx: Tx, values: NewKnowledgeEntry): KnowledgeEntryRow {
  return tx.insert(knowledgeEntries).values(values).returning().get();
}

export function findEntry(tx: Tx, id: number): KnowledgeEntryRow | undefined {
  return tx.select().from(knowledgeEntries).where(eq(knowledgeEntries.id, id)).get();
}

export function updateEntryAtVersion(tx: Tx, id: number, version: number, values: Partial<NewKnowledgeEntry>): KnowledgeEntryRow | undefined {
  return tx.update(knowledgeEntries).set({ ...values, version: version + 1 }).where(and(eq(knowledgeEntries.id, id), eq(knowledgeEntries.version, version))).returning().get();
}

/** `%`, `_` and `\` typed in a search are literal characters. */
const contains = (column: SQLiteColumn, q: string) => sql`${column} LIKE ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;

export function listEntries(tx: Tx, f: { q?: string; awaiting?: boolean; ownerUnitId?: number }, limit = 500): KnowledgeEntryRow[] {
  const where: SQL[] = [];
  if (f.q) {
    where.push(or(contains(knowledgeEntries.title, f.q), contains(knowledgeEntries.topic, f.q), contains(knowledgeEntries.answer, f.q))!);
  }
  if (f.awaiting) where.push(isNotNull(knowledgeEntries.reviewRequestedAt));
  if (f.ownerUnitId !== undefined) where.push(eq(knowledgeEntries.ownerUnitId, f.ownerUnitId));
  return tx.select().from(knowledgeEntries).where(where.length ? and(...where) : undefined).orderBy(asc(knowledgeEntries.topic), asc(knowledgeEntries.title), asc(knowledgeEntries.id)).limit(limit).all();
}

/** Entries flagged for review at or before `asOf` (UTC instant) and not reviewed since. */
export function flaggedBy(tx: Tx, asOf: string): KnowledgeEntryRow[] {
  return tx
    .select()
    .from(knowledgeEntries)
    .where(and(isNotNull(knowledgeEntries.reviewRequestedAt), lte(knowledgeEntries.reviewRequestedAt, asOf)))
    .orderBy(asc(knowledgeEntries.reviewRequestedAt), asc(knowledgeEntries.id))
    .all();
}
