/**
 * Use cases of objections (keberatan), UU 14/2008 Pasal 35–38. One transaction each, with its
 * audit entry.
 */
import type { Db, Tx } from '../db/client.js';
import type { DisputeStageRow, ObjectionRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import type { AuditAction } from '../audit/actions.js';
import { AppError, notFound, outdated, refuseIf } from '../shared/errors.js';
import { changedFields } from '../audit/changes.js';
import { formatDate, nowInstant, todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { getSettings } from '../settings/settings.repo.js';
import { findRequest } from '../requests/requests.repo.js';
import { nextNumber } from '../numbering/numbering.js';
import { dueSoonWindow } from '../requests/deadlines.js';
import * as repo from './objections.repo.js';
import { objectionScopeWhere, scopeOfUser } from '../pelaksana/pelaksana.service.js';
import {
  checkDispute, checkFiling, checkRequesterResponse, checkRequestlessFiling, checkResponse, checkStage, disputeIsLate, disputeStanding,
  objectionDates, requestlessObjectionDates, type RequesterResponseInput,
} from './objection-rules.js';
import { checkNotVoided } from '../requests/request-status.js';
import type { DisputeInput, FilingInput, RequestlessFilingInput, ResponseInput, StageFormInput } from './objections.schemas.js';
import { COURTS, DISPUTE_STAGES, OBJECTION_RESULTS, REQUESTER_RESPONSES, stageResultLabel } from './vocabulary.js';
import { notifyObjectionAnswered, notifyObjectionFiled } from '../messages/events.js';

interface UseCase<I> {
  db: Db;
  actor: Actor;
  zone: string;
  input: I;
}

function loadForChange(tx: Tx, id: number, version: number | undefined): ObjectionRow {
  const o = repo.findObjection(tx, id);
  if (!o) throw notFound('Keberatan');
  if (version !== undefined && version !== o.version) throw outdated();
  return o;
}

function save(tx: Tx, o: ObjectionRow, values: Partial<repo.NewObjectionRow>): ObjectionRow {
  const after = repo.updateObjectionAtVersion(tx, o.id, o.version, { ...values, updatedAt: nowInstant() });
  if (!after) throw outdated();
  return after;
}

/** Audits a change of an objection, and notes it on its request's timeline too. */
function recordObjectionEvent(
  tx: Tx,
  actor: Actor,
  o: ObjectionRow,
  event: { action: AuditAction; summary: string; before?: unknown; after?: unknown },
): void {
  recordEvent(tx, actor, { ...event, entityType: 'objection', entityId: o.id });
  if (o.requestId !== null) recordEvent(tx, actor, { action: 'request.objection', entityType: 'request', entityId: o.requestId, summary: event.summary });
}

/** The next number of the filing year's objection sequence, under the office's pattern. */
function nextObjectionNumber(tx: Tx, filedOn: string) {
  const { number, year, seq } = nextNumber(getSettings(tx).objection_pattern, filedOn, (y) => repo.highestObjectionSequence(tx, y));
  return { registrationNumber: number, registrationYear: year, registrationSeq: seq };
}

/**
 * Registers an objection against a request (Pasal 35–36). A late one is still recorded —
 * people do file late — but marked late, with the officer's note.
 */
export function fileObjection({ db, actor, zone, input, requestId }: UseCase<FilingInput> & { requestId: number }): ObjectionRow {
  return db.transaction((tx) => {
    const r = findRequest(tx, requestId);
    if (!r) throw notFound('Permohonan');
    // A voided entry did not happen as a request: nothing to object to.
    refuseIf(checkNotVoided(r, 'filedOn'));
    const cal = loadCalendar(db);
    const open = repo.objectionsOfRequest(tx, requestId).filter((o) => !o.respondedOn);
    refuseIf(checkFiling(r, open, input, todayIn(zone), cal));
    const numbering = nextObjectionNumber(tx, input.filedOn);
    const now = nowInstant();
    const o = repo.insertObjection(tx, {
      requestId,
      ...numbering,
      filedOn: input.filedOn,
      grounds: [...input.grounds].sort().join(','),
      statement: input.statement,
      filedBy: input.filedBy,
      proxyName: input.filedBy === 'proxy' ? input.proxyName : '',
      lateNote: input.lateNote,
      ...objectionDates(r, input.filedOn, cal),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const summary = `Keberatan ${o.registrationNumber} dicatat (huruf ${o.grounds.replaceAll(',', ', ')}; tanggapan paling lambat ${formatDate(o.responseDueOn)})${o.late ? ' — TERLAMBAT' : ''}`;
    recordObjectionEvent(tx, actor, o, { action: 'objection.create', summary, after: o });
    notifyObjectionFiled(tx, o, r);
    return o;
  });
}

/**
 * Registers an objection without a request: ground b (periodic information not published,
 * Pasal 35 ayat 1 huruf b) needs no request first. The objector is recorded on the objection;
 * it takes a number from the same sequence as every objection.
 */
export function fileRequestlessObjection({ db, actor, zone, input }: UseCase<RequestlessFilingInput>): ObjectionRow {
  return db.transaction((tx) => {
    refuseIf(checkRequestlessFiling(input, todayIn(zone)));
    if (input.filedBy === 'proxy' && input.proxyName === '') refuseIf({ proxyName: 'Isi nama kuasa pengaju keberatan.' });
    const cal = loadCalendar(db);
    const numbering = nextObjectionNumber(tx, input.filedOn);
    const now = nowInstant();
    const o = repo.insertObjection(tx, {
      requestId: null,
      objectorName: input.objectorName,
      objectorAddress: input.objectorAddress,
      objectorContact: input.objectorContact,
      ...numbering,
      filedOn: input.filedOn,
      grounds: 'b',
      statement: input.statement,
      filedBy: input.filedBy,
      proxyName: input.filedBy === 'proxy' ? input.proxyName : '',
      ...requestlessObjectionDates(input.filedOn, cal),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const summary = `Keberatan ${o.registrationNumber} dicatat tanpa permohonan (huruf b; pengaju ${o.objectorName}; tanggapan paling lambat ${formatDate(o.responseDueOn)})`;
    recordObjectionEvent(tx, actor, o, { action: 'objection.create', summary, after: o });
    return o;
  });
}

/** The atasan PPID's written answer (Pasal 36 ayat 2). */
export function respondToObjection({ db, actor, zone, input, id }: UseCase<ResponseInput> & { id: number }): ObjectionRow {
  return db.transaction((tx) => {
    const o = loadForChange(tx, id, input.version);
    refuseIf(checkResponse(o, input, todayIn(zone)));
    const after = save(tx, o, {
      respondedOn: input.respondedOn,
      result: input.result,
      reasoning: input.reasoning,
      followUp: input.followUp,
      informationGivenOn: input.informationGivenOn,
      responderName: input.responderName,
    });
    const summary = `Keberatan ${o.registrationNumber} ditanggapi: ${OBJECTION_RESULTS[input.result]}`;
    recordObjectionEvent(tx, actor, o, { action: 'objection.respond', summary, ...changedFields(o, after) });
    if (o.requestId !== null) notifyObjectionAnswered(tx, after, findRequest(tx, o.requestId)!, OBJECTION_RESULTS[input.result]);
    return after;
  });
}

/**
 * Records (or corrects) the dispute's registration at the Komisi Informasi (Pasal 37 ayat 2).
 * One registered after the 14 working days is recorded anyway, marked late, with a note. The
 * requester's response then reads "takes it to the Komisi Informasi" (see effectiveRequesterResponse).
 */
export function recordDispute({ db, actor, zone, input, id }: UseCase<DisputeInput> & { id: number }): ObjectionRow {
  return db.transaction((tx) => {
    const o = loadForChange(tx, id, input.version);
    const cal = loadCalendar(db);
    refuseIf(checkDispute(o, input, todayIn(zone), cal));
    const firstStage = repo.stagesOfObjection(tx, id)[0];
    if (firstStage && input.disputeRegisteredOn > firstStage.heldOn) {
      refuseIf({ disputeRegisteredOn: `Registrasi tidak boleh sesudah tahap ${DISPUTE_STAGES[firstStage.stage as keyof typeof DISPUTE_STAGES].toLowerCase()} (${formatDate(firstStage.heldOn)}).` });
    }
    const late = disputeIsLate(o, input.disputeRegisteredOn, cal);
    const after = save(tx, o, {
      disputeRegisteredOn: input.disputeRegisteredOn,
      disputeCaseNumber: input.disputeCaseNumber,
      disputeNote: input.disputeNote,
      disputeLate: late,
      disputeLateNote: late ? input.disputeLateNote : '',
      disputeResult: o.disputeResult ?? 'pending',
    });
    const summary = `Sengketa informasi atas keberatan ${o.registrationNumber} dicatat di Komisi Informasi${input.disputeCaseNumber ? ` (${input.disputeCaseNumber})` : ''}${late ? ' — TERLAMBAT' : ''}`;
    recordObjectionEvent(tx, actor, o, { action: 'objection.dispute', summary, ...changedFields(o, after) });
    return after;
  });
}

/**
 * Records a stage of the dispute after its registration — mediation, adjudication, or a court
 * (PTUN or PN, then the MA) — or corrects it when it was recorded before. The objection's
 * standing at the Komisi Informasi (dispute result and its date) follows the stages.
 */
export function recordDisputeStage({ db, actor, zone, input, id }: UseCase<StageFormInput> & { id: number }): { objection: ObjectionRow; stage: DisputeStageRow } {
  return db.transaction((tx) => {
    const o = loadForChange(tx, id, input.version);
    const stages = repo.stagesOfObjection(tx, id);
    const court = input.stage === 'court' ? input.court : '';
    const decidedOn = input.stage === 'court' ? input.decidedOn : null;
    refuseIf(checkStage(o, stages, { ...input, court, decidedOn }, todayIn(zone)));
    const before = stages.find((s) => s.stage === input.stage && s.court === court);
    const now = nowInstant();
    const stage = repo.upsertStage(tx, {
      objectionId: id, stage: input.stage, court, heldOn: input.heldOn, decidedOn, caseNumber: input.caseNumber,
      result: input.result, note: input.note, createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    const standing = disputeStanding(repo.stagesOfObjection(tx, id));
    const objection = standing.disputeResult !== o.disputeResult || standing.disputeDecidedOn !== o.disputeDecidedOn ? save(tx, o, standing) : save(tx, o, {});
    const where = input.stage === 'court' ? COURTS[court as keyof typeof COURTS] : DISPUTE_STAGES[input.stage];
    const summary = `Sengketa atas keberatan ${o.registrationNumber}: ${where} ${before ? 'dikoreksi' : 'dicatat'} — ${stageResultLabel(input.stage, input.result)}`;
    const snap = (s: DisputeStageRow) => ({ stage: s.stage, court: s.court, heldOn: s.heldOn, decidedOn: s.decidedOn, caseNumber: s.caseNumber, result: s.result, note: s.note });
    recordObjectionEvent(tx, actor, o, { action: 'objection.dispute_stage', summary, before: before ? snap(before) : undefined, after: snap(stage) });
    return { objection, stage };
  });
}

/** The requester's response to the atasan PPID's answer: accepts it, or takes it to the Komisi Informasi. */
export function recordRequesterResponse({ db, actor, zone, input, id }: UseCase<RequesterResponseInput & { version?: number }> & { id: number }): ObjectionRow {
  return db.transaction((tx) => {
    const o = loadForChange(tx, id, input.version);
    refuseIf(checkRequesterResponse(o, input, todayIn(zone)));
    const after = save(tx, o, {
      requesterResponse: input.requesterResponse,
      requesterResponseOn: input.requesterResponseOn,
      requesterResponseNote: input.requesterResponseNote,
    });
    const summary = `Tanggapan pemohon atas jawaban keberatan ${o.registrationNumber}: ${REQUESTER_RESPONSES[input.requesterResponse as keyof typeof REQUESTER_RESPONSES]}`;
    recordObjectionEvent(tx, actor, o, { action: 'objection.requester_response', summary, ...changedFields(o, after) });
    return after;
  });
}

export function stagesOfObjection(db: Db, id: number): DisputeStageRow[] {
  return repo.stagesOfObjection(db, id);
}

export function getObjection(db: Db, id: number): ObjectionRow {
  const o = repo.findObjection(db, id);
  if (!o) throw notFound('Keberatan');
  return o;
}

export function objectionsOfRequest(db: Db, requestId: number): ObjectionRow[] {
  return repo.objectionsOfRequest(db, requestId);
}

export function browseObjections(
  db: Db, zone: string, filter: Pick<repo.ObjectionFilter, 'year' | 'status'> & { viewer?: { id: number; unitId?: number | null } }, cal: WorkingCalendar = loadCalendar(db),
) {
  const { viewer, ...f } = filter;
  // A PPID Pelaksana's officers: the objections to their Pelaksana's requests only.
  const scope = viewer ? objectionScopeWhere(scopeOfUser(db, viewer)) : undefined;
  return repo.listObjections(db, { ...f, scope, ...dueSoonWindow(todayIn(zone), cal) });
}

/** Counts of the unanswered objections: open, due soon (at most 2 working days left), overdue. */
export function openObjectionCounts(db: Db, zone: string, cal: WorkingCalendar = loadCalendar(db)) {
  return repo.openObjectionCounts(db, dueSoonWindow(todayIn(zone), cal));
}

export const yearsWithObjections = (db: Db): number[] => repo.yearsWithObjections(db);

/**
 * Re-derives filing deadlines, lateness, response due dates and the lateness of a registered
 * dispute (its 14 working days) after a calendar change.
 */
export function recomputeObjectionDates(tx: Tx, dates: string[], cal: WorkingCalendar): number {
  let count = 0;
  for (const o of repo.objectionsSpanning(tx, dates)) {
    let d;
    if (o.requestId === null) d = requestlessObjectionDates(o.filedOn, cal);
    else {
      const r = findRequest(tx, o.requestId);
      if (!r) throw new AppError('not_found', 'Permohonan keberatan hilang.');
      d = objectionDates(r, o.filedOn, cal);
    }
    const disputeLate = o.disputeRegisteredOn !== null && disputeIsLate({ ...o, responseDueOn: d.responseDueOn }, o.disputeRegisteredOn, cal);
    if (d.filingDeadline !== o.filingDeadline || d.late !== o.late || d.responseDueOn !== o.responseDueOn || disputeLate !== o.disputeLate) {
      repo.updateObjectionDerived(tx, o.id, { ...d, disputeLate });
      count++;
    }
  }
  return count;
}
