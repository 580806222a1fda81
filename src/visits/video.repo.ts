/** SQL of video conferences (SOP 195). */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { videoConferences, type VideoConferenceRow } from '../db/schema.js';
import type { Tx } from '../db/client.js';

export type NewVideoConferenceRow = typeof videoConferences.$inferInsert;

export function insertVideoConference(tx: Tx, values: NewVideoConferenceRow): VideoConferenceRow {
  return tx.insert(videoConferences).values(values).returning().get();
}

export function findVideoConference(tx: Tx, id: number): VideoConferenceRow | undefined {
  return tx.select().from(videoConferences).where(eq(videoConferences.id, id)).get();
}

export function updateVideoConferenceAtVersion(tx: Tx, id: number, version: number, values: Partial<NewVideoConferenceRow>): VideoConferenceRow | undefined {
  return tx.update(videoConferences).set({ ...values, version: version + 1 })
    .where(and(eq(videoConferences.id, id), eq(videoConferences.version, version))).returning().get();
}

/** Calls planned between two instants (UTC ISO; from inclusive, to exclusive), in time order. */
export function videoConferencesPlanned(tx: Tx, from: string, to: string): VideoConferenceRow[] {
  return tx.select().from(videoConferences).where(and(gte(videoConferences.plannedAt, from), lt(videoConferences.plannedAt, to)))
    .orderBy(asc(videoConferences.plannedAt), asc(videoConferences.id)).all();
}

/** Calls held between two instants (UTC ISO; from inclusive, to exclusive), in time order. */
export function videoConferencesHeld(tx: Tx, from: string, to: string): VideoConferenceRow[] {
  return tx.select().from(videoConferences)
    .where(and(eq(videoConferences.status, 'held'), gte(videoConferences.heldAt, from), lt(videoConferences.heldAt, to)))
    .orderBy(asc(videoConferences.heldAt), asc(videoConferences.id)).all();
}
