/**
 * Issue 13 points 11–13: the dispute window, the Komisi Informasi's stages, the objection
 * register's fields (the requester's response), objections without a request (ground b), and
 * one open objection per request at a time.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import {
  fileObjection, getObjection, recordDispute, recordDisputeStage, respondToObjection, stagesOfObjection,
} from '../../src/objections/objections.service.js';
import { buildRecap } from '../../src/recap/recap.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import type { Db } from '../../src/db/client.js';

const zone = 'Asia/Jakarta';

function rejectedRequest(db: Db) {
  const r = makeRequest(db, { receivedOn: '2022-03-01' });
  decideRequest({ db, actor: testActor, zone, id: r.id, input: { decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'x', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
  return r;
}
const filing = { filedOn: '2022-03-20', grounds: ['a' as const], statement: 'Data tidak bersifat rahasia', filedBy: 'requester' as const, proxyName: '', lateNote: '' };

/** An objection answered (rejected) on Fri 25 Mar 2022: the dispute window ends Thu 14 Apr 2022. */
function answered(db: Db) {
  const r = rejectedRequest(db);
  const o = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: filing });
  return respondToObjection({ db, actor: testActor, zone, id: o.id, input: { respondedOn: '2022-03-25', result: 'rejected', reasoning: 'Tetap dikecualikan', followUp: '', informationGivenOn: null, responderName: '' } });
}
function registered(db: Db) {
  const o = answered(db);
  return recordDispute({ db, actor: testActor, zone, id: o.id, input: { disputeRegisteredOn: '2022-04-05', disputeCaseNumber: '012/REG-PSI/IV/2022', disputeLateNote: '', disputeNote: '' } });
}

