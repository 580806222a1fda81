/**
 * Imports consultation history from a CRM export (CSV or XLSX) with the register import's
 * reading, limits and per-row report (src/import: readSheet, ProblemLog). Each row becomes a
 * ticket through the desk's own use cases (logConsultation, escalateConsultation,
 * answerConsultation), so it is numbered, given its service level and audited like any other.
 *
 * - One transaction for the file; each row in a savepoint, so a refused row leaves nothing.
 *   By default one wrong row stops all; "skip invalid" imports the rest. A dry run does all the
 *   work and rolls it back, so it checks exactly what an import would do.
 * - Idempotent: each row's key (the CRM's ticket number, or a digest of when, channel, user and
 *   question) is stored in consultation_imports; a key already there is "sudah ada" and skipped,
 *   so importing the same file twice adds nothing the second time. Tickets get the desk's own
 *   numbers; the CRM's number is kept beside the key.
 */
import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import type { Db, Tx } from '../db/client.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import { parseInput } from '../shared/validation.js';
import { readSheet } from '../import/import.service.js';
import { ProblemLog, type Problem } from '../import/problems.js';
import { answerConsultation, escalateConsultation, logConsultation } from '../desk/desk.service.js';
import { apiAnswerSchema, apiCreateSchema, apiEscalationSchema } from '../desk/desk.schemas.js';
import { CATEGORIES, CHANNELS, USER_TYPES } from '../desk/vocabulary.js';
import { deskLabels } from '../desk/desk-config.js';
import { cellText, mapHeader, toCode, toInstant, type ColumnKey } from './columns.js';
import { importedConsultation, rememberImport } from './consultation-imports.repo.js';

