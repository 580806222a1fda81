/**
 * Imports larger than one multi-row INSERT (200 rows) or one IN (...) lookup (500 values): rows
 * keep file order, objections land on their own request, and the search index keeps up.
 */
import { describe, it, expect } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { importRegister } from '../../src/import/import.service.js';
import { PROBLEMS_PER_KIND } from '../../src/import/problems.js';
import { listRequests } from '../../src/requests/requests.repo.js';
import { csvOf, row, type Row } from './register-files.js';
import type { Db } from '../../src/db/client.js';

const actor = { userId: null, label: 'test' };
const ROWS = 1263; // 6 full INSERTs of 200, then 50 + 10 + 1 + 1 + 1

const numberOf = (i: number) => `${String(i).padStart(3, '0')}/PPID/III/2022`;

/** Row i (1-based): a decided request; every 10th with an objection, numbered on every 20th. */
function register(count: number): Row[] {
  return Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    const r = row({
      'Nomor registrasi': numberOf(i), 'Nama pemohon': `Pemohon Nomor ${i}`,
      Putusan: 'partial', 'Tanggal putusan': '2022-03-22', Alasan: 'belum dikuasai',
    });
    if (i % 10 === 0) {
      Object.assign(r, {
        'Tanggal keberatan': '2022-04-04', 'Alasan keberatan (Pasal 35 huruf)': 'a', 'Uraian keberatan': `Keberatan atas ${numberOf(i)}`,
        'Nomor keberatan': i % 20 === 0 ? `${String(i / 20).padStart(3, '0')}/KEB/PPID/2022` : '',
      });
    }
    return r;
  });
}

const all = <T>(db: Db, q: string) => db.$client.prepare(q).all() as T[];

describe('importing a large register', () => {
  it('when it has more rows than one INSERT holds, then every request is written in file order and every objection to its own request', async () => {
    const db = freshDb();
    const report = await importRegister({ db, actor, zone: 'Asia/Jakarta', fileName: 'r.csv', buffer: csvOf(register(ROWS)) });
    expect(report).toMatchObject({ committed: true, imported: ROWS, objections: Math.floor(ROWS / 10), errors: 0 });

    const requests = all<{ id: number; registration_number: string; registration_seq: number }>(db, 'select id, registration_number, registration_seq from requests order by id');
    expect(requests.map((r) => r.registration_number)).toEqual(Array.from({ length: ROWS }, (_, k) => numberOf(k + 1)));
    expect(requests.map((r) => r.registration_seq)).toEqual(Array.from({ length: ROWS }, (_, k) => k + 1));

    const objections = all<{ statement: string; request_number: string; registration_number: string; registration_seq: number }>(
      db,
      `select o.statement, r.registration_number as request_number, o.registration_number, o.registration_seq
       from objections o join requests r on r.id = o.request_id order by o.id`,
    );
    expect(objections).toHaveLength(Math.floor(ROWS / 10));
    for (const o of objections) expect(o.statement).toBe(`Keberatan atas ${o.request_number}`);
    // Numbered ones first, in file order; the others then continue after the highest given number.
    const given = Math.floor(ROWS / 20);
    expect(objections.slice(0, given).map((o) => o.registration_seq)).toEqual(Array.from({ length: given }, (_, k) => k + 1));
    expect(objections.slice(given).map((o) => o.registration_seq)).toEqual(Array.from({ length: objections.length - given }, (_, k) => given + k + 1));
    expect(report.problems.filter((p) => p.message.startsWith('Keberatan diberi nomor'))).toHaveLength(objections.length - given);

    // The search index (kept by triggers) has every row.
    const found = listRequests(db, { q: 'Pemohon Nomor 1234', today: '2030-01-01', dueSoonUntil: '2030-01-01' }, 1, 10);
    expect(found.rows.map((r) => r.registrationNumber)).toEqual([numberOf(1234)]);
    expect((db.$client.prepare('select count(*) as n from requests_search').get() as { n: number }).n).toBe(ROWS);
  });

  it('when part of a large file is already registered, then only the rest is written and the rest reported as "sudah ada"', async () => {
    const db = freshDb();
    // Objections without numbers: those given here would clash with the ones the first import gave.
    const rows = register(ROWS).map((r) => ({ ...r, 'Nomor keberatan': '' }));
    await importRegister({ db, actor, zone: 'Asia/Jakarta', fileName: 'first.csv', buffer: csvOf(rows.slice(0, 700)) });
    const report = await importRegister({ db, actor, zone: 'Asia/Jakarta', fileName: 'all.csv', buffer: csvOf(rows) });
    expect(report).toMatchObject({ committed: true, imported: ROWS - 700, existing: 700, errors: 0 });
    // The notes are counted in full but listed only up to the report's bound, then summed up.
    expect(report.problems.filter((p) => p.message.startsWith('Sudah ada:'))).toHaveLength(PROBLEMS_PER_KIND);
    expect(report.problems).toContainEqual(expect.objectContaining({ level: 'info', message: expect.stringContaining(`… dan ${700 - PROBLEMS_PER_KIND} catatan lain`) }));
    expect(all<{ n: number }>(db, 'select count(*) as n from requests')[0].n).toBe(ROWS);
    expect(all<{ n: number }>(db, 'select count(*) as n from objections')[0].n).toBe(Math.floor(ROWS / 10));
  });
});
