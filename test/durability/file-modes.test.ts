/** What the app keeps is readable by its own user only: folders 0700, files 0600. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDb } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/setup/seed.js';
import { tightenModes } from '../../src/db/data-dir.js';
import { anchorChain, anchorFile } from '../../src/audit/anchors.js';
import { addAttachments } from '../../src/uploads/attachments.service.js';
import { ensureUploadDirs, tempDir } from '../../src/uploads/storage.js';
import { createBackup } from '../../src/backup/backup.service.js';
import { makeRequest, testActor } from '../helpers/factories.js';

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('file modes', () => {
  it('when a data folder is set up and used, then the folder, database, -wal/-shm, secrets, uploads, anchors and backups are owner-only, whatever the umask', async () => {
    const old = process.umask(0o022);
    try {
      const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-modes-')), 'data');
      const config = loadConfig({ PPID_DATA_DIR: dataDir });
      const db = openDb(config.dbFile, { auditKey: config.auditKey });
      migrateDb(db);
      seedDatabase(db);
      ensureUploadDirs(config.uploadDir);
      const request = makeRequest(db);
      const tmp = path.join(tempDir(config.uploadDir), 'x.part');
      fs.writeFileSync(tmp, PDF);
      const [row] = await addAttachments({ db, actor: testActor, uploadDir: config.uploadDir, input: {
        requestId: request.id, target: 'request', objectionId: null, kind: 'request_letter', note: '', files: [{ tempPath: tmp, originalName: 'a.pdf', size: PDF.length }],
      } });
      anchorChain(db, anchorFile(dataDir), 'test');
      const backup = path.join(dataDir, '..', 'b.tar.gz');
      await createBackup({ db, uploadDir: config.uploadDir, file: backup });

      expect(mode(dataDir)).toBe(0o700);
      for (const f of ['ppid.db', 'ppid.db-wal', 'ppid.db-shm', 'session-secret', 'audit-key', 'audit-anchors.log']) {
        expect([f, mode(path.join(dataDir, f))]).toEqual([f, 0o600]);
      }
      expect(mode(config.uploadDir)).toBe(0o700);
      expect(mode(tempDir(config.uploadDir))).toBe(0o700);
      expect(mode(path.join(config.uploadDir, row.storedName))).toBe(0o600);
      expect(mode(backup)).toBe(0o600);
      db.$client.close();
    } finally {
      process.umask(old);
    }
  });

  it('when a data folder was written world-readable by an older version, then start-up tightens it', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-modes-'));
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, 'ppid.db'), '', { mode: 0o644 });
    fs.mkdirSync(path.join(dataDir, 'uploads', 'tmp'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'uploads', '0123456789abcdef0123456789abcdef'), 'x', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'uploads', '0123456789abcdef0123456789abcdef'), 0o644);

    tightenModes(dataDir);

    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'ppid.db'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'uploads'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'uploads', 'tmp'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'uploads', '0123456789abcdef0123456789abcdef'))).toBe(0o600);
  });
});
