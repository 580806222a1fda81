/**
 * Attachments: the papers behind a request, its decision and its objections. A file is checked
 * by its content, recorded in one transaction with its audit entry, and only then moved into
 * place; nothing half-done survives a failure.
 */
import type { Db, Tx } from '../db/client.js';
import type { AttachmentRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, invalid, notFound } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import { findRequest } from '../requests/requests.repo.js';
import { findObjection } from '../objections/objections.repo.js';
import * as repo from './attachments.repo.js';
import { checkFile, sanitiseFileName } from './file-check.js';
import { moveIntoPlace, newStoredName, removeQuietly, sha256OfFile, storedPath } from './storage.js';
import { ATTACHMENT_KINDS, PUBLIC_KINDS, type AttachmentKind, type AttachmentTarget } from './vocabulary.js';

export interface IncomingFile {
  /** Where multer put it (a random name in uploads/tmp). */
  tempPath: string;
  originalName: string;
  size: number;
}

export interface UploadInput {
  requestId: number;
  target: AttachmentTarget;
  objectionId: number | null;
  kind: AttachmentKind;
  note: string;
  files: IncomingFile[];
}

export interface PreparedFile {
  file: IncomingFile;
  storedName: string;
  originalName: string;
  mediaType: string;
  sha256: string;
}

/** Checks every file by its content and hashes it. Every file must pass, or none is kept. */
export async function prepareFiles(files: IncomingFile[]): Promise<PreparedFile[]> {
  const checked = await Promise.all(files.map(async (f) => ({ file: f, verdict: await checkFile(f.tempPath, f.originalName, f.size) })));
  const refused = checked.flatMap((c) => (c.verdict.ok ? [] : [c.verdict.message]));
  if (refused.length) throw invalid({ files: refused.join(' ') }, 'Berkas ditolak; tidak ada yang disimpan.');
  return Promise.all(
    checked.map(async ({ file, verdict }) => {
      if (!verdict.ok) throw new Error('unreachable');
      return {
        file,
        storedName: newStoredName(),
        originalName: sanitiseFileName(file.originalName, verdict.ext),
        mediaType: verdict.mediaType,
        sha256: await sha256OfFile(file.tempPath),
      };
    }),
  );
}

/** Writes the rows and their audit entry inside the caller's transaction. */
export function recordAttachments(
  tx: Tx,
  actor: Actor,
  input: Omit<UploadInput, 'files'>,
  prepared: PreparedFile[],
  fromPublic = false,
): AttachmentRow[] {
  const request = findRequest(tx, input.requestId);
  if (!request) throw notFound('Permohonan');
  if (input.target === 'objection') {
    const o = input.objectionId ? findObjection(tx, input.objectionId) : undefined;
    if (!o || o.requestId !== input.requestId) throw invalid({ target: 'Keberatan tidak ditemukan pada permohonan ini.' });
  }
  if (input.target === 'decision' && !request.outcome) throw invalid({ target: 'Permohonan ini belum diputus.' });
  const now = nowInstant();
  const inserted = prepared.map((p) =>
    repo.insertAttachment(tx, {
      requestId: input.requestId,
      target: input.target,
      objectionId: input.target === 'objection' ? input.objectionId : null,
      kind: input.kind,
      originalName: p.originalName,
      storedName: p.storedName,
      sizeBytes: p.file.size,
      mediaType: p.mediaType,
      sha256: p.sha256,
      note: input.note,
      uploadedBy: actor.userId,
      uploadedByPublic: fromPublic,
      uploadedAt: now,
    }),
  );
  recordEvent(tx, actor, {
    action: 'attachment.upload', entityType: 'request', entityId: input.requestId,
    summary: `${inserted.length} berkas diunggah (${ATTACHMENT_KINDS[input.kind]}): ${inserted.map((a) => a.originalName).join(', ')}`,
    after: inserted.map((a) => ({ id: a.id, name: a.originalName, kind: a.kind, size: a.sizeBytes, sha256: a.sha256 })),
  });
  return inserted;
}

/**
 * Moves committed files from the temp folder into place. If that fails, the rows are taken
 * back out, so the register never points at a file that is not there.
 */
export async function placeFiles(db: Db, actor: Actor, uploadDir: string, prepared: PreparedFile[], rows: AttachmentRow[]): Promise<void> {
  try {
    for (const [i, p] of prepared.entries()) await moveIntoPlace(uploadDir, p.file.tempPath, rows[i].storedName);
  } catch (err) {
    await removeQuietly(rows.map((r) => storedPath(uploadDir, r.storedName)));
    db.transaction((tx) => {
      repo.deleteAttachmentRows(tx, rows.map((r) => r.id));
      recordEvent(tx, actor, {
        action: 'attachment.rollback', entityType: 'request', entityId: rows[0]?.requestId ?? null,
        summary: `Unggahan dibatalkan: berkas gagal disimpan (${(err as Error).message})`,
      });
    });
    throw new AppError('validation', 'Berkas gagal disimpan di server; tidak ada yang tersimpan. Coba lagi.');
  }
}

