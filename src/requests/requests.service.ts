/**
 * Use cases of the request register. Each runs in one transaction with its audit entry, so a
 * change and its trace are written together or not at all.
 */
import type { Db, Tx } from '../db/client.js';
import type { RequestRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, notFound, outdated, refuseIf } from '../shared/errors.js';
import { changedFields } from '../audit/changes.js';
import { formatDate, nowInstant, todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { getSettings } from '../settings/settings.repo.js';
import { computeDeadlines } from './deadlines.js';
import { newAccessCode } from './access-code.js';
import { formatNumber, nextNumber } from '../numbering/numbering.js';
import { highestPelaksanaSequence, pelaksanaForRegistration, recordPelaksana } from '../pelaksana/pelaksana.service.js';
import * as repo from './requests.repo.js';
import {
  checkDecision, checkExtension, checkIntake, checkIntakeCorrection, checkUnvoid, checkVoid, checkWithdrawal,
} from './request-status.js';
import type { DecisionInput, ExtensionInput, IntakeInput, UnvoidInput, VoidInput, WithdrawalInput } from './requests.schemas.js';
import { OUTCOMES, VOID_REASONS, WITHDRAWN_NOTE, type RequestSource } from './vocabulary.js';
import { can, type Role } from '../auth/roles.js';
import { createRatingLink } from '../ratings/links.js';
import { exemptionValues, withDikEntry } from './exemption.js';
import { notifyDecision, notifyExtension, notifyRequestRegistered } from '../messages/events.js';

export interface UseCase<I> {
  db: Db;
  actor: Actor;
  /** Office time zone: "today" is the office's today. */
  zone: string;
  input: I;
}

function loadForChange(tx: Tx, id: number, version: number | undefined): RequestRow {
  const r = repo.findRequest(tx, id);
  if (!r) throw notFound('Permohonan');
  if (version !== undefined && version !== r.version) throw outdated();
  return r;
}

function save(tx: Tx, r: RequestRow, values: Partial<repo.NewRequestRow>): RequestRow {
  const after = repo.updateRequestAtVersion(tx, r.id, r.version, { ...values, updatedAt: nowInstant() });
  if (!after) throw outdated();
  return after;
}

/**
 * Registers a request (UU 14/2008 Pasal 22 ayat 1–4): gives it the next registration number of
 * its year and an access code, and fixes the 10-working-day due date.
 */
export type { RequestSource };

export function registerRequest({ db, actor, zone, input, source = 'staff', pelaksanaUnitId = null }: UseCase<IntakeInput> & {
  source?: RequestSource;
  /** The PPID Pelaksana registering it (src/pelaksana); null: the PPID Utama. */
  pelaksanaUnitId?: number | null;
}): RequestRow {
  refuseIf(checkIntake(input, todayIn(zone)));
  return db.transaction((tx) => {
    const cal = loadCalendar(db);
    const pelaksana = pelaksanaUnitId === null ? null : pelaksanaForRegistration(tx, pelaksanaUnitId);
    // A Pelaksana with its own pattern numbers in its own sequence per year; otherwise the
    // PPID Utama's pattern and sequence (the default).
    const own = pelaksana?.numberPattern ? pelaksana : null;
    const { number: registrationNumber, year, seq } = own
      ? nextNumber(own.numberPattern!, input.receivedOn, (y) => highestPelaksanaSequence(tx, own.id, y))
      : nextNumber(getSettings(tx).registration_pattern, input.receivedOn, (y) => repo.highestSequence(tx, y));
    if (repo.registrationNumberTaken(tx, registrationNumber)) {
      const where = own ? `pola nomor ${own.code} di Admin › Unit` : 'pola nomor di Pengaturan';
      throw new AppError('conflict', `Nomor registrasi ${registrationNumber} sudah dipakai. Periksa ${where}.`);
    }
    const d = computeDeadlines({ receivedOn: input.receivedOn, extensionDays: null, decidedOn: null }, cal);
    const now = nowInstant();
    const row = repo.insertRequest(tx, {
      ...input,
      registrationNumber,
      registrationYear: year,
      registrationSeq: own ? null : seq,
      accessCode: newAccessCode(),
      originalDueOn: d.originalDueOn,
      dueOn: d.dueOn,
      serviceDays: null,
      source,
      // What staff type in themselves is not news to them; web and API submissions are.
      openedAt: source === 'staff' ? now : null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    recordEvent(tx, actor, {
      action: 'request.create', entityType: 'request', entityId: row.id,
      summary: `Permohonan ${registrationNumber} dicatat${pelaksana ? ` oleh ${pelaksana.code}` : ''} (tenggat ${formatDate(d.dueOn)})`, after: row,
    });
    if (pelaksana) recordPelaksana(tx, { requestId: row.id, unitId: pelaksana.id, year, seq: own ? seq : null });
    notifyRequestRegistered(tx, row, source);
    return row;
  });
}

/** Corrects what was recorded at intake; a new receipt date moves the deadlines with it. */
export function correctIntake({ db, actor, zone, input, id, version }: UseCase<IntakeInput> & { id: number; version?: number }): RequestRow {
  return db.transaction((tx) => {
    const r = loadForChange(tx, id, version);
    refuseIf(checkIntakeCorrection(r, input, todayIn(zone)));
    const d = computeDeadlines({ receivedOn: input.receivedOn, extensionDays: r.extensionDays, decidedOn: r.decidedOn }, loadCalendar(db));
    const after = save(tx, r, { ...input, ...d });
    const diff = changedFields(r, after);
    if (Object.keys(diff.after).length) {
      recordEvent(tx, actor, {
        action: 'request.update', entityType: 'request', entityId: id,
        summary: `Data permohonan diubah: ${Object.keys(diff.after).join(', ')}`, ...diff,
      });
    }
    return after;
  });
}

/** Records the one extension Pasal 22 ayat 8 allows: dueOn moves by up to 7 working days. */
export function extendRequest({ db, actor, zone, input, id }: UseCase<ExtensionInput> & { id: number }): RequestRow {
  return db.transaction((tx) => {
    const r = loadForChange(tx, id, input.version);
    refuseIf(checkExtension(r, input, todayIn(zone)));
    const d = computeDeadlines({ receivedOn: r.receivedOn, extensionDays: input.extensionDays, decidedOn: null }, loadCalendar(db));
    const after = save(tx, r, {
      extendedOn: input.extendedOn, extensionDays: input.extensionDays, extensionReason: input.extensionReason, dueOn: d.dueOn,
      ...extensionLetterNumber(tx, input.extendedOn),
    });
    recordEvent(tx, actor, {
      action: 'request.extend', entityType: 'request', entityId: id,
      summary: `Tenggat diperpanjang ${input.extensionDays} hari kerja, menjadi ${formatDate(d.dueOn)}`, ...changedFields(r, after),
    });
    notifyExtension(tx, after);
    return after;
  });
}

/** The extension letter's number (own pattern, sequence per year of the extension's date), given in the extension's transaction. */
function extensionLetterNumber(tx: Tx, extendedOn: string) {
  const year = Number(extendedOn.slice(0, 4));
  const seq = repo.nextExtensionLetterSequence(tx, year);
  const number = formatNumber(getSettings(tx).extension_letter_pattern, seq, extendedOn);
  if (repo.extensionLetterNumberTaken(tx, number)) {
    throw new AppError('conflict', `Nomor surat perpanjangan ${number} sudah dipakai. Periksa pola nomor di Pengaturan.`);
  }
  return { extensionLetterNumber: number, extensionLetterYear: year, extensionLetterSeq: seq };
}

/**
 * Records the decision of the written notice (Pasal 22 ayat 7), or corrects an earlier one
 * (`correcting`), and fixes serviceDays.
 */
export function decideRequest({ db, actor, zone, input, id, correcting = false }: UseCase<DecisionInput> & { id: number; correcting?: boolean }): RequestRow {
  return db.transaction((tx) => {
    const r = loadForChange(tx, id, input.version);
    input = withNoticeDefaults(tx, r, withDikEntry(tx, input));
    refuseIf(checkDecision(r, input, todayIn(zone), correcting));
    const d = computeDeadlines({ receivedOn: r.receivedOn, extensionDays: r.extensionDays, decidedOn: input.decidedOn }, loadCalendar(db));
    const after = save(tx, r, {
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      reasonExempt: input.reasons.includes('exempt'),
      reasonNotHeld: input.reasons.includes('not_held'),
      reasonOther: input.reasons.includes('other'),
      exemptionArticles: [...input.exemptionArticles].sort().join(','),
      consequenceTest: input.reasons.includes('exempt') ? input.consequenceTest : '',
      reasonNote: input.reasons.includes('other') ? input.reasonNote : '',
      noticeNote: input.noticeNote,
      feeRupiah: input.feeRupiah,
      ...noticeItems(input),
      serviceDays: d.serviceDays,
      ...exemptionValues(tx, actor, r, input),
    });
    recordEvent(tx, actor, {
      action: correcting ? 'request.decision_correct' : 'request.decide',
      entityType: 'request', entityId: id,
      summary: correcting
        ? `Putusan dikoreksi: ${OUTCOMES[input.outcome]} — ${input.correctionNote}`
        : `Diputus: ${OUTCOMES[input.outcome]} (${d.serviceDays} hari kerja)`,
      ...changedFields(r, after),
    });
    notifyDecision(tx, after, OUTCOMES[input.outcome]);
    createRatingLink(tx, { type: 'request', id, agentUserId: actor.userId }); // issue 17: the one-time rating link
    return after;
  });
}

/**
 * Pasal 22 ayat 7 huruf b: information not held here names the body that holds it; when the
 * request was forwarded (src/units), that body and its contact are taken unless typed.
 */
function withNoticeDefaults(tx: Tx, r: RequestRow, input: DecisionInput): DecisionInput {
  if (!input.reasons.includes('not_held') || (input.heldBy ?? '').trim()) return input;
  const fw = repo.forwardedTo(tx, r.id);
  return fw ? { ...input, heldBy: fw.body, heldByContact: (input.heldByContact ?? '').trim() || fw.contact } : input;
}

/** The notice's items as stored: what does not apply to the outcome is cleared; a cost broken down sets the fee. */
function noticeItems(input: DecisionInput): Partial<RequestRow> {
  const given = input.outcome === 'full' || input.outcome === 'partial';
  const notHeld = input.reasons.includes('not_held');
  const [copy, delivery, other] = [input.feeCopy ?? 0, input.feeDelivery ?? 0, input.feeOther ?? 0];
  return {
    heldBy: notHeld ? (input.heldBy ?? '') : '', heldByContact: notHeld ? (input.heldByContact ?? '') : '',
    givenForm: given ? (input.givenForm ?? '') : '', provideOn: given ? (input.provideOn ?? null) : null,
    redactedParts: input.outcome === 'partial' ? (input.redactedParts ?? '') : '',
    feeCopy: copy, feeDelivery: delivery, feeOther: other, paymentHow: input.paymentHow ?? '',
    ...(copy + delivery + other > 0 ? { feeRupiah: copy + delivery + other } : {}),
  };
}

/** The requester withdrew: recorded as not provided, reason other "dicabut". */
export function withdrawRequest({ db, actor, zone, input, id }: UseCase<WithdrawalInput> & { id: number }): RequestRow {
  return db.transaction((tx) => {
    const r = loadForChange(tx, id, input.version);
    refuseIf(checkWithdrawal(r, input, todayIn(zone)));
    const d = computeDeadlines({ receivedOn: r.receivedOn, extensionDays: r.extensionDays, decidedOn: input.withdrawnOn }, loadCalendar(db));
    const after = save(tx, r, {
      withdrawn: true,
      outcome: 'not_provided',
      decidedOn: input.withdrawnOn,
      reasonOther: true,
      reasonNote: input.note ? `${WITHDRAWN_NOTE}: ${input.note}` : WITHDRAWN_NOTE,
      serviceDays: d.serviceDays,
    });
    recordEvent(tx, actor, {
      action: 'request.withdraw', entityType: 'request', entityId: id,
      summary: 'Permohonan dicabut oleh pemohon', ...changedFields(r, after),
    });
    return after;
  });
}

/**
 * Batalkan entri: a mistaken entry (a duplicate, a slip) stays in the register with its number,
 * marked voided, and is left out of the recap, the monthly report, the workload and the
 * analytics. Unlike a withdrawal (the requester's act, counted as not provided), nothing about
 * the request itself is recorded: it did not count.
 */
export function voidRequest({ db, actor, zone, input, id }: UseCase<VoidInput> & { id: number }): RequestRow {
  return db.transaction((tx) => {
    const r = loadForChange(tx, id, input.version);
    refuseIf(checkVoid(r, input, repo.objectionCountOf(tx, id)));
    const after = save(tx, r, { voidedOn: todayIn(zone), voidReason: input.reason, voidNote: input.note, voidedBy: actor.label });
    recordEvent(tx, actor, {
      action: 'request.void', entityType: 'request', entityId: id,
      summary: `Entri dibatalkan: ${VOID_REASONS[input.reason]}${input.note ? ` — ${input.note}` : ''}`, ...changedFields(r, after),
    });
    return after;
  });
}

/** Pulihkan: the atasan PPID undoes a void; the entry counts again where it stood. */
export function unvoidRequest({ db, actor, input, id }: UseCase<UnvoidInput> & { id: number }): RequestRow {
  return db.transaction((tx) => {
    const r = loadForChange(tx, id, input.version);
    refuseIf(checkUnvoid(r));
    const after = save(tx, r, { voidedOn: null, voidReason: null, voidNote: '', voidedBy: null });
    recordEvent(tx, actor, {
      action: 'request.unvoid', entityType: 'request', entityId: id,
      summary: `Pembatalan entri dicabut (entri dipulihkan)${input.note ? `: ${input.note}` : ''}`, ...changedFields(r, after),
    });
    return after;
  });
}

/**
 * Takes a web or API submission off the "new" list when an officer or supervisor (the people
 * who work the desk) has opened it; an auditor's or admin's look leaves it new. A POST of its
 * own: reading the request page never writes. Returns whether this call cleared the flag.
 */
export function markOpened({ db, actor, role, id }: { db: Db; actor: Actor; role: Role; id: number }): boolean {
  if (!can(role, 'request.write')) return false;
  return db.transaction((tx) => {
    const r = repo.findRequest(tx, id);
    if (!r) throw notFound('Permohonan');
    if (r.openedAt || !repo.markOpened(tx, id, nowInstant())) return false;
    recordEvent(tx, actor, { action: 'request.open', entityType: 'request', entityId: id, summary: 'Dibuka pertama kali oleh petugas' });
    return true;
  });
}

export function getRequest(db: Db, id: number): RequestRow {
  const r = repo.findRequest(db, id);
  if (!r) throw notFound('Permohonan');
  return r;
}
