/**
 * Bulk SQL for the register import, used by the repositories (requests.repo, objections.repo;
 * the SQL stays theirs). Building a query with drizzle costs more than SQLite's work on it when
 * the query is an IN list of 500 values or a 200-row INSERT, so each is built and prepared once,
 * with placeholders, and every chunk only binds its values.
 */
import { getTableColumns, getTableName, is, sql, SQL, type Placeholder } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Tx } from './client.js';

/** SQLite's default limit of bound variables per statement (SQLITE_MAX_VARIABLE_NUMBER). */
const MAX_VARIABLES = 32_766;

/** A prepared drizzle query; placeholder values by name (numbered ones by index). */
interface Prepared<R> {
  all(placeholderValues?: Record<string, unknown>): R[];
  run(placeholderValues?: Record<string, unknown>): unknown;
}

/**
 * Runs a SELECT once per chunk of `values` and returns all rows. `build` makes the query once,
 * putting the placeholders it is given in its IN (...) list; `fixed` gives any other
 * placeholders it uses (named, not numbered). A short last chunk repeats its first value, which
 * an IN list does not mind.
 */
export function selectInChunks<V, R>(
  values: readonly V[],
  chunkSize: number,
  build: (list: Placeholder[]) => Pick<Prepared<R>, 'all'>,
  fixed: Record<string, unknown> = {},
): R[] {
  const out: R[] = [];
  if (values.length === 0) return out;
  const size = Math.min(chunkSize, values.length);
  const query = build(Array.from({ length: size }, (_, i) => sql.placeholder(String(i))));
  for (let start = 0; start < values.length; start += size) {
    const params: Record<string, unknown> = { ...fixed };
    for (let i = 0; i < size; i++) params[i] = values[start + i < values.length ? start + i : start];
    for (const r of query.all(params)) out.push(r);
  }
  return out;
}

/**
 * INSERT statements prepared in a transaction, by table, row count and returned columns, so the
 * calls of one import (it writes in rounds) build each statement once.
 */
const insertStatements = new WeakMap<Tx, Map<string, Prepared<unknown>>>();

/**
 * Inserts `rows` into `table`, `chunkSize` rows per INSERT (fewer if the table's columns would
 * pass SQLite's variable limit), in the order given, so ids follow it. Returns what `returning`
 * selects, all chunks together; within a chunk SQLite does not promise the order of the VALUES.
 *
 * Values are bound as drizzle's own insert sends them: a missing key takes the column's
 * default (null when it has none, so SQLite assigns the primary key), null stays null, any
 * other value goes through the column's mapToDriverValue (booleans to 0/1).
 */
export function insertInChunks<R = never>(
  tx: Tx,
  table: SQLiteTable,
  rows: readonly Record<string, unknown>[],
  chunkSize: number,
  returning?: Record<string, SQLiteColumn>,
): R[] {
  const columns = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>)
    // As drizzle's insert: generated columns are not written.
    .filter(([, c]) => !(c as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert());
  const keys = columns.map(([key]) => key);
  const defaults = columns.map(([, col]): (() => unknown) => {
    if (col.default !== null && col.default !== undefined) {
      if (is(col.default, SQL)) return () => { throw new Error(`insertInChunks: column ${col.name} has an SQL default`); };
      const value = col.mapToDriverValue(col.default);
      return () => value;
    }
    if (col.defaultFn !== undefined || col.onUpdateFn !== undefined) {
      return () => { throw new Error(`insertInChunks: column ${col.name} has a default function`); };
    }
    return () => null;
  });

  let statements = insertStatements.get(tx);
  if (!statements) insertStatements.set(tx, (statements = new Map()));
  const returned = returning ? Object.entries(returning).map(([k, c]) => `${k}=${c.name}`).join(',') : '';
  const statement = (n: number): Prepared<R> => {
    const key = `${getTableName(table)}:${n}:${returned}`;
    let s = statements.get(key) as Prepared<R> | undefined;
    if (!s) {
      // Each value a placeholder wrapped in SQL, so drizzle binds it as given (mapped below).
      const placeholderRows = Array.from({ length: n }, (_, r) =>
        Object.fromEntries(keys.map((k, j) => [k, sql`${sql.placeholder(String(r * keys.length + j))}`])),
      );
      const insert = tx.insert(table).values(placeholderRows as never);
      s = (returning ? insert.returning(returning).prepare() : insert.prepare()) as unknown as Prepared<R>;
      statements.set(key, s);
    }
    return s;
  };

  // Full chunks, then what is left in a few smaller fixed sizes, so an import prepares at most
  // four statements per table whatever its row counts.
  const perChunk = Math.max(1, Math.min(chunkSize, Math.floor(MAX_VARIABLES / keys.length)));
  const sizes = [perChunk, ...[50, 10, 1].filter((n) => n < perChunk)];
  const out: R[] = [];
  let start = 0;
  for (const size of sizes) {
    for (; rows.length - start >= size; start += size) {
      const values: unknown[] = new Array(size * keys.length);
      let k = 0;
      for (let i = start; i < start + size; i++) {
        const row = rows[i];
        for (let j = 0; j < keys.length; j++) {
          const v = row[keys[j]];
          values[k++] = v === undefined ? defaults[j]() : v === null ? null : columns[j][1].mapToDriverValue(v);
        }
      }
      // Numbered placeholders read an array as well as an object.
      const params = values as unknown as Record<string, unknown>;
      if (returning) for (const r of statement(size).all(params)) out.push(r);
      else statement(size).run(params);
    }
  }
  return out;
}
