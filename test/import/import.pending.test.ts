/** After "Periksa saja", the checked file is imported without choosing it again (issue 11 point 17). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { keepPending, PENDING_TTL_MS, readPending } from '../../src/import/pending-import.js';
import { csvOf, row } from './register-files.js';
import type { Db } from '../../src/db/client.js';

const count = (db: Db) => (db.$client.prepare('select count(*) as n from requests').get() as { n: number }).n;
const tokenIn = (html: string) => /name="pending" value="([0-9a-f]{48})"/.exec(html)?.[1];
const pendingFiles = (uploadDir: string) => {
  const dir = path.join(uploadDir, 'tmp');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith('import-')) : [];
};

const twoRows = () => csvOf([row(), row({ 'Nomor registrasi': '006/PPID/III/2022' })]);

describe('importing the checked file', () => {
  it('when a file was checked, then "Impor berkas ini" imports it once, removes it, and the token cannot be used again', async () => {
    const { app, db, config } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const checked = await agent.post('/admin/import').field('_csrf', csrf).field('mode', 'check').attach('file', twoRows(), 'register.csv').expect(200);
    expect(checked.text).toContain('2 permohonan siap diimpor');
    const token = tokenIn(checked.text)!;
    expect(token).toBeDefined();
    expect(pendingFiles(config.uploadDir)).toHaveLength(2); // the bytes and the token
    expect(count(db)).toBe(0);

    const imported = await agent.post('/admin/import').field('_csrf', csrf).field('pending', token).field('mode', 'import').expect(200);
    expect(imported.text).toContain('2 permohonan diimpor');
    expect(imported.text).toContain('register.csv');
    expect(tokenIn(imported.text)).toBeUndefined();
    expect(count(db)).toBe(2);
    expect(pendingFiles(config.uploadDir)).toEqual([]);

    const again = await agent.post('/admin/import').field('_csrf', csrf).field('pending', token).field('mode', 'import').expect(400);
    expect(again.text).toContain('Berkas yang diperiksa sudah diimpor atau sudah kedaluwarsa. Pilih berkasnya lagi.');
    expect(count(db)).toBe(2);
  });

  it('when the check found a bad row, then the same file can be imported skipping it, without choosing it again', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const file = csvOf([row(), row({ 'Nomor registrasi': '006/PPID/III/2022', Saluran: 'merpati' })]);
    const checked = await agent.post('/admin/import').field('_csrf', csrf).field('mode', 'check').attach('file', file, 'r.csv').expect(400);
    const token = tokenIn(checked.text)!;
    const imported = await agent.post('/admin/import').field('_csrf', csrf).field('pending', token).field('skipInvalid', '1').field('mode', 'import').expect(200);
    expect(imported.text).toContain('1 permohonan diimpor');
    expect(count(db)).toBe(1);
  });

  it('when another admin, a forged token or no CSRF token is used, then nothing is imported', async () => {
    const { app, db } = buildTestApp();
    const first = await loginAs(app, db, 'admin', 'admin-a');
    const checked = await first.agent.post('/admin/import').field('_csrf', first.csrf).field('mode', 'check').attach('file', twoRows(), 'r.csv').expect(200);
    const token = tokenIn(checked.text)!;

    const other = await loginAs(app, db, 'admin', 'admin-b');
    const res = await other.agent.post('/admin/import').field('_csrf', other.csrf).field('pending', token).field('mode', 'import').expect(400);
    expect(res.text).toContain('sudah kedaluwarsa');
    for (const forged of ['../../../etc/passwd', 'x'.repeat(48), '']) {
      await first.agent.post('/admin/import').field('_csrf', first.csrf).field('pending', forged).field('mode', 'import').expect(400);
    }
    await first.agent.post('/admin/import').field('pending', token).field('mode', 'import').expect(403);
    expect(count(db)).toBe(0);
  });

  it('when the token is older than its time, or the kept bytes changed, then it is refused', async () => {
    const { config } = buildTestApp();
    const buffer = Buffer.from('isi');
    const sha256 = '0'.repeat(64);
    const token = await keepPending({ uploadDir: config.uploadDir, userId: 1, fileName: 'r.csv', buffer, sha256, now: 1_000 });
    // The stored bytes do not hash to the SHA-256 recorded: refused whatever the time.
    expect(await readPending({ uploadDir: config.uploadDir, userId: 1, token, now: 2_000 })).toBeNull();

    const real = (await import('node:crypto')).createHash('sha256').update(buffer).digest('hex');
    const good = await keepPending({ uploadDir: config.uploadDir, userId: 1, fileName: 'r.csv', buffer, sha256: real, now: 1_000 });
    expect(await readPending({ uploadDir: config.uploadDir, userId: 1, token: good, now: 2_000 })).toMatchObject({ fileName: 'r.csv', sha256: real });
    expect(await readPending({ uploadDir: config.uploadDir, userId: 1, token: good, now: 1_000 + PENDING_TTL_MS })).toBeNull();
  });
});
