/**
 * A voided entry (Batalkan entri) is counted nowhere: not in the recap's table or analytics, the
 * public /rekap, the API, the monthly report; a withdrawal is counted as not provided. The
 * register export shows the void, and an import of that export keeps it.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { tokenFor } from '../helpers/login-as.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import type { Db } from '../../src/db/client.js';
import { decideRequest, unvoidRequest, voidRequest, withdrawRequest } from '../../src/requests/requests.service.js';
import { buildMonthlyReport, buildRecap } from '../../src/recap/recap.service.js';
import { startRegisterExport, writeCsv } from '../../src/exports/exports.service.js';
import { importRegister } from '../../src/import/import.service.js';
import { listRequests } from '../../src/requests/requests.repo.js';

const zone = 'Asia/Jakarta';
const today = '2026-11-23';

const decideFull = (db: Db, id: number, decidedOn: string) =>
  decideRequest({ db, actor: testActor, zone, id, input: {
    decidedOn, provideOn: decidedOn, givenForm: 'softcopy' as const, outcome: 'full', reasons: [], exemptionArticles: [], consequenceTest: '', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });

/** March 2022: A granted, B its duplicate (also "granted", then voided), C withdrawn, D open and overdue but voided. */
function office(db: Db) {
  const a = makeRequest(db, { receivedOn: '2022-03-01', purpose: 'Penelitian', informationRequested: 'Anggaran jalan desa' });
  const b = makeRequest(db, { receivedOn: '2022-03-01', purpose: 'Duplikat', informationRequested: 'Entri kembar sekali' });
  const c = makeRequest(db, { receivedOn: '2022-03-02', purpose: 'Penelitian', informationRequested: 'Anggaran jalan kota' });
  const d = makeRequest(db, { receivedOn: '2022-03-03', purpose: 'Salah', informationRequested: 'Bukan permohonan', channel: 'whatsapp' });
  decideFull(db, a.id, '2022-03-08');
  decideFull(db, b.id, '2022-03-15');
  withdrawRequest({ db, actor: testActor, zone, id: c.id, input: { withdrawnOn: '2022-03-04', note: '' } });
  voidRequest({ db, actor: testActor, zone, id: b.id, input: { reason: 'duplicate', note: 'sama dengan A' } });
  voidRequest({ db, actor: testActor, zone, id: d.id, input: { reason: 'mistaken', note: '' } });
  return { a, b, c, d };
}

describe('the recap and reports leave voided entries out', () => {
  it('when two of four requests are voided, then the table, the analytics and the API count the other two; a withdrawal counts as not provided', async () => {
    const { app, db } = buildTestApp();
    const { b } = office(db);
    const recap = buildRecap(db, 2022, { today });
    const march = recap.months[2];
    expect(march).toMatchObject({ requests: 2, grantedFull: 1, notProvided: 1, reasonOther: 1, inProcess: 0, timed: 1, reconciles: true });
    expect(recap.total).toMatchObject({ requests: 2, grantedFull: 1, notProvided: 1 });
    // Service days: A took 4 working days (Nyepi 3 March skipped); C was withdrawn (not served)
    // and B voided: neither is in the mean (issue 13.10).
    expect(march.avgServiceDays).toBe(4);
    expect(recap.analytics.openPastDue).toEqual([]);
    expect(recap.analytics.timed).toBe(1);

    const auth = { Authorization: `Bearer ${await tokenFor(db, 'auditor')}` };
    const api = await request(app).get('/api/v1/recap/2022').set(auth).expect(200);
    expect(api.body.total).toMatchObject({ requests: 2, granted_full: 1, not_provided: 1, in_process: 0 });

    // Restored, B counts again.
    unvoidRequest({ db, actor: testActor, zone, id: b.id, input: { note: '' } });
    expect(buildRecap(db, 2022, { today }).total).toMatchObject({ requests: 3, grantedFull: 2 });
  });

  it('when the public /rekap shows the year, then it matches an office that never had the voided entries', async () => {
    const withVoided = buildTestApp();
    office(withVoided.db);
    const clean = buildTestApp();
    const a = makeRequest(clean.db, { receivedOn: '2022-03-01', purpose: 'Penelitian', informationRequested: 'Anggaran jalan desa' });
    const c = makeRequest(clean.db, { receivedOn: '2022-03-02', purpose: 'Penelitian', informationRequested: 'Anggaran jalan kota' });
    decideFull(clean.db, a.id, '2022-03-08');
    withdrawRequest({ db: clean.db, actor: testActor, zone, id: c.id, input: { withdrawnOn: '2022-03-04', note: '' } });
    const page = async (app: typeof clean.app) => (await request(app).get('/rekap?year=2022').expect(200)).text.replace(/name="_csrf" value="[^"]*"/g, '');
    expect(await page(withVoided.app)).toBe(await page(clean.app));
  });

  it('when the monthly report is drawn up, then voided entries are not among the requests, purposes, topics or channels', () => {
    const { db } = buildTestApp();
    office(db);
    const report = buildMonthlyReport(db, 2022, 3);
    expect(report.requests).toBe(2);
    expect(report.yearToDate).toBe(2);
    expect(report.purposes).toEqual([{ purpose: 'Penelitian', count: 2 }]);
    expect(report.channels).toEqual([expect.objectContaining({ key: 'email', count: 2 })]);
    expect(JSON.stringify(report.topics)).not.toMatch(/kembar|Bukan/i);
  });
});

describe('the register file shows the void', () => {
  it('when exported and imported into an empty office, then the void columns are filled and the entries stay voided and uncounted', async () => {
    const { db } = buildTestApp();
    office(db);
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    writeCsv(sink, startRegisterExport({ db, actor: testActor, zone, filter: { year: 2022 }, format: 'csv' }));
    sink.end();
    const csv = Buffer.concat(chunks);
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    const header = lines[0].split(',');
    const col = header.indexOf('Alasan pembatalan');
    expect(col).toBeGreaterThan(0);
    expect(header).toContain('Tanggal dibatalkan');
    expect(lines.filter((l) => l.includes('Entri ganda'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('Salah catat'))).toHaveLength(1);

    const target = buildTestApp();
    const result = await importRegister({ db: target.db, actor: testActor, zone, fileName: 'register.csv', buffer: csv });
    expect(result.problems.filter((p) => p.level === 'error')).toEqual([]);
    const voided = listRequests(target.db, { status: 'voided', today, dueSoonUntil: today }, 1, 10).rows;
    expect(voided.map((r) => [r.registrationNumber, r.voidReason, r.voidNote])).toEqual([
      ['004/PPID/III/2022', 'mistaken', ''],
      ['002/PPID/III/2022', 'duplicate', 'sama dengan A'],
    ]);
    expect(buildRecap(target.db, 2022, { today }).total).toMatchObject({ requests: 2, grantedFull: 1, notProvided: 1 });
  });
});