export interface ConsultationImportInput {
  db: Db;
  actor: Actor;
  zone: string;
  fileName: string;
  buffer: Buffer;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

export interface ConsultationImportReport {
  fileName: string;
  sha256: string;
  format: 'csv' | 'xlsx' | null;
  dryRun: boolean;
  dataRows: number;
  /** Tickets written (or, in a dry run, that would be). */
  imported: number;
  /** Rows skipped: imported before (or twice in the file). */
  existing: number;
  invalidRows: number;
  committed: boolean;
  errors: number;
  warnings: number;
  problems: Problem[];
  summary: string;
}

/** The instant in UTC, so one moment written two ways (with an offset, or in the office zone) is one key. */
function sameInstant(text: string, zone: string): string {
  const at = DateTime.fromISO(toInstant(text, zone), { setZone: true });
  return at.isValid ? at.toUTC().toISO({ suppressMilliseconds: true })! : text;
}

/** Undoes the transaction (dry run, or errors without "skip invalid") after the report is made. */
class Rollback extends Error {}

/** The desk's tickets are worked by desk staff: the import acts as one of them. */
const DESK_VIEWER = { role: 'supervisor' as const, unitId: null };

/**
 * A topic cell as a code: a code or a label of the topic list; anything else stays as written and
 * is refused per row ("Topik tidak dikenal", column topic).
 */
function topicCode(text: string, topics: Record<string, string>): string {
  if (!text) return '';
  const code = toCode(text, topics);
  return Object.hasOwn(topics, code) ? code : text;
}

const columnOf = (field: string): string => field.replace('user.', 'user_').replace(/^unitCode$/, 'unit_code');

function importRow(tx: Tx, actor: Actor, zone: string, get: (k: ColumnKey) => string): number {
  const db = tx as unknown as Db; // the desk's use cases open their own (nested: savepoint) transactions
  // Channel, category and topic: a code or its label in the admin's lists (unknown ones are refused by the desk's intake).
  const labels = deskLabels(tx);
  const input = parseInput(apiCreateSchema, {
    received_at: toInstant(get('received_at'), zone), channel: toCode(get('channel'), { ...CHANNELS, ...labels.channel }), category: toCode(get('category'), { ...CATEGORIES, ...labels.category }),
    topic: topicCode(get('topic'), labels.topic), question: get('question'), escalated: false,
    user: { name: get('user_name'), type: toCode(get('user_type'), USER_TYPES), institution: get('user_institution'), region_code: get('user_region_code'), email: get('user_email'), phone: get('user_phone') },
  });
  const fields: Record<string, string> = {};
  if (get('unit_code') && !get('escalated_at')) fields.escalated_at = 'Wajib diisi bila ada unit eskalasi.';
  if (get('escalated_at') && !get('unit_code')) fields.unit_code = 'Wajib diisi bila ada waktu eskalasi.';
  if (get('answer') && !get('answered_at')) fields.answered_at = 'Wajib diisi bila ada jawaban.';
  if (get('answered_at') && !get('answer')) fields.answer = 'Wajib diisi bila ada waktu jawaban.';
  if (Object.keys(fields).length) throw new AppError('validation', 'Periksa kembali isian yang ditandai.', fields);
  const ticket = logConsultation({ db, actor, zone, input });
  if (get('unit_code')) {
    const esc = parseInput(apiEscalationSchema, { unit_code: get('unit_code'), escalated_at: toInstant(get('escalated_at'), zone), note: '' });
    escalateConsultation({ db, actor, zone, input: esc, id: ticket.id });
  }
  if (get('answer')) {
    const ans = parseInput(apiAnswerSchema, { answered_at: toInstant(get('answered_at'), zone), answer: get('answer') });
    answerConsultation({ db, actor, zone, input: ans, id: ticket.id, viewer: DESK_VIEWER });
  }
  return ticket.id;
}

export async function importConsultations(input: ConsultationImportInput): Promise<ConsultationImportReport> {
  const { db, actor, zone, fileName, buffer, dryRun = false, skipInvalid = false } = input;
  const sha256 = crypto.createHash('sha256').update(buffer).digest('hex');
  const log = new ProblemLog();
  const base = { fileName, sha256, dryRun };
  const report = (format: ConsultationImportReport['format'], dataRows: number, counts: { imported: number; existing: number; committed: boolean }, summary: string): ConsultationImportReport => ({
    ...base, format, dataRows, ...counts, invalidRows: log.errorRows.size, errors: log.counts.error, warnings: log.counts.warning, problems: log.list(), summary,
  });
  const read = await readSheet(fileName, buffer);
  if ('error' in read) {
    log.error(null, null, read.error);
    return report(null, 0, { imported: 0, existing: 0, committed: false }, 'Berkas tidak dapat dibaca; tidak ada yang diimpor.');
  }
  const { format, header, rows } = read.sheet;
  const cols = mapHeader(header);
  if (cols.missing.length) log.error(null, null, `Kolom wajib tidak ada: ${cols.missing.join(', ')}. Gunakan nama kolom seperti pada halaman impor.`);
  if (!rows.length) log.error(null, null, 'Berkas tidak berisi baris data di bawah judul kolom.');
  if (log.hasErrors) return report(format, rows.length, { imported: 0, existing: 0, committed: false }, 'Kolom berkas tidak sesuai atau berkas kosong; tidak ada yang diimpor.');
  for (const h of cols.unknown) log.note(null, h, 'Kolom tidak dikenal; diabaikan.');

  let imported = 0;
  let existing = 0;
  let committed = false;
  let summary = '';
  try {
    db.transaction((tx) => {
      const seen = new Set<string>();
      for (const row of rows) {
        const get = (k: ColumnKey) => (cols.at[k] === undefined ? '' : cellText(row.cells[cols.at[k]!]));
        const crm = get('ticket_number');
        const key = crm ? `crm:${crm}` : `row:${crypto.createHash('sha256').update([sameInstant(get('received_at'), zone), get('channel'), get('user_name'), get('question')].join('\u0000')).digest('hex')}`;
        if (seen.has(key) || importedConsultation(tx, key) !== undefined) {
          existing++;
          log.note(row.rowNumber, crm ? 'ticket_number' : null, seen.has(key) ? 'Sama dengan baris sebelumnya di berkas ini; dilewati.' : 'Sudah diimpor sebelumnya; dilewati.');
          continue;
        }
        seen.add(key);
        try {
          tx.transaction((sp) => {
            const id = importRow(sp, actor, zone, get);
            rememberImport(sp, { sourceKey: key, consultationId: id, sourceTicketNumber: crm, fileSha256: sha256, importedAt: nowInstant() });
          });
          imported++;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const entries = Object.entries(e.fields);
          if (!entries.length) log.error(row.rowNumber, null, e.userMessage);
          for (const [field, message] of entries) log.error(row.rowNumber, columnOf(field), message);
        }
      }
      const bad = log.errorRows.size;
      const existingNote = existing ? `; ${existing} sudah ada dan dilewati` : '';
      if (bad && !skipInvalid) {
        summary = `Tidak ada yang diimpor: ${bad} baris bermasalah. Perbaiki yang ditandai lalu unggah lagi, atau pilih "lewati baris bermasalah".`;
        imported = 0;
        throw new Rollback();
      }
      const skipped = bad ? `; ${bad} baris bermasalah dilewati` : '';
      if (dryRun) {
        summary = `Pemeriksaan saja, belum ada yang disimpan: ${imported} konsultasi siap diimpor${existingNote}${skipped}.`;
        throw new Rollback();
      }
      summary = `${imported} konsultasi diimpor${existingNote}${skipped}.`;
      recordEvent(tx, actor, {
        action: 'import.consultations', entityType: 'import', entityId: sha256.slice(0, 16),
        summary: `Riwayat konsultasi diimpor dari "${fileName}": ${imported} konsultasi${existingNote}${skipped} (SHA-256 ${sha256})`,
        after: { file: fileName, sha256, format, rows: rows.length, imported, existing, invalidRows: bad },
      });
      committed = true;
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return report(format, rows.length, { imported, existing, committed }, summary);
}
