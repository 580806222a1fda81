/**
 * Start-up reconciliation of uploads, run before the server listens (so no upload is in
 * flight): makes the attachment rows and the files on disk agree after a crash.
 *
 * An upload writes its temp file, commits its rows and audit entry, then moves the file into
 * place. Killed before the commit, it leaves only a temp file: removed. Killed between the
 * commit and the move, it leaves a committed row whose file is still in uploads/tmp: the file is
 * found by its size and SHA-256 and moved into place, so the audited upload is true. A row whose
 * file is nowhere (deleted by hand, a disk fault) is marked removed and purged, with an audit
 * entry by "system" naming the file, so the register never offers a file that is not there and
 * the log says why. Every temp file left afterwards is removed.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/client.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { nowInstant } from '../shared/dates.js';
import * as repo from './attachments.repo.js';
import { ensureUploadDirs, moveIntoPlace, sha256OfFile, storedPath, tempDir } from './storage.js';

const SYSTEM: Actor = { userId: null, label: 'system' };

export interface ReconcileReport {
  /** Committed uploads whose file was moved into place from uploads/tmp. */
  completed: number;
  /** Rows whose file was nowhere: marked removed and purged, audited. */
  missing: number;
  /** Temp files removed. */
  tempRemoved: number;
}

export async function reconcileUploads(db: Db, uploadDir: string): Promise<ReconcileReport> {
  ensureUploadDirs(uploadDir);
  const tmp = tempDir(uploadDir);
  const report: ReconcileReport = { completed: 0, missing: 0, tempRemoved: 0 };
  const absent = repo.unpurgedAttachments(db).filter((row) => !fs.existsSync(storedPath(uploadDir, row.storedName)));
  if (absent.length) {
    // Temp files by size, hashed only when a missing row has that size.
    const temps = (await fsp.readdir(tmp, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(tmp, e.name));
    const sized = await Promise.all(temps.map(async (file) => ({ file, size: (await fsp.stat(file)).size, sha: null as string | null })));
    for (const row of absent) {
      let found: string | null = null;
      for (const t of sized) {
        if (t.size !== row.sizeBytes || !fs.existsSync(t.file)) continue;
        t.sha ??= await sha256OfFile(t.file);
        if (t.sha === row.sha256) {
          found = t.file;
          break;
        }
      }
      if (found) {
        await moveIntoPlace(uploadDir, found, row.storedName);
        report.completed++;
        continue;
      }
      db.transaction((tx) => {
        const now = nowInstant();
        repo.updateAttachment(tx, row.id, { deletedAt: row.deletedAt ?? now, purgedAt: now });
        recordEvent(tx, SYSTEM, {
          action: 'attachment.file_missing', entityType: 'request', entityId: row.requestId,
          summary: `Berkas tidak ditemukan di penyimpanan saat aplikasi dimulai: ${row.originalName} (sha256 ${row.sha256.slice(0, 12)}…); ditandai hilang`,
          before: { id: row.id, deletedAt: row.deletedAt, purgedAt: null }, after: { id: row.id, purgedAt: now, fileMissing: true },
        });
      });
      report.missing++;
    }
  }
  if (report.completed) {
    db.transaction((tx) => {
      recordEvent(tx, SYSTEM, {
        action: 'attachment.recover', entityType: 'attachment',
        summary: `${report.completed} berkas dari unggahan yang terputus setelah tercatat dipindahkan ke tempatnya saat aplikasi dimulai`,
      });
    });
  }
  for (const entry of await fsp.readdir(tmp, { withFileTypes: true })) {
    await fsp.rm(path.join(tmp, entry.name), { recursive: true, force: true });
    report.tempRemoved++;
  }
  return report;
}
