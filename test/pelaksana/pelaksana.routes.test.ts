/**
 * Issue 15.5: a request registered by a PPID Pelaksana under its own number pattern, and a
 * Pelaksana's officers kept to their own requests (pages and API alike).
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { apiIntakeBody, decisionInput, filingInput, intakeInput, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import { sendDispositions } from '../../src/units/dispositions.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import type { Db } from '../../src/db/client.js';
import { requestScopeForUnit, scopeWhere } from '../../src/pelaksana/pelaksana.service.js';
import { createUnit } from '../../src/units/units.service.js';
import { requests } from '../../src/db/schema.js';
import { fixClock, TODAY } from '../units/support.js';
import { ministry, registerFor } from './support.js';

beforeEach(fixClock);
afterEach(() => vi.useRealTimers());

const zone = 'Asia/Jakarta';
const rows = (db: Db, sql: string, ...args: unknown[]) => db.$client.prepare(sql).all(...args) as Record<string, unknown>[];
const form = (csrf: string, extra: Record<string, string> = {}) => ({ _csrf: csrf, ...intakeInput({ receivedOn: TODAY }), ...extra });

describe('registering under a PPID Pelaksana', () => {
  it('when a Pelaksana officer registers, then the number follows its own pattern and sequence; the Utama keeps its pattern and sequence', async () => {
    const { app, db } = buildTestApp();
    const { p1 } = ministry(db);
    const p1Officer = await loginAs(app, db, 'officer', 'p1.officer', p1.id);
    const utama = await loginAs(app, db, 'officer', 'utama.officer');

    const first = await p1Officer.agent.post('/requests').type('form').send(form(p1Officer.csrf)).expect(302);
    await p1Officer.agent.post('/requests').type('form').send(form(p1Officer.csrf)).expect(302);
    await utama.agent.post('/requests').type('form').send(form(utama.csrf)).expect(302);

    expect(rows(db, 'select registration_number n, registration_seq s from requests order by id')).toEqual([
      { n: '001/PPID-P1/III/2026', s: null },
      { n: '002/PPID-P1/III/2026', s: null },
      { n: '001/PPID/III/2026', s: 1 },
    ]);
    expect(rows(db, 'select unit_id, year, seq from request_pelaksana order by request_id')).toEqual([
      { unit_id: p1.id, year: 2026, seq: 1 },
      { unit_id: p1.id, year: 2026, seq: 2 },
    ]);
    expect(listAudit(db, { action: 'request.create' }, 1, 10).rows.map((r) => r.summary)).toContainEqual(expect.stringContaining('001/PPID-P1/III/2026 dicatat oleh P1'));
    const page = await p1Officer.agent.get(first.headers.location).expect(200);
    expect(page.text).toContain('001/PPID-P1/III/2026');
  });

  it('when a PPID Utama officer chooses a Pelaksana on the form or in the API, then that Pelaksana registers it under its pattern', async () => {
    const { app, db } = buildTestApp();
    ministry(db);
    const utama = await loginAs(app, db, 'officer', 'utama.officer');
    const intake = await utama.agent.get('/requests/new').expect(200);
    expect(intake.text).toContain('Dicatat oleh PPID Pelaksana');
    expect(intake.text).toContain('P2 — Unit P2');

    await utama.agent.post('/requests').type('form').send(form(utama.csrf, { pelaksana: 'p2' })).expect(302);
    const token = await tokenFor(db, 'officer', 'utama.api');
    const res = await request(app).post('/api/v1/requests').set('Authorization', `Bearer ${token}`)
      .send({ ...apiIntakeBody({ received_on: TODAY }), pelaksana: 'P2' }).expect(201);

    expect(res.body.registration_number ?? res.body.number).toBe('P2-2026-0002');
    expect(rows(db, 'select registration_number n from requests order by id')).toEqual([{ n: 'P2-2026-0001' }, { n: 'P2-2026-0002' }]);
  });

  it('when a Pelaksana officer picks another Pelaksana, or anyone picks an unknown or inactive one, then it is refused and nothing is registered', async () => {
    const { app, db } = buildTestApp();
    const { p1 } = ministry(db);
    const p1Officer = await loginAs(app, db, 'officer', 'p1.officer', p1.id);
    const utama = await loginAs(app, db, 'officer', 'utama.officer');

    const other = await p1Officer.agent.post('/requests').type('form').send(form(p1Officer.csrf, { pelaksana: 'P2' }));
    expect(other.status).toBe(400);
    expect(other.text).toContain('PPID Pelaksana lain tidak dapat dipilih');
    const unknown = await utama.agent.post('/requests').type('form').send(form(utama.csrf, { pelaksana: 'PPID' }));
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('PPID bukan PPID Pelaksana yang aktif');
    const token = await tokenFor(db, 'officer', 'utama.api');
    const api = await request(app).post('/api/v1/requests').set('Authorization', `Bearer ${token}`).send({ ...apiIntakeBody({ received_on: TODAY }), pelaksana: 'NOPE' });
    expect(api.status).toBe(400);
    expect(api.body.error.fields).toHaveProperty('pelaksana');
    expect(rows(db, 'select count(*) n from requests')).toEqual([{ n: 0 }]);
  });

  it('when a Pelaksana has no pattern of its own, then its request takes the PPID Utama pattern and sequence, still as the Pelaksana’s', () => {
    const { db } = buildTestApp();
    const { utama } = ministry(db);
    const p3 = createUnit({ db, actor: { userId: null, label: 'test' }, input: { code: 'P3', name: 'P3', kind: 'pelaksana', active: true, parentId: utama.id } });
    registerFor(db, null, { receivedOn: TODAY });
    const r = registerFor(db, p3.id, { receivedOn: TODAY });
    expect(r.registrationNumber).toBe('002/PPID/III/2026');
    expect(rows(db, 'select unit_id, seq from request_pelaksana')).toEqual([{ unit_id: p3.id, seq: null }]);
  });
});

describe('what a PPID Pelaksana officer sees', () => {
  it('when a P1 officer opens the register, the API list or a request of P2 or of the Utama, then only P1’s are there and the others are 404, acting too', async () => {
    const { app, db } = buildTestApp();
    const { p1, p2 } = ministry(db);
    const mine = registerFor(db, p1.id, { receivedOn: TODAY, requesterName: 'Pemohon Satu' });
    const theirs = registerFor(db, p2.id, { receivedOn: TODAY, requesterName: 'Pemohon Dua' });
    const utamas = registerFor(db, null, { receivedOn: TODAY, requesterName: 'Pemohon Utama' });
    const p1Officer = await loginAs(app, db, 'officer', 'p1.officer', p1.id);

    const register = await p1Officer.agent.get('/requests').expect(200);
    expect(register.text).toContain(mine.registrationNumber);
    expect(register.text).not.toContain(theirs.registrationNumber);
    expect(register.text).not.toContain(utamas.registrationNumber);
    await p1Officer.agent.get(`/requests/${mine.id}`).expect(200);
    for (const other of [theirs, utamas]) {
      expect((await p1Officer.agent.get(`/requests/${other.id}`)).status).toBe(404);
      expect((await p1Officer.agent.get(`/requests/${other.id}/receipt`)).status).toBe(404);
      expect((await p1Officer.agent.post(`/requests/${other.id}/extend`).type('form').send({ _csrf: p1Officer.csrf, extendedOn: TODAY, extensionDays: '7', extensionReason: 'x' })).status).toBe(404);
      expect((await p1Officer.agent.get(`/requests/${other.id}/dispositions/new`)).status).toBe(404);
    }
    expect(rows(db, 'select count(*) n from requests where extended_on is not null')).toEqual([{ n: 0 }]);

    const auth = { Authorization: `Bearer ${await tokenFor(db, 'supervisor', 'p1.api', p1.id)}` };
    const list = await request(app).get('/api/v1/requests').set(auth).expect(200);
    expect(list.body.items.map((i: { id: number }) => i.id)).toEqual([mine.id]);
    expect((await request(app).get(`/api/v1/requests/${theirs.id}`).set(auth)).status).toBe(404);
    expect((await request(app).post(`/api/v1/requests/${theirs.id}/extension`).set(auth).send({ extended_on: TODAY, extension_days: 7, extension_reason: 'x' })).status).toBe(404);

    const auditor = await loginAs(app, db, 'auditor', 'p1.auditor', p1.id);
    const csv = await auditor.agent.get('/requests/export.csv').expect(200);
    expect(csv.text).toContain(mine.registrationNumber);
    expect(csv.text).not.toContain(theirs.registrationNumber);
    expect(csv.text).not.toContain(utamas.registrationNumber);
  });

  it('when a P1 officer lists objections or dispositions, then only those of P1’s requests are there; P2’s are 404', async () => {
    const { app, db } = buildTestApp();
    const { p1, p2 } = ministry(db);
    const pk = createUnit({ db, actor: testActor, input: { code: 'PK.1', name: 'Sekretariat', kind: 'unit', active: true } });
    const mine = decideRequest({ db, actor: testActor, zone, id: registerFor(db, p1.id, { receivedOn: '2026-02-02' }).id, input: decisionInput({ decidedOn: '2026-02-05' }) });
    const theirs = decideRequest({ db, actor: testActor, zone, id: registerFor(db, p2.id, { receivedOn: '2026-02-03' }).id, input: decisionInput({ decidedOn: '2026-02-05' }) });
    const myObjection = fileObjection({ db, actor: testActor, zone, requestId: mine.id, input: filingInput({ filedOn: '2026-02-20' }) });
    const theirObjection = fileObjection({ db, actor: testActor, zone, requestId: theirs.id, input: filingInput({ filedOn: '2026-02-20' }) });
    const open1 = registerFor(db, p1.id, { receivedOn: TODAY });
    const open2 = registerFor(db, p2.id, { receivedOn: TODAY });
    const [d1] = sendDispositions({ db, actor: testActor, zone, requestId: open1.id, input: { unitIds: [pk.id], note: '' } }).rows;
    const [d2] = sendDispositions({ db, actor: testActor, zone, requestId: open2.id, input: { unitIds: [pk.id], note: '' } }).rows;
    const { agent, csrf } = await loginAs(app, db, 'supervisor', 'p1.supervisor', p1.id);

    const objections = await agent.get('/objections?status=').expect(200);
    expect(objections.text).toContain(myObjection.registrationNumber);
    expect(objections.text).not.toContain(theirObjection.registrationNumber);
    await agent.get(`/objections/${myObjection.id}`).expect(200);
    expect((await agent.get(`/objections/${theirObjection.id}`)).status).toBe(404);

    const queue = await agent.get('/dispositions').expect(200);
    expect(queue.text).toContain(open1.registrationNumber);
    expect(queue.text).not.toContain(open2.registrationNumber);
    await agent.get(`/dispositions/${d1.id}`).expect(200);
    expect((await agent.get(`/dispositions/${d2.id}`)).status).toBe(404);
    expect((await agent.post(`/dispositions/${d2.id}/remind`).type('form').send({ _csrf: csrf })).status).toBe(404);

    const auth = { Authorization: `Bearer ${await tokenFor(db, 'officer', 'p1.api', p1.id)}` };
    const list = await request(app).get('/api/v1/objections?year=2026').set(auth).expect(200);
    expect(list.body.items.map((o: { id: number }) => o.id)).toEqual([myObjection.id]);
    const dispositions = await request(app).get('/api/v1/dispositions').set(auth).expect(200);
    expect(dispositions.body.items.map((x: { id: number }) => x.id)).toEqual([d1.id]);
  });

  it('when an officer or auditor of the PPID Utama (no Pelaksana unit) looks, then every request is there, as before', async () => {
    const { app, db } = buildTestApp();
    const { p1, p2, utama } = ministry(db);
    const all = [registerFor(db, p1.id, { receivedOn: TODAY }), registerFor(db, p2.id, { receivedOn: TODAY }), registerFor(db, null, { receivedOn: TODAY })];
    for (const [role, unitId] of [['officer', undefined], ['auditor', undefined], ['supervisor', utama.id]] as const) {
      const { agent } = await loginAs(app, db, role, `${role}.utama`, unitId);
      const page = await agent.get('/requests').expect(200);
      for (const r of all) {
        expect(page.text).toContain(r.registrationNumber);
        await agent.get(`/requests/${r.id}`).expect(200);
      }
    }
  });

  it('gives the annual report the same filter: requestScopeForUnit and scopeWhere pick a Pelaksana’s requests, the Utama’s own, or all', () => {
    const { db } = buildTestApp();
    const { p1, p2 } = ministry(db);
    const a = registerFor(db, p1.id, { receivedOn: TODAY });
    registerFor(db, p2.id, { receivedOn: TODAY });
    const c = registerFor(db, null, { receivedOn: TODAY });
    const ids = (code?: string) =>
      db.select({ id: requests.id }).from(requests).where(scopeWhere(requestScopeForUnit(db, code))).orderBy(requests.id).all().map((r) => r.id);
    expect(ids('p1')).toEqual([a.id]);
    expect(ids('PPID')).toEqual([c.id]);
    expect(ids()).toHaveLength(3);
    expect(() => requestScopeForUnit(db, 'NOPE')).toThrow(expect.objectContaining({ status: 400, fields: { unit: 'NOPE bukan PPID Utama atau PPID Pelaksana yang dikenal.' } }));
  });
});
