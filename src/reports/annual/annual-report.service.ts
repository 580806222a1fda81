/**
 * The annual public-information service report (Laporan Layanan Informasi Publik, Perki 1/2021
 * Pasal 56; UU 14/2008 Pasal 12): its narrative sections as drafts, handing it in (frozen with a
 * snapshot of figures and narrative), and corrections as new versions. Every change is audited
 * in its own transaction.
 */
import type { Db } from '../../db/client.js';
import type { AnnualReportRow } from '../../db/schema.js';
import { recordEvent, type Actor } from '../../audit/audit.repo.js';
import { AppError, invalid, notFound } from '../../shared/errors.js';
import { nowInstant } from '../../shared/dates.js';
import { prepareFiles, type IncomingFile } from '../../uploads/attachments.service.js';
import { moveIntoPlace, removeQuietly, storedPath } from '../../uploads/storage.js';
import * as repo from './annual-report.repo.js';
import { buildAnnualFigures, type AnnualFigures } from './figures.js';
import { scopeKey, type ReportScope } from './scope.js';
import { unitCode } from './annual-report.repo.js';
import type { NarrativeInput, SubmitInput } from './annual-report.schemas.js';

/** The four narrative sections of Pasal 56, in the report's order: (a), (b), (e), (f). */
export const NARRATIVE_KEYS = ['policy', 'implementation', 'obstacles', 'recommendations'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type Narrative = Record<NarrativeKey, string>;

export const NARRATIVE_LABELS: Record<NarrativeKey, string> = {
  policy: 'Kebijakan pelayanan informasi publik',
  implementation: 'Pelaksanaan pelayanan informasi publik (sarana dan prasarana, sumber daya manusia, anggaran)',
  obstacles: 'Kendala internal dan eksternal',
  recommendations: 'Rekomendasi dan rencana tindak lanjut',
};

/** The report's deadline: 31 March of the following year (Perki 1/2021 Pasal 56). */
export const dueDateOf = (year: number) => `${year + 1}-03-31`;

export interface Snapshot {
  figures: AnnualFigures;
  narrative: Narrative;
}

export interface AnnualReport {
  year: number;
  scope: string;
  /** The stored version, or null when nothing was saved yet (a draft carried over from last year). */
  row: AnnualReportRow | null;
  status: 'draft' | 'submitted';
  version: number;
  narrative: Narrative;
  /** The year the narrative was carried over from, when this draft has not been saved yet. */
  carriedFrom: number | null;
  figures: AnnualFigures;
  versions: AnnualReportRow[];
}

const narrativeOf = (row: AnnualReportRow): Narrative => ({
  policy: row.policy, implementation: row.implementation, obstacles: row.obstacles, recommendations: row.recommendations,
});
const EMPTY: Narrative = { policy: '', implementation: '', obstacles: '', recommendations: '' };

/** The narrative a new year's draft starts from: the previous year's newest version, if any. */
function carriedOver(db: Db, year: number, scope: string): { narrative: Narrative; from: number | null } {
  const prev = repo.latestVersion(db, year - 1, scope);
  return prev ? { narrative: narrativeOf(prev), from: year - 1 } : { narrative: EMPTY, from: null };
}

export function parseSnapshot(row: AnnualReportRow): Snapshot {
  if (!row.snapshot) throw new Error(`annual report ${row.id} has no snapshot`);
  return JSON.parse(row.snapshot) as Snapshot;
}

/**
 * A year's report as it stands: the newest version (or the version asked for). A handed-in
 * version shows its snapshot, never today's figures; a draft shows the register as it is now.
 */
export function getAnnualReport(db: Db, opts: { year: number; today: string; scope?: ReportScope; version?: number }): AnnualReport {
  const scope = scopeKey(opts.scope);
  const row = opts.version ? repo.versionOf(db, opts.year, scope, opts.version) : repo.latestVersion(db, opts.year, scope);
  if (opts.version && !row) throw notFound('Versi laporan');
  const versions = repo.versionsOf(db, opts.year, scope);
  if (row?.status === 'submitted') {
    const snap = parseSnapshot(row);
    return { year: opts.year, scope, row, status: 'submitted', version: row.version, narrative: snap.narrative, carriedFrom: null, figures: snap.figures, versions };
  }
  const figures = buildAnnualFigures(db, opts.year, { today: opts.today, scope: opts.scope });
  if (row) return { year: opts.year, scope, row, status: 'draft', version: row.version, narrative: narrativeOf(row), carriedFrom: null, figures, versions };
  const carried = carriedOver(db, opts.year, scope);
  return { year: opts.year, scope, row: null, status: 'draft', version: 1, narrative: carried.narrative, carriedFrom: carried.from, figures, versions };
}

const frozen = () => new AppError('conflict', 'Laporan versi ini sudah diserahkan dan dibekukan. Buat versi koreksi untuk mengubahnya.');

/** Saves the narrative of the year's draft (creating version 1 on the first save). */
export function saveNarrative({ db, actor, year, scope, input }: { db: Db; actor: Actor; year: number; scope?: ReportScope; input: NarrativeInput }): AnnualReportRow {
  const key = scopeKey(scope);
  return db.transaction((tx) => {
    const latest = repo.latestVersion(tx, year, key);
    if (latest?.status === 'submitted') throw frozen();
    const now = nowInstant();
    const before = latest ? narrativeOf(latest) : null;
    const row = latest
      ? repo.updateReport(tx, latest.id, { ...input, updatedAt: now })
      : repo.insertReport(tx, { year, scope: key, version: 1, status: 'draft', ...input, createdBy: actor.userId, createdAt: now, updatedAt: now });
    const changed = NARRATIVE_KEYS.filter((k) => (before?.[k] ?? '') !== input[k]);
    recordEvent(tx, actor, {
      action: 'annual_report.save', entityType: 'annual_report', entityId: row.id,
      summary: `Laporan tahunan ${year} versi ${row.version}: narasi disimpan${changed.length ? ` (${changed.map((k) => NARRATIVE_LABELS[k].split(' (')[0]).join(', ')})` : ' tanpa perubahan'}`,
      before: before ? Object.fromEntries(changed.map((k) => [k, before[k]])) : null,
      after: Object.fromEntries(changed.map((k) => [k, input[k]])),
    });
    return row;
  });
}

/**
 * Hands the report in: records when and to whom, keeps the proof (a file checked by its content,
 * as every upload), and freezes the version with a snapshot of its figures and narrative.
 */
export async function submitReport({ db, actor, year, scope, today, uploadDir, input, proof }: {
  db: Db; actor: Actor; year: number; scope?: ReportScope; today: string; uploadDir: string; input: SubmitInput; proof: IncomingFile | null;
}): Promise<AnnualReportRow> {
  if (input.submittedOn <= `${year}-12-31` || input.submittedOn > today) {
    throw invalid({ submittedOn: `Tanggal penyerahan harus sesudah tahun ${year} berakhir dan tidak sesudah hari ini.` });
  }
  if (!proof) throw new AppError('validation', 'Lampirkan bukti penyerahan (tanda terima, surat pengantar atau surel).', { proof: 'Wajib dilampirkan.' });
  const [file] = await prepareFiles([proof]);
  const key = scopeKey(scope);
  const row = db.transaction((tx) => {
    let latest = repo.latestVersion(tx, year, key);
    if (latest?.status === 'submitted') throw frozen();
    const now = nowInstant();
    if (!latest) {
      latest = repo.insertReport(tx, { year, scope: key, version: 1, status: 'draft', ...carriedOver(db, year, key).narrative, createdBy: actor.userId, createdAt: now, updatedAt: now });
    }
    const snapshot: Snapshot = { figures: buildAnnualFigures(db, year, { today, scope }), narrative: narrativeOf(latest) };
    const saved = repo.updateReport(tx, latest.id, {
      status: 'submitted', submittedOn: input.submittedOn, submittedTo: input.submittedTo, submissionNote: input.note,
      proofStoredName: file.storedName, proofOriginalName: file.originalName, proofMediaType: file.mediaType, proofSizeBytes: file.file.size,
      proofSha256: file.sha256, snapshot: JSON.stringify(snapshot), submittedBy: actor.userId, updatedAt: now,
    });
    recordEvent(tx, actor, {
      action: 'annual_report.submit', entityType: 'annual_report', entityId: saved.id,
      summary: `Laporan tahunan ${year} versi ${saved.version} diserahkan kepada ${input.submittedTo} pada ${input.submittedOn}; bukti: ${file.originalName}`,
      after: { submittedOn: input.submittedOn, submittedTo: input.submittedTo, note: input.note, proof: { name: file.originalName, sha256: file.sha256 }, requests: snapshot.figures.service.requests },
    });
    return saved;
  });
  try {
    await moveIntoPlace(uploadDir, file.file.tempPath, file.storedName);
  } catch (err) {
    await removeQuietly([storedPath(uploadDir, file.storedName)]);
    throw err;
  }
  return row;
}

/** A correction of a handed-in report: a new draft version starting from its narrative; the old one stays. */
export function startCorrection({ db, actor, year, scope, reason }: { db: Db; actor: Actor; year: number; scope?: ReportScope; reason: string }): AnnualReportRow {
  const key = scopeKey(scope);
  return db.transaction((tx) => {
    const latest = repo.latestVersion(tx, year, key);
    if (!latest || latest.status !== 'submitted') throw new AppError('conflict', 'Hanya laporan yang sudah diserahkan yang dikoreksi dengan versi baru; draf dapat langsung diubah.');
    const now = nowInstant();
    const row = repo.insertReport(tx, {
      year, scope: key, version: latest.version + 1, status: 'draft', ...narrativeOf(latest), correctionReason: reason,
      createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    recordEvent(tx, actor, {
      action: 'annual_report.correct', entityType: 'annual_report', entityId: row.id,
      summary: `Laporan tahunan ${year}: versi ${row.version} dibuat untuk mengoreksi versi ${latest.version} (${reason})`,
      before: { version: latest.version }, after: { version: row.version, reason },
    });
    return row;
  });
}

/** Every handed-in version (the public list and the dashboard read it). */
export const submittedReports = (db: Db, scope?: ReportScope) => repo.submittedReports(db, scopeKey(scope));

/** Whether the consolidated report of `year` was handed in. */
export const isSubmitted = (db: Db, year: number) => repo.isSubmitted(db, year, scopeKey(undefined));

/** Every handed-in version of every scope: the consolidated reports first, then the Utama's own and each Pelaksana's. */
export function allSubmittedReports(db: Db): AnnualReportRow[] {
  return repo.allSubmittedReports(db).sort((a, b) => Number(a.scope !== '') - Number(b.scope !== '') || a.scope.localeCompare(b.scope) || b.year - a.year || b.version - a.version);
}

/** The `?unit=` code of a stored scope key ('' consolidated; a Pelaksana by its unit's current code). */
export function scopeCodeOfKey(db: Db, key: string): string {
  if (!key) return '';
  if (key === 'utama') return 'utama';
  const m = /^unit:(\d{1,12})$/.exec(key);
  return (m && unitCode(db, Number(m[1]))) ?? '';
}

/** A handed-in version of a scope's report (the newest, or `version`). */
export function findSubmitted(db: Db, year: number, version?: number, scope?: ReportScope): AnnualReportRow {
  const rows = repo.submittedReports(db, scopeKey(scope)).filter((r) => r.year === year && (version === undefined || r.version === version));
  if (!rows.length) throw notFound('Laporan tahunan');
  return rows[0];
}

export function getReportById(db: Db, id: number): AnnualReportRow {
  const row = repo.findReport(db, id);
  if (!row) throw notFound('Laporan tahunan');
  return row;
}

export const serviceStandard = (db: Db) => repo.currentServiceStandard(db);

/** Saves a new text of the service standard (the old one stays in the table and the audit log). */
export function updateServiceStandard({ db, actor, text }: { db: Db; actor: Actor; text: string }): void {
  db.transaction((tx) => {
    const before = repo.currentServiceStandard(tx);
    if ((before?.text ?? '') === text) return;
    repo.insertServiceStandard(tx, { text, createdBy: actor.userId, createdAt: nowInstant() });
    recordEvent(tx, actor, {
      action: 'service_standard.update', entityType: 'service_standard',
      summary: `Standar layanan diubah (${text.length} karakter)`, before: { text: before?.text ?? '' }, after: { text },
    });
  });
}
