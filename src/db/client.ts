import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.js';
import { readOrCreateSecretFile } from '../shared/secret-file.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A transaction or the database itself: repositories and recordEvent take either. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

/**
 * Opens the database with the pragmas durability depends on: WAL so readers never block the
 * writer and a crash loses nothing committed, a busy timeout instead of SQLITE_BUSY errors,
 * and foreign keys enforced.
 */
export function openDb(file: string, opts: { synchronous?: 'full' | 'normal'; auditKey?: string } = {}): Db {
  if (file !== ':memory:') createPrivate(file);
  const client = new Database(file);
  // The audit chain's HMAC key (see audit.repo.ts): never stored in the database. Without one
  // given, a file database uses `audit-key` beside it and an in-memory one a random key.
  auditKeys.set(
    client,
    opts.auditKey ?? (file === ':memory:' ? crypto.randomBytes(32).toString('hex') : readOrCreateSecretFile(path.join(path.dirname(file), 'audit-key'))),
  );
  if (file !== ':memory:') client.pragma('journal_mode = WAL');
  // FULL (the default): a commit is on disk before the answer goes out, even across a power
  // cut. NORMAL: a commit survives the process being killed, but the last ones may be lost if
  // the machine itself loses power; somewhat more write throughput.
  client.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  client.pragma('busy_timeout = 5000');
  client.pragma('foreign_keys = ON');
  return drizzle(client, { schema }) as Db;
}

/**
 * The database file readable by its owner only (0600). SQLite gives the -wal and -shm files the
 * database file's mode, so they follow.
 */
function createPrivate(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  }
}

const auditKeys = new WeakMap<Database.Database, string>();

/** The audit chain's key for this connection (set by openDb). */
export function auditKeyOf(handle: object): string {
  const key = auditKeys.get(connectionOf(handle));
  if (!key) throw new Error('no audit key for this connection (open it with openDb)');
  return key;
}

/** The better-sqlite3 connection behind a drizzle database or transaction handle. */
export function connectionOf(handle: object): Database.Database {
  const client = (handle as { $client?: unknown }).$client ?? (handle as { session?: { client?: unknown } }).session?.client;
  if (!(client instanceof Database)) throw new Error('not a better-sqlite3 drizzle handle');
  return client;
}

const perConnectionCache = new WeakMap<Database.Database, Map<unknown, unknown>>();

/**
 * Something built once per connection and reused: a prepared query for the few queries that run
 * on every request (session, user, token, audit chain, numbering, the request insert), where
 * building the query through drizzle each time costs more than SQLite's work. `build` is the
 * key, so pass a module-level function. Works inside a transaction too: same connection.
 */
export function perConnection<H extends object, T>(handle: H, build: (handle: H) => T): T {
  const client = connectionOf(handle);
  let cache = perConnectionCache.get(client);
  if (!cache) perConnectionCache.set(client, (cache = new Map()));
  if (!cache.has(build)) cache.set(build, build(handle));
  return cache.get(build) as T;
}

/** A raw SQL statement prepared once per connection (see perConnection). */
export function preparedStatement(handle: object, sqlText: string): Database.Statement {
  const client = connectionOf(handle);
  let cache = perConnectionCache.get(client);
  if (!cache) perConnectionCache.set(client, (cache = new Map()));
  let stmt = cache.get(sqlText) as Database.Statement | undefined;
  if (!stmt) cache.set(sqlText, (stmt = client.prepare(sqlText)));
  return stmt;
}

/**
 * Runs `fn` with the connection's page cache raised to `mb` megabytes, then puts it back. A
 * transaction that changes more pages than the cache holds (SQLite's default is 2 MB; a
 * 100,000-row import touches far more) spills them to the WAL and reads them back while it runs:
 * about a tenth of the import's time (issue 20).
 */
export function withPageCache<T>(handle: object, mb: number, fn: () => T): T {
  const client = connectionOf(handle);
  const before = client.pragma('cache_size', { simple: true }) as number;
  client.pragma(`cache_size = -${Math.round(mb * 1024)}`);
  try {
    return fn();
  } finally {
    client.pragma(`cache_size = ${before}`);
  }
}
