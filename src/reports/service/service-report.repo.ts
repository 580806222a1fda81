/** SQL of the monthly service report: the consultations it counts and the officer's notes. */
import { and, asc, count, eq, gte, lt } from 'drizzle-orm';
import { consultations, serviceReportNotes, type ServiceReportNoteRow } from '../../db/schema.js';
import type { Tx } from '../../db/client.js';

export interface TicketRow {
  receivedAt: string;
  channel: string;
  userType: string;
  userRegionCode: string;
  category: string;
  topic: string;
  escalatedAt: string | null;
  escalatedUnitId: number | null;
  answeredAt: string | null;
  slaDueAt: string;
  /** 'WIB' | 'WITA' | 'WIT', or '' when the user's region is unknown (set at intake). */
  userZone: string;
  /** Came in outside the desk's service hours (set at intake). */
  outsideServiceHours: boolean;
}

/** Tickets received in [from, to) (UTC instants; stored as UTC text, so text order is time order). */
export function ticketsBetween(tx: Tx, from: string, to: string): TicketRow[] {
  return tx
    .select({
      receivedAt: consultations.receivedAt, channel: consultations.channel, userType: consultations.userType,
      userRegionCode: consultations.userRegionCode, category: consultations.category, topic: consultations.topic,
      escalatedAt: consultations.escalatedAt, escalatedUnitId: consultations.escalatedUnitId,
      answeredAt: consultations.answeredAt, slaDueAt: consultations.slaDueAt,
      userZone: consultations.userZone, outsideServiceHours: consultations.outsideServiceHours,
    })
    .from(consultations)
    .where(and(gte(consultations.receivedAt, from), lt(consultations.receivedAt, to)))
    .orderBy(asc(consultations.receivedAt))
    .all();
}

/** Tickets per channel received in [from, to): an index-only count over (received_at, channel). */
export function channelCountsBetween(tx: Tx, from: string, to: string): { channel: string; count: number }[] {
  return tx.select({ channel: consultations.channel, count: count() }).from(consultations)
    .where(and(gte(consultations.receivedAt, from), lt(consultations.receivedAt, to)))
    .groupBy(consultations.channel).all();
}

export function notesOf(tx: Tx, year: number, month: number): ServiceReportNoteRow[] {
  return tx.select().from(serviceReportNotes).where(and(eq(serviceReportNotes.year, year), eq(serviceReportNotes.month, month))).all();
}

export function findNote(tx: Tx, year: number, month: number, section: string): ServiceReportNoteRow | undefined {
  return tx.select().from(serviceReportNotes)
    .where(and(eq(serviceReportNotes.year, year), eq(serviceReportNotes.month, month), eq(serviceReportNotes.section, section))).get();
}

export function insertNote(tx: Tx, values: typeof serviceReportNotes.$inferInsert): ServiceReportNoteRow {
  return tx.insert(serviceReportNotes).values(values).returning().get();
}

export function updateNote(tx: Tx, id: number, values: Partial<typeof serviceReportNotes.$inferInsert>): ServiceReportNoteRow {
  return tx.update(serviceReportNotes).set(values).where(eq(serviceReportNotes.id, id)).returning().get()!;
}

export function deleteNote(tx: Tx, id: number): void {
  tx.delete(serviceReportNotes).where(eq(serviceReportNotes.id, id)).run();
}
