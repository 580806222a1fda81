/**
 * Group commit for the writes that arrive many at a time (request and ticket intake, issue 20).
 *
 * With `synchronous = FULL` every COMMIT waits for the disk, and each intake rewrites the same
 * few pages as the one before it (the newest leaf of every index, the search index's segment,
 * the counts). Writes queued in the same turn of the event loop therefore run one after the
 * other in ONE transaction, each in its own savepoint, and every caller hears back only after
 * that transaction's COMMIT:
 *
 * - durability is unchanged: nobody is told "saved" before it is on disk;
 * - a write that fails rolls back its own savepoint only; the others go on;
 * - a COMMIT that fails fails every write in the group, and none of them is kept;
 * - the group runs synchronously from start to COMMIT, so no other request (on this connection)
 *   ever reads a write that is not committed yet.
 *
 * Under light load a group holds one write and costs one extra turn of the event loop.
 */
import type Database from 'better-sqlite3';
import { connectionOf, type Db } from './client.js';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const queues = new WeakMap<Database.Database, Pending[]>();

/** Runs `work` (synchronous, one user action) in the next group commit; resolves after COMMIT. */
export function commitWithOthers<T>(db: Db, work: () => T): Promise<T> {
  const client = connectionOf(db);
  let queue = queues.get(client);
  if (!queue) {
    queues.set(client, (queue = []));
    setImmediate(() => flush(client));
  }
  const pending = queue;
  return new Promise<T>((resolve, reject) => pending.push({ work, resolve: resolve as (value: unknown) => void, reject }));
}

function flush(client: Database.Database): void {
  let group = queues.get(client) ?? [];
  queues.delete(client);
  while (group.length) group = runGroup(client, group);
}

/** One group: see runInTransaction. */
function runGroup(client: Database.Database, group: Pending[]): Pending[] {
  // Each write's savepoint journals the ~25 pages an intake touches: past SQLite's 64 KiB that
  // journal spills to a new temporary file, created and deleted once per group (a fifth of an
  // intake's time). Held in memory instead, for the group only: a group is a few small writes,
  // while a migration's or an import's journal may need the disk. Changing temp_store drops the
  // temporary database, so it is changed only while none is open (the app uses none).
  const toMemory = !tempDatabaseOpen(client);
  if (toMemory) client.exec('PRAGMA temp_store = MEMORY');
  try {
    return runInTransaction(client, group);
  } finally {
    if (toMemory && !tempDatabaseOpen(client)) client.exec('PRAGMA temp_store = DEFAULT');
  }
}

const databaseLists = new WeakMap<Database.Database, Database.Statement>();

/** PRAGMA database_list names "temp" only once the temporary database has been opened. */
function tempDatabaseOpen(client: Database.Database): boolean {
  let list = databaseLists.get(client);
  if (!list) databaseLists.set(client, (list = client.prepare('PRAGMA database_list')));
  return (list.all() as { name: string }[]).some((d) => d.name === 'temp');
}

/**
 * One transaction for the whole group. Returns the writes that must run again: those that had
 * already succeeded when SQLite rolled back the whole transaction on a sibling's error (a full
 * disk, an I/O error); nothing of theirs was kept, so running them again is safe.
 */
function runInTransaction(client: Database.Database, group: Pending[]): Pending[] {
  try {
    client.exec('BEGIN IMMEDIATE');
  } catch (error) {
    for (const p of group) p.reject(error);
    return [];
  }
  const done: { pending: Pending; value: unknown }[] = [];
  for (let i = 0; i < group.length; i++) {
    const pending = group[i];
    try {
      // Inside an open transaction better-sqlite3 runs this as a savepoint.
      done.push({ pending, value: client.transaction(pending.work)() });
    } catch (error) {
      pending.reject(error);
      if (!client.inTransaction) return [...done.map((d) => d.pending), ...group.slice(i + 1)];
    }
  }
  try {
    client.exec('COMMIT');
  } catch (error) {
    if (client.inTransaction) client.exec('ROLLBACK');
    for (const d of done) d.pending.reject(error);
    return [];
  }
  for (const d of done) d.pending.resolve(d.value);
  return [];
}
