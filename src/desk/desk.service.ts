/**
 * Use cases of the consultation desk: log a ticket, escalate it to a unit, answer it, close it.
 * One transaction each, with its audit entry on the consultation. Instants stored in UTC.
 */
import { DateTime } from 'luxon';
import type { Db, Tx } from '../db/client.js';
import type { UnitRow } from '../db/schema.js';
import type { ConsultationRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, forbidden, invalid, notFound, outdated } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import { can, type Role } from '../auth/roles.js';
import { findUnitByCode } from '../units/units.service.js';
import * as repo from './desk.repo.js';
import { DUE_SOON_HOURS, ticketNumber } from './vocabulary.js';
import { intakeFacts, ticketDue } from './desk-intake.js';
import type { AnswerInput, CreateInput, EscalationInput, ListQuery } from './desk.schemas.js';
import { approvalGate } from './approval.rules.js';
import { onConsultationAnswered } from './answered.js';
import { deskLabels } from './desk-config.js';

/** Who looks: desk staff see every ticket; a unit's staff only those escalated to their unit. */
export interface Viewer {
  role: Role;
  unitId: number | null;
}

interface UseCase<I> {
  db: Db;
  actor: Actor;
  zone: string;
  input: I;
}

const utc = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toUTC().toISO({ suppressMilliseconds: true })!;

/** The unit whose escalated tickets the viewer sees (null: every ticket; -1: none). */
export function scopeOf(viewer: Viewer): number | null {
  if (can(viewer.role, 'desk.work')) return null;
  if (can(viewer.role, 'desk.unit')) return viewer.unitId ?? -1;
  return -1;
}

/** A ticket the viewer may see; anyone else's is "not found", so numbers do not leak. */
export function consultationFor(db: Tx, id: number, viewer: Viewer): ConsultationRow {
  const c = repo.findConsultation(db, id);
  const scope = scopeOf(viewer);
  if (!c || (scope !== null && c.escalatedUnitId !== scope)) throw notFound('Konsultasi');
  return c;
}

