/**
 * Writing: the planned requests and objections go in as multi-row INSERTs inside the import's
 * transaction; objections without a number get the next ones of the objection pattern.
 */
import type { Actor } from '../audit/audit.repo.js';
import type { Tx } from '../db/client.js';
import { nowInstant } from '../shared/dates.js';
import type { Settings } from '../settings/settings.repo.js';
import { newAccessCode } from '../requests/access-code.js';
import { firstFreeNumber, formatNumber, nextInSequence } from '../numbering/numbering.js';
import * as requestsRepo from '../requests/requests.repo.js';
import { createImportedDikEntries, type ExemptionFacts } from '../dik/dik.service.js';
import type { ExemptionArticle } from '../vocabulary/requests.js';
import * as objectionsRepo from '../objections/objections.repo.js';
import type { ObjectionValues, RequestValues } from './parsed-values.js';
import { codeOf, codeOrNull } from '../vocabulary/keys.js';
import { DISPUTE_RESULTS, FILED_BY, OBJECTION_RESULTS } from '../vocabulary/objections.js';
import { COLUMN_BY_KEY } from './register-columns.js';
import type { ProblemLog } from './problems.js';
import type { PlannedObjection, PlannedRequest } from './plan-import.js';

const L = (key: keyof typeof COLUMN_BY_KEY) => COLUMN_BY_KEY[key].label;

/** Plans written per round: their rows are built, inserted and let go before the next ones. */
const WRITE_BATCH = 1000;

/**
 * Writes the planned rows: requests with their numbered objections first, then objections
 * that need a number, so a generated number never takes a sequence the file gives explicitly.
 * Rows go in as multi-row INSERTs, in plan order (ids follow the file as before).
 * Returns the registration numbers written (for the audit entry).
 */
export function writePlans(tx: Tx, actor: Actor, plans: PlannedRequest[], settings: Settings, log: ProblemLog): { numbers: string[]; dikEntries: number } {
  const now = nowInstant();
  let dikEntries = 0;
  const unnumbered: { requestId: number; o: PlannedObjection }[] = [];
  const objectionRow = (requestId: number, o: PlannedObjection, number: string, seq: number | null) =>
    objectionInsert(o, requestId, number, seq, now, actor.userId);
  for (let i = 0; i < plans.length; i += WRITE_BATCH) {
    const batch = plans.slice(i, i + WRITE_BATCH);
    const ids = requestsRepo.insertRequests(tx, batch.map((plan) => requestInsert(plan, newAccessCode(), now, actor)));
    dikEntries += recordExemptions(tx, batch, ids, now);
    const numbered: objectionsRepo.NewObjectionRow[] = [];
    for (const plan of batch) {
      const requestId = ids.get(plan.parsed.number)!;
      for (const o of plan.objections) {
        if (o.number) numbered.push(objectionRow(requestId, o, o.number, o.seq));
        else unnumbered.push({ requestId, o });
      }
    }
    objectionsRepo.insertObjections(tx, numbered);
  }
  // Numbers for the rest, as objections.service (numbering nextNumber) would give them
  // one insert at a time: the sequence continues after the last number given in this loop.
  const generated: objectionsRepo.NewObjectionRow[] = [];
  const nextSeq = new Map<number, number>();
  for (const { o } of unnumbered) if (!nextSeq.has(o.year)) nextSeq.set(o.year, nextInSequence(objectionsRepo.highestObjectionSequence(tx, o.year)));
  // Whether the database holds a number: the numbers the loop tries first (those it gives when
  // nothing is in the way) are looked up together; any other it meets is asked on its own.
  const inDatabase = new Map<string, boolean>();
  const expected = new Map(nextSeq);
  const firstTries = unnumbered.map(({ o }) => {
    const seq = expected.get(o.year)!;
    expected.set(o.year, seq + 1);
    return formatNumber(settings.objection_pattern, seq, o.parsed.values.filedOn);
  });
  const found = objectionsRepo.existingObjectionNumbers(tx, firstTries);
  for (const number of firstTries) inDatabase.set(number, found.has(number));
  const given = new Set<string>();
  const taken = (number: string) => {
    if (given.has(number)) return true;
    let held = inDatabase.get(number);
    if (held === undefined) inDatabase.set(number, (held = objectionsRepo.existingObjectionNumbers(tx, [number]).size > 0));
    return held;
  };
  for (const { requestId, o } of unnumbered) {
    const { number, seq } = firstFreeNumber(settings.objection_pattern, o.parsed.values.filedOn, nextSeq.get(o.year)!, taken);
    given.add(number);
    nextSeq.set(o.year, seq + 1);
    generated.push(objectionRow(requestId, o, number, seq));
    log.note(o.parsed.row, L('objectionNumber'), `Keberatan diberi nomor ${number}.`);
  }
  objectionsRepo.insertObjections(tx, generated);
  return { numbers: plans.map((p) => p.parsed.number), dikEntries };
}

