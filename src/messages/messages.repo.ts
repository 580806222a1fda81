/** SQL of the messages domain: outbox, templates, staff subscriptions, digest queries. */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, max, sql } from 'drizzle-orm';

import { perConnection, type Tx } from '../db/client.js';
import { insertRow } from '../db/prepared-insert.js';
import {
  messageSubscriptions, messageTemplates, objections, outbox, requests, users,
  type MessageSubscriptionRow, type MessageTemplateRow, type OutboxRow, type UserRow,
} from '../db/schema.js';

export type NewOutboxRow = typeof outbox.$inferInsert;

// ---- outbox ----------------------------------------------------------------------------------

/** Inserts the message unless its event key is already there; returns the new row or null. */
export function insertOutbox(tx: Tx, values: NewOutboxRow): OutboxRow | null {
  return insertRow(tx, outbox, values, outbox.eventKey) ?? null;
}

export function findOutbox(db: Tx, id: number): OutboxRow | undefined {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

export function outboxOfEvent(db: Tx, eventKey: string): OutboxRow | undefined {
  return db.select().from(outbox).where(eq(outbox.eventKey, eventKey)).get();
}

/** Queued messages whose time has come, oldest first. */
export function dueOutboxIds(db: Tx, now: string, limit: number): number[] {
  return db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

/** Claims a queued row for sending: only one caller gets it (the update is conditional). */
export function claimOutbox(db: Tx, id: number, now: string): OutboxRow | null {
  return (
    db.update(outbox).set({ status: 'sending', claimedAt: now }).where(and(eq(outbox.id, id), eq(outbox.status, 'queued'))).returning().get() ?? null
  );
}

export function updateOutbox(db: Tx, id: number, values: Partial<NewOutboxRow>): void {
  db.update(outbox).set(values).where(eq(outbox.id, id)).run();
}

/** Rows a crashed run left claimed ("sending"): back to the queue. Returns how many. */
export function requeueClaimed(db: Tx, now: string): number {
  return db.update(outbox).set({ status: 'queued', claimedAt: null, nextAttemptAt: now }).where(eq(outbox.status, 'sending')).run().changes;
}

export const OUTBOX_PAGE_SIZE = 50;

export function listOutbox(db: Tx, status: string | null, page: number): { rows: OutboxRow[]; total: number } {
  const where = status ? eq(outbox.status, status) : undefined;
  const rows = db
    .select()
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .all();
  const total = db.select({ n: count() }).from(outbox).where(where).get()?.n ?? 0;
  return { rows, total };
}

export function outboxCounts(db: Tx): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status).all()) out[r.status] = r.n;
  return out;
}

// ---- templates -------------------------------------------------------------------------------

/** The template in use for a kind: its highest version; undefined = the built-in text. */
/** The template in use for a kind: its newest version (asked on every message queued). */
export function currentTemplate(db: Tx, kind: string): MessageTemplateRow | undefined {
  return perConnection(db, currentTemplateQuery).get({ kind });
}
const currentTemplateQuery = (db: Tx) => db.select().from(messageTemplates).where(eq(messageTemplates.kind, sql.placeholder('kind')))
  .orderBy(desc(messageTemplates.version)).limit(1).prepare();

export function templateVersions(db: Tx, kind: string): MessageTemplateRow[] {
  return db.select().from(messageTemplates).where(eq(messageTemplates.kind, kind)).orderBy(desc(messageTemplates.version)).all();
}

export function latestVersions(db: Tx): Map<string, number> {
  const rows = db.select({ kind: messageTemplates.kind, v: max(messageTemplates.version) }).from(messageTemplates).groupBy(messageTemplates.kind).all();
  return new Map(rows.map((r) => [r.kind, r.v ?? 0]));
}

export function insertTemplate(tx: Tx, values: typeof messageTemplates.$inferInsert): MessageTemplateRow {
  return tx.insert(messageTemplates).values(values).returning().get();
}

// ---- staff subscriptions ---------------------------------------------------------------------

export function findSubscription(db: Tx, userId: number): MessageSubscriptionRow | undefined {
  return db.select().from(messageSubscriptions).where(eq(messageSubscriptions.userId, userId)).get();
}

