/**
 * Nothing acknowledged is lost: the real server, killed with SIGKILL in the middle of a burst
 * of intake and decision calls, comes back with every request it answered 201 for, with its
 * number and audit entry, and a database and audit chain that verify.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, it, expect, afterAll } from 'vitest';
import { openDb } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/db/seed.js';
import { createToken, createUser } from '../../src/auth/auth.service.js';
import { verifyChain } from '../../src/audit/audit.repo.js';
import { apiIntakeBody } from '../helpers/factories.js';
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
    let stop = false;
    const worker = async () => {
      while (!stop) {
        try {
          const res = await fetch(`${base}/requests`, { method: 'POST', headers, body: JSON.stringify(apiIntakeBody()) });
          if (res.status !== 201) continue;
          const body = (await res.json()) as { id: number; registration_number: string };
          created.set(body.id, body.registration_number);
          const d = await fetch(`${base}/requests/${body.id}/decision`, {
            method: 'POST', headers, body: JSON.stringify({ decided_on: '2022-03-08', outcome: 'full' }),
          });
          if (d.status === 200) decided.add(body.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await new Promise((r) => setTimeout(r, 1500));
    server.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    expect(created.size).toBeGreaterThan(20);

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
