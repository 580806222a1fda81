/**
 * A crash between the commit and the send: the message is in the database with its cause, so a
 * new process (a new connection and worker on the same file) sends it, once. A message a
 * crashed run had claimed ("sending") is queued again at start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/setup/seed.js';
import { testConfig } from '../helpers/build-test-app.js';
import { makeRequest } from '../helpers/factories.js';
import { claimOutbox } from '../../src/messages/messages.repo.js';
import { outboxRows, startSmtp, testWorker } from './support.js';

let dir: string;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const open = (): Db => {
  const db = openDb(path.join(dir, 'ppid.db'));
  migrateDb(db);
  seedDatabase(db);
  return db;
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-outbox-'));
  smtp = await startSmtp();
});
afterEach(async () => {
  await smtp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('outbox across a crash', () => {
  it('when the process dies after the commit, before sending, then the restarted worker sends each message once', async () => {
    // First run: two requests committed; one message was even claimed by a send that never finished.
    const first = open();
    const a = makeRequest(first, { requesterEmail: 'a@example.id' });
    const b = makeRequest(first, { requesterEmail: 'b@example.id' });
    const claimed = outboxRows(first).find((m) => m.request_id === b.id)!;
    expect(claimOutbox(first, Number(claimed.id), new Date().toISOString())).not.toBeNull();
    first.$client.close(); // the crash: no worker ever ran to completion

    // Second run on the same file: the worker starts as src/server.ts starts it.
    const second = open();
    const config = testConfig({ dbFile: path.join(dir, 'ppid.db'), smtpUrl: smtp.url });
    const { worker } = testWorker(second, config);
    worker.start(60_000);
    await smtp.arrived(2);
    await worker.stop();
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(['a@example.id', 'b@example.id']);
    expect(outboxRows(second).map((m) => m.status)).toEqual(['sent', 'sent']);
    second.$client.close();

    // A third start has nothing left to send.
    const third = open();
    expect(await testWorker(third, config).worker.runOnce()).toMatchObject({ sent: 0 });
    expect(smtp.mails).toHaveLength(2);
    expect(outboxRows(third).map((m) => m.request_id)).toEqual([a.id, b.id]);
    third.$client.close();
  });
});
