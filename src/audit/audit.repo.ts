/**
 * The audit log: append-only and hash-chained. Each entry stores HMAC-SHA256, keyed with the
 * audit key (PPID_AUDIT_KEY or PPID_DATA_DIR/audit-key, never in the database), over its own
 * content and the hash of the entry before it: editing or deleting a row breaks the chain, and
 * without the key nobody can recompute the hashes after an edit. Cutting the newest entries
 * off is caught by the anchors kept outside the database (see anchors.ts).
 */
import crypto from 'node:crypto';
import { and, desc, eq, gte, lt, or, sql, asc, gt, type SQLWrapper } from 'drizzle-orm';
import { auditKeyOf, preparedStatement, type Db, type Tx } from '../db/client.js';
import { auditLog, type AuditRow } from '../db/schema.js';
import { nowInstant } from '../shared/dates.js';
import type { AuditAction } from './actions.js';


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
  /** A code from the closed list in actions.ts, which names it in Indonesian. */
  action: AuditAction;
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

function entryContent(e: HashedFields): string {
  return JSON.stringify([e.at, e.actorUserId, e.actorLabel, e.action, e.entityType, e.entityId, e.summary, e.before, e.after, e.prevHash]);
}

/** The entry's hash: HMAC-SHA256 with the audit key. */
export function hashEntry(key: string, e: HashedFields): string {
  return crypto.createHmac('sha256', key).update(entryContent(e)).digest('hex');
}

/** The unkeyed SHA-256 of v0.1.0 chains, only to recognise and re-key them (see rekeyLegacyChain). */
function legacyHashEntry(e: HashedFields): string {
  return crypto.createHash('sha256').update(entryContent(e)).digest('hex');
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
  const row = { ...fields, hash: hashEntry(auditKeyOf(tx), fields) };
  const { lastInsertRowid } = preparedStatement(tx, APPEND).run(row);
  return { id: Number(lastInsertRowid), ...row };
}

/** A (sequence, hash) pair written outside the database at a moment in time (see anchors.ts). */
export interface Anchor {
  at: string;
  seq: number;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first entry whose stored hash, link or anchor does not match; `problem` is Indonesian, for people. */
  firstBroken: { id: number; kind: 'link' | 'content' | 'anchor' | 'truncated'; problem: string } | null;
  /** How many anchors were checked, the newest anchored sequence, and entries written after it. */
  anchors: number;
  lastAnchoredSeq: number | null;
  unanchored: number;
}

/**
 * Walks the whole chain in id order, in pages so memory stays flat on a large log, checking
 * every link and keyed hash, and every anchor: the anchored entry must exist and carry the
 * anchored hash.
 */
export function verifyChain(db: Db, anchors: Anchor[] = []): ChainReport {
  const key = auditKeyOf(db);
  const bySeq = new Map<number, Anchor[]>();
  for (const a of anchors) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a]);
  const lastAnchoredSeq = anchors.length ? Math.max(...anchors.map((a) => a.seq)) : null;
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  let unanchored = 0;
  const report = (firstBroken: ChainReport['firstBroken']): ChainReport => ({
    ok: firstBroken === null, checked, firstBroken, anchors: anchors.length, lastAnchoredSeq, unanchored,
  });
  for (;;) {
    const page = db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(5000).all();
    if (page.length === 0) break;
    for (const row of page) {
      if (row.prevHash !== prevHash) {
        return report({ id: row.id, kind: 'link', problem: 'Tautan ke entri sebelumnya putus: ada entri sebelumnya yang dihapus atau diubah.' });
      }
      if (hashEntry(key, row) !== row.hash) {
        return report({ id: row.id, kind: 'content', problem: 'Isi entri tidak cocok dengan hash-nya: entri ini telah diubah (atau kunci audit yang dipakai bukan kunci log ini).' });
      }
      const wrong = bySeq.get(row.id)?.find((a) => a.hash !== row.hash);
      if (wrong) {
        return report({ id: row.id, kind: 'anchor', problem: `Hash entri tidak cocok dengan jangkar ${wrong.at}: log telah ditulis ulang sejak saat itu.` });
      }
      prevHash = row.hash;
      lastId = row.id;
      checked++;
      if (lastAnchoredSeq === null || row.id > lastAnchoredSeq) unanchored++;
    }
  }
  if (lastAnchoredSeq !== null && lastId < lastAnchoredSeq) {
    const a = bySeq.get(lastAnchoredSeq)![0];
    return report({
      id: lastAnchoredSeq, kind: 'truncated',
      problem: `Rantai lebih pendek dari jangkar ${a.at}: entri #${lastAnchoredSeq} tidak ada lagi, entri terakhir #${lastId}. Entri terbaru telah dihapus.`,
    });
  }
  return report(null);
}

/** The newest entry's sequence and hash, or null on an empty log. */
export function chainHead(db: Db): { seq: number; hash: string } | null {
  const row = preparedStatement(db, 'select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string } | undefined;
  return row ? { seq: row.id, hash: row.hash } : null;
}

/**
 * Databases written by v0.1.0 carry unkeyed SHA-256 hashes. When the first entry is such a hash,
 * the whole old chain verifies and no anchor exists yet (anchors only ever hold keyed hashes),
 * every entry is re-hashed with the key in one transaction, followed by an "audit.rekey" entry.
 * Anything else is left alone for `audit verify` to report. Returns the entries re-keyed.
 */
export function rekeyLegacyChain(db: Db, anchorsExist: boolean): number {
  const key = auditKeyOf(db);
  const first = db.select().from(auditLog).orderBy(asc(auditLog.id)).limit(1).get();
  if (!first || anchorsExist || first.hash !== legacyHashEntry(first) || first.hash === hashEntry(key, first)) return 0;
  const broken = new Error('legacy chain broken');
  try {
    return rekey(db, key, broken);
  } catch (err) {
    if (err === broken) return 0;
    throw err;
  }
}

function rekey(db: Db, key: string, broken: Error): number {
  return db.transaction((tx) => {
    const update = preparedStatement(tx, 'update audit_log set prev_hash = ?, hash = ? where id = ?');
    let oldPrev = GENESIS_HASH;
    let newPrev = GENESIS_HASH;
    let lastId = 0;
    let n = 0;
    for (;;) {
      const page = tx.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(5000).all();
      if (page.length === 0) break;
      for (const row of page) {
        if (row.prevHash !== oldPrev || legacyHashEntry(row) !== row.hash) {
          throw broken;
        }
        oldPrev = row.hash;
        const hash = hashEntry(key, { ...row, prevHash: newPrev });
        update.run(newPrev, hash, row.id);
        newPrev = hash;
        lastId = row.id;
        n++;
      }
    }
    recordEvent(tx, { userId: null, label: 'system' }, {
      action: 'audit.rekey', entityType: 'audit',
      summary: `Rantai log audit dikunci ulang dengan HMAC-SHA256: ${n} entri lama (SHA-256 tanpa kunci) terverifikasi utuh lalu di-hash ulang.`,
    });
    return n;
  });
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