/**
 * Checks and stores files: content check, one transaction with the audit entry, then the move
 * into place. The caller removes the temp files afterwards whatever happened.
 */
export async function addAttachments({ db, actor, uploadDir, input }: {
  db: Db; actor: Actor; uploadDir: string; input: UploadInput;
}): Promise<AttachmentRow[]> {
  if (input.files.length === 0) throw invalid({ files: 'Pilih minimal satu berkas.' }, 'Tidak ada berkas yang diunggah.');
  const prepared = await prepareFiles(input.files);
  const rows = db.transaction((tx) => recordAttachments(tx, actor, input, prepared));
  await placeFiles(db, actor, uploadDir, prepared, rows);
  return rows;
}

/** A staff download: the row, the path on disk, and an audit entry. */
export function openForStaff(db: Db, actor: Actor, uploadDir: string, id: number): { row: AttachmentRow; path: string } {
  const row = repo.findAttachment(db, id);
  if (!row || row.purgedAt) throw notFound('Berkas');
  db.transaction((tx) => {
    recordEvent(tx, actor, {
      action: 'attachment.download', entityType: 'request', entityId: row.requestId,
      summary: `Berkas diunduh: ${row.originalName}${row.deletedAt ? ' (sudah dihapus)' : ''}`,
    });
  });
  return { row, path: storedPath(uploadDir, row.storedName) };
}

/**
 * The requester's download through the status page: only what was sent to them (written notice,
 * released documents), only for the request they proved access to.
 */
export function openForRequester(db: Db, uploadDir: string, id: number, allowedRequestIds: number[]): { row: AttachmentRow; path: string } {
  const row = repo.findAttachment(db, id);
  if (!row || row.deletedAt || row.purgedAt || !allowedRequestIds.includes(row.requestId) || !PUBLIC_KINDS.includes(row.kind)) {
    throw notFound('Berkas');
  }
  return { row, path: storedPath(uploadDir, row.storedName) };
}

/** Soft delete: hidden from lists, kept on disk and in the database, audited. */
export function removeAttachment(db: Db, actor: Actor, id: number, reason: string): AttachmentRow {
  return db.transaction((tx) => {
    const row = repo.findAttachment(tx, id);
    if (!row || row.purgedAt) throw notFound('Berkas');
    if (row.deletedAt) throw invalid({ reason: 'Berkas ini sudah dihapus.' });
    const after = repo.updateAttachment(tx, id, { deletedAt: nowInstant(), deletedBy: actor.userId });
    recordEvent(tx, actor, {
      action: 'attachment.delete', entityType: 'request', entityId: row.requestId,
      summary: `Berkas dihapus: ${row.originalName}${reason ? ` — ${reason}` : ''}`,
      before: { id, deletedAt: null }, after: { id, deletedAt: after.deletedAt },
    });
    return after;
  });
}

/** Admin only: removes a soft-deleted file from disk for good; the row stays as a record. */
export async function purgeAttachment(db: Db, actor: Actor, uploadDir: string, id: number): Promise<AttachmentRow> {
  const row = db.transaction((tx) => {
    const r = repo.findAttachment(tx, id);
    if (!r || r.purgedAt) throw notFound('Berkas');
    if (!r.deletedAt) throw invalid({ reason: 'Hapus berkas terlebih dahulu sebelum dimusnahkan.' });
    repo.updateAttachment(tx, id, { purgedAt: nowInstant() });
    recordEvent(tx, actor, {
      action: 'attachment.purge', entityType: 'request', entityId: r.requestId,
      summary: `Berkas dimusnahkan: ${r.originalName} (sha256 ${r.sha256.slice(0, 12)}…)`,
    });
    return r;
  });
  await removeQuietly([storedPath(uploadDir, row.storedName)]);
  return row;
}

export function attachmentsOfRequest(db: Db, requestId: number): AttachmentRow[] {
  return repo.visibleAttachmentsOfRequest(db, requestId);
}

export function publicAttachmentsOfRequest(db: Db, requestId: number): AttachmentRow[] {
  return repo.visibleAttachmentsOfRequest(db, requestId, PUBLIC_KINDS);
}

export function removedAttachmentsOfRequest(db: Db, requestId: number): AttachmentRow[] {
  return repo.removedAttachmentsOfRequest(db, requestId);
}
