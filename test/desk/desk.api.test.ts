import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import type { Application } from 'express';
import { buildTestApp } from '../helpers/build-test-app.js';
import { testUnit, tokenFor } from '../helpers/login-as.js';
import { testActor } from '../helpers/factories.js';
import { createUnit } from '../../src/units/units.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import type { Db } from '../../src/db/client.js';

// Monday 2026-01-12, 10:00 WIB; 2026-01-16 is a holiday in the seeded calendar.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-12T10:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

const body = (over: Record<string, unknown> = {}) => ({
  received_at: '2026-01-09T09:00:00+07:00', channel: 'whatsapp', category: 'question', topic: 'village_fund',
  question: 'Kapan dana desa tahap II cair?', user: { name: 'Budi', type: 'local_government', institution: 'Pemkab Sleman', region_code: '3404' }, ...over,
});
const count = (db: Db) => (db.$client.prepare('select count(*) n from consultations').get() as { n: number }).n;

async function world() {
  const { app, db } = buildTestApp();
  const token = await tokenFor(db, 'agent');
  const unitToken = await tokenFor(db, 'unit'); // in UT.1
  const post = (path: string, b: unknown, t = token) => request(app).post(`/api/v1${path}`).set('Authorization', `Bearer ${t}`).send(b as object);
  const get = (path: string, t = token) => request(app).get(`/api/v1${path}`).set('Authorization', `Bearer ${t}`);
  return { app: app as Application, db, token, unitToken, post, get };
}

describe('POST /api/v1/consultations', () => {
  it('when an agent logs a WhatsApp question, then 201 with a per-year ticket number, the due time 1 working day later, inside service hours, and the zone of its region', async () => {
    const { db, post } = await world();
    const res = await post('/consultations', body());
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      ticket_number: '00001/KONS/2026', status: 'open', sla_due_at: '2026-01-12T09:00:00+07:00',
      outside_service_hours: false, user_zone: 'WIB', channel: 'whatsapp', user: { name: 'Budi', type: 'local_government', region_code: '3404' },
    });
    expect(res.headers.location).toBe(`/api/v1/consultations/${res.body.id}`);
    expect((await post('/consultations', body())).body.ticket_number).toBe('00002/KONS/2026');
    expect(listAudit(db, { action: 'consultation.create' }, 1, 10).total).toBe(2);
  });

  it('when it arrives escalated, then e-mail is due 5 working days later, skipping the holiday', async () => {
    const { post } = await world();
    const res = await post('/consultations', body({ channel: 'email', escalated: true }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'escalated', sla_due_at: '2026-01-19T09:00:00+07:00' });
  });

  it('when the user type is unknown or a code is malformed, then 400 naming each field, and nothing is written', async () => {
    const { db, post } = await world();
    const res = await post('/consultations', body({ channel: 'Tele gram', category: '', user: { name: 'X', type: 'alien' } }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['category', 'channel', 'user.type']);
    expect(count(db)).toBe(0);
  });

  it('when the channel, category, topic or region is not in the lists, then 422 naming each field, and nothing is written', async () => {
    const { db, post } = await world();
    const res = await post('/consultations', body({ channel: 'telegram', category: 'gossip', topic: 'astrology', user: { name: 'X', type: 'other', region_code: '5199' } }));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'validation', fields: { channel: 'Kanal "telegram" tidak dikenal.', category: 'Kategori "gossip" tidak dikenal.', topic: 'Topik "astrology" tidak dikenal.' } });
    expect(res.body.error.fields['user.region_code']).toContain('5199');
    expect(count(db)).toBe(0);
  });

  it('when received_at has no offset or lies in the future, then 400 on received_at', async () => {
    const { db, post } = await world();
    expect((await post('/consultations', body({ received_at: '2026-01-09T09:00:00' }))).body.error.fields).toHaveProperty('received_at');
    const future = await post('/consultations', body({ received_at: '2026-01-13T09:00:00+07:00' }));
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toHaveProperty('received_at');
    expect(count(db)).toBe(0);
  });
});

