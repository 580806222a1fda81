import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './client.js';

/** Resolved from this file, never from the working directory, so any launcher finds them. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Applies the pending migrations (all in one transaction). Foreign keys are off meanwhile, as
 * SQLite's table-rebuild procedure requires: drizzle-kit rebuilds a table (new table, copy, drop,
 * rename) to change a constraint, and its own `PRAGMA foreign_keys=OFF` is a no-op inside the
 * migrator's transaction, so dropping a table other rows point at would fail. The keys are
 * checked before they are switched back on; a migration that broke one stops the start.
 */
export function migrateDb(db: Db, migrationsFolder = MIGRATIONS_DIR): void {
  const client = db.$client;
  const wasOn = client.pragma('foreign_keys', { simple: true }) === 1;
  client.pragma('foreign_keys = OFF');
  try {
    const before = appliedMigrations(db);
    migrate(db, { migrationsFolder });
    // Only a migration can break a key here; checking every key of a million-row database on
    // every start took a second (issue 20).
    if (appliedMigrations(db) === before) return;
    const broken = client.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`migration left ${broken.length} broken foreign key(s): ${JSON.stringify(broken.slice(0, 5))}`);
  } finally {
    if (wasOn) client.pragma('foreign_keys = ON');
  }
}

/** How many migrations the database has recorded (0 before the first). */
function appliedMigrations(db: Db): number {
  const client = db.$client;
  const table = client.prepare("select 1 from sqlite_schema where type = 'table' and name = '__drizzle_migrations'").get();
  return table ? (client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n : 0;
}
