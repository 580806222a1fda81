/**
 * Use cases of dispositions (disposisi): the PPID sends a request to the units that hold the
 * information, each with an internal due date, and a unit answers. The decision stays the
 * PPID's (requests/). One transaction each, with its audit entry on the disposition and a note
 * on the request's timeline.
 */
import type { Db } from '../db/client.js';
import type { DispositionRow, RequestRow, UnitRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import type { Tx } from '../db/client.js';
import type { AuditAction } from '../audit/actions.js';
import { changedFields } from '../audit/changes.js';
import { AppError, invalid, notFound, outdated } from '../shared/errors.js';
import { formatDate, nowInstant, todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import { getSettings } from '../settings/settings.repo.js';
import { findRequest } from '../requests/requests.repo.js';
import { DUE_SOON_WORKING_DAYS } from '../requests/deadlines.js';
import { can, type Role } from '../auth/roles.js';
import * as repo from './dispositions.repo.js';
import { findUnit } from './units.repo.js';
import { defaultInternalDue } from './internal-due.js';
import { notifyDispositionReminder } from '../messages/events.js';
import { dispositionScopeWhere, scopeOfUser } from '../pelaksana/pelaksana.service.js';
import { ANSWER_RESULTS, type QueueFilter } from './vocabulary.js';
import type { AnswerInput, ReassignInput, RecallInput, RemindInput, SendInput } from './units.schemas.js';

/** Who looks: the PPID and its readers see every unit's work; a unit's staff only their unit's. */
export interface Viewer {
  role: Role;
  unitId: number | null;
}

interface UseCase<I> {
  db: Db;
  actor: Actor;
  zone: string;
  input: I;
}

/** Whether the viewer sees every unit's work (null) or one unit's (its id; -1: none). */
export function scopeOf(viewer: Viewer): number | null {
  if (can(viewer.role, 'request.read')) return null;
  if (can(viewer.role, 'unit.queue')) return viewer.unitId ?? -1;
  return -1;
}

/** A disposition the viewer may see; anyone else's is "not found", so numbers do not leak. */
export function dispositionFor(db: Tx, id: number, viewer: Viewer): DispositionRow {
  const d = repo.findDisposition(db, id);
  const scope = scopeOf(viewer);
  if (!d || (scope !== null && d.unitId !== scope)) throw notFound('Disposisi');
  return d;
}

/** The open disposition of the request to the viewer's unit (for a unit's staff), or null. */
export function latestForUnit(db: Tx, requestId: number, unitId: number | null): DispositionRow | null {
  if (unitId === null) return null;
  const mine = repo.dispositionsOfRequest(db, requestId).filter((x) => x.disposition.unitId === unitId);
  return mine.length ? mine[mine.length - 1].disposition : null;
}

function record(tx: Tx, actor: Actor, d: DispositionRow, event: { action: AuditAction; summary: string; before?: unknown; after?: unknown }): void {
  recordEvent(tx, actor, { ...event, entityType: 'disposition', entityId: d.id });
  recordEvent(tx, actor, { action: 'request.disposition', entityType: 'request', entityId: d.requestId, summary: event.summary });
}

function requestForSending(tx: Tx, requestId: number): RequestRow {
  const r = findRequest(tx, requestId);
  if (!r) throw notFound('Permohonan');
  if (r.voidedOn) throw new AppError('conflict', 'Entri ini dibatalkan: tidak dapat didisposisikan.');
  if (r.outcome) throw new AppError('conflict', 'Permohonan ini sudah diputus: tidak perlu disposisi lagi.');
  return r;
}

function unitForSending(tx: Tx, unitId: number, field: string): UnitRow {
  const u = findUnit(tx, unitId);
  if (!u) throw invalid({ [field]: 'Unit tidak dikenal.' });
  if (!u.active) throw invalid({ [field]: `Unit ${u.code} tidak aktif. Pilih unit lain.` });
  return u;
}

/** The internal due date asked for, or the default; a warning when it lies after the legal due date. */
function internalDue(tx: Tx, r: RequestRow, today: string, dueOn: string | undefined, cal: WorkingCalendar): { dueOn: string; warning: string | null } {
  if (dueOn !== undefined && dueOn < today) throw invalid({ dueOn: 'Tenggat internal tidak boleh sebelum hari ini.' });
  const lead = Number(getSettings(tx).unit_lead_days) || 0;
  const due = dueOn ?? defaultInternalDue(r.dueOn, today, lead, cal);
  const warning = due > r.dueOn
    ? `Perhatian: tenggat internal ${formatDate(due)} melewati tenggat pemberitahuan tertulis ${formatDate(r.dueOn)} (UU 14/2008 Pasal 22).`
    : null;
  return { dueOn: due, warning };
}

export interface SendResult {
  rows: DispositionRow[];
  warnings: string[];
}

/**
 * Sends a request to one or more units, each with the internal due date (by default
 * `unit_lead_days` working days before the legal due date) and the note. Refused: an unknown or
 * inactive unit, a unit that already has it open, a voided or decided request.
 */
export function sendDispositions({ db, actor, zone, input, requestId }: UseCase<SendInput> & { requestId: number }): SendResult {
  return db.transaction((tx) => {
    const r = requestForSending(tx, requestId);
    const today = todayIn(zone);
    const cal = loadCalendar(db);
    const { dueOn, warning } = internalDue(tx, r, today, input.dueOn, cal);
    const rows: DispositionRow[] = [];
    for (const unitId of [...new Set(input.unitIds)]) {
      const u = unitForSending(tx, unitId, 'unitIds');
      if (repo.openDispositionTo(tx, requestId, unitId)) throw invalid({ unitIds: `Permohonan ini sudah didisposisikan ke ${u.code} dan belum dijawab.` });
      const now = nowInstant();
      const d = repo.insertDisposition(tx, {
        requestId, unitId, sentOn: today, dueOn, note: input.note, status: 'open', createdBy: actor.userId, createdAt: now, updatedAt: now,
      });
      record(tx, actor, d, { action: 'disposition.send', summary: `Disposisi ke ${u.code} ${u.name}, dijawab paling lambat ${formatDate(dueOn)}`, after: d });
      rows.push(d);
    }
    return { rows, warnings: warning ? [warning] : [] };
  });
}

function loadOpen(tx: Tx, id: number, viewer: Viewer | null, version: number | undefined): DispositionRow {
  const d = viewer ? dispositionFor(tx, id, viewer) : repo.findDisposition(tx, id);
  if (!d) throw notFound('Disposisi');
  if (version !== undefined && version !== d.version) throw outdated();
  if (d.status !== 'open') throw new AppError('conflict', 'Disposisi ini sudah tidak terbuka (sudah dijawab, ditarik atau dialihkan).');
  return d;
}

function save(tx: Tx, d: DispositionRow, values: Partial<repo.NewDispositionRow>): DispositionRow {
  const after = repo.updateDispositionAtVersion(tx, d.id, d.version, { ...values, updatedAt: nowInstant() });
  if (!after) throw outdated();
  return after;
}

const unitCodeOf = (tx: Tx, unitId: number) => findUnit(tx, unitId)?.code ?? `#${unitId}`;

/**
 * The unit's answer: provided (attached / ready to collect), not held (and who holds it, if
 * known), or possibly exempt (the proposed Pasal 17 letters and grounds for the consequence
 * test). A unit's staff answer only their unit's; the PPID may record it on the unit's behalf.
 */
export function answerDisposition({ db, actor, zone, input, id, viewer }: UseCase<AnswerInput> & { id: number; viewer: Viewer }): DispositionRow {
  return db.transaction((tx) => {
    const d = loadOpen(tx, id, viewer, input.version);
    const fields: Record<string, string> = {};
    if (input.answeredOn > todayIn(zone)) fields.answeredOn = 'Tanggal jawaban tidak boleh setelah hari ini.';
    else if (input.answeredOn < d.sentOn) fields.answeredOn = `Tanggal jawaban tidak boleh sebelum disposisi dikirim (${formatDate(d.sentOn)}).`;
    const exempt = input.result === 'possibly_exempt';
    if (exempt && input.exemptionArticles.length === 0) fields.exemptionArticles = 'Pilih huruf Pasal 17 yang diusulkan.';
    if (exempt && !input.consequenceTest) fields.consequenceTest = 'Tuliskan alasan untuk uji konsekuensi.';
    if (Object.keys(fields).length) throw invalid(fields);
    const after = save(tx, d, {
      status: 'answered',
      answeredOn: input.answeredOn,
      result: input.result,
      answerNote: input.note,
      holder: input.result === 'not_held' ? input.holder : '',
      exemptionArticles: exempt ? [...new Set(input.exemptionArticles)].sort().join(',') : '',
      consequenceTest: exempt ? input.consequenceTest : '',
      answeredBy: actor.userId,
    });
    record(tx, actor, after, {
      action: 'disposition.answer', summary: `${unitCodeOf(tx, d.unitId)} menjawab disposisi: ${ANSWER_RESULTS[input.result]}`, ...changedFields(d, after),
    });
    return after;
  });
}

/** Moves an open disposition to another unit: the old one closes as reassigned, a new one carries on. */
export function reassignDisposition({ db, actor, zone, input, id }: UseCase<ReassignInput> & { id: number }): { row: DispositionRow; warnings: string[] } {
  return db.transaction((tx) => {
    const d = loadOpen(tx, id, null, input.version);
    const r = requestForSending(tx, d.requestId);
    if (input.unitId === d.unitId) throw invalid({ unitId: 'Pilih unit lain.' });
    const u = unitForSending(tx, input.unitId, 'unitId');
    if (repo.openDispositionTo(tx, d.requestId, u.id)) throw invalid({ unitId: `Permohonan ini sudah didisposisikan ke ${u.code} dan belum dijawab.` });
    const today = todayIn(zone);
    const { dueOn, warning } = internalDue(tx, r, today, input.dueOn ?? (d.dueOn >= today ? d.dueOn : undefined), loadCalendar(db));
    const closed = save(tx, d, { status: 'reassigned', closedOn: today, closeNote: input.note });
    const now = nowInstant();
    const next = repo.insertDisposition(tx, {
      requestId: d.requestId, unitId: u.id, sentOn: today, dueOn, note: input.note || d.note, status: 'open', previousId: d.id,
      createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    const summary = `Disposisi dialihkan dari ${unitCodeOf(tx, d.unitId)} ke ${u.code}, dijawab paling lambat ${formatDate(dueOn)}`;
    record(tx, actor, closed, { action: 'disposition.reassign', summary, ...changedFields(d, closed) });
    recordEvent(tx, actor, { action: 'disposition.send', entityType: 'disposition', entityId: next.id, summary, after: next });
    return { row: next, warnings: warning ? [warning] : [] };
  });
}

/** Takes an open disposition back (sent by mistake, no longer needed), with the reason. */
export function recallDisposition({ db, actor, zone, input, id }: UseCase<RecallInput> & { id: number }): DispositionRow {
  return db.transaction((tx) => {
    const d = loadOpen(tx, id, null, input.version);
    const after = save(tx, d, { status: 'recalled', closedOn: todayIn(zone), closeNote: input.note });
    record(tx, actor, after, { action: 'disposition.recall', summary: `Disposisi ke ${unitCodeOf(tx, d.unitId)} ditarik: ${input.note}`, ...changedFields(d, after) });
    return after;
  });
}

/**
 * Records a reminder to the unit (the unit sees it on its queue) and, in the same transaction,
 * queues an e-mail to each of the unit's users with an address (src/messages). `queued`: how many.
 */
export function remindDisposition({ db, actor, zone, input, id }: UseCase<RemindInput> & { id: number }): { row: DispositionRow; queued: number } {
  return db.transaction((tx) => {
    const d = loadOpen(tx, id, null, input.version);
    const after = save(tx, d, { remindedOn: todayIn(zone), reminders: d.reminders + 1 });
    const unit = findUnit(tx, d.unitId);
    record(tx, actor, after, {
      action: 'disposition.remind', summary: `${unit?.code ?? `#${d.unitId}`} diingatkan (ke-${after.reminders})${input.note ? `: ${input.note}` : ''}`, ...changedFields(d, after),
    });
    const r = findRequest(tx, d.requestId);
    const queued = notifyDispositionReminder(tx, {
      id: after.id, requestId: after.requestId, unitId: after.unitId, unitLabel: unit ? `${unit.code} ${unit.name}` : '',
      registrationNumber: r?.registrationNumber ?? '', informationRequested: r?.informationRequested ?? '', dueOn: after.dueOn, reminders: after.reminders, note: input.note,
    });
    return { row: after, queued };
  });
}

export function dispositionsOfRequest(db: Tx, requestId: number) {
  return repo.dispositionsOfRequest(db, requestId);
}

/** A queue the viewer may see: one unit (a unit's staff: always theirs) or every unit. */
export function browseQueue(db: Db, zone: string, viewer: Viewer, filter: { unitId?: number; status?: QueueFilter }, cal: WorkingCalendar = loadCalendar(db)) {
  const today = todayIn(zone);
  const dueSoonUntil = addWorkingDays(today, DUE_SOON_WORKING_DAYS, cal);
  const scope = scopeOf(viewer);
  const unitId = scope ?? filter.unitId;
  // A PPID Pelaksana's officers: the dispositions of their Pelaksana's requests only.
  const requestScope = scope === null ? dispositionScopeWhere(scopeOfUser(db, { id: 0, unitId: viewer.unitId })) : undefined;
  const rows = repo.listQueue(db, { unitId, status: filter.status, today, dueSoonUntil, requestScope });
  const counts = repo.queueCounts(db, today, dueSoonUntil, unitId, requestScope);
  const tiles = counts.reduce((t, c) => ({ open: t.open + c.open, dueSoon: t.dueSoon + (c.dueSoon ?? 0), overdue: t.overdue + (c.overdue ?? 0) }), { open: 0, dueSoon: 0, overdue: 0 });
  return { rows, counts, tiles, today };
}
