/**
 * INSERT … RETURNING for the inserts that run on every intake (a request, its messages): built
 * by drizzle once per connection and table with a placeholder per column, then only bound.
 * Building a 75-column insert through drizzle and preparing it in SQLite each time cost more than
 * SQLite's work on it (issue 20).
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { perConnection, type Tx } from './client.js';

interface PreparedGet {
  get(values: Record<string, unknown>): unknown;
}

/** One builder per table and conflict target, so perConnection keeps one statement for each. */
const builders = new Map<SQLiteTable, Map<SQLiteColumn | undefined, (tx: Tx) => PreparedGet>>();

function builderOf(table: SQLiteTable, skipOnConflict: SQLiteColumn | undefined): (tx: Tx) => PreparedGet {
  let byTarget = builders.get(table);
  if (!byTarget) builders.set(table, (byTarget = new Map()));
  let build = byTarget.get(skipOnConflict);
  if (!build) {
    build = (tx: Tx) => {
      const placeholders = Object.fromEntries(Object.keys(getTableColumns(table)).map((k) => [k, sql.placeholder(k)]));
      const insert = tx.insert(table).values(placeholders as never);
      return (skipOnConflict ? insert.onConflictDoNothing({ target: skipOnConflict }) : insert).returning().prepare() as unknown as PreparedGet;
    };
    byTarget.set(skipOnConflict, build);
  }
  return build;
}

/**
 * Inserts one row and returns it. Columns left out take their schema defaults, as a plain
 * drizzle insert would. With `skipOnConflict`, a row whose value of that unique column is already
 * there is not inserted: undefined.
 */
export function insertRow<T extends SQLiteTable>(tx: Tx, table: T, values: T['$inferInsert'], skipOnConflict?: SQLiteColumn): T['$inferSelect'] | undefined {
  const params: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const v = (values as Record<string, unknown>)[key];
    const value = v !== undefined ? v : column.defaultFn ? column.defaultFn() : column.default !== undefined ? column.default : null;
    params[key] = typeof value === 'boolean' ? Number(value) : value;
  }
  return perConnection(tx, builderOf(table, skipOnConflict)).get(params) as T['$inferSelect'] | undefined;
}
