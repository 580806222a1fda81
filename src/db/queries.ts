import { sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Tx } from './client.js';

/**
 * The smallest and largest value of an indexed column. Two queries on purpose: SQLite answers
 * min() or max() alone straight from the index, but scans the whole index for both in one.
 */
export function firstAndLast(tx: Tx, table: SQLiteTable, col: SQLiteColumn): { first: string | null; last: string | null } {
  const first = tx.select({ v: sql<string | null>`min(${col})` }).from(table).get()?.v ?? null;
  const last = tx.select({ v: sql<string | null>`max(${col})` }).from(table).get()?.v ?? null;
  return { first, last };
}
