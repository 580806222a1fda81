/**
 * The data folder's lock and file modes. The server holds PPID_DATA_DIR/ppid.lock (created with
 * O_EXCL, holding its pid) for as long as it runs; `restore` and a second server on the same
 * folder refuse to start while it is held. A lock left by a process that no longer exists
 * (kill -9, power cut) is stale and taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'ppid.lock';

export class DataDirLocked extends Error {
  constructor(readonly pid: number | null, readonly dataDir: string) {
    super(`Folder data ${dataDir} sedang dipakai oleh ${pid ? `proses ${pid}` : 'proses lain yang baru dimulai'} (aplikasi PPID yang berjalan). Hentikan aplikasi itu terlebih dahulu.`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder's lock, or throws DataDirLocked; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return () => {
        try {
          if (Number(fs.readFileSync(file, 'utf8').trim()) === process.pid) fs.rmSync(file, { force: true });
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder: number;
    try {
      holder = Number(fs.readFileSync(file, 'utf8').trim());
    } catch {
      continue; // removed in between: try again
    }
    // A half-written lock (no pid yet) belongs to a process starting right now.
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) throw new DataDirLocked(holder, dataDir);
    if (!Number.isInteger(holder) || holder <= 0) {
      if (Date.now() - fs.statSync(file).mtimeMs < 5000) throw new DataDirLocked(null, dataDir);
    }
    fs.rmSync(file, { force: true }); // stale: its process is gone
  }
  throw new Error(`cannot take the lock ${file}`);
}

/**
 * Owner-only modes for what the app keeps (0700 folders, 0600 files): the data folder, the
 * database and its -wal/-shm, uploads, secrets, anchors. New files get them when created; this
 * also tightens a folder written by an older version.
 */
export function tightenModes(dataDir: string): void {
  const chmod = (p: string, mode: number) => {
    if (fs.existsSync(p)) fs.chmodSync(p, mode);
  };
  chmod(dataDir, 0o700);
  for (const f of ['ppid.db', 'ppid.db-wal', 'ppid.db-shm', 'session-secret', 'audit-key', 'audit-anchors.log', LOCK_FILE]) chmod(path.join(dataDir, f), 0o600);
  const uploads = path.join(dataDir, 'uploads');
  if (!fs.existsSync(uploads)) return;
  chmod(uploads, 0o700);
  for (const entry of fs.readdirSync(uploads, { withFileTypes: true })) {
    chmod(path.join(uploads, entry.name), entry.isDirectory() ? 0o700 : 0o600);
  }
}
