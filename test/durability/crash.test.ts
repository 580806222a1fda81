/**
 * Nothing acknowledged is lost: the real server, killed with SIGKILL in the middle of a burst
 * of intake and decision calls, comes back with every request it answered 201 for, with its
 * number and audit entry, and a database and audit chain that verify.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, it, expect, afterAll } from 'vitest';
import { openDb } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/setup/seed.js';
import { createToken, createUser } from '../../src/auth/auth.service.js';
import { verifyChain } from '../../src/audit/audit.repo.js';
import { apiIntakeBody, makeRequest, testActor } from '../helpers/factories.js';
import { ensureUploadDirs, tempDir } from '../../src/uploads/storage.js';
import { prepareFiles, recordAttachments } from '../../src/uploads/attachments.service.js';
import { freePort, startServer } from '../helpers/server-process.js';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

async function start(dataDir: string, port: number): Promise<ChildProcess> {
  const child = await startServer(dataDir, port);
  children.push(child);
  return child;
}

describe('crash safety', () => {
  it('when the server is SIGKILLed mid-load, then every acknowledged request and decision survives', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-crash-'));
    const setup = openDb(path.join(dataDir, 'ppid.db'));
    migrateDb(setup);
    seedDatabase(setup);
    await createUser(setup, { userId: null, label: 'test' }, { username: 'petugas', displayName: 'Petugas', role: 'officer', password: 'password-123456' });
    const { token } = createToken(setup, { userId: null, label: 'test' }, 'petugas', 'load');
    setup.$client.close();

    const port = await freePort();
    const server = await start(dataDir, port);
    const base = `http://127.0.0.1:${port}/api/v1`;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

    const created = new Map<number, string>();
    const decided = new Set<number>();
    // Killed once this many intakes and decisions were acknowledged (counted, not timed: a slow
    // machine only takes longer), while the workers keep sending more.
    const ENOUGH_CREATED = 25;
    const ENOUGH_DECIDED = 10;
    let enough!: () => void;
    const acknowledgedEnough = new Promise<void>((resolve) => (enough = resolve));
    const check = () => {
      if (created.size >= ENOUGH_CREATED && decided.size >= ENOUGH_DECIDED) enough();
    };
    let stop = false;
    const worker = async () => {
      while (!stop) {
        try {
          const res = await fetch(`${base}/requests`, { method: 'POST', headers, body: JSON.stringify(apiIntakeBody()) });
          if (res.status !== 201) continue;
          const body = (await res.json()) as { id: number; registration_number: string };
          created.set(body.id, body.registration_number);
          check();
          const d = await fetch(`${base}/requests/${body.id}/decision`, {
            method: 'POST', headers, body: JSON.stringify({ decided_on: '2022-03-08', provide_on: '2022-03-08', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'full' }),
          });
          if (d.status === 200) decided.add(body.id);
          check();
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await acknowledgedEnough;
    server.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    expect(created.size).toBeGreaterThanOrEqual(ENOUGH_CREATED);
    expect(decided.size).toBeGreaterThanOrEqual(ENOUGH_DECIDED);

    // The server comes back on the same files.
    const again = await start(dataDir, port);
    const sample = [...created.keys()].slice(-3);
    for (const id of sample) {
      const res = await fetch(`${base}/requests/${id}`, { headers });
      expect(res.status).toBe(200);
    }
    again.kill('SIGTERM');

    const db = openDb(path.join(dataDir, 'ppid.db'));
    const byId = new Map((db.$client.prepare('select id, registration_number as n, outcome from requests').all() as { id: number; n: string; outcome: string | null }[]).map((r) => [r.id, r]));
    for (const [id, number] of created) expect(byId.get(id)?.n).toBe(number);
    for (const id of decided) expect(byId.get(id)?.outcome).toBe('full');
    const audited = new Set((db.$client.prepare("select entity_id as id from audit_log where action = 'request.create'").all() as { id: string }[]).map((r) => Number(r.id)));
    for (const id of created.keys()) expect(audited.has(id)).toBe(true);
    const duplicates = db.$client.prepare('select registration_number from requests group by registration_number having count(*) > 1').all();
    expect(duplicates).toEqual([]);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyChain(db).ok).toBe(true);
    db.$client.close();
  }, 45_000);
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Resolves when a `.part` file exists in the folder (multer has begun writing an upload). */
function partFileAppears(dir: string): Promise<string> {
  return new Promise((resolve) => {
    const find = () => fs.readdirSync(dir).find((f) => f.endsWith('.part'));
    const watcher = fs.watch(dir, () => {
      const f = find();
      if (f) {
        watcher.close();
        resolve(f);
      }
    });
    const f = find();
    if (f) {
      watcher.close();
      resolve(f);
    }
  });
}

