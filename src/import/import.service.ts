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
import { COLUMN_BY_KEY, REGISTER_COLUMNS } from './register-columns.js';

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
  errors: number;
  warnings: number;
  /** Sorted by row, then column; errors before warnings before notes. */
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

const COLUMN_ORDER = new Map<string, number>(REGISTER_COLUMNS.map((c, i) => [c.label, i]));
const LEVEL_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column === null ? -1 : (COLUMN_ORDER.get(a.column) ?? 999)) - (b.column === null ? -1 : (COLUMN_ORDER.get(b.column) ?? 999)) ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level],
  );
}

const L = (key: keyof typeof COLUMN_BY_KEY) => COLUMN_BY_KEY[key].label;

/**
 * Reads and parses the file. Apart so that the sheet's raw cells (a few hundred megabytes for
 * a 100,000-row register) are only referenced from this frame and can be freed while the
 * import goes on with the parsed values.
 */
async function readAndParse(
  fileName: string,
  buffer: Buffer,
  zone: string,
): Promise<{ error: AppError } | { today: string; format: SheetData['format']; parsed: ParseResult }> {
  let sheet: SheetData;
  try {
    sheet = await readRegisterFile(fileName, buffer);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { error: e };
  }
  const today = todayIn(zone);
  return { today, format: sheet.format, parsed: parseRows(sheet, today) };
}

