/**
 * Approval by the unit's head (issue 16.4), where an answer is recorded: a unit whose setting
 * says "answers need the head's approval" answers in a draft; the desk may only send the draft
 * the head approved, word for word. Runs in the answer's transaction (desk.service.ts).
 */
import type { Tx } from '../db/client.js';
import type { ConsultationRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, invalid } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import * as repo from './flows.repo.js';

/** Whether the unit the ticket is escalated to needs its head's approval of answers. */
export function needsApproval(tx: Tx, c: Pick<ConsultationRow, 'status' | 'escalatedUnitId'>): boolean {
  return c.status === 'escalated' && c.escalatedUnitId !== null && (repo.unitSettings(tx, c.escalatedUnitId)?.approvalRequired ?? false);
}

/**
 * 'drafted': the unit's answer was kept as a draft for the head (the ticket stays escalated).
 * 'answer': go on and record the answer (no approval needed, or the approved draft is sent).
 */
export function approvalGate(tx: Tx, actor: Actor, c: ConsultationRow, byUnit: boolean, answer: string, at: string): 'drafted' | 'answer' {
  if (!needsApproval(tx, c)) return 'answer';
  const last = repo.latestDraft(tx, c.id);
  if (byUnit) {
    if (last?.status === 'pending') throw new AppError('conflict', 'Jawaban sebelumnya masih menunggu persetujuan kepala unit.');
    if (last?.status === 'approved') throw new AppError('conflict', 'Jawaban unit sudah disetujui kepala unit dan menunggu dikirim oleh agen.');
    const draft = repo.insertDraft(tx, {
      consultationId: c.id, unitId: c.escalatedUnitId!, answer, escalatedAt: c.escalatedAt ?? c.receivedAt, draftedAt: at, draftedBy: actor.userId, createdAt: nowInstant(),
    });
    recordEvent(tx, actor, { action: 'consultation.draft', entityType: 'consultation', entityId: c.id, summary: 'Jawaban unit disimpan, menunggu persetujuan kepala unit', after: { draftId: draft.id, answer } });
    return 'drafted';
  }
  if (last?.status !== 'approved') throw new AppError('conflict', 'Jawaban unit ini perlu disetujui kepala unit sebelum dikirim kepada pengguna.');
  if (answer !== last.answer) throw invalid({ answer: 'Kirim jawaban yang disetujui kepala unit tanpa mengubahnya.' });
  if (!repo.updateDraft(tx, last.id, 'approved', { status: 'sent' })) throw new AppError('conflict', 'Jawaban ini sudah dikirim.');
  return 'answer';
}
