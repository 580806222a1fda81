import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { openDb } from '../src/db/client.js';
import { migrateDb } from '../src/db/migrate.js';
import { seedDatabase } from '../src/setup/seed.js';
import { registerRequest } from '../src/requests/requests.service.js';
import { intakeInput, testActor } from '../test/helpers/factories.js';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-'));
const file = path.join(dir, 'x.db');
const db = openDb(file);
migrateDb(db); seedDatabase(db);
const variant = process.argv[2] ?? 'all';
for (const t of db.$client.prepare("select name from sqlite_schema where type='trigger' and tbl_name='requests'").all() as {name:string}[]) {
  if ((variant === 'nofts' && /search/.test(t.name)) || (variant === 'nocounts' && /counts/.test(t.name)) || (variant === 'nover' && /version/.test(t.name))) db.$client.exec(`drop trigger ${t.name}`);
}
if (variant === 'noidx') for (const t of db.$client.prepare("select name from sqlite_schema where type='index' and tbl_name='requests' and sql is not null").all() as {name:string}[]) db.$client.exec(`drop index ${t.name}`);
const input = intakeInput({ receivedOn: '2026-11-27' });
for (let i = 0; i < 3000; i++) registerRequest({ db, actor: testActor, zone: 'Asia/Jakarta', input });
db.$client.pragma('wal_checkpoint(TRUNCATE)');
db.$client.pragma('wal_autocheckpoint = 0');
const N = 100;
for (let i = 0; i < N; i++) registerRequest({ db, actor: testActor, zone: 'Asia/Jakarta', input });
console.log(variant, 'app pages per intake', (fs.statSync(file + '-wal').size / (4096 + 24) / N).toFixed(1));
// which tables: dbstat not available maybe; count by dropping triggers
db.$client.pragma('wal_checkpoint(TRUNCATE)');
const c = db.$client;
const ins = c.prepare("insert into audit_log (at, actor_user_id, actor_label, action, entity_type, entity_id, summary, before, after, prev_hash, hash) values ('x', null, 'b', 'request.create', 'request', '1', 's', null, 'a', 'p', 'h')");
for (let i = 0; i < N; i++) c.transaction(() => { ins.run(); })();
console.log('audit-only pages per commit', (fs.statSync(file + '-wal').size / (4096 + 24) / N).toFixed(1));
fs.rmSync(dir, { recursive: true });