export function saveSubscription(tx: Tx, values: typeof messageSubscriptions.$inferInsert): MessageSubscriptionRow {
  const { userId: _userId, ...set } = values;
  return tx.insert(messageSubscriptions).values(values).onConflictDoUpdate({ target: messageSubscriptions.userId, set }).returning().get();
}

export interface Subscriber {
  userId: number;
  displayName: string;
  role: string;
  email: string;
}

type Topic = 'newRequests' | 'dailyDigest' | 'weeklySummary';

/** Active users of the roles with an e-mail address who chose the topic. */
export function subscribers(db: Tx, topic: Topic, roles: readonly UserRow['role'][]): Subscriber[] {
  return db
    .select({ userId: users.id, displayName: users.displayName, role: users.role, email: messageSubscriptions.email })
    .from(messageSubscriptions)
    .innerJoin(users, eq(users.id, messageSubscriptions.userId))
    .where(and(eq(users.active, true), inArray(users.role, [...roles]), eq(messageSubscriptions[topic], true), sql`${messageSubscriptions.email} <> ''`))
    .orderBy(asc(users.id))
    .all();
}

/**
 * The active users of a unit with an e-mail address (Profil saya): whom a reminder to the unit
 * reaches. No topic to choose: work sent to one's unit is not a newsletter.
 */
export function unitMembersWithEmail(db: Tx, unitId: number): Subscriber[] {
  return db
    .select({ userId: users.id, displayName: users.displayName, role: users.role, email: messageSubscriptions.email })
    .from(messageSubscriptions)
    .innerJoin(users, eq(users.id, messageSubscriptions.userId))
    .where(and(eq(users.active, true), eq(users.unitId, unitId), sql`${messageSubscriptions.email} <> ''`))
    .orderBy(asc(users.id))
    .all();
}

// ---- digests ---------------------------------------------------------------------------------

export interface DueItem {
  number: string;
  dueOn: string;
  what: 'request' | 'objection';
  id: number;
}

/** Open (undecided, not voided) requests due on or before `until`, soonest first. */
export function openRequestsDueBy(db: Tx, until: string): DueItem[] {
  return db
    .select({ number: requests.registrationNumber, dueOn: requests.dueOn, id: requests.id })
    .from(requests)
    .where(and(isNull(requests.outcome), isNull(requests.voidedOn), lte(requests.dueOn, until)))
    .orderBy(asc(requests.dueOn), asc(requests.id))
    .all()
    .map((r) => ({ ...r, what: 'request' as const }));
}

/** Unanswered objections whose answer is due on or before `until`. */
export function openObjectionsDueBy(db: Tx, until: string): DueItem[] {
  return db
    .select({ number: objections.registrationNumber, dueOn: objections.responseDueOn, id: objections.id })
    .from(objections)
    .where(and(isNull(objections.respondedOn), lte(objections.responseDueOn, until)))
    .orderBy(asc(objections.responseDueOn), asc(objections.id))
    .all()
    .map((r) => ({ ...r, what: 'objection' as const }));
}

/** The week's figures for the supervisors' summary: received and decided in [from, to), open now. */
export function weekFigures(db: Tx, from: string, to: string, today: string) {
  const one = (q: { n: number } | undefined) => q?.n ?? 0;
  const live = isNull(requests.voidedOn);
  return {
    received: one(db.select({ n: count() }).from(requests).where(and(live, gte(requests.receivedOn, from), lt(requests.receivedOn, to))).get()),
    decided: one(db.select({ n: count() }).from(requests).where(and(live, gte(requests.decidedOn, from), lt(requests.decidedOn, to))).get()),
    open: one(db.select({ n: count() }).from(requests).where(and(live, isNull(requests.outcome))).get()),
    overdue: one(db.select({ n: count() }).from(requests).where(and(live, isNull(requests.outcome), lt(requests.dueOn, today))).get()),
    openObjections: one(db.select({ n: count() }).from(objections).where(isNull(objections.respondedOn)).get()),
  };
}
