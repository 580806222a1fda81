/**
 * Issue 16.4–16.6 and 16.9: the head's approval of a unit's answer, the numbered BAK, making a
 * ticket a PPID request, and the knowledge base (pages and API, with every refusal).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, testUnit, tokenFor } from '../helpers/login-as.js';
import { testActor } from '../helpers/factories.js';
import { escalateConsultation, logConsultation } from '../../src/desk/desk.service.js';
import { setUnitApproval, answerTimes } from '../../src/desk/approval.js';
import { createEntry, entriesAwaitingReview } from '../../src/knowledge/knowledge.service.js';
import { findUserByUsername } from '../../src/auth/users.repo.js';
import type { Db } from '../../src/db/client.js';

const Z = 'Asia/Jakarta';
// Monday 2026-01-12, 10:00 WIB.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-12T10:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

const rows = (db: Db, sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];
const count = (db: Db, table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
function ticket(db: Db, o: { receivedAt?: string; channel?: 'whatsapp' | 'visit' | 'email'; category?: 'question' | 'data_request'; name?: string; email?: string } = {}) {
  return logConsultation({ db, actor: testActor, zone: Z, input: {
    received_at: o.receivedAt ?? '2026-01-12T08:00:00+07:00', channel: o.channel ?? 'whatsapp', category: o.category ?? 'question', topic: 'village_fund',
    question: 'Kapan dana desa tahap II cair?', escalated: false,
    user: { name: o.name ?? 'Siti Aminah', type: 'local_government', institution: 'Pemdes Sukamaju', region_code: '', email: o.email ?? 'siti@desa.id', phone: '0812 3456 789' } } });
}
const escalate = (db: Db, id: number, at = '2026-01-12T08:30:00+07:00') =>
  escalateConsultation({ db, actor: testActor, zone: Z, id, input: { unit_code: 'UT.1', escalated_at: at, note: '' } });

async function approvalWorld() {
  const { app, db } = buildTestApp();
  const unitId = testUnit(db);
  const staffToken = await tokenFor(db, 'unit', 'staf-unit', unitId);
  const headToken = await tokenFor(db, 'unit', 'kepala-unit', unitId);
  const agentToken = await tokenFor(db, 'agent', 'agen');
  const officerToken = await tokenFor(db, 'officer', 'petugas');
  setUnitApproval({ db, actor: testActor, unitId, input: { approvalRequired: true, headUserId: findUserByUsername(db, 'kepala-unit')!.id } });
  const post = (path: string, body: unknown, token: string) => request(app).post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body as object);
  return { app, db, unitId, staffToken, headToken, agentToken, officerToken, post };
}

describe("the unit head's approval (16.4)", () => {
  it("when a unit needs its head's approval, then the staff's answer is a draft, a non-head is refused, a returned draft is answered again, and only the approved text is sent", async () => {
    const { db, unitId, staffToken, headToken, agentToken, officerToken, post } = await approvalWorld();
    const c = ticket(db);
    escalate(db, c.id);
    const draft = await post(`/consultations/${c.id}/answer`, { answered_at: '2026-01-12T09:00:00+07:00', answer: 'Tahap II cair bulan Juni.' }, staffToken);
    expect(draft.status, draft.text).toBe(202);
    expect(draft.body).toMatchObject({ status: 'escalated', answer: null, answered_at: null });
    // A second answer while the first waits; the agent cannot send around the head.
    expect((await post(`/consultations/${c.id}/answer`, { answered_at: '2026-01-12T09:05:00+07:00', answer: 'Lain' }, staffToken)).status).toBe(409);
    const around = await post(`/consultations/${c.id}/answer`, { answered_at: '2026-01-12T09:05:00+07:00', answer: 'Jawaban agen' }, agentToken);
    expect([around.status, around.body.error.message]).toEqual([409, 'Jawaban unit ini perlu disetujui kepala unit sebelum dikirim kepada pengguna.']);
    expect((await post(`/consultations/${c.id}/send`, { answered_at: '2026-01-12T09:10:00+07:00' }, agentToken)).status).toBe(409);
    // Not the head: the staff member, and desk staff (no unit role at all).
    const notHead = await post(`/consultations/${c.id}/approval`, { decision: 'approve' }, staffToken);
    expect([notHead.status, notHead.body.error.message]).toEqual([403, 'Hanya kepala unit UT.1 yang dapat menyetujui atau mengembalikan jawaban ini.']);
    expect((await post(`/consultations/${c.id}/approval`, { decision: 'approve' }, officerToken)).status).toBe(403);
    // Sent back: a note is required.
    const bare = await post(`/consultations/${c.id}/approval`, { decision: 'return' }, headToken);
    expect([bare.status, Object.keys(bare.body.error.fields)]).toEqual([400, ['note']]);
    const back = await post(`/consultations/${c.id}/approval`, { decision: 'return', note: 'Sebutkan dasar hukumnya.' }, headToken);
    expect(back.status, back.text).toBe(200);
    expect(back.body.approval).toMatchObject({ status: 'returned', note: 'Sebutkan dasar hukumnya.' });
    expect((await post(`/consultations/${c.id}/approval`, { decision: 'approve' }, headToken)).status).toBe(409);
    // Answered again, approved, sent.
    const text = 'Tahap II cair bulan Juni (PMK 145/2023).';
    expect((await post(`/consultations/${c.id}/answer`, { answered_at: '2026-01-12T09:30:00+07:00', answer: text }, staffToken)).status).toBe(202);
    expect((await post(`/consultations/${c.id}/approval`, { decision: 'approve' }, headToken)).body.approval.status).toBe('approved');
    const edited = await post(`/consultations/${c.id}/answer`, { answered_at: '2026-01-12T09:50:00+07:00', answer: `${text} Diubah agen.` }, agentToken);
    expect([edited.status, Object.keys(edited.body.error.fields)]).toEqual([400, ['answer']]);
    const sent = await post(`/consultations/${c.id}/send`, { answered_at: '2026-01-12T09:50:00+07:00' }, agentToken);
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toMatchObject({ status: 'answered', answer: text, approval: { status: 'sent' }, bak_number: '00001/BAK/2026', minutes_escalation_to_answer: 80 });
    expect((await post(`/consultations/${c.id}/send`, { answered_at: '2026-01-12T09:55:00+07:00' }, agentToken)).status).toBe(409);
    // Per unit: escalation 08:30 → approved draft 09:30 (60 min); approval recorded at "now" (10:00: 90 min).
    expect(answerTimes(db, Z, 2026, 1)).toEqual([{ unitId, answered: 1, minutesToAnswer: 60, minutesToApproval: 90, approved: 1 }]);
    expect(rows(db, "select action from audit_log where entity_type = 'consultation' and entity_id = '1' order by id").map((r) => r.action)).toEqual([
      'consultation.create', 'consultation.escalate', 'consultation.draft', 'consultation.return', 'consultation.draft', 'consultation.approve', 'consultation.answer',
    ]);
  });

  it('when the approval or send body is hostile (unknown keys, wrong types, arrays, huge text), then 400 with the documented shape and nothing changes', async () => {
    const { db, staffToken, headToken, agentToken, post } = await approvalWorld();
    const c = ticket(db);
    escalate(db, c.id);
    expect((await post(`/consultations/${c.id}/answer`, { answered_at: '2026-01-12T09:00:00+07:00', answer: 'Draf' }, staffToken)).status).toBe(202);
    const before = rows(db, 'select * from consultation_drafts');
    for (const body of [{ decision: 'maybe' }, { decision: ['approve'] }, { decision: 'approve', extra: 1 }, { decision: 'return', note: 'x'.repeat(2001) }, JSON.parse('{"decision":"approve","__proto__":{"admin":true}}'), 'approve', null]) {
      const res = await post(`/consultations/${c.id}/approval`, body, headToken);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation' });
      expect(typeof res.body.error.fields).toBe('object');
    }
    for (const body of [{}, { answered_at: '2026-01-12' }, { answered_at: 12 }, { answered_at: '2026-01-12T09:30:00+07:00', answer: 'ganti' }]) {
      const res = await post(`/consultations/${c.id}/send`, body, agentToken);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(rows(db, 'select * from consultation_drafts')).toEqual(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('when the head is not a user of the unit, or approval is switched on without a head, then 400 and nothing is saved', async () => {
    const { app, db } = buildTestApp();
    const unitId = testUnit(db);
    const other = testUnit(db, 'UT.2');
    await tokenFor(db, 'unit', 'orang-lain', other);
    const { agent } = await loginAs(app, db, 'admin');
    const page = await agent.get('/admin/desk-approval').expect(200);
    expect(page.text).toContain('UT.1');
    const csrf = csrfFrom(page.text);
    const stranger = await agent.post(`/admin/desk-approval/${unitId}`).type('form').send({ _csrf: csrf, approvalRequired: 'yes', headUserId: String(findUserByUsername(db, 'orang-lain')!.id) });
    expect(stranger.status).toBe(400);
    expect(stranger.text).toContain('Kepala unit harus pengguna aktif dari unit UT.1.');
    const none = await agent.post(`/admin/desk-approval/${unitId}`).type('form').send({ _csrf: csrf, approvalRequired: 'yes', headUserId: '' });
    expect(none.text).toContain('Tentukan kepala unit');
    expect(count(db, 'desk_unit_settings')).toBe(0);
  });

  it('when the head approves on the ticket page and the agent sends it there, then the ticket is answered with its BAK', async () => {
    const { app, db } = buildTestApp();
    const unitId = testUnit(db);
    const head = await loginAs(app, db, 'unit', 'kepala', unitId);
    const staff = await loginAs(app, db, 'unit', 'staf', unitId);
    setUnitApproval({ db, actor: testActor, unitId, input: { approvalRequired: true, headUserId: findUserByUsername(db, 'kepala')!.id } });
    const c = ticket(db);
    escalate(db, c.id);
    const form = await staff.agent.get(`/desk/${c.id}`).expect(200);
    expect(form.text).toContain('perlu persetujuan kepala unit');
    await staff.agent.post(`/desk/${c.id}/answer`).type('form').send({ _csrf: csrfFrom(form.text), answeredAt: '2026-01-12T09:00', answer: 'Draf jawaban unit' }).expect(302);
    const staffView = await staff.agent.get(`/desk/${c.id}`).expect(200);
    expect(staffView.text).toContain('Jawaban disimpan dan menunggu persetujuan kepala unit.');
    expect(staffView.text).toContain('Menunggu persetujuan kepala unit');
    expect(staffView.text).not.toContain('action="/desk/1/approval"');
    const headView = await head.agent.get(`/desk/${c.id}`).expect(200);
    expect(headView.text).toContain('action="/desk/1/approval"');
    const refused = await staff.agent.post(`/desk/${c.id}/approval`).type('form').send({ _csrf: csrfFrom(staffView.text), decision: 'approve' });
    expect(refused.status).toBe(403);
    await head.agent.post(`/desk/${c.id}/approval`).type('form').send({ _csrf: csrfFrom(headView.text), decision: 'approve', note: '' }).expect(302);
    const desk = await loginAs(app, db, 'agent');
    const deskView = await desk.agent.get(`/desk/${c.id}`).expect(200);
    expect(deskView.text).toContain('Kirim jawaban yang disetujui');
    const early = await desk.agent.post(`/desk/${c.id}/send`).type('form').send({ _csrf: csrfFrom(deskView.text), answeredAt: '2026-01-12T08:00' });
    expect(early.status).toBe(400);
    expect(early.text).toContain('Waktu jawaban tidak boleh sebelum');
    await desk.agent.post(`/desk/${c.id}/send`).type('form').send({ _csrf: csrfFrom(deskView.text), answeredAt: '2026-01-12T09:40' }).expect(302);
    expect(rows(db, 'select c.status, c.answer, b.number from consultations c join consultation_baks b on b.consultation_id = c.id')).toEqual([
      { status: 'answered', answer: 'Draf jawaban unit', number: '00001/BAK/2026' },
    ]);
  });
});

describe('the Berita Acara Konsultasi (16.5)', () => {
  it('when a ticket is not answered yet, then there is no BAK (page and API 404); once answered it is numbered once, and prints question, answer, user and letterhead', async () => {
    const { app, db } = buildTestApp();
    const c = ticket(db);
    const { agent } = await loginAs(app, db, 'agent');
    const token = await tokenFor(db, 'agent', 'agen-api');
    const before = await agent.get(`/desk/${c.id}/bak`);
    expect(before.status).toBe(404);
    expect(before.text).toContain('belum ada Berita Acara Konsultasi');
    expect((await request(app).get(`/api/v1/consultations/${c.id}/bak`).set('Authorization', `Bearer ${token}`)).status).toBe(404);
    const page = await agent.get(`/desk/${c.id}`).expect(200);
    await agent.post(`/desk/${c.id}/answer`).type('form').send({ _csrf: csrfFrom(page.text), answeredAt: '2026-01-12T09:15', answer: 'Cair pada bulan Juni.' }).expect(302);
    const second = ticket(db, { name: 'Budi' });
    await agent.post(`/desk/${second.id}/answer`).type('form').send({ _csrf: csrfFrom(page.text), answeredAt: '2026-01-12T09:20', answer: 'Lihat situs.' }).expect(302);
    const bak = await agent.get(`/desk/${c.id}/bak`).expect(200);
    for (const text of ['Berita Acara Konsultasi', '00001/BAK/2026', 'Kapan dana desa tahap II cair?', 'Cair pada bulan Juni.', 'Siti Aminah', 'Pemdes Sukamaju', 'PPID Badan Publik', 'Petugas Layanan Informasi']) expect(bak.text).toContain(text);
    expect(bak.text).not.toContain('Lembar 2');
    const api = await request(app).get(`/api/v1/consultations/${second.id}/bak`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(api.body).toMatchObject({ number: '00002/BAK/2026', print_url: `/desk/${second.id}/bak` });
    expect((await agent.get(`/desk/${c.id}`)).text).toContain('Cetak BAK');
  });

  it('when the consultation was a visit, then the BAK prints in two copies, each signed by consultant and guest', async () => {
    const { app, db } = buildTestApp();
    const c = ticket(db, { channel: 'visit', name: 'Tamu Daerah' });
    const { agent } = await loginAs(app, db, 'agent');
    const page = await agent.get(`/desk/${c.id}`).expect(200);
    await agent.post(`/desk/${c.id}/answer`).type('form').send({ _csrf: csrfFrom(page.text), answeredAt: '2026-01-12T09:15', answer: 'Dijelaskan langsung.' }).expect(302);
    const bak = await agent.get(`/desk/${c.id}/bak`).expect(200);
    expect(bak.text.match(/class="paper copy"/g)).toHaveLength(2);
    expect(bak.text).toContain('Lembar 1: untuk kantor');
    expect(bak.text).toContain('Lembar 2: untuk tamu');
    expect(bak.text.match(/Konsultan<div class="space">/g)).toHaveLength(2);
    expect(bak.text.match(/Tamu<div class="space"><\/div>\(Tamu Daerah\)/g)).toHaveLength(2);
  });
});

describe('a consultation made a PPID request (16.6)', () => {
  it('when an officer converts a data request on its page, then the request is prefilled, received on the consultation day (office zone), numbered, and both pages link; a second conversion is refused', async () => {
    const { app, db } = buildTestApp();
    // 06:30 WIB on the 12th is still the 11th in UTC: the request is received on the 12th.
    const c = ticket(db, { receivedAt: '2026-01-12T06:30:00+07:00', category: 'data_request' });
    const { agent } = await loginAs(app, db, 'officer');
    const show = await agent.get(`/desk/${c.id}`).expect(200);
    expect(show.text).toContain('Jadikan permohonan informasi');
    const form = await agent.get(`/desk/${c.id}/request`).expect(200);
    expect(form.text).toContain('value="Siti Aminah"');
    expect(form.text).toContain('Kapan dana desa tahap II cair?</textarea>');
    const body = { _csrf: csrfFrom(form.text), receivedOn: '2026-01-12', channel: 'whatsapp', requesterName: 'Siti Aminah', requesterIdNumber: '', requesterPhone: '0812 3456 789', requesterEmail: 'siti@desa.id',
      requesterOccupation: 'Pemdes Sukamaju', requesterType: 'individual', requesterCategory: 'local_government', proxyName: '', requesterAddress: '', informationRequested: 'Kapan dana desa tahap II cair?',
      purpose: '', obtainMethod: 'softcopy', deliveryMethod: 'email' };
    const incomplete = await agent.post(`/desk/${c.id}/request`).type('form').send(body);
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('Alamat pemohon wajib diisi');
    expect([count(db, 'requests'), count(db, 'consultation_requests')]).toEqual([0, 0]);
    const done = await agent.post(`/desk/${c.id}/request`).type('form').send({ ...body, receivedOn: '2025-12-01', requesterAddress: 'Desa Sukamaju, Sleman', purpose: 'Perencanaan APBDes' });
    expect(done.status, done.text).toBe(302);
    expect(rows(db, 'select id, received_on, due_on, requester_name, information_requested from requests')).toEqual([
      { id: 1, received_on: '2026-01-12', due_on: '2026-01-27', requester_name: 'Siti Aminah', information_requested: 'Kapan dana desa tahap II cair?' },
    ]);
    expect(done.headers.location).toBe('/requests/1');
    const number = (rows(db, 'select registration_number as n from requests')[0].n) as string;
    expect((await agent.get('/requests/1').expect(200)).text).toContain(`Berasal dari konsultasi <a href="/desk/${c.id}">${c.ticketNumber}</a>`);
    expect((await agent.get(`/desk/${c.id}`).expect(200)).text).toContain(`<a href="/requests/1">${number}</a>`);
    const again = await agent.get(`/desk/${c.id}/request`);
    expect(again.status).toBe(409);
    const twice = await agent.post(`/desk/${c.id}/request`).type('form').send({ ...body, requesterAddress: 'x', purpose: 'y' });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain(`sudah dijadikan permohonan informasi ${number}`);
    expect(count(db, 'requests')).toBe(1);
    expect(rows(db, "select action from audit_log where action in ('request.create', 'consultation.convert')").map((r) => r.action)).toEqual(['request.create', 'consultation.convert']);
  });

  it('when the API converts a ticket, then 201 with the request (received on the ticket day) and its link; missing fields name the API field; twice is 409; an agent is refused', async () => {
    const { app, db } = buildTestApp();
    const c = ticket(db, { category: 'data_request' });
    const officer = await tokenFor(db, 'officer', 'petugas');
    const agentToken = await tokenFor(db, 'agent', 'agen');
    const post = (body: unknown, token = officer) => request(app).post(`/api/v1/consultations/${c.id}/request`).set('Authorization', `Bearer ${token}`).send(body as object);
    expect((await post({ requester: { address: 'Sleman' }, purpose: 'Riset' }, agentToken)).status).toBe(403);
    const missing = await post({});
    expect([missing.status, Object.keys(missing.body.error.fields).sort()]).toEqual([400, ['purpose', 'requester.address']]);
    const unknown = await post({ received_on: '2025-01-01' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.received_on).toContain('mengikuti tanggal konsultasi');
    expect((await post({ requester: { type: 'alien' }, purpose: 'Riset' })).body.error.fields).toHaveProperty(['requester.type']);
    expect(count(db, 'requests')).toBe(0);
    const ok = await post({ requester: { address: 'Desa Sukamaju, Sleman' }, purpose: 'Perencanaan APBDes' });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toMatchObject({ received_on: '2026-01-12', consultation_id: c.id, information_requested: 'Kapan dana desa tahap II cair?', requester: { name: 'Siti Aminah', address: 'Desa Sukamaju, Sleman' } });
    expect(ok.headers.location).toBe(`/api/v1/requests/${ok.body.id}`);
    const twice = await post({ requester: { address: 'Sleman' }, purpose: 'Riset' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'conflict']);
    expect(twice.body.error.message).toContain(ok.body.registration_number ?? ok.body.number);
  });

  it('when an agent opens a data-request ticket, then no conversion button, a hand-over note, and the conversion pages are forbidden', async () => {
    const { app, db } = buildTestApp();
    const c = ticket(db, { category: 'data_request' });
    const { agent } = await loginAs(app, db, 'agent');
    const page = await agent.get(`/desk/${c.id}`).expect(200);
    expect(page.text).not.toContain('Jadikan permohonan informasi');
    expect(page.text).toContain('serahkan tiket ini kepada petugas PPID');
    expect((await agent.get(`/desk/${c.id}/request`)).status).toBe(403);
  });
});

describe('the knowledge base (16.9)', () => {
  it("when an officer writes an entry, the owner unit edits it, an agent flags it and the unit marks it reviewed, then the waiting list follows; another unit's staff cannot edit", async () => {
    const { app, db } = buildTestApp();
    const unitId = testUnit(db);
    const other = testUnit(db, 'UT.2');
    const officer = await loginAs(app, db, 'officer');
    const newPage = await officer.agent.get('/knowledge/new').expect(200);
    const created = await officer.agent.post('/knowledge').type('form').send({ _csrf: csrfFrom(newPage.text), topic: 'Dana desa', title: 'Kapan dana desa cair?', answer: 'Tahap I Januari, tahap II Juni.', ownerUnitId: String(unitId) });
    expect(created.status, created.text).toBe(302);
    const id = Number(created.headers.location!.split('/').pop());
    const blank = await officer.agent.post('/knowledge').type('form').send({ _csrf: csrfFrom(newPage.text), topic: '', title: '', answer: '', ownerUnitId: '' });
    expect(blank.status).toBe(400);
    const mine = await loginAs(app, db, 'unit', 'staf-ut1', unitId);
    const edit = await mine.agent.get(`/knowledge/${id}/edit`).expect(200);
    await mine.agent.post(`/knowledge/${id}`).type('form').send({ _csrf: csrfFrom(edit.text), topic: 'Dana desa', title: 'Kapan dana desa cair?', answer: 'Tahap I Januari, tahap II Juni, tahap III Oktober.', ownerUnitId: String(unitId), version: '1' }).expect(302);
    const theirs = await loginAs(app, db, 'unit', 'staf-ut2', other);
    expect((await theirs.agent.get(`/knowledge/${id}/edit`)).status).toBe(403);
    expect((await theirs.agent.post(`/knowledge/${id}`).type('form').send({ _csrf: theirs.csrf, topic: 'x', title: 'x', answer: 'x', ownerUnitId: String(unitId) })).status).toBe(403);
    const desk = await loginAs(app, db, 'agent');
    expect((await desk.agent.get('/knowledge/new')).status).toBe(403);
    const show = await desk.agent.get(`/knowledge/${id}`).expect(200);
    expect(show.text).toContain('tahap III Oktober');
    const noNote = await desk.agent.post(`/knowledge/${id}/flag`).type('form').send({ _csrf: csrfFrom(show.text), note: '' });
    expect(noNote.status).toBe(400);
    await desk.agent.post(`/knowledge/${id}/flag`).type('form').send({ _csrf: csrfFrom(show.text), note: 'Jadwal 2026 berubah.' }).expect(302);
    expect(entriesAwaitingReview(db).map((e) => [e.id, e.reviewNote])).toEqual([[id, 'Jadwal 2026 berubah.']]);
    expect(entriesAwaitingReview(db, '2026-01-11')).toEqual([]);
    expect((await desk.agent.post(`/knowledge/${id}/flag`).type('form').send({ _csrf: csrfFrom(show.text), note: 'Lagi' })).status).toBe(409);
    expect((await desk.agent.post(`/knowledge/${id}/reviewed`).type('form').send({ _csrf: csrfFrom(show.text) })).status).toBe(403);
    expect((await theirs.agent.post(`/knowledge/${id}/reviewed`).type('form').send({ _csrf: theirs.csrf })).status).toBe(403);
    const awaiting = await desk.agent.get('/knowledge?awaiting=1').expect(200);
    expect(awaiting.text).toContain('Menunggu tinjauan');
    await mine.agent.post(`/knowledge/${id}/reviewed`).type('form').send({ _csrf: csrfFrom(edit.text) }).expect(302);
    expect(entriesAwaitingReview(db)).toEqual([]);
    expect(rows(db, "select action from audit_log where entity_type = 'knowledge' order by id").map((r) => r.action)).toEqual(['knowledge.create', 'knowledge.update', 'knowledge.flag', 'knowledge.review']);
  });

  it('when searched (page and API), then only matching entries; % and _ are literal', async () => {
    const { app, db } = buildTestApp();
    const unitId = testUnit(db);
    const make = (title: string, topic = 'Pajak daerah') => createEntry({ db, actor: testActor, user: { role: 'officer', unitId: null }, input: { topic, title, answer: `Jawaban ${title}`, ownerUnitId: unitId } });
    make('Tarif PBB-P2');
    make('Dana desa 100% cair?', 'Dana desa');
    const { agent } = await loginAs(app, db, 'agent');
    const page = await agent.get('/knowledge?q=PBB').expect(200);
    expect(page.text).toContain('Tarif PBB-P2');
    expect(page.text).not.toContain('Dana desa 100%');
    const token = await tokenFor(db, 'agent', 'agen-api');
    const api = await request(app).get('/api/v1/knowledge?q=100%25').set('Authorization', `Bearer ${token}`).expect(200);
    expect(api.body.items.map((e: { title: string }) => e.title)).toEqual(['Dana desa 100% cair?']);
    expect((await request(app).get('/api/v1/knowledge?q=_').set('Authorization', `Bearer ${token}`)).body.total).toBe(0);
  });

  it('when an agent picks an entry on the ticket page, then the answer form is filled with its text', async () => {
    const { app, db } = buildTestApp();
    const unitId = testUnit(db);
    createEntry({ db, actor: testActor, user: { role: 'officer', unitId: null }, input: { topic: 'Aset daerah', title: 'Penghapusan aset', answer: 'Lihat Permendagri 19/2016.', ownerUnitId: unitId } });
    const e = createEntry({ db, actor: testActor, user: { role: 'officer', unitId: null }, input: { topic: 'Dana desa', title: 'Jadwal pencairan', answer: 'Tahap I Januari.', ownerUnitId: unitId } });
    const c = ticket(db);
    const { agent } = await loginAs(app, db, 'agent');
    const page = await agent.get(`/desk/${c.id}`).expect(200);
    expect(page.text).toContain('Isi jawaban dari basis pengetahuan');
    // The ticket's topic is the code village_fund; the entry's topic is its label: listed first.
    expect(page.text.indexOf('Dana desa — Jadwal pencairan')).toBeGreaterThan(-1);
    expect(page.text.indexOf('Dana desa — Jadwal pencairan')).toBeLessThan(page.text.indexOf('Aset daerah — Penghapusan aset'));
    const filled = await agent.get(`/desk/${c.id}?kb=${e.id}`).expect(200);
    expect(filled.text).toMatch(/name="answer"[^>]*>Tahap I Januari\.<\/textarea>/);
  });
});
