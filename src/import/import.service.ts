/**
 * Imports an office's existing register (CSV or XLSX) into the app: one transaction and one
 * audit entry for the whole file, so an import is either all there or not there at all.
 *
 * - Registration numbers are kept. When a number follows the office's pattern, its sequence is
 *   stored too, so numbers given later continue after it (numbering nextNumber).
 * - A number already in the database is skipped as "sudah ada": importing a file twice adds
 *   nothing the second time.
 * - Deadlines, service days and objection windows are derived exactly as for requests
 *   entered by hand (computeDeadlines, objectionDates), from the holiday calendar.
 * - Past decisions are taken as recorded (see request-row.ts): what a new decision would need
 *   is reported as a warning, not refused. decideRequest's checks are deliberately not used.
 *
 * The steps, one file each: read-file.ts / read-csv.ts / zip.ts (bytes → header and cells),
 * parse-rows.ts with row-reader.ts, request-row.ts and objection-row.ts (cells → values and
 * problems), plan-import.ts (numbers, deadlines, checks against the database), write-import.ts
 * (the INSERTs). This file holds them together in one transaction and writes the audit entry.
 */
import crypto from 'node:crypto';
import { withPageCache, type Db, type Tx } from '../db/client.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError } from '../shared/errors.js';
import { todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { getSettings } from '../settings/settings.repo.js';
import * as requestsRepo from '../requests/requests.repo.js';
import { readRegisterFile, type SheetData } from './read-file.js';
import { parseRows, type ParseResult, type Problem } from './parse-rows.js';
import { ProblemLog } from './problems.js';
import { planImport, type PlannedRequest } from './plan-import.js';
import { writePlans } from './write-import.js';

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


/**
 * Reads the file. Anything that goes wrong while reading (a damaged or hostile file) becomes
 * an Indonesian message in the report, never an exception that reaches the page as a 500.
 */
export async function readSheet(fileName: string, buffer: Buffer): Promise<{ error: string } | { sheet: SheetData }> {
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

  return withPageCache(db, 64, () => db.transaction((tx) => {
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

    const settings = getSettings(tx);
    const plans = planImport({ tx, parsed, settings, cal: loadCalendar(tx), log, today });

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

    const { numbers, dikEntries } = writePlans(tx, actor, ok, settings, log);
    const objectionCount = ok.reduce((n, plan) => n + plan.objections.length, 0);
    const dikNote = dikEntries ? `, ${dikEntries} entri DIK` : '';
    const report = finish(true, ok, `${ok.length} permohonan diimpor (${objectionCount} keberatan${dikNote})${existingNote}${skippedNote}.`);
    recordEvent(tx, actor, {
      action: 'import.register',
      entityType: 'import',
      entityId: sha256.slice(0, 16),
      summary: `Register diimpor dari "${fileName}": ${ok.length} permohonan, ${objectionCount} keberatan${dikNote}${existingNote}${skippedNote} (SHA-256 ${sha256})`,
      after: {
        file: fileName, sha256, format, rows: parsed.dataRows,
        imported: ok.length, objections: objectionCount, dikEntries, existing, invalidRows: errorRows.size, warnings: report.warnings,
        numbers,
      },
    });
    return report;
  }));
}