describe('escalation and answer', () => {
  it('when an agent escalates a WhatsApp ticket to a unit, then it is due 2 working days after it came in, and the unit answers it with the time from escalation recorded', async () => {
    const { db, post, get, unitToken } = await world();
    testUnit(db);
    const id = (await post('/consultations', body())).body.id;
    const esc = await post(`/consultations/${id}/escalation`, { unit_code: 'UT.1', escalated_at: '2026-01-09T10:00:00+07:00', note: 'Mohon dijawab' });
    expect(esc.status, esc.text).toBe(200);
    expect(esc.body).toMatchObject({ status: 'escalated', unit_code: 'UT.1', sla_due_at: '2026-01-13T09:00:00+07:00' });
    expect((await get('/consultations', unitToken)).body.items.map((i: { id: number }) => i.id)).toEqual([id]);
    const ans = await post(`/consultations/${id}/answer`, { answered_at: '2026-01-09T11:30:00+07:00', answer: 'Cair pada bulan Maret.' }, unitToken);
    expect(ans.status, ans.text).toBe(200);
    expect(ans.body).toMatchObject({ status: 'answered', answer: 'Cair pada bulan Maret.', minutes_escalation_to_answer: 90, due_soon: false, overdue: false });
  });

  it('when the escalation names an unknown or inactive unit, or comes before the question, then 400 and the ticket stays open', async () => {
    const { db, post, get } = await world();
    createUnit({ db, actor: testActor, input: { code: 'OLD', name: 'Unit lama', kind: 'unit', active: false } });
    testUnit(db);
    const id = (await post('/consultations', body())).body.id;
    const at = '2026-01-09T10:00:00+07:00';
    const unknown = await post(`/consultations/${id}/escalation`, { unit_code: 'NOPE', escalated_at: at });
    expect([unknown.status, unknown.body.error.fields]).toEqual([400, { unit_code: 'Unit tidak dikenal.' }]);
    const inactive = await post(`/consultations/${id}/escalation`, { unit_code: 'OLD', escalated_at: at });
    expect(inactive.status).toBe(400);
    expect(inactive.body.error.fields.unit_code).toContain('tidak aktif');
    const early = await post(`/consultations/${id}/escalation`, { unit_code: 'UT.1', escalated_at: '2026-01-09T08:00:00+07:00' });
    expect(early.body.error.fields).toHaveProperty('escalated_at');
    expect((await get('/consultations?status=open')).body.items[0]).toMatchObject({ id, status: 'open', unit_code: null });
  });

  it('when the answer is dated before the question, then 400 on answered_at; a second answer is a conflict', async () => {
    const { post } = await world();
    const id = (await post('/consultations', body())).body.id;
    const early = await post(`/consultations/${id}/answer`, { answered_at: '2026-01-09T08:59:00+07:00', answer: 'Jawaban' });
    expect([early.status, Object.keys(early.body.error.fields)]).toEqual([400, ['answered_at']]);
    expect((await post(`/consultations/${id}/answer`, { answered_at: '2026-01-09T09:05:00+07:00', answer: 'Jawaban' })).status).toBe(200);
    expect((await post(`/consultations/${id}/answer`, { answered_at: '2026-01-09T09:06:00+07:00', answer: 'Lagi' })).status).toBe(409);
  });

  it("when a unit's staff answers a ticket not escalated to their unit, then 404: numbers do not leak", async () => {
    const { post, unitToken } = await world();
    const id = (await post('/consultations', body())).body.id;
    const res = await post(`/consultations/${id}/answer`, { answered_at: '2026-01-09T10:00:00+07:00', answer: 'x' }, unitToken);
    expect(res.status).toBe(404);
  });
});

describe('GET /api/v1/consultations', () => {
  it('when filtered by year, month, channel, status and unit, then only the matching tickets, in due-time order; bad filters are 400', async () => {
    const { db, post, get } = await world();
    testUnit(db);
    const a = (await post('/consultations', body({ channel: 'phone', received_at: '2025-12-30T09:00:00+07:00' }))).body.id;
    const b = (await post('/consultations', body({ received_at: '2026-01-08T09:00:00+07:00' }))).body.id;
    const c = (await post('/consultations', body({ received_at: '2026-01-05T09:00:00+07:00' }))).body.id;
    await post(`/consultations/${b}/escalation`, { unit_code: 'UT.1', escalated_at: '2026-01-08T10:00:00+07:00' });
    const ids = async (q: string) => (await get(`/consultations${q}`)).body.items.map((i: { id: number }) => i.id);
    expect(await ids('')).toEqual([a, c, b]);
    expect(await ids('?year=2026&month=1')).toEqual([c, b]);
    expect(await ids('?year=2025')).toEqual([a]);
    expect(await ids('?channel=phone')).toEqual([a]);
    expect(await ids('?status=escalated')).toEqual([b]);
    expect(await ids('?unit=UT.1')).toEqual([b]);
    expect((await get('/consultations?channel=telegram')).status).toBe(400);
    expect((await get('/consultations?unit=NOPE')).status).toBe(400);
  });
});
