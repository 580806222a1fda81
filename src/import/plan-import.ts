/**
 * Planning: the checks that need the database and the calendar, and the numbers and deadlines
 * of each request to write. Reads the database (in a few batched queries), writes nothing.
 *
 * - When a number follows the office's pattern, its sequence is stored too, so numbers given
 *   later continue after it (numbering nextNumber); a sequence already taken is an error.
 * - Deadlines, service days and objection windows are derived exactly as for requests entered
 *   by hand (computeDeadlines, objectionDates), from the holiday calendar.
 */
import type { Tx } from '../db/client.js';
import { formatDate, MONTHS_ID } from '../shared/dates.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import type { Settings } from '../settings/settings.repo.js';
import { computeDeadlines, type Deadlines } from '../requests/deadlines.js';
import * as requestsRepo from '../requests/requests.repo.js';
import * as objectionsRepo from '../objections/objections.repo.js';
import { lateFilingRule, objectionDates, type ObjectionDates } from '../objections/objection-rules.js';
import { extensionInTimeRule } from '../requests/request-status.js';
import { Findings } from '../shared/rules.js';
import type { ParsedObjection, ParsedRequest, ParseResult } from './parsed-values.js';
import { parseNumber } from '../numbering/numbering.js';
import { planLetterNumbers } from './letter-numbers.js';
import { codeOrNull } from '../vocabulary/keys.js';
import { OUTCOMES } from '../vocabulary/requests.js';
import { COLUMN_BY_KEY } from './register-columns.js';
import type { ProblemLog } from './problems.js';

export interface PlannedObjection {
  parsed: ParsedObjection;
  number: string | null;
  year: number;
  seq: number | null;
  dates: ObjectionDates;
}

export interface PlannedRequest {
  parsed: ParsedRequest;
  year: number;
  seq: number | null;
  deadlines: Deadlines;
  objections: PlannedObjection[];
}

const L = (key: keyof typeof COLUMN_BY_KEY) => COLUMN_BY_KEY[key].label;

/** Plans every request of the file; problems go to `log` (a plan whose rows have errors is still returned). */
export function planImport(o: {
  tx: Tx; parsed: ParseResult; settings: Settings; cal: WorkingCalendar; log: ProblemLog; today: string;
}): PlannedRequest[] {
  const { tx, parsed, settings, cal, log, today } = o;
  for (const orphan of parsed.orphans) {
    if (orphan.number) {
      log.error(orphan.row, L('number'), `Tidak ada baris permohonan bernomor "${orphan.number}" di berkas ini; baris keberatan lanjutan harus memakai nomor permohonan yang ada.`);
    }
  }
  const lookups = lookUp(tx, parsed, settings);
  planLetterNumbers(tx, parsed.requests, settings, log);
  const plans: PlannedRequest[] = [];
  const requestSeqs = new Map<string, { row: number; number: string }>();
  const objectionSeqs = new Map<string, number>();
  for (const p of parsed.requests) {
    const plan = planRequest(lookups, p, settings, cal, requestSeqs, objectionSeqs, log, today);
    if (plan) plans.push(plan);
  }
  return plans;
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
      const parts = parseNumber(settings.registration_pattern, p.number);
      if (parts && (parts.year === null || parts.year === year)) add(requestSeqs, year, parts.seq);
    }
    for (const o of p.objections) {
      const { filedOn, registrationNumber } = o.values;
      if (!filedOn || !registrationNumber) continue;
      objectionNumbers.push(registrationNumber);
      const year = Number(filedOn.slice(0, 4));
      const op = parseNumber(settings.objection_pattern, registrationNumber);
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
  const parts = parseNumber(settings.registration_pattern, p.number);
  const error = (row: number, column: string, message: string) => log.error(row, column, message);
  const warn = (row: number, column: string, message: string) => log.warn(row, column, message);
  /** The domain rules' findings in history mode, under the column of each field. */
  const report = (findings: Findings, row: number) => {
    for (const [field, message] of Object.entries(findings.errors)) error(row, L(field as keyof typeof COLUMN_BY_KEY), message);
    for (const [field, message] of Object.entries(findings.warnings)) warn(row, L(field as keyof typeof COLUMN_BY_KEY), message);
  };
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
  const history = new Findings('history');
  if (v.extendedOn) extensionInTimeRule(history, deadlines.originalDueOn, v.extendedOn);
  report(history, p.row);
  if (!v.outcome && deadlines.dueOn < today) {
    warn(p.row, L('outcome'), `Belum diputus dan tenggatnya (${formatDate(deadlines.dueOn)}) sudah lewat: akan tampil "lewat tenggat" di register sampai putusannya dicatat.`);
  }
  const facts = { receivedOn: v.receivedOn, dueOn: deadlines.dueOn, outcome: codeOrNull(OUTCOMES, v.outcome), decidedOn: v.decidedOn, reasonExempt: v.reasonExempt, withdrawn: v.withdrawn };
  const objections: PlannedObjection[] = [];
  for (const o of p.objections) {
    const ov = o.values;
    if (!ov.filedOn) continue;
    const oYear = Number(ov.filedOn.slice(0, 4));
    let oSeq: number | null = null;
    if (ov.registrationNumber) {
      const taken = lookups.objectionNumbersTaken.has(ov.registrationNumber);
      if (taken) error(o.row, L('objectionNumber'), `Nomor keberatan ${ov.registrationNumber} sudah dipakai di basis data.`);
      const op = parseNumber(settings.objection_pattern, ov.registrationNumber);
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
    const late = new Findings('history');
    lateFilingRule(late, dates, ov.lateNote);
    report(late, o.row);
    objections.push({ parsed: o, number: ov.registrationNumber, year: oYear, seq: oSeq, dates });
  }
  return { parsed: p, year, seq, deadlines, objections };
}
