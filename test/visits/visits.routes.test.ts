import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs } from '../helpers/login-as.js';
import { testActor } from '../helpers/factories.js';
import { reserveVisit, visitsIn } from '../../src/visits/visits.service.js';
import { setSetting } from '../../src/settings/settings.repo.js';
import type { Db } from '../../src/db/client.js';

// Monday 2026-01-12, 10:00 WIB.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-12T10:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

const rows = (db: Db, sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];
const form = {
  guestNames: 'Budi Santoso\nRina Wati', guestType: 'local_government', institution: 'BPKAD Kabupaten Sleman', regionCode: '3404',
  phone: '0812-1111-2222', email: '', plannedOn: '2026-01-13', topic: 'regional_tax', people: '2', travelOrders: '090/123/2026',
};
const reserve = (db: Db, over: Partial<{ regionCode: string; plannedOn: string; people: number }> = {}) =>
  reserveVisit({ db, actor: testActor, zone: 'Asia/Jakarta', input: {
    guestNames: 'Tamu', guestType: 'local_government', institution: '', regionCode: '51', phone: '0811', email: '', plannedOn: '2026-01-13',
    topic: 'village_fund', people: 1, travelOrders: '', ...over } });

let users = 0;
async function post(app: Parameters<typeof loginAs>[0], db: Db, role: 'agent' | 'officer', path: string, page: string, body: Record<string, string>) {
  const { agent } = await loginAs(app, db, role, `${role}-${++users}`);
  const p = await agent.get(page).expect(200);
  return agent.post(path).type('form').send({ _csrf: csrfFrom(p.text), ...body });
}

