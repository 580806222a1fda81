import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, testUnit } from '../helpers/login-as.js';
import { testActor } from '../helpers/factories.js';
import { holdVideoConference, requestVideoConference, videoConferencesIn } from '../../src/visits/video.service.js';
import type { Db } from '../../src/db/client.js';

// Monday 2026-01-12, 10:00 WIB.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-12T10:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

const rows = (db: Db, sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];
const form = {
  letterNumber: '005/123/BPKAD/2026', letterDate: '2026-01-09', letterReceivedOn: '2026-01-12', regionCode: '5171', institution: 'BPKAD Kota Denpasar',
  topic: 'regional_financing', unitCode: 'PK.5', network: 'office_app', plannedAt: '2026-01-15T13:00', lateReason: '',
};
let users = 0;
async function post(app: Parameters<typeof loginAs>[0], db: Db, path: string, page: string, body: Record<string, string>) {
  const { agent } = await loginAs(app, db, 'agent', `agent-v${++users}`);
  const p = await agent.get(page).expect(200);
  return { agent, res: await agent.post(path).type('form').send({ _csrf: csrfFrom(p.text), ...body }) };
}
const planned = (db: Db, plannedAt = '2026-01-14T09:00:00+07:00') => {
  testUnit(db, 'PK.5');
  return requestVideoConference({ db, actor: testActor, zone: 'Asia/Jakarta', input: { ...form, network: 'office_app', plannedAt, lateReason: '' } });
};

