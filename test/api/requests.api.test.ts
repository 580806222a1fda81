import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { tokenFor } from '../helpers/login-as.js';
import { apiIntakeBody } from '../helpers/factories.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { revokeToken } from '../../src/auth/auth.service.js';
import { listTokens } from '../../src/auth/users.repo.js';

async function setup(role: 'officer' | 'auditor' | 'supervisor' | 'admin' = 'officer') {
  const { app, db } = buildTestApp();
  const token = await tokenFor(db, role);
  const auth = { Authorization: `Bearer ${token}` };
  return { app, db, token, auth };
}

describe('POST /api/v1/requests', () => {
  it('when the body is valid, then 201 with number, access code, due date and status', async () => {
    const { app, db, auth } = await setup();
    const res = await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody({ channel: 'whatsapp' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ registration_number: '001/PPID/III/2022', due_on: '2022-03-16', status: 'in_process', channel: 'whatsapp' });
    expect(res.body.access_code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(res.headers.location).toBe(`/api/v1/requests/${res.body.id}`);
    const entry = listAudit(db, { action: 'request.create' }, 1, 1).rows[0];
    expect(entry.actorLabel).toBe('officer1 (token: test)');
  });

  it('when fields are wrong, then 400 with the documented shape naming each field', async () => {
    const { app, auth } = await setup();
    const res = await request(app).post('/api/v1/requests').set(auth).send(
      apiIntakeBody({ received_on: '2022-13-01', channel: 'carrier_pigeon', requester: { name: '', type: 'individual', category: 'academic', email: 'not-mail' }, extra: 1 }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    expect(res.body.error.fields).toMatchObject({
      received_on: expect.any(String), channel: expect.any(String), 'requester.name': expect.any(String), 'requester.email': expect.any(String),
    });
    expect(Object.keys(res.body.error.fields).join()).toMatch(/extra|_/);
  });

  it('when a service rule fails, then the field is named as the API names it', async () => {
    const { app, auth } = await setup();
    const res = await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody({ received_on: '2999-01-01' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.received_on).toMatch(/masa depan/);
  });

  it('when many intakes arrive at once, then each is answered after its commit with its own number, and a bad one fails alone', async () => {
    const { app, db, auth } = await setup();
    // A listening server: the requests really arrive together, and are committed in groups.
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (body: unknown) => fetch(`${base}/api/v1/requests`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      // Tomorrow passes the schema and is refused by the service, inside the group.
      const tomorrow = DateTime.now().setZone('Asia/Jakarta').plus({ days: 1 }).toISODate();
      const bodies = Array.from({ length: 12 }, (_, i) => apiIntakeBody(i === 5 ? { received_on: tomorrow } : { purpose: `Tujuan ${i}` }));
      const answers = await Promise.all(bodies.map(post));
      expect(answers.map((a) => a.status)).toEqual(bodies.map((_, i) => (i === 5 ? 400 : 201)));
      expect(((await answers[5].json()) as { error: { fields: { received_on: string } } }).error.fields.received_on).toMatch(/masa depan/);
      const created = await Promise.all(answers.filter((a) => a.status === 201).map((a) => a.json() as Promise<{ id: number; registration_number: string }>));
      expect(new Set(created.map((c) => c.registration_number)).size).toBe(11);
      // Every answered request is committed: a second connection would see it (this one is the app's).
      const stored = db.$client.prepare('select count(*) as n from requests').get() as { n: number };
      expect(stored.n).toBe(11);
      expect(db.$client.inTransaction).toBe(false);
      expect(listAudit(db, { action: 'request.create' }, 1, 50).rows).toHaveLength(11);
    } finally {
      server.close();
    }
  });

  it('when the body is not JSON or too large, then a clear 400/413', async () => {
    const { app, auth } = await setup();
    const bad = await request(app).post('/api/v1/requests').set(auth).set('Content-Type', 'application/json').send('{"received_on": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation');
    const big = await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody({ purpose: 'x'.repeat(200_000) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });

  it('when there is no token, a wrong one or a revoked one, then 401; an auditor token gets 403', async () => {
    const { app, db, auth } = await setup();
    expect((await request(app).post('/api/v1/requests').send(apiIntakeBody())).status).toBe(401);
    expect((await request(app).get('/api/v1/requests').set({ Authorization: 'Bearer nope' })).body.error.code).toBe('unauthenticated');
    const auditor = await tokenFor(db, 'auditor');
    expect((await request(app).post('/api/v1/requests').set({ Authorization: `Bearer ${auditor}` }).send(apiIntakeBody())).status).toBe(403);
    expect((await request(app).get('/api/v1/requests').set({ Authorization: `Bearer ${auditor}` })).status).toBe(200);
    for (const t of listTokens(db)) revokeToken(db, { userId: null, label: 'test' }, t.token.id);
    expect((await request(app).get('/api/v1/requests').set(auth)).status).toBe(401);
  });
});

describe('extension and decision through the API', () => {
  it('extends, decides with reasons, returns service_days, and refuses what the law does not allow', async () => {
    const { app, auth } = await setup();
    const created = (await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody())).body;
    const ext = await request(app).post(`/api/v1/requests/${created.id}/extension`).set(auth).send({ extended_on: '2022-03-15', reason: 'Data di unit vertikal' });
    expect(ext.status).toBe(200);
    expect(ext.body).toMatchObject({ status: 'extended', due_on: '2022-03-25', extension: { days: 7 } });
    const again = await request(app).post(`/api/v1/requests/${created.id}/extension`).set(auth).send({ extended_on: '2022-03-16', reason: 'lagi' });
    expect(again.status).toBe(400);
    expect(again.body.error.fields.extended_on).toMatch(/satu kali/);

    const noArticle = await request(app).post(`/api/v1/requests/${created.id}/decision`).set(auth)
      .send({ decided_on: '2022-03-24', provide_on: '2022-03-24', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'] });
    expect(noArticle.status).toBe(400);
    expect(noArticle.body.error.fields.exemption_articles).toBeTruthy();

    const unknown = await request(app).post(`/api/v1/requests/${created.id}/decision`).set(auth)
      .send({ decided_on: '2022-03-24', provide_on: '2022-03-24', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'maybe', reasons: ['because'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty('outcome');
    expect(unknown.body.error.fields).toHaveProperty('reasons.0');

    const noTest = await request(app).post(`/api/v1/requests/${created.id}/decision`).set(auth)
      .send({ decided_on: '2022-03-24', provide_on: '2022-03-24', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'partial', reasons: ['exempt', 'other'], exemption_articles: ['h'], reason_note: 'sebagian belum ada' });
    expect(noTest.status).toBe(400);
    expect(noTest.body.error.fields.consequence_test).toContain('tanpa uji konsekuensi');

    const rejectedNotHeld = await request(app).post(`/api/v1/requests/${created.id}/decision`).set(auth)
      .send({ decided_on: '2022-03-24', provide_on: '2022-03-24', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'rejected', reasons: ['not_held'] });
    expect(rejectedNotHeld.status).toBe(400);
    expect(rejectedNotHeld.body.error.fields.reasons).toContain('hanya atas dasar informasi yang dikecualikan (Pasal 17)');

    const decided = await request(app).post(`/api/v1/requests/${created.id}/decision`).set(auth)
      .send({ decided_on: '2022-03-24', provide_on: '2022-03-24', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'partial', reasons: ['exempt', 'other'], exemption_articles: ['h'], reason_note: 'sebagian belum ada', exemption_while_protected: true, exemption_basis: 'UU 14/2008 Pasal 17', consequence_test: 'Membuka data pribadi pemohon lain.' });
    expect(decided.status).toBe(200);
    // 2,4,7,8,9,10,11,14,15,16,17,18,21,22,23,24 (3 Mar Nyepi) → 16 working days
    expect(decided.body).toMatchObject({ status: 'decided', service_days: 16, decision: { outcome: 'partial', reasons: ['exempt', 'other'], exemption_articles: ['h'] } });

    const after = await request(app).post(`/api/v1/requests/${created.id}/extension`).set(auth).send({ extended_on: '2022-03-25', reason: 'x' });
    expect(after.status).toBe(400);
  });

  it('when a change names an outdated version, then 409', async () => {
    const { app, auth } = await setup();
    const created = (await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody())).body;
    await request(app).post(`/api/v1/requests/${created.id}/extension`).set(auth).send({ extended_on: '2022-03-10', reason: 'a', version: created.version }).expect(200);
    const stale = await request(app).post(`/api/v1/requests/${created.id}/decision`).set(auth).send({ decided_on: '2022-03-11', provide_on: '2022-03-11', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'full', version: created.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
  });

  it('when a decision is corrected with PUT, then it needs a correction note and is audited', async () => {
    const { app, db, auth } = await setup();
    const created = (await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody())).body;
    await request(app).post(`/api/v1/requests/${created.id}/decision`).set(auth).send({ decided_on: '2022-03-08', provide_on: '2022-03-08', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'full' }).expect(200);
    const noNote = await request(app).put(`/api/v1/requests/${created.id}/decision`).set(auth).send({ decided_on: '2022-03-08', provide_on: '2022-03-08', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'not_provided', reasons: ['not_held'] });
    expect(noNote.body.error.fields.correction_note).toBeTruthy();
    await request(app).put(`/api/v1/requests/${created.id}/decision`).set(auth)
      .send({ decided_on: '2022-03-08', provide_on: '2022-03-08', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'not_provided', reasons: ['not_held'], correction_note: 'salah pilih' }).expect(200);
    expect(listAudit(db, { action: 'request.decision_correct' }, 1, 5).total).toBe(1);
  });

  it('when withdrawn, then a decision is refused', async () => {
    const { app, auth } = await setup();
    const created = (await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody())).body;
    const w = await request(app).post(`/api/v1/requests/${created.id}/withdrawal`).set(auth).send({ withdrawn_on: '2022-03-02' });
    expect(w.body.decision).toMatchObject({ outcome: 'not_provided', reasons: ['other'], reason_note: 'dicabut', withdrawn: true });
    const d = await request(app).post(`/api/v1/requests/${created.id}/decision`).set(auth).send({ decided_on: '2022-03-03', provide_on: '2022-03-03', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'full' });
    expect(d.status).toBe(400);
  });
});

describe('GET /api/v1/requests', () => {
  it('lists with year, month and status filters, pages, and rejects unknown filter values', async () => {
    const { app, auth } = await setup();
    for (const day of ['2022-01-10', '2022-03-01', '2023-03-01']) {
      await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody({ received_on: day })).expect(201);
    }
    const y = await request(app).get('/api/v1/requests?year=2022').set(auth).expect(200);
    expect(y.body).toMatchObject({ total: 2, page: 1, page_size: 50 });
    const paged = await request(app).get('/api/v1/requests?page_size=1&page=2').set(auth).expect(200);
    expect(paged.body).toMatchObject({ total: 3, page: 2, page_size: 1 });
    expect(paged.body.items.map((i: { registration_number: string }) => i.registration_number)).toEqual(['002/PPID/III/2022']);
    const tooBig = await request(app).get('/api/v1/requests?page_size=101').set(auth).expect(400);
    expect(tooBig.body.error.fields).toHaveProperty('page_size');
    const m = await request(app).get('/api/v1/requests?year=2022&month=3&status=overdue').set(auth).expect(200);
    expect(m.body.items.map((i: { registration_number: string }) => i.registration_number)).toEqual(['002/PPID/III/2022']);
    const bad = await request(app).get('/api/v1/requests?status=sleeping&month=13').set(auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('status');
    expect(bad.body.error.fields).toHaveProperty('month');
    const one = await request(app).get(`/api/v1/requests/${y.body.items[0].id}`).set(auth).expect(200);
    expect(one.body.requester.name).toBe('Dewi Lestari');
    await request(app).get('/api/v1/requests/424242').set(auth).expect(404);
  });
});

describe('void and restore through the API', () => {
  it('when an officer voids with a reason, then the request carries "voided", is listed only under status=voided, and cannot be decided', async () => {
    const { app, db, auth } = await setup('officer');
    const a = (await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody()).expect(201)).body;
    const b = (await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody()).expect(201)).body;
    expect(a.voided).toBeNull();

    const missing = await request(app).post(`/api/v1/requests/${b.id}/void`).set(auth).send({}).expect(400);
    expect(missing.body.error.fields).toHaveProperty('reason');
    const unknown = await request(app).post(`/api/v1/requests/${b.id}/void`).set(auth).send({ reason: 'bosan' }).expect(400);
    expect(unknown.body.error.fields).toHaveProperty('reason');

    const res = await request(app).post(`/api/v1/requests/${b.id}/void`).set(auth).send({ reason: 'duplicate', note: `Sama dengan ${a.registration_number}` }).expect(200);
    expect(res.body).toMatchObject({
      id: b.id, registration_number: b.registration_number, status: 'voided',
      voided: { on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: 'duplicate', note: `Sama dengan ${a.registration_number}`, by: 'officer1 (token: test)' },
    });
    expect(listAudit(db, { action: 'request.void' }, 1, 5).total).toBe(1);

    const ids = async (status: string) => (await request(app).get(`/api/v1/requests?status=${status}`).set(auth).expect(200)).body.items.map((i: { id: number }) => i.id);
    expect(await ids('voided')).toEqual([b.id]);
    expect(await ids('open')).toEqual([a.id]);
    expect(await ids('in_process')).toEqual([a.id]);
    expect(await ids('new')).toEqual([a.id]);
    expect((await request(app).get('/api/v1/requests').set(auth).expect(200)).body.total).toBe(2);

    const decide = await request(app).post(`/api/v1/requests/${b.id}/decision`).set(auth).send({ decided_on: '2022-03-08', provide_on: '2022-03-08', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'full' }).expect(400);
    expect(decide.body.error.fields.outcome).toMatch(/sudah dibatalkan/);
    const extend = await request(app).post(`/api/v1/requests/${b.id}/extension`).set(auth).send({ extended_on: '2022-03-10', reason: 'x' }).expect(400);
    expect(extend.body.error.fields.extended_on).toMatch(/sudah dibatalkan/);
    const object = await request(app).post(`/api/v1/requests/${b.id}/objections`).set(auth)
      .send({ filed_on: '2022-03-20', grounds: ['c'], statement: 'Tidak dijawab', filed_by: 'requester' }).expect(400);
    expect(object.body.error.fields.filed_on).toMatch(/sudah dibatalkan/);
    const again = await request(app).post(`/api/v1/requests/${b.id}/void`).set(auth).send({ reason: 'mistaken' }).expect(400);
    expect(again.body.error.fields.reason).toMatch(/sudah dibatalkan/);
  });

  it('when restoring, then only a supervisor token may, and the request counts again', async () => {
    const { app, db, auth } = await setup('officer');
    const supervisor = { Authorization: `Bearer ${await tokenFor(db, 'supervisor')}` };
    const r = (await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody()).expect(201)).body;
    await request(app).post(`/api/v1/requests/${r.id}/void`).set(auth).send({ reason: 'other', note: 'Uji coba' }).expect(200);
    const refused = await request(app).post(`/api/v1/requests/${r.id}/unvoid`).set(auth).send({}).expect(403);
    expect(refused.body.error.code).toBe('forbidden');
    const res = await request(app).post(`/api/v1/requests/${r.id}/unvoid`).set(supervisor).send({ note: 'Bukan entri ganda' }).expect(200);
    expect(res.body).toMatchObject({ status: 'in_process', voided: null });
    expect(listAudit(db, { action: 'request.unvoid' }, 1, 5).rows[0].summary).toContain('Bukan entri ganda');
    const twice = await request(app).post(`/api/v1/requests/${r.id}/unvoid`).set(supervisor).send({}).expect(400);
    expect(twice.body.error.fields.reason).toMatch(/tidak dibatalkan/);
  });

  it('when voiding "lainnya" without a note, or a withdrawn request, then the rules hold', async () => {
    const { app, auth } = await setup('officer');
    const r = (await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody()).expect(201)).body;
    const noNote = await request(app).post(`/api/v1/requests/${r.id}/void`).set(auth).send({ reason: 'other' }).expect(400);
    expect(noNote.body.error.fields.note).toBeDefined();
    // A withdrawal stays a withdrawal: the record says so, and the entry may still be voided later.
    const w = await request(app).post(`/api/v1/requests/${r.id}/withdrawal`).set(auth).send({ withdrawn_on: '2022-03-02' }).expect(200);
    expect(w.body).toMatchObject({ status: 'withdrawn', voided: null, decision: { outcome: 'not_provided', withdrawn: true } });
  });
});
