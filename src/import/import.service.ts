/**
 * Imports an office's existing register (CSV or XLSX) into the app: one transaction and one
 * audit entry for the whole file, so an import is either all there or not there at all.
 *
 * - Registration numbers are kept. When a number follows the office's pattern, its sequence is
 *   stored too, so numbers given later continue after it (requests.repo nextSequence).
 * - A number already in the database is skipped as "sudah ada": importing a file twice adds
 *   nothing the second time.
 * - Deadlines, service days and objection windows are derived here exactly as for requests
 *   entered by hand (computeDeadlines, objectionDates), from the holiday calendar.
 * - Past decisions are taken as recorded (see parse-rows.ts): what a new decision would need
 *   is reported as a warning, not refused. decideRequest's checks are deliberately not used.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/client.js';
import { recordEvent, type Actor, type Tx } from '../audit/audit.repo.js';
import { AppError } from '../shared/errors.js';
import { formatDate, MONTHS_ID, nowInstant, todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { getSettings, type Settings } from '../settings/settings.repo.js';
import { computeDeadlines, type Deadlines } from '../requests/deadlines.js';
import { formatRegistrationNumber, newAccessCode } from '../requests/registration-number.js';
import * as requestsRepo from '../requests/requests.repo.js';
import * as objectionsRepo from '../objections/objections.repo.js';
import { FILING_WORKING_DAYS, objectionDates, type ObjectionDates } from '../objections/objection-rules.js';
import { readRegisterFile, type SheetData } from './read-file.js';
import {
  parseRows, type ObjectionValues, type ParsedObjection, type ParsedRequest, type ParseResult, type Problem, type RequestValues,
} from './parse-rows.js';
import { parseRegistrationNumber } from './number-pattern.js';
import { COLUMN_BY_KEY } from './register-columns.js';
import { ProblemLog } from './problems.js';

/** Large enough for a province's 100,000-row register as CSV; a 50 MB file is refused. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

export interface ImportInput {
  db: Db;
  actor: Actor;
  /** Office zone: dates after its today are refused. */
  zone: string;
  fileName: string;
  buffer: Buffer;
  /** Check and report only; write nothing. */
  dryRun?: boolean;
  /** Import the valid rows even when others are wrong (by default one wrong row stops all). */
  skipInvalid?: boolean;
}

export interface ImportReport {
  fileName: string;
  sha256: string;
  format: 'csv' | 'xlsx' | null;
  dryRun: boolean;
  skipInvalid: boolean;
  /** Non-empty rows under the header. */
  dataRows: number;
  /** Requests written (or, in a dry run, that would be). */
  imported: number;
  objections: number;
  /** Request rows skipped because their number is already registered. */
  existing: number;
  /** Rows with at least one error. */
  invalidRows: number;
  /** True when the import was written to the database. */
  committed: boolean;
  /**
   * Not written, but the file was read and its rows checked: it can be imported as it is
   * (or, with "skip invalid", its valid rows) without choosing it again.
   */
  importable: boolean;
  errors: number;
  warnings: number;
  /**
   * Sorted by row, then column; errors before warnings before notes. Bounded (see problems.ts):
   * past a few hundred of a kind, the rest are one "… dan N lain" line; `errors` and `warnings`
   * count them all.
   */
  problems: Problem[];
  summary: string;
}

interface PlannedObjection {
  parsed: ParsedObjection;
  number: string | null;
  year: number;
  seq: number | null;
  dates: ObjectionDates;
}

interface PlannedRequest {
  parsed: ParsedRequest;
  year: number;
  seq: number | null;
  deadlines: Deadlines;
  objections: PlannedObjection[];
}

const L = (key: keyof typeof COLUMN_BY_KEY) => COLUMN_BY_KEY[key].label;

/**
 * Reads the file. Anything that goes wrong while reading (a damaged or hostile file) becomes
 * an Indonesian message in the report, never an exception that reaches the page as a 500.
 */
async function readSheet(fileName: string, buffer: Buffer): Promise<{ error: string } | { sheet: SheetData }> {
  try {
    return { sheet: await readRegisterFile(fileName, buffer) };
  } catch (e) {
    if (e instanceof AppError) return { error: e.userMessage };
    return { error: `Berkas "${fileName}" tidak dapat dibaca: isinya rusak atau tidak lazim. Simpan ulang dari Excel sebagai .xlsx atau CSV UTF-8, lalu unggah lagi.` };
  }
}

/**
 * Parses the sheet and lets go of it: its raw cells (a few hundred megabytes for a
 * 100,000-row register) are referenced only from `holder` and can be freed while the import
 * goes on with the parsed values.
 */
