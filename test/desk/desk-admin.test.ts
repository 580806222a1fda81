/** The desk's admin pages: lists, service hours, service levels; and what intake makes of them. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, tokenFor } from '../helpers/login-as.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import type { Db } from '../../src/db/client.js';

// Monday 2026-01-12, 10:00 WIB; 2026-01-16 is a holiday in the seeded calendar.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-12T10:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

const rows = (db: Db, sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];
const itemId = (db: Db, list: string, code: string) => (db.$client.prepare('select id from desk_list_items where list = ? and code = ?').get(list, code) as { id: number }).id;
const body = (over: Record<string, unknown> = {}) => ({
  received_at: '2026-01-09T09:00:00+07:00', channel: 'whatsapp', category: 'question', topic: 'village_fund',
  question: 'Kapan dana desa tahap II cair?', user: { name: 'Budi', type: 'local_government', region_code: '5171' }, ...over,
});
const HOURS = { opens_1: '08:00', closes_1: '16:00', opens_2: '08:00', closes_2: '16:00', opens_3: '08:00', closes_3: '16:00', opens_4: '08:00', closes_4: '16:00', opens_5: '08:00', closes_5: '16:30' };

async function world() {
  const { app, db } = buildTestApp();
  const { agent: admin } = await loginAs(app, db, 'admin');
  const token = await tokenFor(db, 'agent');
  const api = (b: unknown) => request(app).post('/api/v1/consultations').set('Authorization', `Bearer ${token}`).send(b as object);
  const list = async () => (await admin.get('/admin/desk/lists').expect(200)).text;
  const post = async (path: string, b: Record<string, unknown>, from = '/admin/desk/lists') =>
    admin.post(path).type('form').send({ _csrf: csrfFrom((await admin.get(from)).text), ...b });
  return { app, db, admin, api, list, post };
}

describe('the desk lists (admin)', () => {
  it('when the database is new, then channels, categories and topics hold the default codes in order', async () => {
    const { db, list } = await world();
    expect(rows(db, "select code from desk_list_items where list = 'channel' order by position").map((r) => r.code))
      .toEqual(['whatsapp', 'phone', 'email', 'portal', 'live_chat', 'visit', 'video_conference', 'letter']);
    expect(rows(db, "select count(*) n from desk_list_items where list = 'category'")[0].n).toBe(9);
    expect(await list()).toContain('Dana desa');
  });

  it('when the admin adds a channel, then agents can pick it and the API accepts it, under the default 1 / 5 working days', async () => {
    const { app, db, post, api } = await world();
    const res = await post('/admin/desk/lists', { list: 'channel', code: 'telegram', label: 'Telegram' });
    expect(res.status, res.text).toBe(302);
    const { agent } = await loginAs(app, db, 'agent', 'agent2');
    expect((await agent.get('/desk/new')).text).toContain('<option value="telegram"');
    const created = await api(body({ channel: 'telegram' }));
    expect(created.status, created.text).toBe(201);
    expect(created.body.sla_due_at).toBe('2026-01-12T09:00:00+07:00');
    expect(listAudit(db, { action: 'desk_list.create' }, 1, 10).total).toBe(1);
  });

  it('when a code is taken, malformed or the label is blank, then 400 with the message and the typed values; nothing added', async () => {
    const { db, post } = await world();
    const before = rows(db, 'select count(*) n from desk_list_items')[0].n;
    const taken = await post('/admin/desk/lists', { list: 'topic', code: 'village_fund', label: 'Dana desa baru' });
    expect(taken.status).toBe(400);
    expect(taken.text).toContain('Kode tidak dapat dipakai ulang');
    expect(taken.text).toContain('Dana desa baru');
    const bad = await post('/admin/desk/lists', { list: 'topic', code: 'Dana Desa!', label: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('huruf kecil, angka dan garis bawah');
    expect(bad.text).toContain('Dana Desa!');
    expect((await post('/admin/desk/lists', { list: 'unit', code: 'x', label: 'X' })).status).toBe(400);
    expect(rows(db, 'select count(*) n from desk_list_items')[0].n).toBe(before);
  });

  it('when the admin relabels and deactivates a channel, then old tickets keep it under the new label, and intake refuses it (422 on the API, Indonesian on the page)', async () => {
    const { app, db, post, api } = await world();
    const old = await api(body({ channel: 'portal' }));
    expect(old.status).toBe(201);
    const id = itemId(db, 'channel', 'portal');
    expect((await post(`/admin/desk/lists/${id}`, { label: 'Portal SP4N-LAPOR!', active: '0' })).status).toBe(302);
    expect(rows(db, `select code, label, active from desk_list_items where id = ${id}`)[0]).toEqual({ code: 'portal', label: 'Portal SP4N-LAPOR!', active: 0 });
    const refused = await api(body({ channel: 'portal' }));
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.channel).toContain('tidak aktif');
    const { agent } = await loginAs(app, db, 'agent', 'agent2');
    const page = await agent.get('/desk/new');
    expect(page.text).not.toContain('<option value="portal"');
    const form = await agent.post('/desk/new').type('form').send({
      _csrf: csrfFrom(page.text), receivedAt: '2026-01-12T09:00', channel: 'portal', userName: 'Ani', userType: 'academic', category: 'question', topic: '', question: 'Apa itu DAK?',
    });
    expect(form.status).toBe(400);
    expect(form.text).toContain('tidak aktif lagi. Pilih yang lain.');
    expect(form.text).toContain('Apa itu DAK?');
    expect((await agent.get(`/desk/${old.body.id}`)).text).toContain('Portal SP4N-LAPOR!');
    expect((await post(`/admin/desk/lists/${id}`, { label: '', active: '1' })).status).toBe(400);
    expect(rows(db, 'select count(*) n from consultations')[0].n).toBe(1);
  });

  it('when the admin moves a topic down and up, then the order changes; past the end is a conflict', async () => {
    const { db, post } = await world();
    const order = () => rows(db, "select code from desk_list_items where list = 'topic' order by position").map((r) => r.code);
    const general = itemId(db, 'topic', 'general');
    expect((await post(`/admin/desk/lists/${general}/move`, { direction: 'down' })).status).toBe(302);
    expect(order().slice(0, 2)).toEqual(['transfers', 'general']);
    expect((await post(`/admin/desk/lists/${general}/move`, { direction: 'up' })).status).toBe(302);
    expect((await post(`/admin/desk/lists/${general}/move`, { direction: 'up' })).status).toBe(409);
    expect((await post(`/admin/desk/lists/${general}/move`, { direction: 'sideways' })).status).toBe(400);
    expect((await post('/admin/desk/lists/99999', { label: 'X', active: '1' })).status).toBe(404);
    expect(order()[0]).toBe('general');
  });
});

describe('service hours and service levels (admin)', () => {
  it('when a ticket arrives, then it stores the user zone and whether it came inside service hours; the API answers both', async () => {
    const { db, api } = await world();
    const inside = await api(body({ received_at: '2026-01-09T16:15:00+07:00' }));
    expect(inside.body).toMatchObject({ outside_service_hours: false, user_zone: 'WITA' });
    const evening = await api(body({ received_at: '2026-01-09T17:00:00+07:00', user: { name: 'Yanti', type: 'other', region_code: '9171' } }));
    expect(evening.body).toMatchObject({ outside_service_hours: true, user_zone: 'WIT' });
    const saturday = await api(body({ received_at: '2026-01-10T10:00:00+07:00', user: { name: 'Tono', type: 'other' } }));
    expect(saturday.body).toMatchObject({ outside_service_hours: true, user_zone: null });
    expect(rows(db, 'select user_zone, outside_service_hours from consultations order by id')).toEqual([
      { user_zone: 'WITA', outside_service_hours: 0 }, { user_zone: 'WIT', outside_service_hours: 1 }, { user_zone: '', outside_service_hours: 1 },
    ]);
  });

  it('when the form names a region not in the list, then it is refused in Indonesian with the typed values; a known one shows its name and zone on the ticket page', async () => {
    const { app, db, api } = await world();
    const { agent } = await loginAs(app, db, 'agent', 'agent2');
    const page = await agent.get('/desk/new');
    const typed = { receivedAt: '2026-01-09T17:00', channel: 'phone', userName: 'Ani', userType: 'academic', userRegionCode: '5199', category: 'question', topic: 'general', question: 'Apa itu DAK?' };
    const refused = await agent.post('/desk/new').type('form').send({ _csrf: csrfFrom(page.text), ...typed });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Kode wilayah &#34;5199&#34; tidak ada dalam daftar');
    expect(refused.text).toContain('value="5199"');
    const id = (await api(body({ received_at: '2026-01-09T17:00:00+07:00' }))).body.id;
    const show = await agent.get(`/desk/${id}`).expect(200);
    expect(show.text).toContain('5171 — KOTA DENPASAR (WITA)');
    expect(show.text).toContain('di luar jam layanan');
  });

  it('when the admin changes the hours, then later tickets are judged by them; a closing before opening is refused with the typed values', async () => {
    const { db, post, api } = await world();
    const bad = await post('/admin/desk/hours', { ...HOURS, opens_5: '17:00', closes_5: '16:00' }, '/admin/desk/service');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Jam tutup harus setelah jam buka.');
    expect(bad.text).toContain('value="17:00"');
    expect((await post('/admin/desk/hours', { ...HOURS, opens_5: '', closes_5: '12:00' }, '/admin/desk/service')).status).toBe(400);
    expect((await post('/admin/desk/hours', { ...HOURS, opens_1: '25:00' }, '/admin/desk/service')).status).toBe(400);
    const ok = await post('/admin/desk/hours', { ...HOURS, opens_5: '07:00', closes_5: '11:00' }, '/admin/desk/service');
    expect(ok.status, ok.text).toBe(302);
    expect((await api(body({ received_at: '2026-01-09T07:30:00+07:00' }))).body.outside_service_hours).toBe(false);
    expect((await api(body({ received_at: '2026-01-09T11:30:00+07:00' }))).body.outside_service_hours).toBe(true);
    expect(listAudit(db, { action: 'desk_hours.update' }, 1, 10).total).toBe(1);
  });

  it('when the admin sets WhatsApp to 4 working hours, then a new ticket counts only service hours across the weekend; tickets already logged keep their due time', async () => {
    const { db, post, api } = await world();
    const before = await api(body({ received_at: '2026-01-09T15:00:00+07:00' }));
    expect(before.body.sla_due_at).toBe('2026-01-12T15:00:00+07:00');
    const page = await post('/admin/desk/levels', { amount_whatsapp_0: '4', unit_whatsapp_0: 'working_hours' }, '/admin/desk/service');
    expect(page.status).toBe(400); // every channel's two levels are sent by the form
    const levels: Record<string, string> = {};
    for (const r of rows(db, 'select channel, escalated, amount, unit from desk_service_levels')) {
      levels[`amount_${r.channel}_${r.escalated}`] = String(r.amount);
      levels[`unit_${r.channel}_${r.escalated}`] = String(r.unit);
    }
    const res = await post('/admin/desk/levels', { ...levels, amount_whatsapp_0: '4', unit_whatsapp_0: 'working_hours' }, '/admin/desk/service');
    expect(res.status, res.text).toBe(302);
    const after = await api(body({ received_at: '2026-01-09T15:00:00+07:00' }));
    expect(after.body.sla_due_at).toBe('2026-01-12T10:30:00+07:00');
    expect(rows(db, `select sla_due_at from consultations where id = ${before.body.id}`)[0].sla_due_at).toBe('2026-01-12T08:00:00Z');
    expect(listAudit(db, { action: 'desk_levels.update' }, 1, 10).total).toBe(1);
    const bad = await post('/admin/desk/levels', { ...levels, amount_email_1: '0', unit_phone_1: 'weeks' }, '/admin/desk/service');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Minimal 1.');
    expect(bad.text).toContain('Pilih hari kerja atau jam kerja.');
  });

  it('when a channel is escalated, then the escalated policy of that channel applies (WhatsApp 2 working days by default)', async () => {
    const { api } = await world();
    const res = await api(body({ escalated: true }));
    expect(res.body.sla_due_at).toBe('2026-01-13T09:00:00+07:00');
  });
});
