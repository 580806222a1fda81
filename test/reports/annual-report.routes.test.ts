/**
 * The annual report over HTTP: narrative drafts (audited, carried over), handing in with a proof
 * (frozen), corrections as new versions, the JSON shape, the public list without personal data,
 * the monev ZIP, and the dashboard's 31 March countdown.
 */
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { grantedInFull, makeDecidedRequest, makeObjection, makeRequest } from '../helpers/factories.js';
import { useFixedClock } from '../helpers/fixed-clock.js';
import { auditLog } from '../../src/db/schema.js';
import { unzipWithin } from '../../src/import/zip.js';
import { reportDue } from '../../src/reports/annual/deadline.js';
import type { Db } from '../../src/db/client.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const actions = (db: Db, action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();

function office2022(db: Db) {
  makeDecidedRequest(db, { request: { requesterName: 'Siti Rahmawati', receivedOn: '2022-03-01' }, decision: { ...grantedInFull, decidedOn: '2022-03-04' } });
  makeObjection(db, { request: { requesterName: 'Budi Santoso' } });
}

function submit(agent: ReturnType<typeof request.agent>, csrf: string, year: number, fields: Record<string, string> = {}) {
  let req = agent.post(`/reports/annual/${year}/submit`).field('_csrf', csrf);
  for (const [k, v] of Object.entries({ submittedOn: '2023-03-20', submittedTo: 'Komisi Informasi Pusat', note: 'Diantar langsung', ...fields })) req = req.field(k, v);
  return req.attach('proof', PDF, 'tanda terima.pdf');
}

describe('narrative sections', () => {
  it('when an officer saves the narrative, then the page shows it, the save is audited, and next year starts from it', async () => {
    const { app, db } = buildTestApp();
    office2022(db);
    const { agent, csrf } = await loginAs(app, db, 'officer');

    const page = await agent.get('/reports/annual?year=2022').expect(200);
    expect(page.text).toContain('Draf');
    expect(page.text).toContain('Pelayanan Informasi Publik dalam Angka');
    await agent.get('/reports/annual/2022/edit').expect(200);
    await agent.post('/reports/annual/2022/edit').type('form')
      .send({ _csrf: csrf, policy: 'SK PPID Nomor 12/2021.', implementation: 'Meja layanan, 3 petugas, Rp 50 juta.', obstacles: 'Arsip belum digital.', recommendations: 'Digitalisasi arsip.' })
      .expect(303);
    const after = await agent.get('/reports/annual?year=2022').expect(200);
    expect(after.text).toContain('SK PPID Nomor 12/2021.');
    expect(after.text).toContain('Digitalisasi arsip.');
    expect(actions(db, 'annual_report.save')).toHaveLength(1);

    const next = await agent.get('/reports/annual/2023/edit').expect(200);
    expect(next.text).toContain('SK PPID Nomor 12/2021.');
    expect(next.text).toContain('diambil dari laporan tahun 2022');
  });

  it('when a section is too long, then the form comes back with the message and the typed text', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const res = await agent.post('/reports/annual/2022/edit').type('form')
      .send({ _csrf: csrf, policy: 'x'.repeat(20_001), implementation: 'Tetap ada', obstacles: '', recommendations: '' }).expect(400);
    expect(res.text).toContain('Tetap ada');
    expect(res.text).toContain('Maksimal 20000 karakter');
    expect(actions(db, 'annual_report.save')).toHaveLength(0);
  });
});