function parseAndRelease(holder: { sheet: SheetData | null }, tx: Tx, today: string, log: ProblemLog): ParseResult {
  const sheet = holder.sheet!;
  holder.sheet = null;
  return parseRows(sheet, today, log, (numbers) => requestsRepo.existingRegistrationNumbers(tx, numbers));
}

export async function importRegister(input: ImportInput): Promise<ImportReport> {
  const { db, actor, zone, fileName, buffer, dryRun = false, skipInvalid = false } = input;
  const sha256 = crypto.createHash('sha256').update(buffer).digest('hex');
  const base = { fileName, sha256, dryRun, skipInvalid };
  const read = await readSheet(fileName, buffer);
  if ('error' in read) {
    const problems: Problem[] = [{ row: null, column: null, level: 'error', message: read.error }];
    return { ...base, format: null, dataRows: 0, imported: 0, objections: 0, existing: 0, invalidRows: 0, committed: false, importable: false, errors: 1, warnings: 0, problems, summary: `Berkas tidak dapat dibaca; tidak ada yang diimpor.` };
  }
  const format = read.sheet.format;
  const holder: { sheet: SheetData | null } = { sheet: read.sheet };
  const today = todayIn(zone);

  return db.transaction((tx) => {
    const log = new ProblemLog();
    const parsed = parseAndRelease(holder, tx, today, log);
    const { existing } = parsed;
    if (parsed.columnsOk && parsed.dataRows === 0) log.error(null, null, 'Berkas tidak berisi baris data di bawah judul kolom.');
    if (!parsed.columnsOk || parsed.dataRows === 0) {
      return {
        ...base, format, dataRows: parsed.dataRows, imported: 0, objections: 0, existing: 0, invalidRows: 0, committed: false, importable: false,
        errors: log.counts.error, warnings: log.counts.warning, problems: log.list(),
        summary: parsed.columnsOk ? 'Berkas kosong; tidak ada yang diimpor.' : 'Kolom berkas tidak sesuai templat; tidak ada yang diimpor.',
      };
    }

    const cal = loadCalendar(tx);
    const settings = getSettings(tx);
    const plans: PlannedRequest[] = [];
    const lookups = lookUp(tx, parsed, settings);

    for (const orphan of parsed.orphans) {
      if (orphan.number) {
        log.error(orphan.row, L('number'), `Tidak ada baris permohonan bernomor "${orphan.number}" di berkas ini; baris keberatan lanjutan harus memakai nomor permohonan yang ada.`);
      }
    }

    const requestSeqs = new Map<string, { row: number; number: string }>();
    const objectionSeqs = new Map<string, number>();
    for (const p of parsed.requests) {
      const plan = planRequest(lookups, p, settings, cal, requestSeqs, objectionSeqs, log, today);
      if (plan) plans.push(plan);
    }

    const errorRows = log.errorRows;
    const fileErrors = log.fileErrors > 0;
    const ok = plans.filter((plan) => !errorRows.has(plan.parsed.row) && !plan.parsed.objections.some((o) => errorRows.has(o.row)));
    const hasErrors = errorRows.size > 0 || fileErrors;
    const finish = (committed: boolean, imported: PlannedRequest[], summary: string): ImportReport => ({
      ...base, format, dataRows: parsed.dataRows,
      imported: imported.length, objections: imported.reduce((n, plan) => n + plan.objections.length, 0),
      existing, invalidRows: errorRows.size, committed, importable: !committed && !fileErrors && plans.length > 0,
      errors: log.counts.error, warnings: log.counts.warning,
      problems: log.list(), summary,
    });
    const existingNote = existing ? `; ${existing} sudah ada dan dilewati` : '';

    if (hasErrors && (!skipInvalid || fileErrors)) {
      return finish(false, [], `Tidak ada yang diimpor: ${errorRows.size || 'ada'} baris bermasalah. Perbaiki yang ditandai lalu unggah lagi${skipInvalid ? '' : ', atau pilih "lewati baris bermasalah"'}.`);
    }
    const skippedNote = hasErrors ? `; ${errorRows.size} baris bermasalah dilewati` : '';
    if (dryRun) {
      return finish(false, ok, `Pemeriksaan saja, belum ada yang disimpan: ${ok.length} permohonan siap diimpor${existingNote}${skippedNote}.`);
    }

    const numbers = writePlans(tx, actor, ok, settings, log);
    const objectionCount = ok.reduce((n, plan) => n + plan.objections.length, 0);
    const report = finish(true, ok, `${ok.length} permohonan diimpor (${objectionCount} keberatan)${existingNote}${skippedNote}.`);
    recordEvent(tx, actor, {
      action: 'import.register',
      entityType: 'import',
      entityId: sha256.slice(0, 16),
      summary: `Register diimpor dari "${fileName}": ${ok.length} permohonan, ${objectionCount} keberatan${existingNote}${skippedNote} (SHA-256 ${sha256})`,
      after: {
        file: fileName, sha256, format, rows: parsed.dataRows,
        imported: ok.length, objections: objectionCount, existing, invalidRows: errorRows.size, warnings: report.warnings,
        numbers,
      },
    });
    return report;
  });
}

