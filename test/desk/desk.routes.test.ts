import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, testUnit } from '../helpers/login-as.js';
import { testActor } from '../helpers/factories.js';
import { escalateConsultation, logConsultation } from '../../src/desk/desk.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import type { Db } from '../../src/db/client.js';

// Monday 2026-01-12, 10:00 WIB.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-12T10:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

const rows = (db: Db, sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];
const ticket = (db: Db, receivedAt: string, name = 'Siti') =>
  logConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', input: {
    received_at: receivedAt, channel: 'whatsapp', category: 'question', topic: '', question: 'Pertanyaan', escalated: false,
    user: { name, type: 'academic', institution: '', region_code: '', email: '', phone: '' } } });
const form = {
  receivedAt: '2026-01-12T08:15', channel: 'phone', userName: 'Ani Lestari', userType: 'ministry_agency', userInstitution: 'Kemendagri',
  userRegionCode: '', userEmail: 'ani@contoh.id', userPhone: '', category: 'data_request', topic: 'regional_tax', question: 'Berapa realisasi PAD 2025?',
};

describe('the desk pages', () => {
  it('when an agent logs a phone consultation, then it gets its number and due time in the office zone, and its page shows the history', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'agent');
    const page = await agent.get('/desk/new').expect(200);
    const res = await agent.post('/desk/new').type('form').send({ _csrf: csrfFrom(page.text), ...form });
    expect(res.status, res.text).toBe(302);
    const [row] = rows(db, 'select id, ticket_number, received_at, sla_due_at, status, category from consultations');
    expect(row).toEqual({ id: 1, ticket_number: '00001/KONS/2026', received_at: '2026-01-12T01:15:00Z', sla_due_at: '2026-01-13T01:15:00Z', status: 'open', category: 'data_request' });
    expect(res.headers.location).toBe('/desk/1');
    const show = await agent.get('/desk/1').expect(200);
    expect(show.text).toContain('00001/KONS/2026');
    // The history names the channel as the admin's list does, not by its code.
    expect(show.text).toContain('00001/KONS/2026 (Telepon) dicatat');
  });

  it('when the form has an unknown channel and no question, then 400 with the messages and the typed values, nothing written', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'agent');
    const page = await agent.get('/desk/new').expect(200);
    const res = await agent.post('/desk/new').type('form').send({ _csrf: csrfFrom(page.text), ...form, channel: 'whatsapp', question: '' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Wajib diisi.');
    expect(res.text).toContain('Ani Lestari');
    const unknown = await agent.post('/desk/new').type('form').send({ _csrf: csrfFrom(page.text), ...form, channel: 'telegram' });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Kanal &#34;telegram&#34; tidak dikenal.');
    expect(unknown.text).toContain('Berapa realisasi PAD 2025?');
    expect(rows(db, 'select id from consultations')).toEqual([]);
  });

  it('when the queue is opened, then tickets come in due-time order with overdue and due-soon badges, and the filters narrow it', async () => {
    const { app, db } = buildTestApp();
    ticket(db, '2026-01-12T09:00:00+07:00', 'Baru'); // due tomorrow 09:00
    ticket(db, '2026-01-08T09:00:00+07:00', 'Lama'); // due 2026-01-09: overdue
    ticket(db, '2026-01-09T13:00:00+07:00', 'Hampir'); // due today 13:00: due soon
    const { agent } = await loginAs(app, db, 'agent');
    const queue = await agent.get('/desk').expect(200);
    const order = ['Lama', 'Hampir', 'Baru'].map((n) => queue.text.indexOf(`${n} <span`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(queue.text).toContain('badge-late');
    expect(queue.text).toContain('badge-soon');
    const jan9 = await agent.get('/desk?year=2026&month=1&channel=whatsapp&status=open').expect(200);
    expect(jan9.text).toContain('Hampir');
    const none = await agent.get('/desk?channel=email').expect(200);
    expect(none.text).toContain('Tidak ada konsultasi.');
  });

  it('when an agent escalates a ticket, then the unit sees it on its desk, answers it, and the answer and the time since escalation show; other tickets are not found for the unit', async () => {
    const { app, db } = buildTestApp();
    const unitId = testUnit(db);
    const mine = ticket(db, '2026-01-12T08:00:00+07:00', 'Untuk unit');
    const other = ticket(db, '2026-01-12T08:30:00+07:00', 'Bukan untuk unit');
    const desk = await loginAs(app, db, 'agent');
    const page = await desk.agent.get(`/desk/${mine.id}`).expect(200);
    const esc = await desk.agent.post(`/desk/${mine.id}/escalate`).type('form').send({ _csrf: csrfFrom(page.text), unitCode: 'UT.1', escalatedAt: '2026-01-12T08:30', note: 'Mohon jawaban' });
    expect(esc.status, esc.text).toBe(302);
    expect(rows(db, `select status, escalated_unit_id, sla_due_at from consultations where id = ${mine.id}`)).toEqual([{ status: 'escalated', escalated_unit_id: unitId, sla_due_at: '2026-01-14T01:00:00Z' }]);

    const unit = await loginAs(app, db, 'unit');
    const queue = await unit.agent.get('/desk').expect(200);
    expect(queue.text).toContain('Untuk unit');
    expect(queue.text).not.toContain('Bukan untuk unit');
    await unit.agent.get(`/desk/${other.id}`).expect(404);
    const show = await unit.agent.get(`/desk/${mine.id}`).expect(200);
    expect(show.text).not.toContain('Eskalasi ke unit</h2>');
    const ans = await unit.agent.post(`/desk/${mine.id}/answer`).type('form').send({ _csrf: csrfFrom(show.text), answeredAt: '2026-01-12T09:45', answer: 'Jawaban unit.' });
    expect(ans.status, ans.text).toBe(302);
    const after = await unit.agent.get(`/desk/${mine.id}`).expect(200);
    expect(after.text).toContain('Jawaban unit.');
    expect(after.text).toContain('75 menit sejak eskalasi');
    expect(after.text).toContain('Dieskalasi ke UT.1: Mohon jawaban');
    expect(listAudit(db, { action: 'consultation.answer' }, 1, 10).total).toBe(1);
    // The unit neither escalates nor closes.
    await unit.agent.post(`/desk/${mine.id}/close`).type('form').send({ _csrf: csrfFrom(after.text) }).expect(403);
  });

  it('when an answer is dated before the question or an escalation names an unknown unit, then 400 with the message on the ticket page and nothing changes', async () => {
    const { app, db } = buildTestApp();
    const c = ticket(db, '2026-01-12T08:00:00+07:00');
    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get(`/desk/${c.id}`).expect(200);
    const ans = await agent.post(`/desk/${c.id}/answer`).type('form').send({ _csrf: csrfFrom(page.text), answeredAt: '2026-01-12T07:00', answer: 'Terlalu awal' });
    expect(ans.status).toBe(400);
    expect(ans.text).toContain('Waktu jawaban tidak boleh sebelum pertanyaan masuk.');
    expect(ans.text).toContain('Terlalu awal');
    const esc = await agent.post(`/desk/${c.id}/escalate`).type('form').send({ _csrf: csrfFrom(page.text), unitCode: 'NOPE', escalatedAt: '2026-01-12T08:30' });
    expect(esc.status).toBe(400);
    expect(esc.text).toContain('Unit tidak dikenal.');
    expect(rows(db, 'select status, answer from consultations')).toEqual([{ status: 'open', answer: '' }]);
  });

  it('when an officer closes a ticket, then it is closed and audited; closing again is refused', async () => {
    const { app, db } = buildTestApp();
    testUnit(db);
    const c = ticket(db, '2026-01-12T08:00:00+07:00');
    escalateConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', id: c.id, input: { unit_code: 'UT.1', escalated_at: '2026-01-12T08:10:00+07:00', note: '' } });
    const { agent } = await loginAs(app, db, 'supervisor');
    const page = await agent.get(`/desk/${c.id}`).expect(200);
    await agent.post(`/desk/${c.id}/close`).type('form').send({ _csrf: csrfFrom(page.text) }).expect(302);
    expect(rows(db, 'select status from consultations')).toEqual([{ status: 'closed' }]);
    const again = await agent.post(`/desk/${c.id}/close`).type('form').send({ _csrf: csrfFrom(page.text) });
    expect(again.status).toBe(409);
    expect(listAudit(db, { action: 'consultation.close' }, 1, 10).total).toBe(1);
  });

  it('when an agent opens the register, then 403; the home page takes an agent to the desk', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'agent');
    await agent.get('/requests').expect(403);
    await agent.get('/').expect(302).expect('Location', '/desk');
  });
});
