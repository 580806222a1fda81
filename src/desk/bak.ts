/**
 * Berita Acara Konsultasi (BAK, SOP 193/194): every answered consultation has one, numbered
 * `{seq:5}/BAK/{year}` through src/numbering (the year and sequence of the day it was answered,
 * office zone), given once when the answer is sent and never changed afterwards.
 */
import { DateTime } from 'luxon';
import type { Tx } from '../db/client.js';
import type { ConsultationBakRow, ConsultationRow } from '../db/schema.js';
import { firstFreeNumber, nextInSequence, sequenceYear } from '../numbering/numbering.js';
import { nowInstant } from '../shared/dates.js';
import * as repo from './flows.repo.js';

export const BAK_PATTERN = '{seq:5}/BAK/{year}';

/** The BAK of an answered consultation: the one it has, or a new number (in the caller's transaction). */
export function issueBak(tx: Tx, c: ConsultationRow, zone: string): ConsultationBakRow {
  const existing = repo.bakOf(tx, c.id);
  if (existing) return existing;
  if (!c.answeredAt) throw new Error(`consultation ${c.id} has no answer: no BAK`);
  const on = DateTime.fromISO(c.answeredAt).setZone(zone).toISODate()!;
  const year = sequenceYear(on);
  const { number, seq } = firstFreeNumber(BAK_PATTERN, on, nextInSequence(repo.highestBakSeq(tx, year)), () => false);
  return repo.insertBak(tx, { consultationId: c.id, number, year, seq, issuedAt: nowInstant() });
}
