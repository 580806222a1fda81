/**
 * "A consultation's answer is sent": the one place every answered ticket passes through, inside
 * the transaction that set status `answered` (desk.service.ts answerConsultation, for the desk's
 * own answer, a unit's answer without approval, and the agent sending an approved one). What
 * follows an answer hooks in here: the BAK number now; satisfaction ratings later.
 */
import type { Tx } from '../db/client.js';
import type { ConsultationRow } from '../db/schema.js';
import { issueBak } from './bak.js';

export function onConsultationAnswered(tx: Tx, c: ConsultationRow, zone: string): void {
  issueBak(tx, c, zone);
}