/*
 * The request row written: the parsed values (every field of the field table) completed in
 * place with what the import works out. Not spread into a new object: V8 builds
 * `{ ...values, more fields }` of this size some thirty times slower than extending it, which a
 * 100,000-row import notices. The objection's row is spelled out (its values carry a number the
 * row takes apart).
 */

/**
 * A decision of the file that withholds information as exempt gets its DIK entry, as a decision
 * made in the app does (src/requests/exemption.ts): the register of exempt information is then
 * complete for the imported years too. Returns how many entries were made.
 */
function recordExemptions(tx: Tx, batch: PlannedRequest[], ids: Map<string, number>, now: string): number {
  const facts: ExemptionFacts[] = [];
  for (const plan of batch) {
    const v = plan.parsed.values;
    if (!v.outcome || v.outcome === 'full' || !v.reasonExempt || !v.decidedOn) continue;
    facts.push({
      information: v.informationRequested, articles: (v.exemptionArticles ? v.exemptionArticles.split(',') : []) as ExemptionArticle[],
      legalBasis: v.exemptionBasis, consequenceTest: v.consequenceTest, exemptionUntil: v.exemptionUntil, exemptionYears: v.exemptionYears,
      exemptionWhileProtected: v.exemptionWhileProtected, decisionNumber: v.rejectionLetterNumber ?? '', decidedOn: v.decidedOn,
      requestId: ids.get(plan.parsed.number)!,
    });
  }
  if (facts.length === 0) return 0;
  requestsRepo.linkDikEntries(tx, createImportedDikEntries(tx, facts, now));
  return facts.length;
}

function requestInsert(plan: PlannedRequest, accessCode: string, now: string, actor: Actor): requestsRepo.NewRequestRow {
  const row = plan.parsed.values as RequestValues & requestsRepo.NewRequestRow;
  row.voidedBy = row.voidedOn ? actor.label : null;
  row.registrationNumber = plan.parsed.number;
  row.registrationYear = plan.year;
  row.registrationSeq = plan.seq;
  row.accessCode = accessCode;
  row.originalDueOn = plan.deadlines.originalDueOn;
  row.dueOn = plan.deadlines.dueOn;
  row.serviceDays = plan.deadlines.serviceDays;
  row.source = 'import';
  // History, not news: imported requests are not flagged "new" in the register.
  row.openedAt = now;
  row.createdBy = actor.userId;
  row.createdAt = now;
  row.updatedAt = now;
  return row;
}

function objectionInsert(
  o: PlannedObjection,
  requestId: number,
  registrationNumber: string,
  registrationSeq: number | null,
  now: string,
  createdBy: number | null,
): Omit<ObjectionValues, 'registrationNumber'> & objectionsRepo.NewObjectionRow {
  const v = o.parsed.values;
  return {
    filedOn: v.filedOn,
    grounds: v.grounds,
    statement: v.statement,
    filedBy: codeOf(FILED_BY, v.filedBy),
    proxyName: v.proxyName,
    lateNote: v.lateNote,
    respondedOn: v.respondedOn,
    result: codeOrNull(OBJECTION_RESULTS, v.result),
    reasoning: v.reasoning,
    followUp: v.followUp,
    informationGivenOn: v.informationGivenOn,
    responderName: v.responderName,
    disputeRegisteredOn: v.disputeRegisteredOn,
    disputeCaseNumber: v.disputeCaseNumber,
    disputeResult: codeOrNull(DISPUTE_RESULTS, v.disputeResult),
    disputeDecidedOn: v.disputeDecidedOn,
    disputeNote: v.disputeNote,
    requestId,
    registrationNumber,
    registrationYear: o.year,
    registrationSeq,
    filingDeadline: o.dates.filingDeadline,
    late: o.dates.late,
    responseDueOn: o.dates.responseDueOn,
    createdBy,
    createdAt: now,
    updatedAt: now,
  };
}
