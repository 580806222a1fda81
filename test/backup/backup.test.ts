import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openDb } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/setup/seed.js';
import { createBackup, restoreBackup, verifyBackup, RestoreError } from '../../src/backup/backup.service.js';
import { verifyChain } from '../../src/audit/audit.repo.js';
import { addAttachments } from '../../src/uploads/attachments.service.js';
import { ensureUploadDirs, tempDir } from '../../src/uploads/storage.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { countsAndTruth } from '../helpers/request-counts.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function dataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-backup-test-'));
  const db = openDb(path.join(dir, 'ppid.db'));
  migrateDb(db);
  seedDatabase(db);
  const uploadDir = path.join(dir, 'uploads');
  ensureUploadDirs(uploadDir);
  return { dir, db, uploadDir, dbFile: path.join(dir, 'ppid.db'), auditKey: fs.readFileSync(path.join(dir, 'audit-key'), 'utf8').trim() };
}

describe('backup and restore', () => {
  it('when backed up while requests keep coming in, then the restore is consistent, complete up to its moment, and verifies', async () => {
    const src = dataDir();
    for (let i = 0; i < 1500; i++) makeRequest(src.db, { informationRequested: `Data anggaran ${i} ${'x'.repeat(400)}` });
    const first = makeRequest(src.db);
    const tmp = path.join(tempDir(src.uploadDir), 'upload.part');
    fs.writeFileSync(tmp, PDF);
    await addAttachments({ db: src.db, actor: testActor, uploadDir: src.uploadDir, input: {
      requestId: first.id, target: 'request', objectionId: null, kind: 'request_letter', note: '', files: [{ tempPath: tmp, originalName: 'surat.pdf', size: PDF.length }],
    } });

    // Write load: a request on every turn of the event loop until the backup has finished (the
    // backup awaits file I/O after its snapshot, so writes land during it, however fast the machine).
    let written = 0;
    let backingUp = true;
    const pump = () => {
      if (!backingUp) return;
      makeRequest(src.db);
      written++;
      setImmediate(pump);
    };
    setImmediate(pump);
    const file = path.join(src.dir, 'backup.tar.gz');
    const manifest = await createBackup({ db: src.db, uploadDir: src.uploadDir, file }).finally(() => (backingUp = false));
    expect(written).toBeGreaterThan(0);
    // Requests were written after the snapshot too: the source has more than the backup holds.
    expect((src.db.$client.prepare('select count(*) as n from requests').get() as { n: number }).n).toBeGreaterThan(manifest.counts.requests);
    expect(manifest.counts.attachments).toBe(1);
    expect(manifest.missingFiles).toEqual([]);
    expect(manifest.counts.requests).toBeGreaterThanOrEqual(1501);

    const dest = dataDir();
    dest.db.$client.close();
    const restored = await restoreBackup({ file, dbFile: dest.dbFile, uploadDir: dest.uploadDir, auditKey: src.auditKey });
    expect(restored.counts).toEqual(manifest.counts);
    const db = openDb(dest.dbFile, { auditKey: src.auditKey });
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyChain(db).ok).toBe(true);
    const n = (db.$client.prepare('select count(*) as n from requests').get() as { n: number }).n;
    expect(n).toBe(manifest.counts.requests);
    // Every restored request is exactly the source's row.
    const rows = db.$client.prepare('select * from requests order by id').all();
    const sourceRows = src.db.$client.prepare('select * from requests where id <= ? order by id').all(n);
    expect(rows).toEqual(sourceRows);
    // The register's counts table (issue 20) comes back in step with the restored requests.
    const { counts, truth } = countsAndTruth(db);
    expect(counts).toEqual(truth);
    const stored = db.$client.prepare('select stored_name from attachments').get() as { stored_name: string };
    expect(fs.readFileSync(path.join(dest.uploadDir, stored.stored_name))).toEqual(PDF);
    // What was there before is kept beside it.
    expect(fs.readdirSync(dest.dir).some((f) => f.startsWith('ppid.db.before-restore-'))).toBe(true);
    db.$client.close();
    src.db.$client.close();
  }, 30_000);

  it('when the backup file is damaged or its audit chain was tampered with, then restore refuses and changes nothing', async () => {
    const src = dataDir();
    makeRequest(src.db);
    const file = path.join(src.dir, 'b.tar.gz');
    await createBackup({ db: src.db, uploadDir: src.uploadDir, file });
    await expect(verifyBackup(file, src.auditKey)).resolves.toMatchObject({ format: 'ppid-backup/1' });

    const broken = path.join(src.dir, 'broken.tar.gz');
    fs.writeFileSync(broken, fs.readFileSync(file).subarray(0, 200));
    const dest = dataDir();
    const before = fs.readFileSync(dest.dbFile);
    await expect(restoreBackup({ file: broken, dbFile: dest.dbFile, uploadDir: dest.uploadDir, auditKey: src.auditKey })).rejects.toBeInstanceOf(RestoreError);
    expect(fs.readFileSync(dest.dbFile)).toEqual(before);

    // Tamper: edit an audit entry in the source, then back up: the restore must refuse it.
    src.db.$client.prepare("update audit_log set summary = 'diubah' where id = 2").run();
    const tampered = path.join(src.dir, 't.tar.gz');
    await createBackup({ db: src.db, uploadDir: src.uploadDir, file: tampered });
    await expect(restoreBackup({ file: tampered, dbFile: dest.dbFile, uploadDir: dest.uploadDir, auditKey: src.auditKey })).rejects.toThrow(/log audit/);
    src.db.$client.close();
    dest.db.$client.close();
  });
});

describe('backup under sustained writes', () => {
  it('when another connection commits between every step, then the backup still completes while it writes, and the archive is 0600', async () => {
    const src = dataDir();
    for (let i = 0; i < 300; i++) makeRequest(src.db, { informationRequested: `Data ${i} ${'x'.repeat(400)}` });
    src.db.$client.exec('create table load (v blob)');
    // A second connection (as the server is beside the CLI) committing on every turn of the
    // event loop, which is where a page-by-page online backup takes its steps: such a backup
    // starts over after each commit and only ends when the writes do. Bounded: MAX writes.
    const MAX = 100_000;
    const other = openDb(src.dbFile, { synchronous: 'normal' });
    const insert = other.$client.prepare('insert into load (v) values (randomblob(100))');
    let writes = 0;
    const writing = new Promise<void>((resolve) => {
      const step = () => {
        if (writes >= MAX) return resolve();
        insert.run();
        writes++;
        setImmediate(step);
      };
      step();
    });

    const file = path.join(src.dir, 'busy.tar.gz');
    const manifest = await createBackup({ db: src.db, uploadDir: src.uploadDir, file });
    const writesAtEnd = writes;
    await writing;

    expect(writesAtEnd).toBeLessThan(MAX); // it finished while the writer was still going
    expect(manifest.counts.requests).toBe(300);
    await expect(verifyBackup(file, src.auditKey)).resolves.toMatchObject({ format: 'ppid-backup/1' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    other.$client.close();
    src.db.$client.close();
  }, 120_000);
});