/** What planning needs from the database, read in a few batched queries before it starts. */
interface Lookups {
  /** year → sequence → number of the request holding it, for the sequences the file's numbers give. */
  requestSeqHolders: Map<number, Map<number, string>>;
  /** Objection numbers of the file already used. */
  objectionNumbersTaken: Set<string>;
  /** year → sequence → number of the objection holding it, for the sequences the file's numbers give. */
  objectionSeqHolders: Map<number, Map<number, string>>;
}

/**
 * Reads at once everything planRequest would otherwise ask row by row: the database does not
 * change while planning, so the answers are the same.
 */
function lookUp(tx: Tx, parsed: ParseResult, settings: Settings): Lookups {
  const requestSeqs = new Map<number, number[]>();
  const objectionSeqs = new Map<number, number[]>();
  const objectionNumbers: string[] = [];
  const add = (byYear: Map<number, number[]>, year: number, seq: number) => {
    const list = byYear.get(year);
    if (list) list.push(seq);
    else byYear.set(year, [seq]);
  };
  for (const p of parsed.requests) {
    if (!p.number) continue;
    if (p.values.receivedOn) {
      const year = Number(p.values.receivedOn.slice(0, 4));
      const parts = parseRegistrationNumber(settings.registration_pattern, p.number);
      if (parts && (parts.year === null || parts.year === year)) add(requestSeqs, year, parts.seq);
    }
    for (const o of p.objections) {
      const { filedOn, registrationNumber } = o.values;
      if (!filedOn || !registrationNumber) continue;
      objectionNumbers.push(registrationNumber);
      const year = Number(filedOn.slice(0, 4));
      const op = parseRegistrationNumber(settings.objection_pattern, registrationNumber);
      if (op && (op.year === null || op.year === year)) add(objectionSeqs, year, op.seq);
    }
  }
  const holders = (byYear: Map<number, number[]>, query: (year: number, seqs: number[]) => Map<number, string>) =>
    new Map([...byYear].map(([year, seqs]) => [year, query(year, seqs)] as const));
  return {
    requestSeqHolders: holders(requestSeqs, (year, seqs) => requestsRepo.sequenceHolders(tx, year, seqs)),
    objectionNumbersTaken: objectionsRepo.existingObjectionNumbers(tx, objectionNumbers),
    objectionSeqHolders: holders(objectionSeqs, (year, seqs) => objectionsRepo.objectionSequenceHolders(tx, year, seqs)),
  };
}

