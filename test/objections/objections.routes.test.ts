import { describe, it, expect, vi, afterEach } from 'vitest';
import request from 'supertest';
import { buildTestApp, freshDb } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { makeDecidedRequest, makeObjection, makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection, getObjection, openObjectionCounts, respondToObjection } from '../../src/objections/objections.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import type { Db } from '../../src/db/client.js';

const zone = 'Asia/Jakarta';

const rejectedRequest = (db: Db) => makeDecidedRequest(db);
const filed = (db: Db) => makeObjection(db).objection;

describe('objection pages', () => {
  it('when an officer files an objection, then it is numbered, listed on the request and the register, with a receipt', async () => {
    const { app, db } = buildTestApp();
    const r = rejectedRequest(db);
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const res = await agent.post(`/requests/${r.id}/objections`).type('form')
      .send({ _csrf: csrf, filedOn: '2022-03-20', grounds: ['a', 'e'], statement: 'Informasi anggaran bukan rahasia pribadi', filedBy: 'requester' });
    expect(res.status).toBe(302);
    const id = Number(res.headers.location.split('/').pop());
    expect(getObjection(db, id)).toMatchObject({ registrationNumber: '001/KEB/PPID/2022', grounds: 'a,e', late: false, responseDueOn: '2022-05-10' }) // 30 working days from Sun 20 Mar, skipping 15 Apr and Lebaran 29 Apr–6 May;
    const show = await agent.get(`/requests/${r.id}`).expect(200);
    expect(show.text).toContain('001/KEB/PPID/2022');
    expect(show.text).toContain('Keberatan 001/KEB/PPID/2022 dicatat');
    const register = await agent.get('/objections?year=2022').expect(200);
    expect(register.text).toContain('001/KEB/PPID/2022');
    const receipt = await agent.get(`/objections/${id}/receipt`).expect(200);
    expect(receipt.text).toContain('Selasa, 10 Mei 2022');
  });

  it('when the objection has nothing to object to, then it is refused and the typed statement is kept', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2026-11-23' });
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    const res = await agent.post(`/requests/${r.id}/objections`).type('form')
      .send({ _csrf: csrf, filedOn: '2026-11-23', grounds: 'c', statement: 'Belum dijawab', filedBy: 'requester' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('belum ada yang dapat diajukan keberatan');
    expect(res.text).toContain('Belum dijawab');
  });

  it('when a late objection comes without a note, then the form asks for it; with the note it is recorded as late', async () => {
    const { app, db } = buildTestApp();
    const r = rejectedRequest(db);
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const body = { _csrf: csrf, filedOn: '2022-06-01', grounds: 'a', statement: 'x', filedBy: 'requester' };
    const res = await agent.post(`/requests/${r.id}/objections`).type('form').send(body);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Tetap dapat dicatat');
    const ok = await agent.post(`/requests/${r.id}/objections`).type('form').send({ ...body, lateNote: 'Surat tertahan di pos' });
    expect(ok.status).toBe(302);
    expect(getObjection(db, Number(ok.headers.location.split('/').pop())).late).toBe(true);
  });

  it('when the supervisor answers, then the letter prints; an officer may not answer; a second answer is refused', async () => {
    const { app, db } = buildTestApp();
    const o = filed(db);
    const officer = await loginAs(app, db, 'officer');
    await officer.agent.post(`/objections/${o.id}/respond`).type('form').send({ _csrf: officer.csrf, respondedOn: '2022-03-25', result: 'rejected', reasoning: 'x' }).expect(403);
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    const early = await agent.post(`/objections/${o.id}/respond`).type('form').send({ _csrf: csrf, respondedOn: '2022-03-19', result: 'upheld', reasoning: 'Alasan saya' });
    expect(early.status).toBe(400);
    expect(early.text).toContain('sebelum keberatan diajukan');
    expect(early.text).toContain('Alasan saya');
    await agent.post(`/objections/${o.id}/respond`).type('form')
      .send({ _csrf: csrf, version: String(o.version), respondedOn: '2022-03-25', result: 'upheld', reasoning: 'Data agregat dapat dibuka', informationGivenOn: '2022-03-28' }).expect(302);
    const letter = await agent.get(`/objections/${o.id}/response-letter`).expect(200);
    expect(letter.text).toContain('Data agregat dapat dibuka');
    const again = await agent.post(`/objections/${o.id}/respond`).type('form').send({ _csrf: csrf, respondedOn: '2022-03-26', result: 'rejected', reasoning: 'x' });
    expect(again.status).toBe(400);
    await agent.post(`/objections/${o.id}/dispute`).type('form')
      .send({ _csrf: csrf, disputeRegisteredOn: '2022-04-05', disputeCaseNumber: '012/REG-PSI/IV/2022', disputeResult: 'pending' }).expect(302);
    expect(getObjection(db, o.id).disputeCaseNumber).toBe('012/REG-PSI/IV/2022');
    expect(listAudit(db, { entityType: 'objection' }, 1, 10).total).toBe(3);
    const filtered = await agent.get('/objections?year=2022&status=dispute').expect(200);
    expect(filtered.text).toContain(o.registrationNumber);
  });
});

describe('objections API', () => {
  it('files, answers and lists through the API, with the documented refusals', async () => {
    const { app, db } = buildTestApp();
    const r = rejectedRequest(db);
    const officer = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
    const supervisor = { Authorization: `Bearer ${await tokenFor(db, 'supervisor')}` };
    const bad = await request(app).post(`/api/v1/requests/${r.id}/objections`).set(officer).send({ filed_on: '2022-03-20', grounds: ['z'], statement: '', filed_by: 'someone' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['filed_by', 'grounds.0', 'statement']);
    const misfit = await request(app).post(`/api/v1/requests/${r.id}/objections`).set(officer).send({ filed_on: '2022-03-20', grounds: ['c'], statement: 'x', filed_by: 'requester' });
    expect(misfit.body.error.fields.grounds).toMatch(/huruf c/);
    const created = await request(app).post(`/api/v1/requests/${r.id}/objections`).set(officer).send({ filed_on: '2022-03-20', grounds: ['a'], statement: 'x', filed_by: 'requester' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ registration_number: '001/KEB/PPID/2022', status: 'open', response_due_on: '2022-05-10' });
    await request(app).post('/api/v1/requests/9999/objections').set(officer).send({ filed_on: '2022-03-20', grounds: ['a'], statement: 'x', filed_by: 'requester' }).expect(404);
    expect((await request(app).post(`/api/v1/objections/${created.body.id}/response`).set(officer).send({ responded_on: '2022-03-25', result: 'rejected', reasoning: 'x' })).status).toBe(403);
    const early = await request(app).post(`/api/v1/objections/${created.body.id}/response`).set(supervisor).send({ responded_on: '2022-03-01', result: 'rejected', reasoning: 'x' });
    expect(early.body.error.fields.responded_on).toBeTruthy();
    const answered = await request(app).post(`/api/v1/objections/${created.body.id}/response`).set(supervisor).send({ responded_on: '2022-03-25', result: 'rejected', reasoning: 'Tetap dikecualikan' });
    expect(answered.status).toBe(200);
    expect(answered.body.response).toMatchObject({ result: 'rejected' });
    const second = await request(app).post(`/api/v1/objections/${created.body.id}/response`).set(supervisor).send({ responded_on: '2022-03-26', result: 'upheld', reasoning: 'x' });
    expect(second.status).toBe(400);
    const list = await request(app).get('/api/v1/objections?year=2022').set(officer).expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].request_registration_number).toBe(r.registrationNumber);
    expect((await request(app).get('/api/v1/objections?year=20x').set(officer)).status).toBe(400);
  });
});