describe('the dispute window (Pasal 37 ayat 2)', () => {
  it('when the objection is answered, then its page, the register and the API show the last day to go to the Komisi Informasi', async () => {
    const { app, db } = buildTestApp();
    const o = answered(db);
    const { agent } = await loginAs(app, db, 'auditor');
    const page = await agent.get(`/objections/${o.id}`).expect(200);
    expect(page.text).toContain('Batas pengajuan sengketa');
    expect(page.text).toContain('Kamis, 14 April 2022');
    const register = await agent.get('/objections?year=2022&status=').expect(200);
    expect(register.text).toContain('14 April 2022');
    const token = await tokenFor(db, 'auditor', 'auditor2');
    const json = await request(app).get(`/api/v1/objections/${o.id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(json.body.dispute_due_on).toBe('2022-04-14');
  });

  it('when a dispute is registered after the window without a note, then the form asks for one; with it, the dispute is marked late', async () => {
    const { app, db } = buildTestApp();
    const o = answered(db);
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    const body = { _csrf: csrf, version: String(o.version), disputeRegisteredOn: '2022-04-18', disputeCaseNumber: '020/REG-PSI/IV/2022' };
    const refused = await agent.post(`/objections/${o.id}/dispute`).type('form').send(body);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('setelah batas 14 hari kerja');
    expect(refused.text).toContain('020/REG-PSI/IV/2022');
    expect(getObjection(db, o.id).disputeRegisteredOn).toBeNull();
    await agent.post(`/objections/${o.id}/dispute`).type('form').send({ ...body, disputeLateNote: 'Tanggapan baru diterima pemohon 10 April' }).expect(302);
    expect(getObjection(db, o.id)).toMatchObject({ disputeLate: true, disputeLateNote: 'Tanggapan baru diterima pemohon 10 April', disputeResult: 'pending' });
    const page = await agent.get(`/objections/${o.id}`).expect(200);
    expect(page.text).toContain('didaftarkan terlambat');
    expect(page.text).toContain('Mengajukan sengketa ke Komisi Informasi');
    expect((await agent.get('/objections?year=2022&status=dispute')).text).toContain('sengketa terlambat');
  });

  it('when a dispute is registered before the answer period ran out, then it is refused', async () => {
    const { app, db } = buildTestApp();
    const r = rejectedRequest(db);
    const o = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: filing });
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    const res = await agent.post(`/objections/${o.id}/dispute`).type('form').send({ _csrf: csrf, disputeRegisteredOn: '2022-04-05' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Sengketa tidak dapat didaftarkan sebelum');
  });
});

describe('the Komisi Informasi\'s stages', () => {
  it('when the supervisor records mediation, adjudication, PTUN and MA, then the page shows them as a timeline and the recap counts the result', async () => {
    const { app, db } = buildTestApp();
    const o = registered(db);
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    for (const stage of ['mediation', 'adjudication', 'court']) await agent.get(`/objections/${o.id}/dispute-stages/${stage}`).expect(200);
    await agent.get(`/objections/${o.id}/dispute-stages/registration`).expect(404);
    const post = (body: Record<string, string>) => agent.post(`/objections/${o.id}/dispute-stages`).type('form').send({ _csrf: csrf, ...body });
    await post({ stage: 'mediation', heldOn: '2022-05-09', result: 'failed', note: 'Para pihak tidak sepakat' }).expect(302);
    await post({ stage: 'adjudication', heldOn: '2022-07-11', caseNumber: '012/IV/KIP-PS-A/2022', result: 'partly_granted' }).expect(302);
    expect(getObjection(db, o.id)).toMatchObject({ disputeResult: 'partly_granted', disputeDecidedOn: '2022-07-11' });
    await post({ stage: 'court', court: 'ptun', heldOn: '2022-07-25', caseNumber: '101/G/KI/2022/PTUN.JKT', decidedOn: '2022-09-20', result: 'rejected' }).expect(302);
    await post({ stage: 'court', court: 'ma', heldOn: '2022-10-03', caseNumber: '55 K/TUN/KI/2022', result: 'pending' }).expect(302);
    const page = await agent.get(`/objections/${o.id}`).expect(200);
    const order = ['Registrasi di Komisi Informasi', 'Mediasi gagal', 'Dikabulkan sebagian', '101/G/KI/2022/PTUN.JKT', 'Mahkamah Agung (kasasi)'].map((t) => page.text.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(listAudit(db, { entityType: 'objection', entityId: String(o.id) }, 1, 20).rows.filter((r) => r.action === 'objection.dispute_stage')).toHaveLength(4);
    const a = buildRecap(db, 2022, { today: '2022-12-31' }).analytics.objections;
    expect(a.disputeResults.partly_granted).toBe(1);
    expect(a.courtCases).toBe(1);
    expect(a.courtResults.pending).toBe(1); // the MA has not decided yet
    const recap = await agent.get('/recap?year=2022').expect(200);
    expect(recap.text).toContain('Berlanjut ke pengadilan');
  });

  it('when a stage comes out of order, then it is refused with a message and nothing is written', async () => {
    const { app, db } = buildTestApp();
    const o = answered(db);
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    const post = (body: Record<string, string>) => agent.post(`/objections/${o.id}/dispute-stages`).type('form').send({ _csrf: csrf, ...body });
    const unregistered = await post({ stage: 'mediation', heldOn: '2022-05-09', result: 'failed' });
    expect(unregistered.status).toBe(400);
    expect(unregistered.text).toContain('catat registrasinya lebih dulu');
    recordDispute({ db, actor: testActor, zone, id: o.id, input: { disputeRegisteredOn: '2022-04-05', disputeCaseNumber: '', disputeLateNote: '', disputeNote: '' } });
    const early = await post({ stage: 'mediation', heldOn: '2022-04-01', result: 'failed' });
    expect(early.status).toBe(400);
    expect(early.text).toContain('tidak boleh sebelum registrasi sengketa');
    const wrongResult = await post({ stage: 'mediation', heldOn: '2022-05-09', result: 'granted' });
    expect(wrongResult.text).toContain('Pilih hasil mediasi');
    const courtFirst = await post({ stage: 'court', court: 'ptun', heldOn: '2022-05-09', result: 'pending' });
    expect(courtFirst.status).toBe(400);
    expect(courtFirst.text).toContain('memerlukan putusan ajudikasi');
    await post({ stage: 'mediation', heldOn: '2022-05-09', result: 'agreed' }).expect(302);
    const afterAgreement = await post({ stage: 'adjudication', heldOn: '2022-06-09', result: 'granted' });
    expect(afterAgreement.status).toBe(400);
    expect(afterAgreement.text).toContain('sengketa selesai tanpa ajudikasi');
    expect(stagesOfObjection(db, o.id)).toHaveLength(1);
    expect(getObjection(db, o.id)).toMatchObject({ disputeResult: 'mediation_agreed', disputeDecidedOn: '2022-05-09' });
    const officer = await loginAs(app, db, 'officer');
    await officer.agent.post(`/objections/${o.id}/dispute-stages`).type('form').send({ _csrf: officer.csrf, stage: 'mediation', heldOn: '2022-05-09', result: 'failed' }).expect(403);
  });

  it('when the MA is recorded before the PTUN decided, then it is refused', async () => {
    const { db } = buildTestApp();
    const o = registered(db);
    recordDisputeStage({ db, actor: testActor, zone, id: o.id, input: { stage: 'adjudication', court: '', heldOn: '2022-06-01', decidedOn: null, caseNumber: '', result: 'rejected', note: '' } });
    recordDisputeStage({ db, actor: testActor, zone, id: o.id, input: { stage: 'court', court: 'pn', heldOn: '2022-06-10', decidedOn: null, caseNumber: '', result: 'pending', note: '' } });
    expect(() => recordDisputeStage({ db, actor: testActor, zone, id: o.id, input: { stage: 'court', court: 'ma', heldOn: '2022-07-01', decidedOn: null, caseNumber: '', result: 'pending', note: '' } }))
      .toThrow();
    expect(stagesOfObjection(db, o.id).map((s) => s.court)).toEqual(['', 'pn']);
  });

  it('POST /api/v1/objections/:id/dispute-stages records each stage for supervisor tokens, and the objection JSON carries them', async () => {
    const { app, db } = buildTestApp();
    const o = answered(db);
    const supervisor = { Authorization: `Bearer ${await tokenFor(db, 'supervisor')}` };
    const officer = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
    const url = `/api/v1/objections/${o.id}/dispute-stages`;
    await request(app).post(url).set(officer).send({ stage: 'registration', registered_on: '2022-04-05' }).expect(403);
    const bad = await request(app).post(url).set(supervisor).send({ stage: 'appeal', registered_on: '2022-04-05' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation');
    const early = await request(app).post(url).set(supervisor).send({ stage: 'mediation', held_on: '2022-05-09', result: 'failed' });
    expect(early.status).toBe(400);
    expect(early.body.error.fields.stage).toMatch(/registrasinya/);
    const late = await request(app).post(url).set(supervisor).send({ stage: 'registration', registered_on: '2022-04-18' });
    expect(late.status).toBe(400);
    expect(late.body.error.fields.late_note).toMatch(/14 hari kerja/);
    const reg = await request(app).post(url).set(supervisor).send({ stage: 'registration', registered_on: '2022-04-05', case_number: '012/REG-PSI/IV/2022' });
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ dispute_due_on: '2022-04-14', dispute: { registered_on: '2022-04-05', late: false, stages: [] }, requester_response: { response: 'dispute' } });
    const beforeReg = await request(app).post(url).set(supervisor).send({ stage: 'adjudication', decided_on: '2022-04-01', result: 'granted' });
    expect(beforeReg.body.error.fields.decided_on).toBeTruthy();
    const adj = await request(app).post(url).set(supervisor).send({ stage: 'adjudication', decided_on: '2022-06-01', result: 'not_admissible', case_number: '12/KIP/2022' });
    expect(adj.status).toBe(201);
    expect(adj.body.dispute).toMatchObject({ result: 'not_admissible', decided_on: '2022-06-01', stages: [{ stage: 'adjudication', held_on: '2022-06-01', result: 'not_admissible' }] });
    const court = await request(app).post(url).set(supervisor).send({ stage: 'court', court: 'ptun', filed_on: '2022-06-15', case_number: '1/G/KI/2022' });
    expect(court.status).toBe(201);
    expect(court.body.dispute.stages[1]).toMatchObject({ stage: 'court', court: 'ptun', result: 'pending', decided_on: null });
    const got = await request(app).get(`/api/v1/objections/${o.id}`).set(officer).expect(200);
    expect(got.body.dispute.stages).toHaveLength(2);
  });
});

describe('the objection register\'s fields (Perki)', () => {
  it('when the requester\'s response is recorded, then it shows on the page and in the register; before an answer it is refused', async () => {
    const { app, db } = buildTestApp();
    const r = rejectedRequest(db);
    const open = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: filing });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const early = await agent.post(`/objections/${open.id}/requester-response`).type('form').send({ _csrf: csrf, requesterResponse: 'accepted', requesterResponseOn: '2022-03-28', requesterResponseNote: 'Lewat telepon' });
    expect(early.status).toBe(400);
    expect(early.text).toContain('belum ditanggapi atasan PPID');
    expect(early.text).toContain('Lewat telepon');
    respondToObjection({ db, actor: testActor, zone, id: open.id, input: { respondedOn: '2022-03-25', result: 'upheld', reasoning: 'Data agregat dibuka', followUp: '', informationGivenOn: null, responderName: 'Sekretaris' } });
    await agent.get(`/objections/${open.id}/requester-response`).expect(200);
    const before = await agent.post(`/objections/${open.id}/requester-response`).type('form').send({ _csrf: csrf, requesterResponse: 'accepted', requesterResponseOn: '2022-03-24' });
    expect(before.status).toBe(400);
    await agent.post(`/objections/${open.id}/requester-response`).type('form').send({ _csrf: csrf, requesterResponse: 'accepted', requesterResponseOn: '2022-03-28' }).expect(302);
    expect(getObjection(db, open.id)).toMatchObject({ requesterResponse: 'accepted', requesterResponseOn: '2022-03-28' });
    const page = await agent.get(`/objections/${open.id}`).expect(200);
    expect(page.text).toContain('Menerima tanggapan atasan PPID');
    const register = await agent.get('/objections?year=2022&status=answered').expect(200);
    expect(register.text).toContain('Menerima tanggapan atasan PPID');
    expect(register.text).toContain('Keberatan diterima');
    const auditor = await loginAs(app, db, 'auditor');
    await auditor.agent.post(`/objections/${open.id}/requester-response`).type('form').send({ _csrf: auditor.csrf, requesterResponse: 'accepted', requesterResponseOn: '2022-03-28' }).expect(403);
  });

  it('when an objection is still open, then a second one on the same request is refused with a clear message; once answered, the next one is recorded', async () => {
    const { app, db } = buildTestApp();
    const r = rejectedRequest(db);
    const first = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: filing });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const body = { _csrf: csrf, filedOn: '2022-03-22', grounds: 'e', statement: 'Keberatan kedua', filedBy: 'requester' };
    const refused = await agent.post(`/requests/${r.id}/objections`).type('form').send(body);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(`masih memiliki keberatan yang belum ditanggapi (${first.registrationNumber})`);
    expect(refused.text).toContain('Keberatan kedua');
    const token = await tokenFor(db, 'officer', 'officer2');
    const api = await request(app).post(`/api/v1/requests/${r.id}/objections`).set('Authorization', `Bearer ${token}`).send({ filed_on: '2022-03-22', grounds: ['e'], statement: 'x', filed_by: 'requester' });
    expect(api.status).toBe(400);
    expect(api.body.error.fields.filed_on).toMatch(/belum ditanggapi/);
    respondToObjection({ db, actor: testActor, zone, id: first.id, input: { respondedOn: '2022-03-25', result: 'rejected', reasoning: 'x', followUp: '', informationGivenOn: null, responderName: '' } });
    const second = await agent.post(`/requests/${r.id}/objections`).type('form').send({ ...body, filedOn: '2022-03-28' });
    expect(second.status).toBe(302);
    expect(getObjection(db, Number(second.headers.location.split('/').pop())).registrationNumber).toBe('002/KEB/PPID/2022');
  });
});

describe('objections without a request (Pasal 35 ayat 1 huruf b)', () => {
  it('when ground b is filed with its objector, then it is numbered in the same sequence, listed, and its papers print', async () => {
    const { app, db } = buildTestApp();
    const r = rejectedRequest(db);
    fileObjection({ db, actor: testActor, zone, requestId: r.id, input: filing });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    await agent.get('/objections/new').expect(200);
    const body = { _csrf: csrf, filedOn: '2022-04-04', grounds: 'b', objectorName: 'Forum Warga Peduli Anggaran', objectorAddress: 'Jl. Kenanga 5, Sleman', objectorContact: 'forum@example.org', statement: 'Laporan keuangan 2021 tidak diumumkan', filedBy: 'requester' };
    const res = await agent.post('/objections').type('form').send(body);
    expect(res.status).toBe(302);
    const id = Number(res.headers.location.split('/').pop());
    expect(getObjection(db, id)).toMatchObject({ requestId: null, registrationNumber: '002/KEB/PPID/2022', grounds: 'b', objectorName: 'Forum Warga Peduli Anggaran', late: false });
    const page = await agent.get(`/objections/${id}`).expect(200);
    expect(page.text).toContain('tanpa permohonan');
    expect(page.text).toContain('Jl. Kenanga 5, Sleman');
    expect((await agent.get(`/objections/${id}/receipt`).expect(200)).text).toContain('Forum Warga Peduli Anggaran');
    const register = await agent.get('/objections?year=2022').expect(200);
    expect(register.text).toContain('Forum Warga Peduli Anggaran');
    respondToObjection({ db, actor: testActor, zone, id, input: { respondedOn: '2022-04-08', result: 'upheld', reasoning: 'Akan diumumkan', followUp: '', informationGivenOn: null, responderName: '' } });
    expect((await agent.get(`/objections/${id}/response-letter`).expect(200)).text).toContain('Forum Warga Peduli Anggaran');
    expect(listAudit(db, { entityType: 'objection', entityId: String(id) }, 1, 5).total).toBe(2);
  });

  it('when another ground or no objector is given, then the form refuses it and keeps the text', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    const body = { _csrf: csrf, filedOn: '2022-04-04', objectorName: 'Budi', objectorAddress: 'Jl. A', statement: 'Uraian yang diketik', filedBy: 'requester' };
    const otherGround = await agent.post('/objections').type('form').send({ ...body, grounds: ['b', 'c'] });
    expect(otherGround.status).toBe(400);
    expect(otherGround.text).toContain('hanya dapat diajukan dengan alasan huruf b');
    expect(otherGround.text).toContain('Uraian yang diketik');
    const nobody = await agent.post('/objections').type('form').send({ ...body, grounds: 'b', objectorName: '' });
    expect(nobody.status).toBe(400);
    expect(nobody.text).toContain('Isi nama pengaju keberatan');
    const auditor = await loginAs(app, db, 'auditor');
    await auditor.agent.post('/objections').type('form').send({ ...body, _csrf: auditor.csrf, grounds: 'b' }).expect(403);
    expect(listAudit(db, { entityType: 'objection' }, 1, 5).total).toBe(0);
  });
});