/** Checks that need the database and the calendar, and works out numbers and deadlines. */
function planRequest(
  lookups: Lookups,
  p: ParsedRequest,
  settings: Settings,
  cal: WorkingCalendar,
  requestSeqs: Map<string, { row: number; number: string }>,
  objectionSeqs: Map<string, number>,
  log: ProblemLog,
  today: string,
): PlannedRequest | null {
  const v = p.values;
  if (!v.receivedOn || !p.number) return null; // already an error
  const year = Number(v.receivedOn.slice(0, 4));
  let seq: number | null = null;
  const parts = parseRegistrationNumber(settings.registration_pattern, p.number);
  const error = (row: number, column: string, message: string) => log.error(row, column, message);
  const warn = (row: number, column: string, message: string) => log.warn(row, column, message);
  if (parts) {
    const month = Number(v.receivedOn.slice(5, 7));
    if (parts.year !== null && parts.year !== year) {
      error(p.row, L('number'), `Nomor menyebut tahun ${parts.year} tetapi Tanggal diterima tahun ${year}; nomor urut tahun ${parts.year} akan bentrok dengan nomor baru. Periksa nomor atau tanggalnya.`);
    } else {
      seq = parts.seq;
      const key = `${year}:${seq}`;
      const holder = lookups.requestSeqHolders.get(year)?.get(seq);
      const earlier = requestSeqs.get(key);
      // The same number twice is already reported as a duplicate; a different number with the same sequence is not.
      if (earlier && earlier.number !== p.number) error(p.row, L('number'), `Nomor urut ${seq} tahun ${year} sudah dipakai di baris ${earlier.row} (${earlier.number}).`);
      else if (holder !== undefined) error(p.row, L('number'), `Nomor urut ${seq} tahun ${year} sudah dipakai oleh permohonan ${holder}.`);
      else if (!earlier) requestSeqs.set(key, { row: p.row, number: p.number });
      if (parts.month !== null && parts.month !== month) {
        warn(p.row, L('number'), `Bulan pada nomor (${MONTHS_ID[parts.month - 1]}) berbeda dengan bulan diterima (${MONTHS_ID[month - 1]}); dicatat apa adanya.`);
      }
    }
  }
  const deadlines = computeDeadlines({ receivedOn: v.receivedOn, extensionDays: v.extensionDays, decidedOn: v.decidedOn }, cal);
  if (v.extendedOn && v.extendedOn > deadlines.originalDueOn) {
    warn(p.row, L('extendedOn'), `Perpanjangan dicatat setelah tenggat awal (${formatDate(deadlines.originalDueOn)}); dicatat apa adanya.`);
  }
  if (!v.outcome && deadlines.dueOn < today) {
    warn(p.row, L('outcome'), `Belum diputus dan tenggatnya (${formatDate(deadlines.dueOn)}) sudah lewat: akan tampil "lewat tenggat" di register sampai putusannya dicatat.`);
  }
  const facts = { receivedOn: v.receivedOn, dueOn: deadlines.dueOn, outcome: v.outcome, decidedOn: v.decidedOn, reasonExempt: v.reasonExempt, withdrawn: v.withdrawn };
  const objections: PlannedObjection[] = [];
  for (const o of p.objections) {
    const ov = o.values;
    if (!ov.filedOn) continue;
    const oYear = Number(ov.filedOn.slice(0, 4));
    let oSeq: number | null = null;
    if (ov.registrationNumber) {
      const taken = lookups.objectionNumbersTaken.has(ov.registrationNumber);
      if (taken) error(o.row, L('objectionNumber'), `Nomor keberatan ${ov.registrationNumber} sudah dipakai di basis data.`);
      const op = parseRegistrationNumber(settings.objection_pattern, ov.registrationNumber);
      if (op && op.year !== null && op.year !== oYear) {
        error(o.row, L('objectionNumber'), `Nomor keberatan menyebut tahun ${op.year} tetapi Tanggal keberatan tahun ${oYear}. Periksa nomor atau tanggalnya.`);
      } else if (op && !taken) {
        oSeq = op.seq;
        const key = `${oYear}:${oSeq}`;
        const holder = lookups.objectionSeqHolders.get(oYear)?.get(oSeq);
        if (objectionSeqs.has(key)) error(o.row, L('objectionNumber'), `Nomor urut keberatan ${oSeq} tahun ${oYear} sudah dipakai di baris ${objectionSeqs.get(key)}.`);
        else if (holder !== undefined) error(o.row, L('objectionNumber'), `Nomor urut keberatan ${oSeq} tahun ${oYear} sudah dipakai oleh keberatan ${holder}.`);
        else objectionSeqs.set(key, o.row);
      }
    }
    const dates = objectionDates(facts, ov.filedOn, cal);
    if (dates.late && !ov.lateNote) {
      warn(o.row, L('filedOn'), `Keberatan diajukan setelah batas ${FILING_WORKING_DAYS} hari kerja (${formatDate(dates.filingDeadline)}); ditandai terlambat.`);
    }
    objections.push({ parsed: o, number: ov.registrationNumber, year: oYear, seq: oSeq, dates });
  }
  return { parsed: p, year, seq, deadlines, objections };
}

/** Plans written per round: their rows are built, inserted and let go before the next ones. */
const WRITE_BATCH = 1000;

/**
 * Writes the planned rows: requests with their numbered objections first, then objections
 * that need a number, so a generated number never takes a sequence the file gives explicitly.
 * Rows go in as multi-row INSERTs, in plan order (ids follow the file as before).
 * Returns the registration numbers written (for the audit entry).
 */