export async function importRegister(input: ImportInput): Promise<ImportReport> {
  const { db, actor, zone, fileName, buffer, dryRun = false, skipInvalid = false } = input;
  const sha256 = crypto.createHash('sha256').update(buffer).digest('hex');
  const base = { fileName, sha256, dryRun, skipInvalid };
  const read = await readAndParse(fileName, buffer, zone);
  if ('error' in read) {
    const problems: Problem[] = [{ row: null, column: null, level: 'error', message: read.error.userMessage }];
    return { ...base, format: null, dataRows: 0, imported: 0, objections: 0, existing: 0, invalidRows: 0, committed: false, errors: 1, warnings: 0, problems, summary: `Berkas tidak dapat dibaca; tidak ada yang diimpor.` };
  }
  const { today, format, parsed } = read;
  if (parsed.columnsOk && parsed.dataRows === 0) {
    parsed.problems.push({ row: null, column: null, level: 'error', message: 'Berkas tidak berisi baris data di bawah judul kolom.' });
  }
  if (!parsed.columnsOk || parsed.dataRows === 0) {
    const problems = sortProblems(parsed.problems);
    return {
      ...base, format, dataRows: parsed.dataRows, imported: 0, objections: 0, existing: 0, invalidRows: 0, committed: false,
      errors: problems.filter((p) => p.level === 'error').length, warnings: problems.filter((p) => p.level === 'warning').length, problems,
      summary: parsed.columnsOk ? 'Berkas kosong; tidak ada yang diimpor.' : 'Kolom berkas tidak sesuai templat; tidak ada yang diimpor.',
    };
  }

  return db.transaction((tx) => {
    const cal = loadCalendar(tx);
    const settings = getSettings(tx);
    const problems = [...parsed.problems];
    // Rows of requests already registered: what they said no longer matters, only the "sudah
    // ada" note (kept) does. Dropped in one pass below rather than by re-filtering per row.
    const droppedRows = new Set<number>();
    const keptNotes = new Set<Problem>();
    const note = (problem: Problem) => {
      problems.push(problem);
      keptNotes.add(problem);
    };
    const plans: PlannedRequest[] = [];
    let existing = 0;
    const lookups = lookUp(tx, parsed, settings);

    for (const orphan of parsed.orphans) {
      if (orphan.number && lookups.registered.has(orphan.number)) {
        droppedRows.add(orphan.row);
        note({ row: orphan.row, column: L('number'), level: 'info', message: `Sudah ada: permohonan ${orphan.number} sudah tercatat; baris dilewati.` });
      } else if (orphan.number) {
        problems.push({ row: orphan.row, column: L('number'), level: 'error', message: `Tidak ada baris permohonan bernomor "${orphan.number}" di berkas ini; baris keberatan lanjutan harus memakai nomor permohonan yang ada.` });
      }
    }

    const requestSeqs = new Map<string, { row: number; number: string }>();
    const objectionSeqs = new Map<string, number>();
    for (const p of parsed.requests) {
      if (p.number && lookups.registered.has(p.number)) {
        // Its content no longer matters: drop what the rows said and note the skip.
        droppedRows.add(p.row);
        for (const o of p.objections) droppedRows.add(o.row);
        note({ row: p.row, column: L('number'), level: 'info', message: `Sudah ada: ${p.number} sudah tercatat; baris dilewati.` });
        existing++;
        continue;
      }
      const plan = planRequest(lookups, p, settings, cal, requestSeqs, objectionSeqs, problems, today);
      if (plan) plans.push(plan);
    }
    if (droppedRows.size) {
      const remaining = problems.filter((x) => x.row === null || !droppedRows.has(x.row) || keptNotes.has(x));
      problems.length = 0;
      for (const x of remaining) problems.push(x);
    }

    const errorRows = new Set(problems.filter((p) => p.level === 'error' && p.row !== null).map((p) => p.row!));
    const fileErrors = problems.some((p) => p.level === 'error' && p.row === null);
    const ok = plans.filter((plan) => ![plan.parsed.row, ...plan.parsed.objections.map((o) => o.row)].some((r) => errorRows.has(r)));
    const hasErrors = errorRows.size > 0 || fileErrors;
    const finish = (committed: boolean, imported: PlannedRequest[], summary: string): ImportReport => {
      const sorted = sortProblems(problems);
      return {
        ...base, format, dataRows: parsed.dataRows,
        imported: imported.length, objections: imported.reduce((n, plan) => n + plan.objections.length, 0),
        existing, invalidRows: errorRows.size, committed,
        errors: sorted.filter((x) => x.level === 'error').length, warnings: sorted.filter((x) => x.level === 'warning').length,
        problems: sorted, summary,
      };
    };
    const existingNote = existing ? `; ${existing} sudah ada dan dilewati` : '';

    if (hasErrors && (!skipInvalid || fileErrors)) {
      return finish(false, [], `Tidak ada yang diimpor: ${errorRows.size || 'ada'} baris bermasalah. Perbaiki yang ditandai lalu unggah lagi${skipInvalid ? '' : ', atau pilih "lewati baris bermasalah"'}.`);
    }
    const skippedNote = hasErrors ? `; ${errorRows.size} baris bermasalah dilewati` : '';
    if (dryRun) {
      return finish(false, ok, `Pemeriksaan saja, belum ada yang disimpan: ${ok.length} permohonan siap diimpor${existingNote}${skippedNote}.`);
    }

    const numbers = writePlans(tx, actor, ok, settings, problems);
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
  /** Registration numbers of the file (request rows and further-objection rows) already registered. */
  registered: Set<string>;
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
  const numbers: string[] = [];
  for (const o of parsed.orphans) if (o.number) numbers.push(o.number);
  for (const p of parsed.requests) if (p.number) numbers.push(p.number);
  const registered = requestsRepo.existingRegistrationNumbers(tx, numbers);

  const requestSeqs = new Map<number, number[]>();
  const objectionSeqs = new Map<number, number[]>();
  const objectionNumbers: string[] = [];
  const add = (byYear: Map<number, number[]>, year: number, seq: number) => {
    const list = byYear.get(year);
    if (list) list.push(seq);
    else byYear.set(year, [seq]);
  };
  for (const p of parsed.requests) {
    if (!p.number || registered.has(p.number)) continue;
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
    registered,
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
  problems: Problem[],
  today: string,
): PlannedRequest | null {
  const v = p.values;
  if (!v.receivedOn || !p.number) return null; // already an error
  const year = Number(v.receivedOn.slice(0, 4));
  let seq: number | null = null;
  const parts = parseRegistrationNumber(settings.registration_pattern, p.number);
  const error = (row: number, column: string, message: string) => problems.push({ row, column, level: 'error', message });
  const warn = (row: number, column: string, message: string) => problems.push({ row, column, level: 'warning', message });
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
function writePlans(tx: Tx, actor: Actor, plans: PlannedRequest[], settings: Settings, problems: Problem[]): string[] {
  const now = nowInstant();
  const unnumbered: { requestId: number; o: PlannedObjection }[] = [];
  const objectionRow = (requestId: number, o: PlannedObjection, number: string, seq: number | null) =>
    objectionInsert(o, requestId, number, seq, now, actor.userId);
  for (let i = 0; i < plans.length; i += WRITE_BATCH) {
    const batch = plans.slice(i, i + WRITE_BATCH);
    const ids = requestsRepo.insertRequests(tx, batch.map((plan) => requestInsert(plan, newAccessCode(), now, actor)));
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
    problems.push({ row: o.parsed.row, column: L('objectionNumber'), level: 'info', message: `Keberatan diberi nomor ${number}.` });
  }
  objectionsRepo.insertObjections(tx, generated);
  return plans.map((p) => p.parsed.number);
}

/*
 * The rows written, spelled out field by field rather than spread from the parsed values: V8
 * builds `{ ...values, more fields }` of this size some thirty times slower than a literal,
 * which a 100,000-row import notices. The types make sure no parsed field is left out.
 */

function requestInsert(plan: PlannedRequest, accessCode: string, now: string, actor: Actor): RequestValues & requestsRepo.NewRequestRow {
  const v = plan.parsed.values;
  const createdBy = actor.userId;
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
    voidedOn: v.voidedOn,
    voidReason: v.voidReason,
    voidNote: v.voidNote,
    voidedBy: v.voidedOn ? actor.label : null,
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
