import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { openDb } from '../src/db/client.js';
import { migrateDb } from '../src/db/migrate.js';
import { seedDatabase } from '../src/setup/seed.js';
import { registerRequest } from '../src/requests/requests.service.js';
import { intakeInput, testActor } from '../test/helpers/factories.js';
const variant = process.argv[2] ?? 'all';
const sync = (process.argv[3] ?? 'full') as 'full' | 'normal';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-'));
const db = openDb(path.join(dir, 'x.db'), { synchronous: sync });
migrateDb(db); seedDatabase(db);
const triggers = db.$client.prepare("select name from sqlite_schema where type='trigger' and tbl_name='requests'").all() as {name:string}[];
for (const t of triggers) {
  if ((variant === 'nofts' && /fts|search/.test(t.name)) || (variant === 'nocounts' && /counts/.test(t.name)) || (variant === 'notrig')) db.$client.exec(`drop trigger ${t.name}`);
}
const input = intakeInput({ receivedOn: '2026-11-27' });
for (let i = 0; i < 200; i++) registerRequest({ db, actor: testActor, zone: 'Asia/Jakarta', input });
const t0 = performance.now();
const N = 2000;
for (let i = 0; i < N; i++) registerRequest({ db, actor: testActor, zone: 'Asia/Jakarta', input });
console.log(variant, sync, ((performance.now() - t0) / N).toFixed(3), 'ms/request', triggers.map(t=>t.name).join(','));
fs.rmSync(dir, { recursive: true });
