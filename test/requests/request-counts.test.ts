/**
 * request_counts (issue 20) is kept by triggers: after every kind of write it must equal a
 * COUNT(*) of the requests grouped the same way, and the register shows exact totals from it.
 */
import { describe, it, expect } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { decisionInput, grantedInFull, makeDecidedRequest, makeExtendedRequest, makeRequest, testActor } from '../helpers/factories.js';
import { correctIntake, decideRequest, markOpened, unvoidRequest, voidRequest, withdrawRequest, getRequest } from '../../src/requests/requests.service.js';
import { importRegister } from '../../src/import/import.service.js';
import { queryRegister, registerPage } from '../../src/requests/register.query.js';
import { presentRegisterPage } from '../../src/requests/register.presenter.js';
import { COUNT_CAP } from '../../src/requests/requests.repo.js';
import { csvOf, row } from '../import/register-files.js';
import type { Db } from '../../src/db/client.js';
import { countsAndTruth } from '../helpers/request-counts.js';

const zone = 'Asia/Jakarta';

/** Inserts `times` copies of request `id` in one statement (numbers X1, X2, ...); returns how many. */
function copyOf(db: Db, id: number, times: number): number {
  const cols = (db.$client.pragma('table_info(requests)') as { name: string }[]).map((c) => c.name).filter((n) => !['id', 'registration_number', 'registration_seq'].includes(n));
  return db.$client.prepare(`
    insert into requests (registration_number, registration_seq, ${cols.join(', ')})
    with recursive s(i) as (select 1 union all select i + 1 from s where i < ${times})
    select 'X' || i || '/PPID/III/2022', 1000 + i, ${cols.map((c) => `r.${c}`).join(', ')} from s, requests r where r.id = ?`).run(id).changes;
}

describe('request_counts', () => {
  it('when requests are registered, opened, extended, decided, withdrawn, corrected, voided, unvoided, deleted and imported, then it equals COUNT(*) after each', async () => {
    const db = freshDb();
    const check = () => {
      const { counts, truth } = countsAndTruth(db);
      expect(counts).toEqual(truth);
    };
    const a = makeRequest(db, { receivedOn: '2022-03-01', channel: 'email' });
    const b = makeRequest(db, { receivedOn: '2022-04-11', channel: 'website', requesterCategory: 'media' });
    const c = makeRequest(db, { receivedOn: '2023-01-05' });
    check();
    markOpened({ db, actor: testActor, role: 'officer', id: a.id });
    check();
    makeExtendedRequest(db);
    makeDecidedRequest(db, { decision: grantedInFull });
    check();
    decideRequest({ db, actor: testActor, zone, id: b.id, input: decisionInput({ decidedOn: '2022-04-15' }) });
    check();
    withdrawRequest({ db, actor: testActor, zone, id: c.id, input: { withdrawnOn: '2023-01-06', note: '' } });
    check();
    const current = getRequest(db, a.id);
    correctIntake({ db, actor: testActor, zone, id: a.id, version: current.version, input: { ...current, receivedOn: '2022-02-28', channel: 'letter', requesterCategory: 'ngo', requesterNoContact: '', proxyName: current.proxyName ?? '' } as never });
    check();
    voidRequest({ db, actor: testActor, zone, id: b.id, input: { reason: 'duplicate', note: '' } });
    check();
    unvoidRequest({ db, actor: testActor, zone, id: b.id, input: { note: '' } });
    check();
    // Nothing in the app deletes a request; a bare copy (no audit or messages referring to it) can be.
    const copy = copyOf(db, c.id, 1);
    check();
    db.$client.prepare("delete from requests where registration_number like 'X%'").run();
    expect(copy).toBe(1);
    check();
    const report = await importRegister({
      db, actor: testActor, zone, fileName: 'r.csv',
      buffer: csvOf([
        row({ 'Nomor registrasi': '901/PPID/III/2022', 'Nama pemohon': 'Impor Satu', Putusan: 'partial', 'Tanggal putusan': '2022-03-22', Alasan: 'belum dikuasai' }),
        row({ 'Nomor registrasi': '902/PPID/III/2022', 'Nama pemohon': 'Impor Dua' }),
      ]),
    });
    expect(report.imported).toBe(2);
    check();
    expect((db.$client.prepare('select sum(n) as n from request_counts').get() as { n: number }).n).toBe(7);
  });

  it('when a filter matches more than the old cap, then the page and the count give the exact total, and free text stays capped', () => {
    const db = freshDb();
    const first = makeRequest(db, { receivedOn: '2022-03-01', informationRequested: 'Data ikan tongkol' });
    // COUNT_CAP + 50 more copies of the same open request, through the triggers.
    copyOf(db, first.id, COUNT_CAP + 50);
    const total = COUNT_CAP + 51;
    for (const filter of [{}, { year: 2022 }, { year: 2022, month: 3, status: 'open' as const }, { status: 'in_process' as const, channel: 'email' as const, category: 'academic' as const }]) {
      const q = queryRegister({ db, zone, filter });
      expect(q.page(1, 25)).toMatchObject({ total, totalCapped: false });
      expect(q.count()).toBe(total);
    }
    expect(queryRegister({ db, zone, filter: { year: 2022, status: 'full' } }).page(1, 25)).toMatchObject({ total: 0, totalCapped: false });
    expect(queryRegister({ db, zone, filter: { q: 'tongkol' } }).page(1, 25)).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    const view = presentRegisterPage(registerPage({ db, zone, filter: { year: 2022 }, page: 1 }), { typed: {}, filter: { year: 2022 } });
    expect(view.countText).toContain('10.051 permohonan');
    // The tiles write their numbers the same way.
    expect(view.workload.open).toBe('10.051');
  });

  it('when the same page is asked again after a write, then the reused page query shows the new rows and total', () => {
    const db = freshDb();
    const filter = { year: 2022, status: 'open' as const };
    const first = makeRequest(db, { receivedOn: '2022-03-01' });
    expect(queryRegister({ db, zone, filter }).page(1, 25)).toMatchObject({ total: 1, rows: [{ id: first.id }] });
    const second = makeRequest(db, { receivedOn: '2022-03-02' });
    expect(queryRegister({ db, zone, filter }).page(1, 25)).toMatchObject({ total: 2, rows: [{ id: second.id }, { id: first.id }] });
    expect(queryRegister({ db, zone, filter }).page(2, 1)).toMatchObject({ total: 2, rows: [{ id: first.id }] });
  });
});