describe('interrupted uploads', () => {
  it('when the server is SIGKILLed mid-upload or between commit and move, then after a restart every row has its file and no temp file is left', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-crash-upload-'));
    const uploadDir = path.join(dataDir, 'uploads');
    const setup = openDb(path.join(dataDir, 'ppid.db'));
    migrateDb(setup);
    seedDatabase(setup);
    await createUser(setup, { userId: null, label: 'test' }, { username: 'petugas', displayName: 'Petugas', role: 'officer', password: 'password-123456' });
    const { token } = createToken(setup, { userId: null, label: 'test' }, 'petugas', 'load');
    const request = makeRequest(setup);
    ensureUploadDirs(uploadDir);
    const input = { requestId: request.id, target: 'request' as const, objectionId: null, kind: 'request_letter' as const, note: '' };
    // A crash between the commit and the move: the row and its audit entry are committed, the file is still in tmp.
    const committed = path.join(tempDir(uploadDir), 'a1b2.part');
    fs.writeFileSync(committed, PDF);
    const prepared = await prepareFiles([{ tempPath: committed, originalName: 'surat.pdf', size: PDF.length }]);
    const [pending] = setup.transaction((tx) => recordAttachments(tx, testActor, input, prepared));
    // A row whose file is nowhere (removed by hand).
    const lostTemp = path.join(tempDir(uploadDir), 'c3d4.part');
    const other = Buffer.concat([PDF, Buffer.from('% lain\n')]);
    fs.writeFileSync(lostTemp, other);
    const preparedLost = await prepareFiles([{ tempPath: lostTemp, originalName: 'hilang.pdf', size: other.length }]);
    const [lost] = setup.transaction((tx) => recordAttachments(tx, testActor, input, preparedLost));
    fs.rmSync(lostTemp);
    setup.$client.close();

    const port = await freePort();
    const server = await start(dataDir, port);
    const url = `http://127.0.0.1:${port}/api/v1/requests/${request.id}/attachments`;
    // One acknowledged upload.
    const form = new FormData();
    form.append('kind', 'request_letter');
    form.append('files', new Blob([PDF], { type: 'application/pdf' }), 'diterima.pdf');
    const ok = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    expect(ok.status).toBe(201);
    // And one that stops half-way through its file.
    const boundary = 'ppidboundary';
    const half = http.request(url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': 5_000_000 } });
    half.on('error', () => {});
    half.write(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nrequest_letter\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="besar.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    half.write(Buffer.concat([PDF, Buffer.alloc(200_000, 0x20)]));
    await partFileAppears(tempDir(uploadDir));
    server.kill('SIGKILL');
    await new Promise((resolve) => server.on('exit', resolve));

    const again = await start(dataDir, port);
    again.kill('SIGTERM');
    await new Promise((resolve) => again.on('exit', resolve));

    expect(fs.readdirSync(tempDir(uploadDir))).toEqual([]);
    const db = openDb(path.join(dataDir, 'ppid.db'));
    const rows = db.$client.prepare('select id, stored_name as s, sha256, purged_at as purged from attachments').all() as { id: number; s: string; sha256: string; purged: string | null }[];
    expect(rows).toHaveLength(3);
    for (const row of rows.filter((r) => !r.purged)) {
      const file = path.join(uploadDir, row.s);
      expect(fs.existsSync(file)).toBe(true);
      expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(row.sha256);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
    expect(rows.find((r) => r.id === pending.id)?.purged).toBeNull();
    expect(rows.find((r) => r.id === lost.id)?.purged).not.toBeNull();
    const missing = db.$client.prepare("select actor_label as a, summary from audit_log where action = 'attachment.file_missing'").all() as { a: string; summary: string }[];
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ a: 'system' });
    expect(missing[0].summary).toContain('hilang.pdf');
    expect(verifyChain(db).ok).toBe(true);
    db.$client.close();
  }, 60_000);
});
