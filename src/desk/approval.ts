/**
 * Approval by the unit's head (issue 16.4): the admin's per-unit setting and head, the head's
 * decision on a draft (approve, or send back with a note), and the per-unit answer times.
 * Sending the approved answer is the desk's answer (desk.service.ts, through approval.rules.ts).
 */
import { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import type { ConsultationDraftRow, ConsultationRow, DeskUnitSettingsRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, invalid } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import { findUserById } from '../auth/users.repo.js';
import { getUnit } from '../units/units.service.js';
import { answerConsultation, consultationFor, type Viewer } from './desk.service.js';
import * as repo from './flows.repo.js';

export interface UnitSettingsInput {
  approvalRequired: boolean;
  headUserId: number | null;
}

export function setUnitApproval({ db, actor, unitId, input }: { db: Db; actor: Actor; unitId: number; input: UnitSettingsInput }): DeskUnitSettingsRow {
  return db.transaction((tx) => {
    const unit = getUnit(tx, unitId);
    if (input.headUserId !== null) {
      const head = findUserById(tx, input.headUserId);
      if (!head || !head.active || head.unitId !== unit.id) throw invalid({ headUserId: `Kepala unit harus pengguna aktif dari unit ${unit.code}.` });
    }
    if (input.approvalRequired && input.headUserId === null) throw invalid({ headUserId: 'Tentukan kepala unit bila jawaban perlu persetujuannya.' });
    const before = repo.unitSettings(tx, unit.id);
    const row = repo.saveUnitSettings(tx, { unitId: unit.id, approvalRequired: input.approvalRequired, headUserId: input.headUserId, updatedAt: nowInstant() });
    recordEvent(tx, actor, {
      action: 'desk.unit_settings', entityType: 'unit', entityId: unit.id,
      summary: `${unit.code}: jawaban ${row.approvalRequired ? 'perlu' : 'tidak perlu'} persetujuan kepala unit`,
      before: before ? { approvalRequired: before.approvalRequired, headUserId: before.headUserId } : null, after: { approvalRequired: row.approvalRequired, headUserId: row.headUserId },
    });
    return row;
  });
}

export interface DecisionInput {
  decision: 'approve' | 'return';
  note: string;
}

/** The head's decision on the pending draft; anyone else is refused. */
export function decideDraft({ db, actor, id, viewer, input }: { db: Db; actor: Actor; id: number; viewer: Viewer; input: DecisionInput }): ConsultationDraftRow {
  return db.transaction((tx) => {
    const c = consultationFor(tx, id, viewer);
    const unitId = c.escalatedUnitId;
    const settings = unitId ? repo.unitSettings(tx, unitId) : undefined;
    const draft = repo.latestDraft(tx, c.id);
    if (!draft || draft.status !== 'pending' || c.status !== 'escalated') throw new AppError('conflict', 'Tidak ada jawaban unit yang menunggu persetujuan pada konsultasi ini.');
    if (actor.userId === null || settings?.headUserId !== actor.userId || draft.unitId !== unitId) {
      throw new AppError('forbidden', `Hanya kepala unit ${getUnit(tx, draft.unitId).code} yang dapat menyetujui atau mengembalikan jawaban ini.`);
    }
    if (input.decision === 'return' && !input.note) throw invalid({ note: 'Tulis catatan untuk unit: apa yang perlu diperbaiki.' });
    const row = repo.updateDraft(tx, draft.id, 'pending', { status: input.decision === 'approve' ? 'approved' : 'returned', decidedAt: nowInstant(), decidedBy: actor.userId, decisionNote: input.note });
    if (!row) throw new AppError('conflict', 'Jawaban ini sudah diputus.');
    const approved = input.decision === 'approve';
    recordEvent(tx, actor, {
      action: approved ? 'consultation.approve' : 'consultation.return', entityType: 'consultation', entityId: c.id,
      summary: input.decision === 'approve' ? 'Jawaban unit disetujui kepala unit' : `Jawaban unit dikembalikan: ${input.note}`,
      before: { draftStatus: 'pending' }, after: { draftStatus: row.status, note: input.note },
    });
    return row;
  });
}

export const draftsOf = (db: Db, id: number) => repo.draftsOf(db, id);
export const unitSettingsOf = (db: Db, unitId: number) => repo.unitSettings(db, unitId);
export const allUnitSettings = (db: Db) => repo.allUnitSettings(db);
export function latestDraftOf(db: Db, id: number): ConsultationDraftRow | undefined {
  return repo.latestDraft(db, id);
}

/** Per unit: answers and approvals of the escalated tickets answered in a month (office zone). */
export function answerTimes(db: Db, zone: string, year: number, month?: number) {
  const start = DateTime.fromObject({ year, month: month ?? 1, day: 1 }, { zone });
  const iso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true })!;
  return repo.answerTimesByUnit(db, iso(start), iso(start.plus(month ? { months: 1 } : { years: 1 })));
}

/** The agent sends the answer the head approved, word for word: the ticket is answered (and gets its BAK). */
export function sendApproved({ db, actor, zone, id, viewer, answeredAt }: { db: Db; actor: Actor; zone: string; id: number; viewer: Viewer; answeredAt: string }): ConsultationRow {
  const draft = repo.latestDraft(db, id);
  if (draft?.status !== 'approved') {
    consultationFor(db, id, viewer);
    throw new AppError('conflict', 'Tidak ada jawaban unit yang disetujui kepala unit untuk dikirim.');
  }
  return answerConsultation({ db, actor, zone, id, viewer, input: { answered_at: answeredAt, answer: draft.answer } });
}
