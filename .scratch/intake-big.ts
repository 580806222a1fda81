import { openDb } from '../src/db/client.js';
import { registerRequest } from '../src/requests/requests.service.js';
import { intakeInput, testActor } from '../test/helpers/factories.js';
const sync = (process.argv[2] ?? 'full') as 'full' | 'normal';
const db = openDb('/tmp/t.db', { synchronous: sync });
if (process.argv[3] === 'off') db.$client.pragma('synchronous = OFF');
const v = process.argv[4] ?? '';
if (v.includes('letters')) { db.$client.exec("drop index requests_extension_letter_number_unique; drop index requests_rejection_letter_number_unique; create unique index requests_extension_letter_number_unique on requests(extension_letter_number) where extension_letter_number is not null; create unique index requests_rejection_letter_number_unique on requests(rejection_letter_number) where rejection_letter_number is not null"); }
if (v.includes('nofts')) db.$client.exec('drop trigger requests_search_insert');
if (v.includes('noopendue')) db.$client.exec('drop index requests_open_due_idx');
const input = intakeInput({ receivedOn: '2026-11-27' });
for (let i = 0; i < 200; i++) registerRequest({ db, actor: testActor, zone: 'Asia/Jakarta', input });
const t0 = performance.now(); const N = 2000;
for (let i = 0; i < N; i++) registerRequest({ db, actor: testActor, zone: 'Asia/Jakarta', input });
console.log(sync, process.argv[3] ?? '', v, ((performance.now() - t0) / N).toFixed(3), 'ms/request');
