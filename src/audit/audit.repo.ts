/**
 * The audit log: append-only and hash-chained. Each entry stores SHA-256 over its own content
 * and the hash of the entry before it, so editing or deleting any row breaks the chain.
 */
import crypto from 'node:crypto';
import { and, desc, eq, gte, lt, or, sql, asc, gt, type SQLWrapper } from 'drizzle-orm';
import { preparedStatement, type Db } from '../db/client.js';
import { auditLog, type AuditRow } from '../db/schema.js';
import { nowInstant } from '../shared/dates.js';

/** A transaction or the database itself: both can record. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

export const GENESIS_HASH = '0'.repeat(64);

export interface Actor {
  userId: number | null;
  /** Username, "token:label" or "system"; kept even if the user is later removed. */
  label: string;
  /**
   * Called inside every transaction that records an event for this actor: a one-time
   * submission key (src/submissions) is spent there, in the same transaction as the change.
   */
  inTransaction?: (tx: Tx) => void;
}

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

type HashedFields = Pick<
  AuditRow,
  'at' | 'actorUserId' | 'actorLabel' | 'action' | 'entityType' | 'entityId' | 'summary' | 'before' | 'after' | 'prevHash'
>;

export function hashEntry(e: HashedFields): string {
  const content = JSON.stringify([
    e.at, e.actorUserId, e.actorLabel, e.action, e.entityType, e.entityId, e.summary, e.before, e.after, e.prevHash,
  ]);
  return crypto.createHash('sha256').update(content).digest('hex');
}

const LAST_HASH = 'select hash from audit_log order by id desc limit 1';
const APPEND = `insert into audit_log (at, actor_user_id, actor_label, action, entity_type, entity_id, summary, before, after, prev_hash, hash)
  values (@at, @actorUserId, @actorLabel, @action, @entityType, @entityId, @summary, @before, @after, @prevHash, @hash)`;

/** Writes one entry; call inside the transaction that makes the change. */
export function recordEvent(tx: Tx, actor: Actor, event: AuditEvent): AuditRow {
  actor.inTransaction?.(tx);
  const last = preparedStatement(tx, LAST_HASH).get() as { hash: string } | undefined;
  const fields: HashedFields = {
    at: nowInstant(),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId == null ? null : String(event.entityId),
    summary: event.summary ?? '',
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const row = { ...fields, hash: hashEntry(fields) };
  const { lastInsertRowid } = preparedStatement(tx, APPEND).run(row);
  return { id: Number(lastInsertRowid), ...row };
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first entry whose stored hash or link does not match; `problem` is Indonesian, for people. */
  firstBroken: { id: number; kind: 'link' | 'content'; problem: string } | null;
}

/** Walks the whole chain in id order, in pages so memory stays flat on a large log. */
export function verifyChain(db: Db): ChainReport {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const page = db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(5000).all();
    if (page.length === 0) return { ok: true, checked, firstBroken: null };
    for (const row of page) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, firstBroken: { id: row.id, kind: 'link', problem: 'Tautan ke entri sebelumnya putus: ada entri sebelumnya yang dihapus atau diubah.' } };
      }
      if (hashEntry(row) !== row.hash) {
        return { ok: false, checked, firstBroken: { id: row.id, kind: 'content', problem: 'Isi entri tidak cocok dengan hash-nya: entri ini telah diubah.' } };
      }
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  /** A username (or label such as "cli"); also matches that user's API tokens. */
  actor?: string;
  /** UTC ISO instant, inclusive. */
  from?: string;
  /** UTC ISO instant, exclusive. */
  to?: string;
  /** Free text searched in the summary and the before/after values. */
  q?: string;
}

/** A LIKE pattern that matches `text` literally (usernames may contain "_"). */
function likeLiteral(column: SQLWrapper, text: string, prefix: string, suffix: string) {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${column} LIKE ${`${prefix}${escaped}${suffix}`} ESCAPE '\\'`;
}

function filterWhere(f: AuditFilter) {
  return and(
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    // A user's own actions and those of their API tokens ("siti (token: sync)").
    f.actor ? or(eq(auditLog.actorLabel, f.actor), likeLiteral(auditLog.actorLabel, f.actor, '', ' (token: %')) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
    f.q
      ? or(
          likeLiteral(auditLog.summary, f.q, '%', '%'),
          likeLiteral(auditLog.before, f.q, '%', '%'),
          likeLiteral(auditLog.after, f.q, '%', '%'),
        )
      : undefined,
  );
}

export function listAudit(db: Db, f: AuditFilter, page: number, pageSize: number): { rows: AuditRow[]; total: number } {
  const where = filterWhere(f);
  const rows = db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize).all();
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()!.n;
  return { rows, total };
}

/** Matching entries newest first, `limit` at a time below `beforeId` (for exports that must not load everything). */
export function listAuditBefore(db: Db, f: AuditFilter, beforeId: number | null, limit: number): AuditRow[] {
  return db
    .select()
    .from(auditLog)
    .where(and(filterWhere(f), beforeId === null ? undefined : lt(auditLog.id, beforeId)))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

export function entityHistory(db: Db, entityType: string, entityId: string): AuditRow[] {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id))
    .all();
}

export function distinctActions(db: Db): string[] {
  return db.selectDistinct({ a: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).all().map((r) => r.a);
}

export function distinctEntityTypes(db: Db): string[] {
  return db.selectDistinct({ t: auditLog.entityType }).from(auditLog).orderBy(asc(auditLog.entityType)).all().map((r) => r.t);
}