describe('handing in, freezing and versions', () => {
  it('when handed in, then the version is frozen with its figures, and a correction makes version 2 while version 1 stays', async () => {
    const { app, db } = buildTestApp();
    office2022(db);
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'auditor')}` };
    await agent.post('/reports/annual/2022/edit').type('form').send({ _csrf: csrf, policy: 'Kebijakan v1', implementation: '', obstacles: '', recommendations: '' }).expect(303);

    const noProof = await agent.post('/reports/annual/2022/submit').field('_csrf', csrf).field('submittedOn', '2023-03-20').field('submittedTo', 'KI Pusat').expect(400);
    expect(noProof.text).toContain('Lampirkan bukti penyerahan');

    await submit(agent, csrf, 2022).expect(303);
    const v1 = (await request(app).get('/api/v1/reports/annual/2022').set(auth).expect(200)).body;
    expect(v1).toMatchObject({ year: 2022, status: 'submitted', version: 1, narrative: { policy: 'Kebijakan v1' }, service: { requests: 2 } });
    expect(actions(db, 'annual_report.submit')).toHaveLength(1);
    const proof = await agent.get('/reports/annual/2022/proof?version=1').buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(proof.body as Buffer, PDF)).toBe(0);

    // Frozen: no more edits or a second handing in; the register moving does not move the report.
    await agent.post('/reports/annual/2022/edit').type('form').send({ _csrf: csrf, policy: 'Diam-diam diubah', implementation: '', obstacles: '', recommendations: '' }).expect(409);
    await submit(agent, csrf, 2022).expect(409);
    makeRequest(db, { receivedOn: '2022-05-02' });
    expect((await request(app).get('/api/v1/reports/annual/2022').set(auth)).body.service.requests).toBe(2);

    await agent.post('/reports/annual/2022/correct').type('form').send({ _csrf: csrf, reason: 'Satu permohonan Mei belum tercatat' }).expect(303);
    const v2 = (await request(app).get('/api/v1/reports/annual/2022').set(auth).expect(200)).body;
    expect(v2).toMatchObject({ status: 'draft', version: 2, narrative: { policy: 'Kebijakan v1' }, service: { requests: 3, in_process: 1 } });
    const kept = (await request(app).get('/api/v1/reports/annual/2022?version=1').set(auth).expect(200)).body;
    expect(kept).toEqual(v1);
    expect(actions(db, 'annual_report.correct')).toHaveLength(1);

    const page = await agent.get('/reports/annual?year=2022').expect(200);
    expect(page.text).toContain('Satu permohonan Mei belum tercatat');
    expect(page.text).toContain('version=1');
    await submit(agent, csrf, 2022, { submittedOn: '2023-04-10' }).expect(303);
    expect((await request(app).get('/api/v1/reports/annual/2022').set(auth)).body).toMatchObject({ status: 'submitted', version: 2 });
  });

  it('when the date of handing in is inside the report year, then it is refused', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    const res = await submit(agent, csrf, 2022, { submittedOn: '2022-12-30' }).expect(400);
    expect(res.text).toContain('sesudah tahun 2022 berakhir');
  });

  it('when read through the API, then it has exactly the shape of the issue', async () => {
    const { app, db } = buildTestApp();
    office2022(db);
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
    const body = (await request(app).get('/api/v1/reports/annual/2022').set(auth).expect(200)).body;
    expect(Object.keys(body)).toEqual(['year', 'status', 'version', 'narrative', 'service', 'objections', 'disputes', 'previous_year', 'unit']);
    expect(Object.keys(body.narrative)).toEqual(['policy', 'implementation', 'obstacles', 'recommendations']);
    expect(Object.keys(body.service)).toEqual([
      'requests', 'granted_full', 'granted_partial', 'rejected', 'not_provided', 'in_process', 'service_days', 'fulfilment_days',
      'within_10', 'within_11_17', 'over_17', 'extended', 'open_at_year_end', 'oldest_open',
    ]);
    expect(Object.keys(body.service.service_days)).toEqual(['median', 'mean', 'min', 'max']);
    expect(Object.keys(body.objections)).toEqual(['filed', 'by_ground', 'by_result']);
    expect(Object.keys(body.disputes)).toEqual(['filed', 'by_stage', 'by_result']);
    expect(body.service).toMatchObject({ requests: 2, granted_full: 1, rejected: 1 });
    expect(body.objections).toMatchObject({ filed: 1, by_ground: { a: 1 }, by_result: { open: 1 } });
    expect(body.previous_year).toMatchObject({ year: 2021, service: { requests: 0 } });
  });
});

describe('the public list', () => {
  it('when a report is handed in, then /laporan lists it and its page carries no requester name nor registration number', async () => {
    const { app, db } = buildTestApp();
    office2022(db);
    const before = await request(app).get('/laporan').expect(200);
    expect(before.text).toContain('Belum ada laporan');
    await request(app).get('/laporan/2022').expect(404);

    const { agent, csrf } = await loginAs(app, db, 'officer');
    const staff = await agent.get('/reports/annual?year=2022').expect(200);
    expect(staff.text).toContain('Siti Rahmawati');
    await submit(agent, csrf, 2022).expect(303);

    const list = await request(app).get('/laporan').expect(200);
    expect(list.text).toContain('href="/laporan/2022?version=1"');
    const pub = await request(app).get('/laporan/2022?version=1').expect(200);
    expect(pub.text).toContain('Pelayanan Informasi Publik dalam Angka');
    expect(pub.text).toContain('Lampiran');
    for (const personal of ['Siti Rahmawati', 'Budi Santoso', '/PPID/', '@']) expect(pub.text).not.toContain(personal);
  });
});

describe('the monev evidence', () => {
  it('when an auditor downloads the ZIP, then it holds both registers, the recap, the report, the DIK and the service standard', async () => {
    const { app, db } = buildTestApp();
    office2022(db);
    const { agent: admin, csrf: adminCsrf } = await loginAs(app, db, 'admin');
    await admin.post('/admin/service-standard').type('form').send({ _csrf: adminCsrf, text: 'Permohonan dilayani Senin–Jumat 08.00–16.00.' }).expect(303);
    expect(actions(db, 'service_standard.update')).toHaveLength(1);

    const { agent } = await loginAs(app, db, 'auditor');
    const res = await agent.get('/reports/annual/2022/evidence.zip').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const entries = unzipWithin(res.body as Buffer, { maxEntries: 20, maxTotalBytes: 20_000_000 });
    expect(entries.map((e) => e.name)).toEqual([
      '01-register-permohonan-2022.xlsx', '02-register-keberatan-2022.html', '03-rekapitulasi-2022.xlsx',
      '04-laporan-tahunan-2022-v1.html', '04-laporan-tahunan-2022-v1.xlsx', '05-daftar-informasi-dikecualikan-2022.html', '06-standar-layanan.html',
    ]);
    const text = (name: string) => entries.find((e) => e.name === name)!.data.toString('utf8');
    expect(text('02-register-keberatan-2022.html')).toContain('Budi Santoso');
    expect(text('04-laporan-tahunan-2022-v1.html')).toContain('Layanan Informasi Publik');
    expect(text('05-daftar-informasi-dikecualikan-2022.html')).toContain('Membuka data pribadi.');
    expect(text('06-standar-layanan.html')).toContain('Senin–Jumat 08.00–16.00');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(entries.find((e) => e.name === '04-laporan-tahunan-2022-v1.xlsx')!.data as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((w) => w.name)).toContain('c Rekapitulasi');
    expect(wb.worksheets.map((w) => w.name)).toContain('Lampiran');
    expect(actions(db, 'annual_report.evidence')).toHaveLength(1);
  });
});

describe('the 31 March deadline on the dashboard', () => {
  useFixedClock();

  it('counts calendar days from 1 January to 31 March, then the days late', () => {
    expect(reportDue('2026-01-01', false)).toMatchObject({ year: 2025, dueOn: '2026-03-31', daysLeft: 89, overdue: false });
    expect(reportDue('2026-03-31', false)).toMatchObject({ daysLeft: 0, overdue: false });
    expect(reportDue('2026-04-02', false)).toMatchObject({ overdue: true, daysLate: 2 });
    expect(reportDue('2026-04-02', true)).toBeNull();
  });

  it('when the last year’s report is not handed in, then the register shows the countdown; once handed in, it is gone', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const page = await agent.get('/requests').expect(200);
    expect(page.text).toContain('id="annual-report-due"');
    expect(page.text).toMatch(/<strong>21 hari<\/strong>\s*lagi: laporan tahunan 2025/);
    await submit(agent, csrf, 2025, { submittedOn: '2026-03-09' }).expect(303);
    const after = await agent.get('/requests').expect(200);
    expect(after.text).not.toContain('id="annual-report-due"');
  });
});
