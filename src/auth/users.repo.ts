import crypto from 'node:crypto';
import { asc, eq, and, isNull, lt, or, sql } from 'drizzle-orm';
import { perConnection, type Db, type Tx } from '../db/client.js';
import { users, apiTokens, sessions, type UserRow, type ApiTokenRow } from '../db/schema.js';

export function countUsers(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()!.n;
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

// Looked up on every page view of a logged-in user: prepared once per connection.
const userById = (db: Tx) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare();

export function findUserById(db: Tx, id: number): UserRow | undefined {
  return perConnection(db, userById).get({ id });
}

export function listUsers(db: Db): UserRow[] {
  return db.select().from(users).orderBy(asc(users.username)).all();
}

export function insertUser(tx: Tx, values: typeof users.$inferInsert): UserRow {
  return tx.insert(users).values(values).returning().get();
}

export function updateUser(tx: Tx, id: number, values: Partial<typeof users.$inferInsert>): UserRow {
  return tx.update(users).set(values).where(eq(users.id, id)).returning().get();
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export function insertToken(tx: Tx, values: typeof apiTokens.$inferInsert): ApiTokenRow {
  return tx.insert(apiTokens).values(values).returning().get();
}

// Every API call looks its token up and may touch it: both prepared once per connection.
function tokenQueries(db: Db) {
  return {
    find: db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
      .prepare(),
    touch: db
      .update(apiTokens)
      .set({ lastUsedAt: sql`${sql.placeholder('at')}` })
      .where(and(eq(apiTokens.id, sql.placeholder('id')), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql.placeholder('unlessAfter')))))
      .prepare(),
  };
}
export function findActiveTokenWithUser(db: Db, tokenHash: string): { token: ApiTokenRow; user: UserRow } | undefined {
  return perConnection(db, tokenQueries).find.get({ hash: tokenHash });
}

/** Records use at most once a minute per token: a write (and fsync) per API call is waste. */
export function touchToken(db: Db, id: number, at: string, unlessAfter: string): void {
  perConnection(db, tokenQueries).touch.run({ id, at, unlessAfter });
}

export function listTokens(db: Db): { token: ApiTokenRow; username: string }[] {
  return db
    .select({ token: apiTokens, username: users.username })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(asc(apiTokens.id))
    .all();
}

export function findToken(tx: Tx, id: number): ApiTokenRow | undefined {
  return tx.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
}

export function revokeToken(tx: Tx, id: number, at: string): void {
  tx.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id)).run();
}

/** Logs a deactivated user out everywhere. */
export function deleteSessionsOfUser(tx: Tx, userId: number): void {
  tx.delete(sessions).where(sql`json_extract(${sessions.data}, '$.userId') = ${userId}`).run();
}
