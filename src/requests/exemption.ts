/**
 * The exemption of a decision (UU 14/2008 Pasal 17, 19, 20; Perki 1/2021 Pasal 49), in the
 * decision's transaction: the DIK entry it uses (`dikId`) or creates, its period and legal basis,
 * and the number of its Surat Keputusan penolakan.
 *
 * The SK penolakan is given to every decision that withholds information as exempt — a
 * rejection, and the withheld part of a partial grant (or "tidak diberikan" with an exempt
 * reason): Pasal 35 ayat 1 huruf a lets the requester object to a refusal on Pasal 17 grounds,
 * whole or in part, and the objection needs the decision it objects to.
 */
import type { Tx } from '../db/client.js';
import type { RequestRow } from '../db/schema.js';
import type { Actor } from '../audit/audit.repo.js';
import { AppError } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import { getSettings } from '../settings/settings.repo.js';
import { formatNumber } from '../numbering/numbering.js';
import { articlesOfEntry, createDikEntry, entryOfRequest, pickDikEntry, restateDikEntry, type ExemptionFacts } from '../dik/dik.service.js';
import * as repo from './requests.repo.js';
import type { DecisionInput } from './requests.schemas.js';

/** A decision that withholds information as exempt (any outcome but a full grant, with the `exempt` reason). */
export const isExemptDecision = (d: Pick<DecisionInput, 'outcome' | 'reasons'>) => d.outcome !== 'full' && d.reasons.includes('exempt');

/**
 * The decision as the rules see it: with `dikId`, the entry's Pasal 17 letters (when none were
 * ticked), consequence test (when none was written), period and legal basis.
 */
export function withDikEntry(tx: Tx, input: DecisionInput): DecisionInput {
  if (input.dikId === undefined || !isExemptDecision(input)) return input;
  const e = pickDikEntry(tx, input.dikId);
  return {
    ...input,
    exemptionArticles: input.exemptionArticles.length ? input.exemptionArticles : articlesOfEntry(e),
    consequenceTest: input.consequenceTest.trim() || e.consequenceTest,
    exemptionUntil: e.exemptionUntil, exemptionYears: e.exemptionYears, exemptionWhileProtected: e.exemptionWhileProtected,
    exemptionBasis: e.legalBasis,
  };
}

/** The SK penolakan's number (own pattern, sequence per year of the decision), given once. */
function rejectionLetterNumber(tx: Tx, decidedOn: string) {
  const year = Number(decidedOn.slice(0, 4));
  const seq = repo.nextRejectionLetterSequence(tx, year);
  const number = formatNumber(getSettings(tx).rejection_letter_pattern, seq, decidedOn);
  if (repo.rejectionLetterNumberTaken(tx, number)) {
    throw new AppError('conflict', `Nomor SK penolakan ${number} sudah dipakai. Periksa pola nomor di Pengaturan.`);
  }
  return { rejectionLetterNumber: number, rejectionLetterYear: year, rejectionLetterSeq: seq };
}

/**
 * The request's exemption columns after the decision `input` (already through withDikEntry and
 * the rules): the period, the basis, the DIK entry (picked, created, or restated when a
 * correction changes the entry this request created) and the SK's number. Without an
 * exemption the period and the link are cleared; an SK number once given stays (the paper exists).
 */
export function exemptionValues(tx: Tx, actor: Actor, r: RequestRow, input: DecisionInput): Partial<RequestRow> {
  if (!isExemptDecision(input)) {
    return { exemptionUntil: null, exemptionYears: null, exemptionWhileProtected: false, exemptionBasis: '', dikEntryId: null };
  }
  const letter: Partial<ReturnType<typeof rejectionLetterNumber>> = r.rejectionLetterNumber ? {} : rejectionLetterNumber(tx, input.decidedOn);
  const period = {
    exemptionUntil: input.exemptionUntil ?? null, exemptionYears: input.exemptionYears ?? null,
    exemptionWhileProtected: input.exemptionWhileProtected ?? false, exemptionBasis: input.exemptionBasis ?? '',
  };
  let dikEntryId: number;
  if (input.dikId !== undefined) {
    dikEntryId = input.dikId;
  } else {
    const facts: ExemptionFacts = {
      information: r.informationRequested, articles: input.exemptionArticles, legalBasis: period.exemptionBasis, consequenceTest: input.consequenceTest,
      exemptionUntil: period.exemptionUntil, exemptionYears: period.exemptionYears, exemptionWhileProtected: period.exemptionWhileProtected,
      decisionNumber: letter.rejectionLetterNumber ?? r.rejectionLetterNumber ?? '', decidedOn: input.decidedOn, requestId: r.id,
    };
    const own = entryOfRequest(tx, r.dikEntryId, r.id);
    dikEntryId = (own ? restateDikEntry(tx, actor, own.id, facts, nowInstant()) : createDikEntry(tx, actor, facts, nowInstant())).id;
  }
  return { ...period, dikEntryId, ...letter };
}