export function logConsultation({ db, actor, zone, input }: UseCase<CreateInput>): ConsultationRow {
  return db.transaction((tx) => {
    const receivedAt = utc(input.received_at);
    if (receivedAt > utc(DateTime.now().plus({ minutes: 5 }).toISO()!)) throw invalid({ received_at: 'Waktu masuk tidak boleh di masa depan.' });
    const facts = intakeFacts(tx, input, receivedAt, zone);
    const year = DateTime.fromISO(receivedAt).setZone(zone).year;
    const seq = repo.nextSeq(tx, year);
    const now = nowInstant();
    const row = repo.insertConsultation(tx, {
      ticketNumber: ticketNumber(seq, year), year, seq, receivedAt, channel: input.channel,
      userName: input.user.name, userType: input.user.type, userInstitution: input.user.institution, userRegionCode: input.user.region_code,
      userEmail: input.user.email, userPhone: input.user.phone, category: input.category, topic: input.topic, question: input.question,
      status: input.escalated ? 'escalated' : 'open',
      ...facts,
      escalatedAt: input.escalated ? receivedAt : null,
      createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    recordEvent(tx, actor, { action: 'consultation.create', entityType: 'consultation', entityId: row.id, summary: `${row.ticketNumber} (${deskLabels(tx).channel[row.channel] ?? row.channel}) dicatat`, after: row });
    return row;
  });
}

function activeUnit(tx: Tx, code: string): UnitRow {
  const u = findUnitByCode(tx, code);
  if (!u) throw invalid({ unit_code: 'Unit tidak dikenal.' });
  if (!u.active) throw invalid({ unit_code: `Unit ${u.code} tidak aktif. Pilih unit lain.` });
  return u;
}

export function escalateConsultation({ db, actor, zone, input, id }: UseCase<EscalationInput> & { id: number }): ConsultationRow {
  return db.transaction((tx) => {
    const c = repo.findConsultation(tx, id);
    if (!c) throw notFound('Konsultasi');
    const unit = activeUnit(tx, input.unit_code);
    if (c.status === 'answered' || c.status === 'closed') throw new AppError('conflict', 'Konsultasi ini sudah dijawab atau ditutup: tidak dapat dieskalasi.');
    const at = utc(input.escalated_at);
    if (at < c.receivedAt) throw invalid({ escalated_at: 'Waktu eskalasi tidak boleh sebelum pertanyaan masuk.' });
    const row = repo.updateConsultationAtVersion(tx, id, c.version, {
      status: 'escalated', escalatedAt: at, escalatedUnitId: unit.id, escalationNote: input.note,
      ...ticketDue(tx, c.receivedAt, c.channel, true, zone), updatedAt: nowInstant(),
    });
    if (!row) throw outdated();
    recordEvent(tx, actor, { action: 'consultation.escalate', entityType: 'consultation', entityId: id, summary: `Dieskalasi ke ${unit.code}${input.note ? `: ${input.note}` : ''}`, before: { status: c.status, escalatedUnitId: c.escalatedUnitId }, after: { status: row.status, escalatedUnitId: unit.id } });
    return row;
  });
}

export function answerConsultation({ db, actor, zone, input, id, viewer }: UseCase<AnswerInput> & { id: number; viewer: Viewer }): ConsultationRow {
  return db.transaction((tx) => {
    const c = consultationFor(tx, id, viewer);
    if (c.status === 'answered' || c.status === 'closed') throw new AppError('conflict', 'Konsultasi ini sudah dijawab atau ditutup.');
    // A unit answers only while the ticket is escalated to it (not once the desk took it back).
    if (scopeOf(viewer) !== null && c.status !== 'escalated') throw forbidden();
    const at = utc(input.answered_at);
    if (at < c.receivedAt) throw invalid({ answered_at: 'Waktu jawaban tidak boleh sebelum pertanyaan masuk.' });
    if (c.escalatedAt && at < c.escalatedAt) throw invalid({ answered_at: 'Waktu jawaban tidak boleh sebelum eskalasi.' });
    if (at > utc(DateTime.now().plus({ minutes: 5 }).toISO()!)) throw invalid({ answered_at: 'Waktu jawaban tidak boleh di masa depan.' });
    // A unit whose answers need its head's approval answers in a draft (the ticket stays escalated).
    if (approvalGate(tx, actor, c, scopeOf(viewer) !== null, input.answer, at) === 'drafted') return c;
    const row = repo.updateConsultationAtVersion(tx, id, c.version, { status: 'answered', answer: input.answer, answeredAt: at, answeredBy: actor.userId, updatedAt: nowInstant() });
    if (!row) throw outdated();
    onConsultationAnswered(tx, row, zone);
    recordEvent(tx, actor, { action: 'consultation.answer', entityType: 'consultation', entityId: id, summary: 'Jawaban dicatat', before: { status: c.status }, after: { status: 'answered', answer: input.answer } });
    return row;
  });
}

export function closeConsultation({ db, actor, id }: { db: Db; actor: Actor; id: number }): ConsultationRow {
  return db.transaction((tx) => {
    const c = repo.findConsultation(tx, id);
    if (!c) throw notFound('Konsultasi');
    if (c.status === 'closed') throw new AppError('conflict', 'Konsultasi ini sudah ditutup.');
    const row = repo.updateConsultationAtVersion(tx, id, c.version, { status: 'closed', closedAt: nowInstant(), updatedAt: nowInstant() });
    if (!row) throw outdated();
    recordEvent(tx, actor, { action: 'consultation.close', entityType: 'consultation', entityId: id, summary: 'Konsultasi ditutup', before: { status: c.status }, after: { status: 'closed' } });
    return row;
  });
}

/** The queue's filter in stored terms: year/month in the office zone, due soon/overdue against now. */
function filterOf(zone: string, viewer: Viewer, q: ListQuery & { unitId?: number }, now: DateTime = DateTime.now()): repo.ListFilter {
  const scope = scopeOf(viewer);
  let from: string | undefined;
  let to: string | undefined;
  if (q.year) {
    const start = DateTime.fromObject({ year: q.year, month: q.month ?? 1, day: 1 }, { zone });
    from = start.toUTC().toISO({ suppressMilliseconds: true })!;
    to = start.plus(q.month ? { months: 1 } : { years: 1 }).toUTC().toISO({ suppressMilliseconds: true })!;
  }
  const iso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true })!;
  const due = q.due === 'overdue' ? { dueBefore: iso(now.minus({ seconds: 1 })) } : q.due === 'soon' ? { dueFrom: iso(now), dueBefore: iso(now.plus({ hours: DUE_SOON_HOURS })) } : {};
  return { from, to, channel: q.channel, status: q.status, category: q.category, unitId: scope ?? q.unitId, ...due };
}

/** Tickets for the viewer's queue or the API list, in due-time order (first 500). */
export function browse(db: Tx, zone: string, viewer: Viewer, q: ListQuery & { unitId?: number }): ConsultationRow[] {
  return repo.listConsultations(db, filterOf(zone, viewer, q));
}

export const DEFAULT_PER_PAGE = 50;

/** One page of the viewer's queue in due-time order, with the exact total and page count. */
export function browsePage(db: Tx, zone: string, viewer: Viewer, q: ListQuery & { unitId?: number }) {
  const perPage = q.per_page ?? DEFAULT_PER_PAGE;
  const page = q.page ?? 1;
  const { total, rows } = repo.pageConsultations(db, filterOf(zone, viewer, q), { offset: (page - 1) * perPage, limit: perPage });
  return { total, rows, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)) };
}
