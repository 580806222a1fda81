/**
 * Consistent backups while the app runs: a snapshot of the database (`VACUUM INTO`, one read
 * transaction, so it completes however busy the app is), the uploaded files, and a manifest with
 * their SHA-256, packed into one .tar.gz (mode 0600). Restoring checks every hash, the
 * database's integrity and the audit chain (with the audit key, and against the anchors it
 * covers) before it touches the live data. The audit key is never in a backup.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';
import { openDb, type Db } from '../db/client.js';
import { recordEvent, verifyChain } from '../audit/audit.repo.js';
import { ANCHOR_FILE, anchorChain, readAnchors } from '../audit/anchors.js';
import { sha256OfFile } from '../uploads/storage.js';

export interface BackupManifest {
  format: 'ppid-backup/1';
  createdAt: string;
  counts: { requests: number; objections: number; attachments: number; auditEntries: number };
  database: { file: 'ppid.db'; sha256: string };
  files: { name: string; size: number; sha256: string }[];
  /** Attachments the database refers to whose file was not found (should be empty). */
  missingFiles: string[];
}

const STORED_NAME = /^[0-9a-f]{32}$/;

function count(client: Database.Database, table: string): number {
  return (client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

/** Makes a backup of the running app's data into `file` (.tar.gz). */
export async function createBackup({ db, uploadDir, file }: { db: Db; uploadDir: string; file: string }): Promise<BackupManifest> {
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'ppid-backup-'));
  try {
    const dbCopy = path.join(work, 'ppid.db');
    // One read transaction over a WAL snapshot: writers go on meanwhile and, unlike the
    // page-by-page online backup (which starts over whenever another connection writes), it
    // always completes. Its time grows with the database's size only.
    db.$client.prepare('VACUUM INTO ?').run(dbCopy);
    const snapshot = new Database(dbCopy, { readonly: true });
    let referenced: string[];
    let counts: BackupManifest['counts'];
    try {
      referenced = (snapshot.prepare('select stored_name as n from attachments where purged_at is null').all() as { n: string }[]).map((r) => r.n);
      counts = {
        requests: count(snapshot, 'requests'),
        objections: count(snapshot, 'objections'),
        attachments: referenced.length,
        auditEntries: count(snapshot, 'audit_log'),
      };
    } finally {
      snapshot.close();
    }
    // Files are only ever added under new names or purged, so copying after the database
    // snapshot finds every file it refers to.
    await fsp.mkdir(path.join(work, 'uploads'));
    const files: BackupManifest['files'] = [];
    const missingFiles: string[] = [];
    for (const name of referenced) {
      const src = path.join(uploadDir, name);
      if (!STORED_NAME.test(name) || !fs.existsSync(src)) {
        missingFiles.push(name);
        continue;
      }
      const dest = path.join(work, 'uploads', name);
      await fsp.copyFile(src, dest);
      files.push({ name, size: (await fsp.stat(dest)).size, sha256: await sha256OfFile(dest) });
    }
    const manifest: BackupManifest = {
      format: 'ppid-backup/1',
      createdAt: new Date().toISOString(),
      counts,
      database: { file: 'ppid.db', sha256: await sha256OfFile(dbCopy) },
      files,
      missingFiles,
    };
    await fsp.writeFile(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 1));
    await fsp.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    // Created owner-only before anything is written into it: it holds personal data.
    await fsp.writeFile(file, '', { mode: 0o600 });
    await fsp.chmod(file, 0o600);
    await tar.c({ gzip: true, file, cwd: work, portable: true }, ['manifest.json', 'ppid.db', 'uploads']);
    return manifest;
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}

export class RestoreError extends Error {}