function writePlans(tx: Tx, actor: Actor, plans: PlannedRequest[], settings: Settings, log: ProblemLog): string[] {
  const now = nowInstant();
  const unnumbered: { requestId: number; o: PlannedObjection }[] = [];
  const objectionRow = (requestId: number, o: PlannedObjection, number: string, seq: number | null) =>
    objectionInsert(o, requestId, number, seq, now, actor.userId);
  for (let i = 0; i < plans.length; i += WRITE_BATCH) {
    const batch = plans.slice(i, i + WRITE_BATCH);
    const ids = requestsRepo.insertRequests(tx, batch.map((plan) => requestInsert(plan, newAccessCode(), now, actor.userId)));
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
  // Numbers for the rest, as nextObjectionSequence and findObjectionByNumber would give them
  // one insert at a time: the sequence continues after the last number given in this loop.
  const generated: objectionsRepo.NewObjectionRow[] = [];
  const nextSeq = new Map<number, number>();
  for (const { o } of unnumbered) if (!nextSeq.has(o.year)) nextSeq.set(o.year, objectionsRepo.nextObjectionSequence(tx, o.year));
  // Whether the database holds a number: the numbers the loop tries first (those it gives when
  // nothing is in the way) are looked up together; any other it meets is asked on its own.
  const inDatabase = new Map<string, boolean>();
  const expected = new Map(nextSeq);
  const firstTries = unnumbered.map(({ o }) => {
    const seq = expected.get(o.year)!;
    expected.set(o.year, seq + 1);
    return formatRegistrationNumber(settings.objection_pattern, seq, o.parsed.values.filedOn);
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
    let seq = nextSeq.get(o.year)!;
    let number = formatRegistrationNumber(settings.objection_pattern, seq, o.parsed.values.filedOn);
    while (taken(number)) {
      seq++;
      number = formatRegistrationNumber(settings.objection_pattern, seq, o.parsed.values.filedOn);
    }
    given.add(number);
    nextSeq.set(o.year, seq + 1);
    generated.push(objectionRow(requestId, o, number, seq));
    log.note(o.parsed.row, L('objectionNumber'), `Keberatan diberi nomor ${number}.`);
  }
  objectionsRepo.insertObjections(tx, generated);
  return plans.map((p) => p.parsed.number);
}

/*
 * The rows written, spelled out field by field rather than spread from the parsed values: V8
 * builds `{ ...values, more fields }` of this size some thirty times slower than a literal,
 * which a 100,000-row import notices. The types make sure no parsed field is left out.
 */

function requestInsert(plan: PlannedRequest, accessCode: string, now: string, createdBy: number | null): RequestValues & requestsRepo.NewRequestRow {
  const v = plan.parsed.values;
  return {
    receivedOn: v.receivedOn,
    channel: v.channel,
    requesterName: v.requesterName,
    requesterIdNumber: v.requesterIdNumber,
    requesterAddress: v.requesterAddress,
    requesterPhone: v.requesterPhone,
    requesterEmail: v.requesterEmail,
    requesterOccupation: v.requesterOccupation,
    requesterType: v.requesterType,
    requesterCategory: v.requesterCategory,
    proxyName: v.proxyName,
    informationRequested: v.informationRequested,
    purpose: v.purpose,
    obtainMethod: v.obtainMethod,
    deliveryMethod: v.deliveryMethod,
    extendedOn: v.extendedOn,
    extensionDays: v.extensionDays,
    extensionReason: v.extensionReason,
    outcome: v.outcome,
    decidedOn: v.decidedOn,
    reasonExempt: v.reasonExempt,
    reasonNotHeld: v.reasonNotHeld,
    reasonOther: v.reasonOther,
    exemptionArticles: v.exemptionArticles,
    consequenceTest: v.consequenceTest,
    reasonNote: v.reasonNote,
    noticeNote: v.noticeNote,
    feeRupiah: v.feeRupiah,
    withdrawn: v.withdrawn,
    registrationNumber: plan.parsed.number,
    registrationYear: plan.year,
    registrationSeq: plan.seq,
    accessCode,
    originalDueOn: plan.deadlines.originalDueOn,
    dueOn: plan.deadlines.dueOn,
    serviceDays: plan.deadlines.serviceDays,
    source: 'import',
    // History, not news: imported requests are not flagged "new" in the register.
    openedAt: now,
    createdBy,
    createdAt: now,
    updatedAt: now,
  };
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
    filedBy: v.filedBy,
    proxyName: v.proxyName,
    lateNote: v.lateNote,
    respondedOn: v.respondedOn,
    result: v.result,
    reasoning: v.reasoning,
    followUp: v.followUp,
    informationGivenOn: v.informationGivenOn,
    responderName: v.responderName,
    disputeRegisteredOn: v.disputeRegisteredOn,
    disputeCaseNumber: v.disputeCaseNumber,
    disputeResult: v.disputeResult,
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
