/**
 * Use cases of objections (keberatan), UU 14/2008 Pasal 35–38. One transaction each, with its
 * audit entry.
 */
import type { Db } from '../db/client.js';
import type { ObjectionRow } from '../db/schema.js';
import { recordEvent, type Actor, type Tx } from '../audit/audit.repo.js';
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
import { checkDispute, checkFiling, checkResponse, objectionDates } from './objection-rules.js';
import { checkNotVoided } from '../requests/request-status.js';
import type { DisputeInput, FilingInput, ResponseInput } from './objections.schemas.js';
import { OBJECTION_RESULTS } from './vocabulary.js';

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
  recordEvent(tx, actor, { action: 'request.objection', entityType: 'request', entityId: o.requestId, summary: event.summary });
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
    const { number, year, seq } = nextNumber(getSettings(tx).objection_pattern, input.filedOn, (y) => repo.highestObjectionSequence(tx, y));
    const now = nowInstant();
    const o = repo.insertObjection(tx, {
      requestId,
      registrationNumber: number,
      registrationYear: year,
      registrationSeq: seq,
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
    const summary = `Keberatan ${number} dicatat (huruf ${o.grounds.replaceAll(',', ', ')}; tanggapan paling lambat ${formatDate(o.responseDueOn)})${o.late ? ' — TERLAMBAT' : ''}`;
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
    return after;
  });
}

/** Records (or updates) the dispute at the Komisi Informasi (Pasal 37–38). */
export function recordDispute({ db, actor, zone, input, id }: UseCase<DisputeInput> & { id: number }): ObjectionRow {
  return db.transaction((tx) => {
    const o = loadForChange(tx, id, input.version);
    refuseIf(checkDispute(o, input, todayIn(zone)));
    const after = save(tx, o, {
      disputeRegisteredOn: input.disputeRegisteredOn,
      disputeCaseNumber: input.disputeCaseNumber,
      disputeResult: input.disputeResult,
      disputeDecidedOn: input.disputeDecidedOn,
      disputeNote: input.disputeNote,
    });
    const summary = `Sengketa informasi atas keberatan ${o.registrationNumber} dicatat di Komisi Informasi${input.disputeCaseNumber ? ` (${input.disputeCaseNumber})` : ''}`;
    recordObjectionEvent(tx, actor, o, { action: 'objection.dispute', summary, ...changedFields(o, after) });
    return after;
  });
}

export function getObjection(db: Db, id: number): ObjectionRow {
  const o = repo.findObjection(db, id);
  if (!o) throw notFound('Keberatan');
  return o;
}

export function objectionsOfRequest(db: Db, requestId: number): ObjectionRow[] {
  return repo.objectionsOfRequest(db, requestId);
}

export function browseObjections(db: Db, zone: string, filter: Pick<repo.ObjectionFilter, 'year' | 'status'>, cal: WorkingCalendar = loadCalendar(db)) {
  return repo.listObjections(db, { ...filter, ...dueSoonWindow(todayIn(zone), cal) });
}

/** Counts of the unanswered objections: open, due soon (at most 2 working days left), overdue. */
export function openObjectionCounts(db: Db, zone: string, cal: WorkingCalendar = loadCalendar(db)) {
  return repo.openObjectionCounts(db, dueSoonWindow(todayIn(zone), cal));
}

export const yearsWithObjections = (db: Db): number[] => repo.yearsWithObjections(db);

/** Re-derives filing deadlines, lateness and response due dates after a calendar change. */
export function recomputeObjectionDates(tx: Tx, dates: string[], cal: WorkingCalendar): number {
  let count = 0;
  for (const o of repo.objectionsSpanning(tx, dates)) {
    const r = findRequest(tx, o.requestId);
    if (!r) throw new AppError('not_found', 'Permohonan keberatan hilang.');
    const d = objectionDates(r, o.filedOn, cal);
    if (d.filingDeadline !== o.filingDeadline || d.late !== o.late || d.responseDueOn !== o.responseDueOn) {
      repo.updateObjectionDerived(tx, o.id, d);
      count++;
    }
  }
  return count;
}
