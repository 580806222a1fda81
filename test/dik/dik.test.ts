/**
 * Issue 13.2–13.4: the exemption's period and legal basis, the Daftar Informasi yang
 * Dikecualikan (DIK) and the Surat Keputusan penolakan.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, tokenFor } from '../helpers/login-as.js';
import { decisionInput, makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { dikEntries } from '../../src/dik/dik.service.js';
import { parseCsv } from '../../src/import/read-file.js';
import type { Db } from '../../src/db/client.js';

const zone = 'Asia/Jakarta';
const audit = (db: Db) => db.$client.prepare('select action, entity_id as entityId from audit_log order by id').all() as { action: string; entityId: string | null }[];
const exemptBody = { decided_on: '2022-03-08', outcome: 'rejected', reasons: ['exempt'], exemption_articles: ['h'], consequence_test: 'Membuka data pribadi pihak ketiga.' };

async function api(role: 'officer' | 'auditor' = 'officer') {
  const { app, db } = buildTestApp();
  const auth = { Authorization: `Bearer ${await tokenFor(db, role)}` };
  return { app, db, auth };
}

const decideApi = (app: Parameters<typeof request>[0], auth: Record<string, string>, id: number, body: Record<string, unknown>) =>
  request(app).post(`/api/v1/requests/${id}/decision`).set(auth).send(body);

function rejected(db: Db, overrides: Parameters<typeof decisionInput>[0] = {}) {
  const r = makeRequest(db, { receivedOn: '2022-03-01', informationRequested: 'Daftar penerima bantuan dengan NIK' });
  return decideRequest({ db, actor: testActor, zone, id: r.id, input: decisionInput(overrides) });
}

describe('the exemption period (Pasal 20)', () => {
  it('when an exempt decision states no period, then the API refuses it (400) naming exemption_until and exemption_basis', async () => {
    const { app, db, auth } = await api();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const res = await decideApi(app, auth, r.id, exemptBody);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.exemption_until).toContain('tanpa jangka waktu');
    expect(res.body.error.fields.exemption_basis).toContain('Dasar hukum');
  });

  it('when two period forms are given, or the date is not after the decision, then it is refused', async () => {
    const { app, db, auth } = await api();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const two = await decideApi(app, auth, r.id, { ...exemptBody, exemption_years: 5, exemption_while_protected: true, exemption_basis: 'PP 61/2010' });
    expect(two.status).toBe(400);
    expect(two.body.error.fields.exemption_until).toContain('satu saja');
    const early = await decideApi(app, auth, r.id, { ...exemptBody, exemption_until: '2022-03-08', exemption_basis: 'PP 61/2010' });
    expect(early.status).toBe(400);
    expect(early.body.error.fields.exemption_until).toContain('setelah tanggal putusan');
  });

  it.each([
    ['exemption_years', 0], ['exemption_years', 2.5], ['exemption_years', '5'], ['exemption_years', 101],
    ['exemption_until', '31/12/2030'], ['exemption_until', '2030-02-30'], ['exemption_until', '2999-01-01'], ['exemption_until', '1999-01-01'], ['exemption_while_protected', 'yes'],
    ['exemption_basis', 'x'.repeat(2001)], ['dik_id', 0], ['dik_id', 'a'], ['dik_id', 1.5],
  ])('when %s has a bad value (case %#), then the API refuses the field (400)', async (name, value) => {
    const { app, db, auth } = await api();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const res = await decideApi(app, auth, r.id, { ...exemptBody, exemption_basis: 'PP 61/2010', [name]: value });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty(name);
  });

  it('when the period ends on a date years ahead, then the API takes it (not the register\'s next-year bound)', async () => {
    const { app, db, auth } = await api();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const res = await decideApi(app, auth, r.id, { ...exemptBody, exemption_until: '2040-01-01', exemption_basis: 'PP 61/2010' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.decision.exemption_until).toBe('2040-01-01');
  });

  it('when the period is given for N years, then the request and the API carry it, with the SK number and the DIK entry', async () => {
    const { app, db, auth } = await api();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const res = await decideApi(app, auth, r.id, { ...exemptBody, exemption_years: 5, exemption_basis: 'UU 14/2008 Pasal 17 huruf h; PP 61/2010' });
    expect(res.status).toBe(200);
    expect(res.body.decision).toMatchObject({
      exemption_years: 5, exemption_until: null, exemption_while_protected: false, exemption_basis: 'UU 14/2008 Pasal 17 huruf h; PP 61/2010',
      rejection_letter_number: '001/SK-TOLAK/PPID/2022', dik_id: 1,
    });
  });

  it('when the form leaves the period out, then it re-renders with the message under the field', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent } = await loginAs(app, db, 'officer');
    const form = await agent.get(`/requests/${r.id}/decide`).expect(200);
    expect(form.text).toContain('Jangka waktu pengecualian');
    const res = await agent.post(`/requests/${r.id}/decide`).type('form').send({
      _csrf: csrfFrom(form.text), version: '1', decidedOn: '2022-03-08', outcome: 'rejected', reasons: 'exempt', exemptionArticles: 'h', consequenceTest: 'Data pribadi', exemptionBasis: '',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Pengecualian tanpa jangka waktu');
    const ok = await agent.post(`/requests/${r.id}/decide`).type('form').send({
      _csrf: csrfFrom(res.text), version: '1', decidedOn: '2022-03-08', outcome: 'rejected', reasons: 'exempt', exemptionArticles: 'h', consequenceTest: 'Data pribadi',
      exemptionWhileProtected: 'on', exemptionBasis: 'UU 14/2008 Pasal 17 huruf h',
    });
    expect(ok.status).toBe(302);
    expect(dikEntries(db)[0]).toMatchObject({ exemptionWhileProtected: true, period: 'selama kepentingan yang dilindungi masih ada' });
  });
});

describe('the DIK', () => {
  it('when a decision exempts information, then a DIK entry is created in the same transaction, audited, and the next decision can pick it', async () => {
    const { app, db, auth } = await api();
    const first = rejected(db, { exemptionWhileProtected: undefined, exemptionUntil: '2030-12-31' });
    const [entry] = dikEntries(db);
    expect(entry).toMatchObject({
      information: 'Daftar penerima bantuan dengan NIK', articles: [{ letter: 'h' }], consequenceTest: 'Membuka data pribadi.',
      exemptionUntil: '2030-12-31', period: 'sampai 31 Desember 2030', decisionNumber: first.rejectionLetterNumber, decidedOn: '2022-03-08',
      requests: [{ id: first.id, number: first.registrationNumber }],
    });
    expect(audit(db).some((a) => a.action === 'dik.create' && a.entityId === String(entry.id))).toBe(true);

    const second = makeRequest(db, { receivedOn: '2022-03-02' });
    const res = await decideApi(app, auth, second.id, { decided_on: '2022-03-09', outcome: 'rejected', reasons: ['exempt'], dik_id: entry.id });
    expect(res.status).toBe(200);
    expect(res.body.decision).toMatchObject({ dik_id: entry.id, exemption_articles: ['h'], consequence_test: 'Membuka data pribadi.', exemption_until: '2030-12-31' });
    expect(dikEntries(db)).toHaveLength(1);
    expect(dikEntries(db)[0].requests.map((q) => q.id)).toEqual([first.id, second.id]);

    const missing = await decideApi(app, auth, makeRequest(db, { receivedOn: '2022-03-02' }).id, { decided_on: '2022-03-09', outcome: 'rejected', reasons: ['exempt'], dik_id: 999 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.dik_id).toContain('tidak ditemukan');
  });

  it('when a decision is corrected, then the entry it created is restated, not doubled', async () => {
    const { db } = buildTestApp();
    const r = rejected(db);
    decideRequest({ db, actor: testActor, zone, id: r.id, correcting: true, input: decisionInput({ exemptionWhileProtected: false, exemptionYears: 3, correctionNote: 'Jangka waktu' }) });
    expect(dikEntries(db)).toHaveLength(1);
    expect(dikEntries(db)[0]).toMatchObject({ exemptionYears: 3, exemptionWhileProtected: false });
    expect(audit(db).some((a) => a.action === 'dik.update')).toBe(true);
  });

  it('when staff open the DIK page, then it lists the entries with the requests; auditors export CSV and XLSX, audited', async () => {
    const { app, db } = buildTestApp();
    const r = rejected(db);
    const officer = (await loginAs(app, db, 'officer')).agent;
    const page = await officer.get('/dik').expect(200);
    expect(page.text).toContain('Daftar penerima bantuan dengan NIK');
    expect(page.text).toContain(r.registrationNumber);
    expect(page.text).not.toContain('/dik/export.csv');
    const auditor = (await loginAs(app, db, 'auditor')).agent;
    expect((await auditor.get('/dik').expect(200)).text).toContain('/dik/export.csv');
    const csv = await auditor.get('/dik/export.csv').expect(200);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''), ',');
    expect(rows[0][0]).toBe('Nomor DIK');
    expect(rows[1]).toEqual(expect.arrayContaining(['h', 'selama kepentingan yang dilindungi masih ada', r.rejectionLetterNumber, r.registrationNumber]));
    const xlsx = await auditor.get('/dik/export.xlsx').expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(audit(db).filter((a) => a.action === 'dik.export')).toHaveLength(2);
  });

  it('when the API lists the DIK, then each entry names its letters, period and requests', async () => {
    const { app, db, auth } = await api('auditor');
    const r = rejected(db);
    const res = await request(app).get('/api/v1/dik').set(auth).expect(200);
    expect(res.body).toMatchObject({ total: 1, items: [{ exemption_articles: ['h'], exemption_while_protected: true, requests: [{ id: r.id, registration_number: r.registrationNumber }] }] });
  });
});

describe('the Surat Keputusan penolakan', () => {
  it('when a request is rejected as exempt, then it gets its own number and a printable letter with grounds, test, period and the right to object', async () => {
    const { app, db } = buildTestApp();
    const r = rejected(db);
    expect(r.rejectionLetterNumber).toBe('001/SK-TOLAK/PPID/2022');
    const second = rejected(db, { decidedOn: '2022-03-09' });
    expect(second.rejectionLetterNumber).toBe('002/SK-TOLAK/PPID/2022');
    const { agent } = await loginAs(app, db, 'auditor');
    const letter = await agent.get(`/requests/${r.id}/rejection-letter`).expect(200);
    for (const text of ['001/SK-TOLAK/PPID/2022', 'Pasal 17 huruf h', 'Membuka data pribadi.', 'selama kepentingan yang dilindungi masih ada', 'UU 14/2008 Pasal 17 huruf h', '30 (tiga puluh) hari kerja', 'atasan PPID']) {
      expect(letter.text).toContain(text);
    }
    expect((await agent.get(`/requests/${r.id}`).expect(200)).text).toContain(`/requests/${r.id}/rejection-letter`);
  });

  it('when a partial grant withholds a part as exempt, then it has an SK too; a full grant or "not held" has none (404)', async () => {
    const { app, db } = buildTestApp();
    const partial = rejected(db, { outcome: 'partial' });
    expect(partial.rejectionLetterNumber).toBe('001/SK-TOLAK/PPID/2022');
    const full = rejected(db, { outcome: 'full', reasons: [], exemptionArticles: [], consequenceTest: '' });
    const notHeld = rejected(db, { outcome: 'not_provided', reasons: ['not_held'], exemptionArticles: [], consequenceTest: '' });
    expect(full.rejectionLetterNumber).toBeNull();
    expect(full.exemptionWhileProtected).toBe(false);
    const { agent } = await loginAs(app, db, 'officer');
    expect((await agent.get(`/requests/${partial.id}/rejection-letter`).expect(200)).text).toContain('DITOLAK UNTUK SEBAGIAN');
    await agent.get(`/requests/${full.id}/rejection-letter`).expect(404);
    await agent.get(`/requests/${notHeld.id}/rejection-letter`).expect(404);
  });

  it('when the office sets its own pattern, then the SK follows it; a pattern without {seq} is refused', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    const page = await agent.get('/admin/settings').expect(200);
    expect(page.text).toContain('Pola nomor Surat Keputusan penolakan');
    const base = { _csrf: csrfFrom(page.text), office_name: 'PPID X', office_city: 'Sleman', registration_pattern: '{seq:3}/PPID/{month_roman}/{year}', objection_pattern: '{seq:3}/KEB/PPID/{year}' };
    const bad = await agent.post('/admin/settings').type('form').send({ ...base, rejection_letter_pattern: 'SK/{year}' });
    expect(bad.status).toBe(400);
    const page2 = await agent.get('/admin/settings').expect(200);
    await agent.post('/admin/settings').type('form').send({ ...base, _csrf: csrfFrom(page2.text), rejection_letter_pattern: 'SK-{seq:2}/{year}' }).expect(302);
    expect(rejected(db).rejectionLetterNumber).toBe('SK-01/2022');
  });
});
