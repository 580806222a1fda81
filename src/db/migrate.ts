import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './client.js';

/** Resolved from this file, never from the working directory, so any launcher finds them. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Applies the pending migrations. drizzle-kit changes a column in SQLite by rebuilding its
 * table (create a copy, copy the rows, drop the old one, rename), framed by `PRAGMA
 * foreign_keys=OFF/ON`; but the migrator runs every migration inside one transaction, where
 * that pragma does nothing, so dropping a table that other rows point at (objections, which
 * attachments reference) would fail. Foreign keys are therefore off while migrating, and
 * checked over the whole database afterwards: a migration that broke a link stops the start.
 */
export function migrateDb(db: Db): void {
  const client = db.$client;
  const enforced = client.pragma('foreign_keys', { simple: true }) === 1;
  client.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    const broken = client.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`migration left ${broken.length} broken foreign key(s): ${JSON.stringify(broken.slice(0, 5))}`);
  } finally {
    if (enforced) client.pragma('foreign_keys = ON');
  }
}