describe('visit reservations (SOP 194)', () => {
  it('when an agent reserves a visit for the next working day, then it is saved, listed for reception and has a printable arrival confirmation', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'agent');
    const page = await agent.get('/visits/new').expect(200);
    const res = await agent.post('/visits/new').type('form').send({ _csrf: csrfFrom(page.text), ...form });
    expect(res.status, res.text).toBe(302);
    expect(res.headers.location).toBe('/visits/1');
    expect(rows(db, 'select region_code, planned_on, people, status from visits')).toEqual([{ region_code: '3404', planned_on: '2026-01-13', people: 2, status: 'reserved' }]);
    const list = await agent.get('/visits?date=2026-01-13').expect(200);
    expect(list.text).toContain('KUNJ-00001');
    expect(list.text).toContain('BPKAD Kabupaten Sleman');
    expect(list.text).toContain('1 reservasi, 2 orang');
    const paper = await agent.get('/visits/1/confirmation').expect(200);
    expect(paper.text).toContain('Konfirmasi Kedatangan Kunjungan Konsultasi');
    expect(paper.text).toContain('class="letterhead"');
    expect(paper.text).toContain('Selasa, 13 Januari 2026');
    expect(paper.text).toContain('090/123/2026');
    expect(rows(db, "select action from audit_log where entity_type = 'visit'")).toEqual([{ action: 'visit.reserve' }]);
  });

  it.each([
    ['today', '2026-01-12', 'Reservasi untuk hari ini tidak dapat diterima'],
    ['a past day', '2026-01-09', 'sudah lewat'],
    ['a Saturday', '2026-01-17', 'bukan hari kerja kantor'],
  ])('when the visit is for %s, then it is refused and says why, nothing written', async (_what, plannedOn, message) => {
    const { app, db } = buildTestApp();
    const res = await post(app, db, 'agent', '/visits/new', '/visits/new', { ...form, plannedOn });
    expect(res.status).toBe(400);
    expect(res.text).toContain(message);
    expect(res.text).toContain('BPKAD Kabupaten Sleman');
    expect(rows(db, 'select id from visits')).toEqual([]);
  });

  it('when the region already has 2 people that day, then another reservation is refused as full; another region, another day or a cancelled one leaves room', async () => {
    const { app, db } = buildTestApp();
    reserve(db, { regionCode: '3404', people: 2 });
    const res = await post(app, db, 'officer', '/visits/new', '/visits/new', { ...form, people: '1' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Kuota wilayah 3404 pada Selasa, 13 Januari 2026 sudah penuh (2 dari 2 orang)');
    expect(rows(db, 'select id from visits')).toHaveLength(1);
    expect(() => reserve(db, { regionCode: '34', people: 2 })).not.toThrow();
    expect(() => reserve(db, { regionCode: '3404', plannedOn: '2026-01-14', people: 2 })).not.toThrow();
    // one left, two asked
    reserve(db, { regionCode: '52', people: 1 });
    expect(() => reserve(db, { regionCode: '52', people: 2 })).toThrow(/tinggal 1 orang/);
  });

  it('when the admin sets 3 people per region-day, then a third person fits', async () => {
    const { db } = buildTestApp();
    setSetting(db, 'visit_max_people_per_region_day', '3');
    reserve(db, { people: 2 });
    expect(() => reserve(db, { people: 1 })).not.toThrow();
    expect(() => reserve(db, { people: 1 })).toThrow(/sudah penuh \(3 dari 3 orang\)/);
  });

  it('when the region code, people or contact is wrong, then each field says so', async () => {
    const { app, db } = buildTestApp();
    const res = await post(app, db, 'agent', '/visits/new', '/visits/new', { ...form, regionCode: '340', people: '0', phone: '', email: '' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Isi telepon atau e-mail tamu');
    const res2 = await post(app, db, 'agent', '/visits/new', '/visits/new', { ...form, regionCode: '340' });
    expect(res2.status).toBe(400);
    expect(res2.text).toContain('Kode wilayah: 2 digit (provinsi) atau 4 digit (kabupaten/kota).');
    expect(rows(db, 'select id from visits')).toEqual([]);
  });

  it('when the region code is not in the official list or the topic is free text, then both are refused and the form offers the lists', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'agent');
    const page = await agent.get('/visits/new').expect(200);
    expect(page.text).toContain('<option value="village_fund" >Dana desa</option>');
    expect(page.text).toContain('<option value="5171">KOTA DENPASAR</option>');
    const res = await post(app, db, 'agent', '/visits/new', '/visits/new', { ...form, regionCode: '5199', topic: 'Dana bagi hasil pajak daerah' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Kode wilayah &#34;5199&#34; tidak ada dalam daftar provinsi dan kabupaten/kota Kemendagri.');
    expect(res.text).toContain('Topik tidak dikenal. Pilih dari daftar.');
    expect(rows(db, 'select id from visits')).toEqual([]);
  });

  it('when the phone is missing and the region and topic are wrong too, then one answer names all three and keeps what was typed', async () => {
    const { app, db } = buildTestApp();
    const res = await post(app, db, 'agent', '/visits/new', '/visits/new', { ...form, phone: '', regionCode: '5199', topic: 'Dana bagi hasil pajak daerah' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Kode wilayah &#34;5199&#34; tidak ada dalam daftar provinsi dan kabupaten/kota Kemendagri.');
    expect(res.text).toContain('Topik tidak dikenal. Pilih dari daftar.');
    expect(res.text).toContain('id="err-phone"');
    expect(res.text).toContain('value="BPKAD Kabupaten Sleman"');
    expect(rows(db, 'select id from visits')).toEqual([]);
  });

  it('when the guest arrives and is met in 8 minutes, then a visit ticket is opened on the desk and the 10-minute target shows as met', async () => {
    const { app, db } = buildTestApp();
    const v = reserve(db, { regionCode: '3404' });
    vi.setSystemTime(new Date('2026-01-13T10:00:00+07:00'));
    const { agent } = await loginAs(app, db, 'agent');
    let page = await agent.get(`/visits/${v.id}`).expect(200);
    let res = await agent.post(`/visits/${v.id}/check-in`).type('form').send({ _csrf: csrfFrom(page.text), checkedInAt: '2026-01-13T09:30' });
    expect(res.status, res.text).toBe(302);
    expect(rows(db, 'select channel, received_at, user_region_code, status from consultations')).toEqual([{ channel: 'visit', received_at: '2026-01-13T02:30:00Z', user_region_code: '3404', status: 'open' }]);
    page = await agent.get(`/visits/${v.id}`).expect(200);
    expect(page.text).toContain('href="/desk/1"');
    res = await agent.post(`/visits/${v.id}/met`).type('form').send({ _csrf: csrfFrom(page.text), metAt: '2026-01-13T09:38' });
    expect(res.status, res.text).toBe(302);
    page = await agent.get(`/visits/${v.id}`).expect(200);
    expect(page.text).toContain('8 menit sejak datang — target 10 menit tercapai');
    expect(rows(db, 'select status, consultation_id from visits')).toEqual([{ status: 'met', consultation_id: 1 }]);
  });

  it('when the consultant comes after 15 minutes, then the target shows as missed; a meeting before the arrival is refused', async () => {
    const { app, db } = buildTestApp();
    const v = reserve(db);
    vi.setSystemTime(new Date('2026-01-13T11:00:00+07:00'));
    const { agent } = await loginAs(app, db, 'agent');
    let page = await agent.get(`/visits/${v.id}`).expect(200);
    await agent.post(`/visits/${v.id}/check-in`).type('form').send({ _csrf: csrfFrom(page.text), checkedInAt: '2026-01-13T10:00' }).expect(302);
    page = await agent.get(`/visits/${v.id}`).expect(200);
    const early = await agent.post(`/visits/${v.id}/met`).type('form').send({ _csrf: csrfFrom(page.text), metAt: '2026-01-13T09:50' });
    expect(early.status).toBe(400);
    expect(early.text).toContain('Waktu ditemui tidak boleh sebelum tamu datang.');
    await agent.post(`/visits/${v.id}/met`).type('form').send({ _csrf: csrfFrom(page.text), metAt: '2026-01-13T10:15' }).expect(302);
    page = await agent.get(`/visits/${v.id}`).expect(200);
    expect(page.text).toContain('15 menit sejak datang — target 10 menit terlewat');
  });

  it('when the check-in is on another day than reserved, then it is refused and no ticket is opened', async () => {
    const { app, db } = buildTestApp();
    const v = reserve(db);
    const res = await post(app, db, 'agent', `/visits/${v.id}/check-in`, `/visits/${v.id}`, { checkedInAt: '2026-01-12T09:00' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Reservasi ini untuk 2026-01-13');
    expect(rows(db, 'select id from consultations')).toEqual([]);
    expect(rows(db, 'select status from visits')).toEqual([{ status: 'reserved' }]);
  });

  it('when a reservation is cancelled with a reason, then its place is free; a no-show before the day is refused; after the day it is recorded', async () => {
    const { app, db } = buildTestApp();
    const v = reserve(db, { people: 2 });
    const noReason = await post(app, db, 'agent', `/visits/${v.id}/cancel`, `/visits/${v.id}`, { note: '' });
    expect(noReason.status).toBe(400);
    const early = await post(app, db, 'officer', `/visits/${v.id}/no-show`, `/visits/${v.id}`, {});
    expect(early.status).toBe(409);
    expect(early.text).toContain('baru pada 2026-01-13');
    const ok = await post(app, db, 'agent', `/visits/${v.id}/cancel`, `/visits/${v.id}`, { note: 'Jadwal bentrok' });
    expect(ok.status).toBe(302);
    expect(() => reserve(db, { people: 2 })).not.toThrow();
    vi.setSystemTime(new Date('2026-01-14T08:00:00+07:00'));
    const w = rows(db, "select id from visits where status = 'reserved'")[0].id as number;
    const noShow = await post(app, db, 'agent', `/visits/${w}/no-show`, `/visits/${w}`, {});
    expect(noShow.status).toBe(302);
    expect(rows(db, 'select status from visits order by id')).toEqual([{ status: 'cancelled' }, { status: 'no_show' }]);
  });

  it('when the month is asked for the report, then visitsIn counts held visits, people, cancellations and no-shows', async () => {
    const { app, db } = buildTestApp();
    const a = reserve(db, { people: 2 });
    reserve(db, { regionCode: '52', people: 1 });
    vi.setSystemTime(new Date('2026-01-13T10:00:00+07:00'));
    await post(app, db, 'agent', `/visits/${a.id}/check-in`, `/visits/${a.id}`, { checkedInAt: '2026-01-13T09:00' });
    const m = visitsIn(db, 2026, 1);
    expect({ held: m.held, people: m.people, cancelled: m.cancelled, noShow: m.noShow }).toEqual({ held: 1, people: 2, cancelled: 0, noShow: 0 });
    expect(m.rows[0]).toMatchObject({ plannedOn: '2026-01-13', regionCode: '51', consultationId: 1 });
    expect(visitsIn(db, 2026, 2).held).toBe(0);
  });

  it('when the list is asked for a nonsense date, then it shows today and says so', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'agent');
    const res = await agent.get('/visits?date=2026-13-45').expect(200);
    expect(res.text).toContain('Tanggal tidak valid; menampilkan hari ini.');
    expect(res.text).toContain('Senin, 12 Januari 2026');
  });
});
