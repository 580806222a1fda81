/**
 * Values kept in the process until the table they read changes (issue 20). Triggers give the
 * table's row in `data_versions` a new random number on every insert, update and delete
 * (migration data_versions_triggers), so a cached value is used only while that number is the
 * one it was computed under: never older than the last committed change, whichever connection
 * or process (the CLI's import, say) made it. Reading the number is one lookup of a one-row key.
 *
 * Inside a transaction the number is the transaction's own view: a change it made shows as a new
 * number, and a value computed from it is filed under that number. If the transaction rolls back,
 * the number goes back to the one before, and the random one is never taken again.
 */
import { perConnection, preparedStatement } from './client.js';

/** Tables with a version row kept by triggers. */
export type VersionedTable = 'requests' | 'settings' | 'consultations' | 'holidays' | 'desk_config';

/** Entries kept per connection before the cache starts over (filters a register offers are few). */
const MAX_ENTRIES = 1000;

const entriesOf = () => new Map<string, { version: number; value: unknown }>();

/** `compute()`, or its value from an earlier call with the same key while `table` has not changed since. */
export function cachedUntilChanged<T>(handle: object, table: VersionedTable, key: string, compute: () => T): T {
  // The number first, then the value: a change committed in between files a newer value under
  // an older number, which the next read no longer asks for.
  const row = preparedStatement(handle, 'select version from data_versions where name = ?').get(table) as { version: number } | undefined;
  // No version row (a database migrated without it cannot happen; be safe anyway): no caching.
  if (!row) return compute();
  const entries = perConnection(handle, entriesOf);
  const cacheKey = `${table}\u0000${key}`;
  const hit = entries.get(cacheKey);
  if (hit && hit.version === row.version) return hit.value as T;
  const value = compute();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(cacheKey, { version: row.version, value });
  return value;
}