describe('calendar gaps', () => {
  it('when a deadline falls in a year without holidays, then the page warns that it may move', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2026-11-20' });
    decideRequest({ db, actor: testActor, zone, id: r.id, input: { decidedOn: '2026-11-23', provideOn: '2026-11-23', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'partial', reasons: ['not_held'], exemptionArticles: [], consequenceTest: '', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
    const o = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: { filedOn: '2026-11-23', grounds: ['e'], statement: 'x', filedBy: 'requester', proxyName: '', lateNote: '' } });
    const { agent } = await loginAs(app, db, 'auditor');
    expect((await agent.get(`/objections/${o.id}`)).text).toContain('Kalender libur tahun 2027 belum diisi');
    expect((await agent.get(`/requests/${r.id}`)).text).toContain('Kalender libur tahun 2027 belum diisi');
  });
});

describe('the objection register and the supervisor\'s count', () => {
  afterEach(() => { vi.useRealTimers(); });

  /** On Monday 9 May 2022: one objection overdue (filed 2021), one due soon (due 10 May 2022), one answered. */
  function threeObjections(db: Db) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2022-05-09T03:00:00Z'));
    const old = makeRequest(db, { receivedOn: '2021-03-01' });
    decideRequest({ db, actor: testActor, zone, id: old.id, input: { decidedOn: '2021-03-08', provideOn: '2021-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Membuka data pribadi.', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
    const overdue = fileObjection({ db, actor: testActor, zone, requestId: old.id, input: { filedOn: '2021-03-20', grounds: ['a'], statement: 'Lama', filedBy: 'requester', proxyName: '', lateNote: '' } });
    const dueSoon = filed(db);
    const answered = filed(db);
    respondToObjection({ db, actor: testActor, zone, id: answered.id, input: { respondedOn: '2022-04-01', result: 'rejected', reasoning: 'Tetap dikecualikan', followUp: '', informationGivenOn: '', responderName: '', version: undefined } as never });
    return { overdue, dueSoon, answered };
  }

  it('when the register is opened without a filter, then it lists every open objection of every year, with the years as a select', async () => {
    const { app, db } = buildTestApp();
    const { overdue, dueSoon, answered } = threeObjections(db);
    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get('/objections').expect(200);
    expect(page.text).toContain(overdue.registrationNumber);
    expect(page.text).toContain(dueSoon.registrationNumber);
    expect(page.text).not.toContain(answered.registrationNumber);
    expect(page.text).toMatch(/<select name="year">\s*<option value="">Semua tahun<\/option>\s*<option value="2022">2022<\/option><option value="2021">2021<\/option>/);
    expect(page.text).toMatch(/<option value="open" selected>/);
    const all = await agent.get('/objections?year=&status=').expect(200);
    expect(all.text).toContain(answered.registrationNumber);
    expect(all.text).toContain(overdue.registrationNumber);
    const year2022 = await agent.get('/objections?year=2022&status=').expect(200);
    expect(year2022.text).toMatch(/<option value="2022" selected>/);
    expect(year2022.text).not.toContain(overdue.registrationNumber);
    expect(year2022.text).toContain(answered.registrationNumber);
  });

  it('when a supervisor opens any page, then the navigation counts open, due soon and overdue objections; others see no count', async () => {
    const { app, db } = buildTestApp();
    threeObjections(db);
    const supervisor = await loginAs(app, db, 'supervisor');
    const page = await supervisor.agent.get('/requests').expect(200);
    const badge = /<span class="nav-count" id="objection-counts" title="([^"]+)">(.*?)<\/span><\/a>/s.exec(page.text);
    expect(badge?.[1]).toBe('2 menunggu tanggapan · 1 segera jatuh tempo · 1 lewat tenggat');
    expect(badge?.[2]).toBe('<span class="badge badge-open">2</span> <span class="badge badge-soon">1</span> <span class="badge badge-late">1</span>');
    for (const role of ['officer', 'auditor', 'admin'] as const) {
      const { agent } = await loginAs(app, db, role);
      expect((await agent.get('/objections')).text).not.toContain('objection-counts');
    }
  });

  it('the count is answered from the partial index of unanswered objections', () => {
    const db = freshDb();
    const plan = db.$client.prepare(`explain query plan select count(*) from objections indexed by objections_open_idx where responded_on is null`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX objections_open_idx/);
    expect(openObjectionCounts(db, zone)).toEqual({ open: 0, dueSoon: 0, overdue: 0 });
  });
});
