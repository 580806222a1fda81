/** SQL of the desk's flows: unit approval settings and drafts, BAK numbers, conversions. */
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import {
  consultationBaks, consultationDrafts, consultationRequests, deskUnitSettings, requests,
  type ConsultationBakRow, type ConsultationDraftRow, type ConsultationRequestRow, type DeskUnitSettingsRow,
} from '../db/schema.js';
import type { Db, Tx } from '../db/client.js';

export function unitSettings(tx: Tx, unitId: number): DeskUnitSettingsRow | undefined {
  return tx.select().from(deskUnitSettings).where(eq(deskUnitSettings.unitId, unitId)).get();
}

export function allUnitSettings(tx: Tx): DeskUnitSettingsRow[] {
  return tx.select().from(deskUnitSettings).all();
}

export function saveUnitSettings(tx: Tx, values: typeof deskUnitSettings.$inferInsert): DeskUnitSettingsRow {
  return tx
    .insert(deskUnitSettings)
    .values(values)
    .onConflictDoUpdate({ target: deskUnitSettings.unitId, set: { approvalRequired: values.approvalRequired, headUserId: values.headUserId, updatedAt: values.updatedAt } })
    .returning()
    .get();
}

/** The consultation's latest draft (pending, approved, returned or sent), if any. */
export function latestDraft(tx: Tx, consultationId: number): ConsultationDraftRow | undefined {
  return tx.select().from(consultationDrafts).where(eq(consultationDrafts.consultationId, consultationId)).orderBy(desc(consultationDrafts.id)).limit(1).get();
}

export function draftsOf(tx: Tx, consultationId: number): ConsultationDraftRow[] {
  return tx.select().from(consultationDrafts).where(eq(consultationDrafts.consultationId, consultationId)).orderBy(desc(consultationDrafts.id)).all();
}

export function insertDraft(tx: Tx, values: typeof consultationDrafts.$inferInsert): ConsultationDraftRow {
  return tx.insert(consultationDrafts).values(values).returning().get();
}

/** Moves a draft on from `from` only (a second decision on the same draft changes nothing). */
export function updateDraft(tx: Tx, id: number, from: string, values: Partial<typeof consultationDrafts.$inferInsert>): ConsultationDraftRow | undefined {
  return tx.update(consultationDrafts).set(values).where(and(eq(consultationDrafts.id, id), eq(consultationDrafts.status, from))).returning().get();
}

/** Drafts made in [from, to) (UTC instants), for the per-unit times. */
export function draftsBetween(tx: Tx, from: string, to: string): ConsultationDraftRow[] {
  return tx.select().from(consultationDrafts).where(and(gte(consultationDrafts.draftedAt, from), lt(consultationDrafts.draftedAt, to))).all();
}

export function bakOf(tx: Tx, consultationId: number): ConsultationBakRow | undefined {
  return tx.select().from(consultationBaks).where(eq(consultationBaks.consultationId, consultationId)).get();
}

export function highestBakSeq(tx: Tx, year: number): number | null {
  return tx.select({ max: sql<number | null>`max(${consultationBaks.seq})` }).from(consultationBaks).where(eq(consultationBaks.year, year)).get()?.max ?? null;
}

export function insertBak(tx: Tx, values: ConsultationBakRow): ConsultationBakRow {
  return tx.insert(consultationBaks).values(values).returning().get();
}

export function conversionOf(tx: Tx, consultationId: number): (ConsultationRequestRow & { number: string }) | undefined {
  return tx
    .select({ consultationId: consultationRequests.consultationId, requestId: consultationRequests.requestId, convertedAt: consultationRequests.convertedAt, convertedBy: consultationRequests.convertedBy, number: requests.registrationNumber })
    .from(consultationRequests)
    .innerJoin(requests, eq(requests.id, consultationRequests.requestId))
    .where(eq(consultationRequests.consultationId, consultationId))
    .get();
}

export function conversionOfRequest(tx: Tx, requestId: number): ConsultationRequestRow | undefined {
  return tx.select().from(consultationRequests).where(eq(consultationRequests.requestId, requestId)).get();
}

export function insertConversion(tx: Tx, values: ConsultationRequestRow): ConsultationRequestRow {
  return tx.insert(consultationRequests).values(values).returning().get();
}

export interface UnitAnswerTimes {
  unitId: number;
  answered: number;
  /** Mean minutes from escalation to the unit's answer (the approved draft's, where approval applies). */
  minutesToAnswer: number | null;
  /** Mean minutes from escalation to the head's approval, over the tickets that needed one. */
  minutesToApproval: number | null;
  approved: number;
}

/** Per unit, over the escalated tickets answered in [from, to) (UTC instants). */
export function answerTimesByUnit(db: Db, from: string, to: string): UnitAnswerTimes[] {
  return db.all<UnitAnswerTimes>(sql`
    select c.escalated_unit_id as unitId, count(*) as answered,
      round(avg((julianday(coalesce(d.drafted_at, c.answered_at)) - julianday(c.escalated_at)) * 1440)) as minutesToAnswer,
      round(avg(case when d.decided_at is not null then (julianday(d.decided_at) - julianday(c.escalated_at)) * 1440 end)) as minutesToApproval,
      count(d.id) as approved
    from consultations c
    left join consultation_drafts d on d.id = (
      select max(x.id) from consultation_drafts x where x.consultation_id = c.id and x.status in ('approved', 'sent'))
    where c.escalated_unit_id is not null and c.escalated_at is not null and c.answered_at >= ${from} and c.answered_at < ${to}
    group by c.escalated_unit_id order by minutesToAnswer`);
}
