/** The queue: due-time order, exact totals, paging, filters (page and API). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, testUnit, tokenFor } from '../helpers/login-as.js';
import { testActor } from '../helpers/factories.js';
import { escalateConsultation, logConsultation } from '../../src/desk/desk.service.js';
import type { Db } from '../../src/db/client.js';

// Monday 2026-01-12, 10:00 WIB.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-12T10:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

const log = (db: Db, receivedAt: string, over: { channel?: string; category?: string; name?: string } = {}) =>
  logConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', input: {
    received_at: receivedAt, channel: over.channel ?? 'whatsapp', category: over.category ?? 'question', topic: '', question: 'Pertanyaan', escalated: false,
    user: { name: over.name ?? 'Siti', type: 'academic', institution: '', region_code: '', email: '', phone: '' } } });

/** 60 tickets on 2025-12-01 … (each a minute apart), plus one due soon and one overdue today. */
function many(db: Db) {
  for (let i = 0; i < 60; i++) log(db, `2025-12-01T09:${String(i).padStart(2, '0')}:00+07:00`, { name: `U${i}`, channel: i % 2 ? 'email' : 'whatsapp', category: i % 3 ? 'question' : 'complaint' });
}

describe('the queue with paging and filters', () => {
  it('when there are more tickets than a page, then the page says the exact total and links to the next page with the filters kept', async () => {
    const { app, db } = buildTestApp();
    many(db);
    const { agent } = await loginAs(app, db, 'agent');
    const first = await agent.get('/desk').expect(200);
    expect(first.text).toContain('1–50 dari 60 konsultasi');
    expect(first.text).toContain('href="/desk?page=2"');
    const second = await agent.get('/desk?page=2').expect(200);
    expect(second.text).toContain('51–60 dari 60 konsultasi');
    expect(second.text).toContain('U59');
    expect(second.text).not.toContain('>U0 <');
    const emails = await agent.get('/desk?channel=email&category=question&per_page=10').expect(200);
    expect(emails.text).toContain('1–10 dari 20 konsultasi');
    expect(emails.text).toContain('href="/desk?channel=email&amp;category=question&amp;per_page=10&amp;page=2"');
  });

  it('when tickets are logged, escalated or answered between two views, then the total is exact each time (the count is cached until a ticket changes)', async () => {
    const { app, db } = buildTestApp();
    many(db);
    const { agent } = await loginAs(app, db, 'agent');
    expect((await agent.get('/desk').expect(200)).text).toContain('1–50 dari 60 konsultasi');
    expect((await agent.get('/desk?channel=email').expect(200)).text).toContain('dari 30 konsultasi');
    log(db, '2025-12-02T09:00:00+07:00', { channel: 'email' });
    expect((await agent.get('/desk').expect(200)).text).toContain('1–50 dari 61 konsultasi');
    expect((await agent.get('/desk?channel=email').expect(200)).text).toContain('dari 31 konsultasi');
    expect(() => db.transaction((tx) => {
      log(tx as unknown as Db, '2025-12-02T10:00:00+07:00', { channel: 'email' });
      throw new Error('rolled back');
    })).toThrow('rolled back');
    expect((await agent.get('/desk?channel=email').expect(200)).text).toContain('dari 31 konsultasi');
  });

  it('when filtered by due soon or overdue, then only open tickets due in the next hours or already late show, and the tiles count them all', async () => {
    const { app, db } = buildTestApp();
    many(db); // all overdue (due 2025-12-02)
    log(db, '2026-01-09T12:00:00+07:00', { name: 'Segera' }); // due today 12:00: due soon
    log(db, '2026-01-12T09:00:00+07:00', { name: 'Besok' }); // due tomorrow
    const { agent } = await loginAs(app, db, 'agent');
    const soon = await agent.get('/desk?due=soon').expect(200);
    expect(soon.text).toContain('1–1 dari 1 konsultasi');
    expect(soon.text).toContain('Segera');
    const late = await agent.get('/desk?due=overdue').expect(200);
    expect(late.text).toContain('dari 60 konsultasi');
    expect(late.text).toMatch(/<strong>60<\/strong> lewat tenggat/);
    expect(late.text).toMatch(/<strong>1<\/strong> segera jatuh tempo/);
    const bad = await agent.get('/desk?due=tomorrow&page=0').expect(200);
    expect(bad.text).toContain('Filter tidak dikenal; menampilkan semua.');
  });

  it('when a desk agent filters by unit, then only tickets escalated to it show', async () => {
    const { app, db } = buildTestApp();
    testUnit(db);
    const a = log(db, '2026-01-09T09:00:00+07:00', { name: 'Eskalasi' });
    log(db, '2026-01-09T09:10:00+07:00', { name: 'Biasa' });
    escalateConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', id: a.id, input: { unit_code: 'UT.1', escalated_at: '2026-01-09T10:00:00+07:00', note: '' } });
    const { agent } = await loginAs(app, db, 'agent');
    const res = await agent.get('/desk?unit=UT.1').expect(200);
    expect(res.text).toContain('Eskalasi');
    expect(res.text).not.toContain('Biasa');
    expect((await agent.get('/desk?unit=NOPE').expect(200)).text).toContain('Tidak ada konsultasi.');
  });

  it('when the API lists with page and per_page, then it gives the exact total, the page count and the page in due-time order', async () => {
    const { app, db } = buildTestApp();
    many(db);
    const token = await tokenFor(db, 'agent');
    const get = (q: string) => request(app).get(`/api/v1/consultations${q}`).set('Authorization', `Bearer ${token}`);
    const p2 = await get('?year=2025&month=12&per_page=25&page=2');
    expect(p2.status).toBe(200);
    expect(p2.body).toMatchObject({ total: 60, page: 2, per_page: 25, pages: 3 });
    expect(p2.body.items.map((i: { user: { name: string } }) => i.user.name)).toEqual(Array.from({ length: 25 }, (_, i) => `U${i + 25}`));
    expect((await get('?category=complaint')).body.total).toBe(20);
    expect((await get('?per_page=500')).status).toBe(400);
    expect((await get('?page=0')).status).toBe(400);
    expect((await get('?category=gossip')).status).toBe(400);
    expect((await get('?due=soon')).body.total).toBe(0);
  });
});
