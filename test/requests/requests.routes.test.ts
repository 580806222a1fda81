import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { intakeInput, makeRequest } from '../helpers/factories.js';
import { getRequest } from '../../src/requests/requests.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';

const form = (o: Record<string, unknown>) => o as Record<string, string>;

describe('register a request through the form', () => {
  it('when an officer submits a valid form, then the request is numbered and the receipt shows number and access code', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const res = await agent.post('/requests').type('form').send(form({ _csrf: csrf, ...intakeInput({ receivedOn: '2022-03-01' }) }));
    expect(res.status).toBe(302);
    const id = Number(res.headers.location.split('/').pop());
    const row = getRequest(db, id);
    expect(row.registrationNumber).toBe('001/PPID/III/2022');
    const receipt = await agent.get(`/requests/${id}/receipt`).expect(200);
    expect(receipt.text).toContain('001/PPID/III/2022');
    expect(receipt.text).toContain(row.accessCode);
    expect(receipt.text).toContain('Rabu, 16 Maret 2022'); // due date
    const show = await agent.get(`/requests/${id}`).expect(200);
    expect(show.text).toContain('Hari Suci Nyepi'); // the deadline explanation names the skipped holiday
    expect(show.text).toContain('Sabtu');
  });

  it('when the form has errors, then it comes back with Indonesian messages beside the fields and keeps what was typed', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const res = await agent.post('/requests').type('form').send(form({
      _csrf: csrf, ...intakeInput(), receivedOn: '2022-02-30', channel: 'pigeon', informationRequested: '', requesterName: 'Rina Ölçer',
    }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Tanggal tidak valid');
    expect(res.text).toContain('Pilihan tidak dikenal.');
    expect(res.text).toContain('Wajib diisi.');
    expect(res.text).toContain('value="Rina Ölçer"');
    expect(listAudit(db, { action: 'request.create' }, 1, 10).total).toBe(0);
  });

  it('when text is oversize, then it is refused', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const res = await agent.post('/requests').type('form').send(form({ _csrf: csrf, ...intakeInput(), requesterName: 'x'.repeat(201) }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Maksimal 200 karakter (sekarang 201).');
  });

  it('when an auditor or admin opens the intake form or posts it, then it is forbidden; anonymous goes to login', async () => {
    const { app, db } = buildTestApp();
    for (const role of ['auditor', 'admin'] as const) {
      const { agent, csrf } = await loginAs(app, db, role);
      await agent.get('/requests/new').expect(403);
      await agent.post('/requests').type('form').send(form({ _csrf: csrf, ...intakeInput() })).expect(403);
      await agent.get('/requests').expect(200);
    }
    await request(app).get('/requests').expect(302).expect('location', '/login?next=%2Frequests');
  });

  it('when posted without a CSRF token, then it is refused', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer');
    await agent.post('/requests').type('form').send(form(intakeInput())).expect(403);
  });
});

describe('extension, decision and withdrawal pages', () => {
  it('when an officer extends and then decides, then both show on the request page and its timeline', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    await agent.post(`/requests/${r.id}/extend`).type('form')
      .send({ _csrf: csrf, version: String(r.version), extendedOn: '2022-03-15', extensionDays: '7', extensionReason: 'Menunggu data unit' }).expect(302);
    expect(getRequest(db, r.id).dueOn).toBe('2022-03-25');
    await agent.post(`/requests/${r.id}/decide`).type('form')
      .send({ _csrf: csrf, version: String(r.version + 1), decidedOn: '2022-03-22', provideOn: '2022-03-22', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'partial', reasons: ['exempt', 'not_held'], exemptionArticles: ['h'], exemptionWhileProtected: 'on', exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Data pribadi', reasonNote: '', noticeNote: 'Dikirim lewat e-mail', feeRupiah: '' })
      .expect(302);
    const after = getRequest(db, r.id);
    expect(after).toMatchObject({ outcome: 'partial', reasonExempt: true, reasonNotHeld: true, exemptionArticles: 'h', feeRupiah: 0 });
    const page = await agent.get(`/requests/${r.id}`).expect(200);
    expect(page.text).toContain('Dikabulkan sebagian');
    expect(page.text).toContain('Tenggat diperpanjang 7 hari kerja');
    const notice = await agent.get(`/requests/${r.id}/notice`).expect(200);
    expect(notice.text).toContain('Pasal 17 huruf h');
  });

  it('when a decision lacks its reason, then the form returns with the message and the ticked boxes', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const res = await agent.post(`/requests/${r.id}/decide`).type('form')
      .send({ _csrf: csrf, version: String(r.version), decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: 'exempt', reasonNote: 'catatan saya' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Sebutkan huruf Pasal 17');
    expect(res.text).toMatch(/value="exempt" checked/);
    expect(res.text).toContain('catatan saya');
    expect(getRequest(db, r.id).outcome).toBeNull();
  });

  it('when the page was opened before someone else changed the request, then saving says so (409) and keeps the input', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    await agent.post(`/requests/${r.id}/extend`).type('form')
      .send({ _csrf: csrf, version: String(r.version), extendedOn: '2022-03-10', extensionDays: '7', extensionReason: 'a' }).expect(302);
    const res = await agent.post(`/requests/${r.id}/decide`).type('form')
      .send({ _csrf: csrf, version: String(r.version), decidedOn: '2022-03-11', provideOn: '2022-03-11', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full', noticeNote: 'teks saya' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('telah diubah oleh pengguna lain');
    expect(res.text).toContain('teks saya');
  });

  it('when a request is withdrawn, then a decision on it is refused', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    await agent.post(`/requests/${r.id}/withdraw`).type('form').send({ _csrf: csrf, withdrawnOn: '2022-03-02', note: 'lewat telepon' }).expect(302);
    const res = await agent.post(`/requests/${r.id}/decide`).type('form').send({ _csrf: csrf, decidedOn: '2022-03-03', provideOn: '2022-03-03', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('sudah dicabut');
  });

  it('when a request does not exist or the id is not a number, then 404', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer');
    await agent.get('/requests/999').expect(404);
    await agent.get('/requests/abc').expect(404);
    const r = makeRequest(db);
    await agent.get(`/requests/${r.id}/notice`).expect(404);
  });
});

describe('register page', () => {
  it('filters by year, status and free text, and paginates', async () => {
    const { app, db } = buildTestApp();
    for (let i = 0; i < 30; i++) makeRequest(db, { receivedOn: '2022-03-01', requesterName: `Pemohon ${i}` });
    makeRequest(db, { receivedOn: '2021-06-01', requesterName: 'Lama Sekali', informationRequested: 'APBD 2020' });
    const { agent } = await loginAs(app, db, 'auditor');
    const all = await agent.get('/requests').expect(200);
    expect(all.text).toContain('31 permohonan');
    expect(all.text).toContain('Halaman 1 dari 2');
    const y2021 = await agent.get('/requests?year=2021').expect(200);
    expect(y2021.text).toContain('1 permohonan');
    expect(y2021.text).toContain('Lama Sekali');
    const q = await agent.get('/requests?q=APBD').expect(200);
    expect(q.text).toContain('Lama Sekali');
    expect(q.text).not.toContain('Pemohon 3<');
    // every 2022 request is long past due and open
    const overdue = await agent.get('/requests?status=overdue').expect(200);
    expect(overdue.text).toContain('31 permohonan');
    const decided = await agent.get('/requests?status=decided').expect(200);
    expect(decided.text).toContain('0 permohonan');
    const page2 = await agent.get('/requests?page=2').expect(200);
    expect(page2.text).toContain('Halaman 2 dari 2');
  });
});