describe('video conferences (SOP 195)', () => {
  it('when an agent records a letter planned within 3 working days on the office app, then it is saved and listed for its month', async () => {
    const { app, db } = buildTestApp();
    testUnit(db, 'PK.5');
    const { agent, res } = await post(app, db, '/video-conferences/new', '/video-conferences/new', form);
    expect(res.status, res.text).toBe(302);
    expect(rows(db, 'select letter_received_on, planned_at, network, status, late_reason from video_conferences')).toEqual([
      { letter_received_on: '2026-01-12', planned_at: '2026-01-15T06:00:00Z', network: 'office_app', status: 'planned', late_reason: '' }]);
    const list = await agent.get('/video-conferences?month=2026-01').expect(200);
    expect(list.text).toContain('BPKAD Kota Denpasar');
    expect(list.text).not.toContain('melewati batas SOP</span>');
  });

  it('when the office app is planned on the 4th working day without a reason, then it is refused with the last allowed day; the ministry network (5 days) accepts it', async () => {
    const { app, db } = buildTestApp();
    testUnit(db, 'PK.5');
    const { res } = await post(app, db, '/video-conferences/new', '/video-conferences/new', { ...form, plannedAt: '2026-01-19T09:00' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Melewati batas SOP 195');
    expect(res.text).toContain('paling lambat 3 hari kerja sejak surat diterima (Kamis, 15 Januari 2026); jadwal ini Senin, 19 Januari 2026, hari kerja ke-4');
    expect(rows(db, 'select id from video_conferences')).toEqual([]);
    const ministry = await post(app, db, '/video-conferences/new', '/video-conferences/new', { ...form, plannedAt: '2026-01-19T09:00', network: 'ministry' });
    expect(ministry.res.status).toBe(302);
  });

  it('when the plan is beyond the limit with a reason, then it is accepted, the reason recorded and the list marks it', async () => {
    const { app, db } = buildTestApp();
    testUnit(db, 'PK.5');
    const { agent, res } = await post(app, db, '/video-conferences/new', '/video-conferences/new', { ...form, plannedAt: '2026-01-20T09:00', lateReason: 'Pemda meminta tanggal ini' });
    expect(res.status).toBe(302);
    expect(rows(db, 'select late_reason from video_conferences')).toEqual([{ late_reason: 'Pemda meminta tanggal ini' }]);
    const list = await agent.get('/video-conferences?month=2026-01').expect(200);
    expect(list.text).toContain('melewati batas SOP</span>');
  });

  it('when the plan is before the letter, the unit is unknown or the region code is wrong, then each is refused, nothing written', async () => {
    const { app, db } = buildTestApp();
    testUnit(db, 'PK.5');
    const { res } = await post(app, db, '/video-conferences/new', '/video-conferences/new', { ...form, plannedAt: '2026-01-09T09:00', unitCode: 'PK.99', regionCode: '517' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('tidak boleh sebelum surat permohonan diterima');
    expect(res.text).toContain('Unit tidak dikenal.');
    expect(res.text).toContain('Kode wilayah: 2 digit');
    const received = await post(app, db, '/video-conferences/new', '/video-conferences/new', { ...form, letterReceivedOn: '2026-01-08' });
    expect(received.res.status).toBe(400);
    expect(received.res.text).toContain('Tanggal diterima tidak boleh sebelum tanggal surat.');
    expect(rows(db, 'select id from video_conferences')).toEqual([]);
  });

  it('when the region code is not in the official list or the topic is free text, then both are refused, nothing written', async () => {
    const { app, db } = buildTestApp();
    testUnit(db, 'PK.5');
    const { res } = await post(app, db, '/video-conferences/new', '/video-conferences/new', { ...form, regionCode: '99', topic: 'Penyusunan APBD 2026' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Kode wilayah &#34;99&#34; tidak ada dalam daftar');
    expect(res.text).toContain('Topik tidak dikenal. Pilih dari daftar.');
    expect(res.text).toContain('<option value="regional_financing" >Pembiayaan daerah</option>');
    expect(rows(db, 'select id from video_conferences')).toEqual([]);
  });

  it('when the call is held, then a video_conference ticket opens on the desk, the recording link is kept, and videoConferencesIn lists it', async () => {
    const { app, db } = buildTestApp();
    const v = planned(db);
    vi.setSystemTime(new Date('2026-01-14T11:00:00+07:00'));
    const bad = await post(app, db, `/video-conferences/${v.id}/held`, `/video-conferences/${v.id}`, { heldAt: '2026-01-14T09:05', recordingUrl: 'javascript:alert(1)' });
    expect(bad.res.status).toBe(400);
    expect(bad.res.text).toContain('Tautan rekaman harus diawali http:// atau https://.');
    const { agent, res } = await post(app, db, `/video-conferences/${v.id}/held`, `/video-conferences/${v.id}`, { heldAt: '2026-01-14T09:05', recordingUrl: '' });
    expect(res.status, res.text).toBe(302);
    expect(rows(db, 'select channel, user_name, user_region_code from consultations')).toEqual([{ channel: 'video_conference', user_name: 'BPKAD Kota Denpasar', user_region_code: '5171' }]);
    const page = await agent.get(`/video-conferences/${v.id}`).expect(200);
    expect(page.text).toContain('href="/desk/1"');
    await agent.post(`/video-conferences/${v.id}/recording`).type('form').send({ _csrf: csrfFrom(page.text), recordingUrl: 'https://drive.example.id/rekaman/1' }).expect(302);
    const month = videoConferencesIn(db, 2026, 1);
    expect(month.count).toBe(1);
    expect(month.rows[0]).toMatchObject({ date: '2026-01-14', regionCode: '5171', topic: 'regional_financing', unitCode: 'PK.5', recordingUrl: 'https://drive.example.id/rekaman/1', consultationId: 1 });
    expect(videoConferencesIn(db, 2026, 2).count).toBe(0);
  });

  it('when a held call is held again or cancelled, then 409; a planned one is cancelled with a reason', async () => {
    const { app, db } = buildTestApp();
    const v = planned(db);
    const w = planned(db, '2026-01-15T09:00:00+07:00');
    vi.setSystemTime(new Date('2026-01-14T11:00:00+07:00'));
    holdVideoConference({ db, actor: testActor, zone: 'Asia/Jakarta', id: v.id, input: { heldAt: '2026-01-14T02:00:00Z', recordingUrl: '' } });
    const again = await post(app, db, `/video-conferences/${v.id}/cancel`, `/video-conferences/${v.id}`, { note: 'x' });
    expect(again.res.status).toBe(409);
    const noNote = await post(app, db, `/video-conferences/${w.id}/cancel`, `/video-conferences/${w.id}`, { note: '' });
    expect(noNote.res.status).toBe(400);
    const ok = await post(app, db, `/video-conferences/${w.id}/cancel`, `/video-conferences/${w.id}`, { note: 'Pemda membatalkan' });
    expect(ok.res.status).toBe(302);
    expect(rows(db, 'select status from video_conferences order by id')).toEqual([{ status: 'held' }, { status: 'cancelled' }]);
  });
});
