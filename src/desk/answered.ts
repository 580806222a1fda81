/**
 * "A consultation's answer is sent": the one place every answered ticket passes through, inside
 * the transaction that set status `answered` (desk.service.ts answerConsultation, for the desk's
 * own answer, a unit's answer without approval, and the agent sending an approved one). What
 * follows an answer hooks in here: the BAK number and the one-time rating link (issue 17).
 */
import type { Tx } from '../db/client.js';
import type { ConsultationRow } from '../db/schema.js';
import { issueBak } from './bak.js';
import { createRatingLink } from '../ratings/links.js';

export function onConsultationAnswered(tx: Tx, c: ConsultationRow, zone: string): void {
  issueBak(tx, c, zone);
  createRatingLink(tx, { type: 'consultation', id: c.id });
}
