import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/context.js';
import { cliContext } from '../helpers/cli.js';
import { freshDb } from '../helpers/build-test-app.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { findByRegistrationNumber } from '../../src/requests/requests.repo.js';
import { csvOf, row } from './register-files.js';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' };
  return { io, out, err };
}

function tempFile(name: string, content: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-import-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const requestCount = (db: ReturnType<typeof freshDb>) => (db.$client.prepare('select count(*) as n from requests').get() as { n: number }).n;

describe('ppid import', () => {
  it('when run with --dry-run, then it reports what it would import and changes nothing', async () => {
    const db = freshDb();
    const file = tempFile('register.csv', csvOf([row(), row({ 'Nomor registrasi': '006/PPID/III/2022', Putusan: 'sebagian', 'Tanggal putusan': '2022-03-10' })]));
    const auditBefore = listAudit(db, {}, 1, 1).total;
    const { io, out, err } = fakeIo();

    const code = await runCli(['import', file, '--dry-run'], cliContext(db), io);

    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toContain('Pemeriksaan saja, belum ada yang disimpan: 2 permohonan siap diimpor.');
    expect(out.join('\n')).toContain('Baris 3, Alasan: Peringatan: Putusan "Dikabulkan sebagian" tanpa alasan');
    expect(requestCount(db)).toBe(0);
    expect(listAudit(db, {}, 1, 1).total).toBe(auditBefore);
  });

  it('when run without --dry-run, then it imports and the audit entry names "cli"', async () => {
    const db = freshDb();
    const file = tempFile('register.csv', csvOf([row()]));
    const { io, out } = fakeIo();
    expect(await runCli(['import', file], cliContext(db), io)).toBe(0);
    expect(out).toContain('1 permohonan diimpor (0 keberatan).');
    expect(findByRegistrationNumber(db, '005/PPID/III/2022')).toMatchObject({ source: 'import', registrationSeq: 5 });
    expect(listAudit(db, { action: 'import.register' }, 1, 10).rows[0]).toMatchObject({ actorLabel: 'cli', actorUserId: null });
  });

  it('when a row is bad, then it lists the problem on stderr, imports nothing and exits 1', async () => {
    const db = freshDb();
    const file = tempFile('register.csv', csvOf([row({ 'Tanggal diterima': '2022-13-01' })]));
    const { io, err } = fakeIo();
    expect(await runCli(['import', file], cliContext(db), io)).toBe(1);
    expect(err[0]).toBe('Baris 2, Tanggal diterima: Galat: Tanggal tidak dikenal: "2022-13-01". Tulis TTTT-BB-HH (2022-03-01) atau HH/BB/TTTT (01/03/2022).');
    expect(requestCount(db)).toBe(0);
  });

  it('when the file is missing or no file is named, then it says so', async () => {
    const db = freshDb();
    const missing = fakeIo();
    expect(await runCli(['import', '/nonexistent/register.csv'], cliContext(db), missing.io)).toBe(1);
    expect(missing.err[0]).toContain('tidak dapat dibaca');
    const usage = fakeIo();
    expect(await runCli(['import'], cliContext(db), usage.io)).toBe(2);
    expect(usage.err[0]).toContain('Pemakaian: npm run ppid -- import <berkas.csv|berkas.xlsx> [--dry-run]');
  });
});
