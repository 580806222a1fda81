/**
 * The desk's knowledge base (issue 16.9): answers agents reuse, each kept by its owner unit.
 * Officers and supervisors, and the owner unit's staff, create and edit entries; desk staff flag
 * one for review with a note; the owner unit (or an officer/supervisor) marks it reviewed, which
 * clears the flag. One transaction each, with its audit entry.
 */
import { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import type { KnowledgeEntryRow, UserRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, forbidden, invalid, notFound, outdated } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import { can, type Role } from '../auth/roles.js';
import { getUnit } from '../units/units.service.js';
import * as repo from './knowledge.repo.js';
import type { EntryInput } from './knowledge.schemas.js';

type Who = Pick<UserRow, 'role' | 'unitId'>;

/** Desk staff and unit staff read the knowledge base. */
export const canRead = (u: Who) => can(u.role as Role, 'desk.work') || can(u.role as Role, 'desk.unit');
/** Officers and supervisors edit every entry; a unit's staff those their unit owns (or will own). */
export const canEdit = (u: Who, ownerUnitId?: number) =>
  can(u.role as Role, 'request.write') || (can(u.role as Role, 'desk.unit') && u.unitId !== null && (ownerUnitId === undefined || u.unitId === ownerUnitId));
/** Desk staff (agents, officers, supervisors) flag an entry for review. */
export const canFlag = (u: Who) => can(u.role as Role, 'desk.work');

export function getEntry(db: Db, id: number): KnowledgeEntryRow {
  const e = repo.findEntry(db, id);
  if (!e) throw notFound('Entri');
  return e;
}

function activeOwner(db: Db, id: number) {
  let unit;
  try {
    unit = getUnit(db, id);
  } catch {
    throw invalid({ ownerUnitId: 'Unit tidak dikenal.' });
  }
  if (!unit.active) throw invalid({ ownerUnitId: `Unit ${unit.code} tidak aktif.` });
  return unit;
}

export function createEntry({ db, actor, user, input }: { db: Db; actor: Actor; user: Who; input: EntryInput }): KnowledgeEntryRow {
  return db.transaction((tx) => {
    activeOwner(db, input.ownerUnitId);
    if (!canEdit(user, input.ownerUnitId)) throw invalid({ ownerUnitId: 'Anda hanya dapat membuat entri milik unit Anda sendiri.' });
    const now = nowInstant();
    const row = repo.insertEntry(tx, { topic: input.topic, title: input.title, answer: input.answer, ownerUnitId: input.ownerUnitId, reviewedAt: now, reviewedBy: actor.userId, createdBy: actor.userId, createdAt: now, updatedAt: now });
    recordEvent(tx, actor, { action: 'knowledge.create', entityType: 'knowledge', entityId: row.id, summary: `Entri "${row.title}" dibuat`, after: row });
    return row;
  });
}

export function updateEntry({ db, actor, user, id, input }: { db: Db; actor: Actor; user: Who; id: number; input: EntryInput }): KnowledgeEntryRow {
  return db.transaction((tx) => {
    const e = repo.findEntry(tx, id);
    if (!e) throw notFound('Entri');
    if (!canEdit(user, e.ownerUnitId)) throw forbidden();
    if (input.ownerUnitId !== e.ownerUnitId) {
      activeOwner(db, input.ownerUnitId);
      if (!canEdit(user, input.ownerUnitId)) throw invalid({ ownerUnitId: 'Anda tidak dapat memindahkan entri ke unit lain.' });
    }
    if (input.version !== undefined && input.version !== e.version) throw outdated();
    const row = repo.updateEntryAtVersion(tx, id, e.version, { topic: input.topic, title: input.title, answer: input.answer, ownerUnitId: input.ownerUnitId, updatedAt: nowInstant() });
    if (!row) throw outdated();
    recordEvent(tx, actor, { action: 'knowledge.update', entityType: 'knowledge', entityId: id, summary: `Entri "${row.title}" diubah`, before: { topic: e.topic, title: e.title, answer: e.answer, ownerUnitId: e.ownerUnitId }, after: { topic: row.topic, title: row.title, answer: row.answer, ownerUnitId: row.ownerUnitId } });
    return row;
  });
}

export function flagEntry({ db, actor, user, id, note }: { db: Db; actor: Actor; user: Who; id: number; note: string }): KnowledgeEntryRow {
  return db.transaction((tx) => {
    if (!canFlag(user)) throw forbidden();
    const e = repo.findEntry(tx, id);
    if (!e) throw notFound('Entri');
    if (e.reviewRequestedAt) throw new AppError('conflict', 'Entri ini sudah ditandai untuk ditinjau dan masih menunggu unit pemiliknya.');
    const row = repo.updateEntryAtVersion(tx, id, e.version, { reviewRequestedAt: nowInstant(), reviewRequestedBy: actor.userId, reviewNote: note, updatedAt: nowInstant() });
    if (!row) throw outdated();
    recordEvent(tx, actor, { action: 'knowledge.flag', entityType: 'knowledge', entityId: id, summary: `Ditandai untuk ditinjau: ${note}`, after: { reviewNote: note } });
    return row;
  });
}

export function markReviewed({ db, actor, user, id, note }: { db: Db; actor: Actor; user: Who; id: number; note: string }): KnowledgeEntryRow {
  return db.transaction((tx) => {
    const e = repo.findEntry(tx, id);
    if (!e) throw notFound('Entri');
    if (!canEdit(user, e.ownerUnitId)) throw forbidden();
    const now = nowInstant();
    const row = repo.updateEntryAtVersion(tx, id, e.version, { reviewedAt: now, reviewedBy: actor.userId, reviewRequestedAt: null, reviewRequestedBy: null, reviewNote: '', updatedAt: now });
    if (!row) throw outdated();
    recordEvent(tx, actor, { action: 'knowledge.review', entityType: 'knowledge', entityId: id, summary: `Entri ditinjau${note ? `: ${note}` : ''}`, before: { reviewRequestedAt: e.reviewRequestedAt, reviewNote: e.reviewNote }, after: { reviewedAt: now } });
    return row;
  });
}

export const searchEntries = (db: Db, f: { q?: string; awaiting?: boolean; ownerUnitId?: number }) => repo.listEntries(db, f);

/**
 * The entries agents flagged for correction that their owner unit has not reviewed yet (the
 * monthly report's list). `asOf`: a date (YYYY-MM-DD, its end in `zone`) or an instant; by
 * default now. A review clears the flag, so a past `asOf` lists those flagged by then and still
 * waiting today.
 */
export function entriesAwaitingReview(db: Db, asOf?: string, zone = 'Asia/Jakarta'): KnowledgeEntryRow[] {
  let until = nowInstant();
  if (asOf) {
    const at = /^\d{4}-\d\d-\d\d$/.test(asOf) ? DateTime.fromISO(asOf, { zone }).endOf('day') : DateTime.fromISO(asOf, { setZone: true });
    if (!at.isValid) throw new Error(`entriesAwaitingReview: not a date or instant: ${asOf}`);
    until = at.toUTC().toISO({ suppressMilliseconds: true })!;
  }
  return repo.flaggedBy(db, until);
}