/** Checks a backup file without changing anything; returns its manifest and where it was unpacked. */
async function unpackAndCheck(file: string, auditKey: string, anchorsFile?: string): Promise<{ work: string; manifest: BackupManifest }> {
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'ppid-restore-'));
  try {
    await tar.x({ file, cwd: work, strict: true, filter: (p) => /^(manifest\.json|ppid\.db|uploads\/?([0-9a-f]{32})?)$/.test(p) });
    const manifestPath = path.join(work, 'manifest.json');
    if (!fs.existsSync(manifestPath)) throw new RestoreError('Berkas cadangan tidak berisi manifest.json.');
    const manifest = JSON.parse(await fsp.readFile(manifestPath, 'utf8')) as BackupManifest;
    if (manifest.format !== 'ppid-backup/1') throw new RestoreError('Format berkas cadangan tidak dikenal.');
    const dbFile = path.join(work, 'ppid.db');
    if (!fs.existsSync(dbFile) || (await sha256OfFile(dbFile)) !== manifest.database.sha256) {
      throw new RestoreError('Basis data dalam cadangan rusak (SHA-256 tidak cocok).');
    }
    for (const f of manifest.files) {
      const p = path.join(work, 'uploads', f.name);
      if (!STORED_NAME.test(f.name) || !fs.existsSync(p) || (await sha256OfFile(p)) !== f.sha256) {
        throw new RestoreError(`Berkas lampiran ${f.name} dalam cadangan rusak atau hilang.`);
      }
    }
    const check = openDb(dbFile, { auditKey });
    try {
      const integrity = check.$client.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new RestoreError(`Basis data dalam cadangan tidak utuh: ${String(integrity)}`);
      // Anchors up to the backup's newest entry must hold; later ones are after its moment.
      const head = (check.$client.prepare('select max(id) as n from audit_log').get() as { n: number | null }).n ?? 0;
      const anchors = anchorsFile ? readAnchors(anchorsFile).filter((a) => a.seq <= head) : [];
      const chain = verifyChain(check, anchors);
      if (!chain.ok) {
        throw new RestoreError(
          `Rantai log audit dalam cadangan terputus pada entri #${chain.firstBroken?.id}: ${chain.firstBroken?.problem} ` +
            '(Jika cadangan berasal dari instalasi lain, pakai kunci audit instalasi itu: PPID_AUDIT_KEY atau berkas audit-key.)',
        );
      }
      check.$client.pragma('journal_mode = DELETE');
    } finally {
      check.$client.close();
    }
    return { work, manifest };
  } catch (err) {
    await fsp.rm(work, { recursive: true, force: true });
    if (err instanceof RestoreError) throw err;
    throw new RestoreError(`Berkas cadangan tidak dapat dibaca: ${(err as Error).message}`);
  }
}

export async function verifyBackup(file: string, auditKey: string): Promise<BackupManifest> {
  const { work, manifest } = await unpackAndCheck(file, auditKey);
  await fsp.rm(work, { recursive: true, force: true });
  return manifest;
}

/**
 * Replaces the data folder's database and uploads with the backup's. The app must be stopped
 * (the CLI holds the data folder's lock meanwhile). What was there is kept beside it, renamed
 * `*.before-restore-<time>`, the anchor file included: the restored log starts a new anchor file
 * with its own head, after an "audit.restore" entry saying where it came from.
 */
export async function restoreBackup({ file, dbFile, uploadDir, auditKey }: {
  file: string; dbFile: string; uploadDir: string; auditKey: string;
}): Promise<BackupManifest> {
  const anchors = path.join(path.dirname(dbFile), ANCHOR_FILE);
  const { work, manifest } = await unpackAndCheck(file, auditKey, anchors);
  try {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(dbFile + suffix)) await fsp.rename(dbFile + suffix, `${dbFile}.before-restore-${stamp}${suffix}`);
    }
    if (fs.existsSync(uploadDir)) await fsp.rename(uploadDir, `${uploadDir}.before-restore-${stamp}`);
    if (fs.existsSync(anchors)) await fsp.rename(anchors, `${anchors}.before-restore-${stamp}`);
    await fsp.mkdir(path.dirname(dbFile), { recursive: true, mode: 0o700 });
    await fsp.copyFile(path.join(work, 'ppid.db'), dbFile);
    await fsp.chmod(dbFile, 0o600);
    await fsp.mkdir(path.join(uploadDir, 'tmp'), { recursive: true, mode: 0o700 });
    for (const f of manifest.files) {
      await fsp.copyFile(path.join(work, 'uploads', f.name), path.join(uploadDir, f.name));
      await fsp.chmod(path.join(uploadDir, f.name), 0o600);
    }
    const db = openDb(dbFile, { auditKey });
    try {
      db.transaction((tx) => {
        recordEvent(tx, { userId: null, label: 'cli' }, {
          action: 'audit.restore', entityType: 'audit',
          summary: `Data dipulihkan dari cadangan ${path.basename(file)} (dibuat ${manifest.createdAt}); data dan jangkar sebelumnya disimpan dengan akhiran .before-restore-${stamp}`,
        });
      });
      anchorChain(db, anchors, 'restore');
    } finally {
      db.$client.close();
    }
    return manifest;
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}
