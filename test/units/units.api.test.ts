import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { answerDisposition, sendDispositions } from '../../src/units/dispositions.service.js';
import { DEFAULT_INTERNAL_DUE, fixClock, IDENTITY, LEGAL_DUE, secretRequest, TODAY, unit } from './support.js';

beforeEach(fixClock);
afterEach(() => vi.useRealTimers());

const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

describe('JSON API: units and dispositions', () => {
  it('GET /api/v1/units lists the tree; POST …/dispositions answers 201 with the disposition and no requester data', async () => {
    const { app, db } = buildTestApp();
    const top = unit(db, 'PPID', { kind: 'utama' });
    unit(db, 'PK.1', { parentId: top.id });
    const r = secretRequest(db);
    const token = await tokenFor(db, 'officer');

    const units = await request(app).get('/api/v1/units').set(bearer(token)).expect(200);
    expect(units.body.items).toEqual([
      { id: expect.any(Number), code: 'PK.1', name: 'Unit PK.1', kind: 'unit', parent_code: 'PPID', active: true },
      { id: top.id, code: 'PPID', name: 'Unit PPID', kind: 'utama', parent_code: null, active: true },
    ]);
    const sent = await request(app).post(`/api/v1/requests/${r.id}/dispositions`).set(bearer(token)).send({ unit_code: 'pk.1', note: 'Mohon' });
    expect(sent.status).toBe(201);
    expect(sent.headers.location).toBe(`/api/v1/dispositions/${sent.body.id}`);
    expect(sent.body).toMatchObject({
      request_id: r.id, registration_number: r.registrationNumber, unit_code: 'PK.1', sent_on: TODAY, due_on: DEFAULT_INTERNAL_DUE,
      legal_due_on: LEGAL_DUE, status: 'open', urgency: 'on_track', answer: null, warnings: [],
    });
    for (const secret of [...IDENTITY, r.accessCode]) expect(JSON.stringify(sent.body)).not.toContain(secret);
  });

  it('refuses an unknown or inactive unit and warns about an internal date after the legal due date', async () => {
    const { app, db } = buildTestApp();
    unit(db, 'PK.1');
    unit(db, 'PK.9', { active: false });
    const r = secretRequest(db);
    const token = await tokenFor(db, 'officer');

    const unknown = await request(app).post(`/api/v1/requests/${r.id}/dispositions`).set(bearer(token)).send({ unit_code: 'PK.5' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ unit_code: 'Unit tidak dikenal.' });
    const inactive = await request(app).post(`/api/v1/requests/${r.id}/dispositions`).set(bearer(token)).send({ unit_code: 'PK.9' });
    expect(inactive.status).toBe(400);
    expect(inactive.body.error.fields.unit_code).toContain('tidak aktif');
    const late = await request(app).post(`/api/v1/requests/${r.id}/dispositions`).set(bearer(token)).send({ unit_code: 'PK.1', due_on: '2026-03-18' });
    expect(late.status).toBe(201);
    expect(late.body.due_on).toBe('2026-03-18');
    expect(late.body.warnings[0]).toContain('melewati tenggat pemberitahuan tertulis');
    const missing = await request(app).post('/api/v1/requests/9999/dispositions').set(bearer(token)).send({ unit_code: 'PK.1' });
    expect(missing.status).toBe(404);
  });

  it('a unit’s token answers its own disposition; another unit’s token gets 404; a unit token never reads requests', async () => {
    const { app, db } = buildTestApp();
    const pk1 = unit(db, 'PK.1');
    const pk2 = unit(db, 'PK.2');
    const r = secretRequest(db);
    const [d] = sendDispositions({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: r.id, input: { unitIds: [pk1.id], note: '' } }).rows;
    const mine = await tokenFor(db, 'unit', 'staf-pk1', pk1.id);
    const other = await tokenFor(db, 'unit', 'staf-pk2', pk2.id);

    const foreign = await request(app).post(`/api/v1/dispositions/${d.id}/answer`).set(bearer(other)).send({ answered_on: TODAY, result: 'provided' });
    expect(foreign.status).toBe(404);
    expect((await request(app).get(`/api/v1/requests/${r.id}`).set(bearer(mine))).status).toBe(404);
    const bad = await request(app).post(`/api/v1/dispositions/${d.id}/answer`).set(bearer(mine)).send({ answered_on: TODAY, result: 'possibly_exempt' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['consequence_test', 'exemption_articles']);
    const ok = await request(app).post(`/api/v1/dispositions/${d.id}/answer`).set(bearer(mine))
      .send({ answered_on: TODAY, result: 'not_held', holder: 'Badan Pusat Statistik', note: 'Bukan data kami' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'answered', answer: { answered_on: TODAY, result: 'not_held', holder: 'Badan Pusat Statistik', note: 'Bukan data kami' } });
    for (const secret of IDENTITY) expect(JSON.stringify(ok.body)).not.toContain(secret);
  });

  it('GET /api/v1/dispositions?unit=&status= filters; a unit’s token sees only its unit and is refused another', async () => {
    const { app, db } = buildTestApp();
    const pk1 = unit(db, 'PK.1');
    const pk2 = unit(db, 'PK.2');
    const send = (requestId: number, unitIds: number[], dueOn?: string) => sendDispositions({ db, actor: testActor, zone: 'Asia/Jakarta', requestId, input: { unitIds, note: '', dueOn } }).rows;
    send(secretRequest(db).id, [pk1.id, pk2.id]);
    const [overdueLater] = send(makeRequest(db, { receivedOn: TODAY }).id, [pk2.id], TODAY);
    const officer = await tokenFor(db, 'officer');
    const staff = await tokenFor(db, 'unit', 'staf-pk1', pk1.id);

    const all = await request(app).get('/api/v1/dispositions').set(bearer(officer)).expect(200);
    expect(all.body).toMatchObject({ total: 3, open: 3, due_soon: 1, overdue: 0 });
    const pk2soon = await request(app).get('/api/v1/dispositions?unit=PK.2&status=due_soon').set(bearer(officer)).expect(200);
    expect(pk2soon.body.items.map((i: { id: number }) => i.id)).toEqual([overdueLater.id]);
    const own = await request(app).get('/api/v1/dispositions').set(bearer(staff)).expect(200);
    expect(own.body.items.map((i: { unit_code: string }) => i.unit_code)).toEqual(['PK.1']);
    expect((await request(app).get('/api/v1/dispositions?unit=PK.2').set(bearer(staff))).status).toBe(403);
    const badStatus = await request(app).get('/api/v1/dispositions?status=late&x=1').set(bearer(officer));
    expect(badStatus.status).toBe(400);
  });

  it('GET /api/v1/units/stats gives each unit’s figures for a month, and the recap page shows them', async () => {
    const { app, db } = buildTestApp();
    const pk1 = unit(db, 'PK.1');
    const pk2 = unit(db, 'PK.2');
    const r = secretRequest(db);
    const [d1, d2] = sendDispositions({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: r.id, input: { unitIds: [pk1.id, pk2.id], note: '' } }).rows;
    answerDisposition({ db, actor: testActor, zone: 'Asia/Jakarta', id: d1.id, viewer: { role: 'officer', unitId: null },
      input: { answeredOn: TODAY, result: 'provided', note: '', holder: '', exemptionArticles: [], consequenceTest: '' } });
    const token = await tokenFor(db, 'auditor');

    const stats = await request(app).get('/api/v1/units/stats?year=2026&month=3').set(bearer(token)).expect(200);
    expect(stats.body).toMatchObject({ year: 2026, month: 3, from: '2026-03-01', to: '2026-03-31' });
    expect(stats.body.units).toEqual([
      { unit_code: 'PK.1', unit_name: 'Unit PK.1', kind: 'unit', received: 1, answered: 1, median_working_days: 0, p90_working_days: 0, answered_by_due: 1, answered_by_due_pct: 100, overdue_now: 0 },
      { unit_code: 'PK.2', unit_name: 'Unit PK.2', kind: 'unit', received: 1, answered: 0, median_working_days: null, p90_working_days: null, answered_by_due: 0, answered_by_due_pct: null, overdue_now: 0 },
    ]);
    expect(d2.status).toBe('open');
    const february = await request(app).get('/api/v1/units/stats?year=2026&month=2').set(bearer(token)).expect(200);
    expect(february.body.units).toEqual([]);
    expect((await request(app).get('/api/v1/units/stats?year=abc').set(bearer(token))).status).toBe(400);
    expect((await request(app).get('/api/v1/units/stats?year=2026').set(bearer(await tokenFor(db, 'unit', 'staf', pk1.id)))).status).toBe(403);

    const { agent } = await loginAs(app, db, 'supervisor');
    const recap = await agent.get('/recap?year=2026').expect(200);
    expect(recap.text).toContain('Kecepatan unit menjawab disposisi 2026');
    expect(recap.text).toContain('100% (1)');
  });
});
