/**
 * Restore refuses while the server runs on the data folder (the server holds ppid.lock); so does
 * a second server. A lock left by a killed server is stale and does not block.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it, expect, afterAll } from 'vitest';
import { openDb } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/setup/seed.js';
import { createBackup } from '../../src/backup/backup.service.js';
import { makeRequest } from '../helpers/factories.js';
import { freePort, startServer } from '../helpers/server-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

/** Runs `npm run ppid -- …` as the operator would, on the data folder; resolves with its exit code and output. */
function cli(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, PPID_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));

describe('restore lock', () => {
  it('when the server runs on the data folder, then restore and a second server refuse; after a kill -9 the stale lock does not block', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-lock-'));
    const setup = openDb(path.join(dataDir, 'ppid.db'));
    migrateDb(setup);
    seedDatabase(setup);
    makeRequest(setup);
    const backup = path.join(dataDir, 'b.tar.gz');
    await createBackup({ db: setup, uploadDir: path.join(dataDir, 'uploads'), file: backup });
    makeRequest(setup);
    setup.$client.close();

    const port = await freePort();
    const server = await startServer(dataDir, port);
    children.push(server);
    expect(fs.readFileSync(path.join(dataDir, 'ppid.lock'), 'utf8').trim()).toBe(String(server.pid));
    expect(fs.statSync(path.join(dataDir, 'ppid.lock')).mode & 0o777).toBe(0o600);

    const refused = await cli(dataDir, ['restore', backup]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Pemulihan ditolak, data tidak diubah: Folder data ${dataDir} sedang dipakai oleh proses ${server.pid}`);
    expect(fs.readdirSync(dataDir).some((f) => f.includes('before-restore'))).toBe(false);

    const second = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: ROOT, env: { ...process.env, PPID_DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'silent' }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(second);
    let secondErr = '';
    second.stderr!.on('data', (d) => (secondErr += d));
    expect(await exited(second)).toBe(1);
    expect(secondErr).toContain('sedang dipakai oleh proses');

    server.kill('SIGKILL');
    await exited(server);
    const restored = await cli(dataDir, ['restore', backup]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'ppid.lock'))).toBe(false);
    const db = openDb(path.join(dataDir, 'ppid.db'));
    expect((db.$client.prepare('select count(*) as n from requests').get() as { n: number }).n).toBe(1);
    expect(db.$client.prepare("select action from audit_log order by id desc limit 1").get()).toEqual({ action: 'audit.restore' });
    db.$client.close();
    expect(fs.statSync(path.join(dataDir, 'ppid.db')).mode & 0o777).toBe(0o600);
  }, 90_000);

  it('when the server stops with SIGTERM, then it removes its lock', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-lock-'));
    const server = await startServer(dataDir, await freePort());
    children.push(server);
    expect(fs.existsSync(path.join(dataDir, 'ppid.lock'))).toBe(true);
    server.kill('SIGTERM');
    expect(await exited(server)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'ppid.lock'))).toBe(false);
  }, 60_000);
});
