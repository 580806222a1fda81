/**
 * The monthly service report's visit, video conference, knowledge base and satisfaction sections
 * (issue 18), March 2026, with data made through the services and the public rating API and
 * checked against figures worked out by hand below.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { testUnit, tokenFor } from '../helpers/login-as.js';
import { setUnitApproval } from '../../src/desk/approval.js';
import { findUserByUsername } from '../../src/auth/users.repo.js';
import { testActor } from '../helpers/factories.js';
import { createUnit } from '../../src/units/units.service.js';
import { cancelVisit, checkInVisit, reserveVisit } from '../../src/visits/visits.service.js';
import { holdVideoConference, requestVideoConference } from '../../src/visits/video.service.js';
import { createEntry, flagEntry, markReviewed } from '../../src/knowledge/knowledge.service.js';

const Z = 'Asia/Jakarta';
const clock = (iso: string) => vi.setSystemTime(new Date(iso));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clock('2026-01-05T10:00:00+07:00'); // a Monday
});
afterEach(() => vi.useRealTimers());

const guest = { guestType: 'local_government' as const, phone: '0811', email: '', travelOrders: '' };
const all = (v: number) => Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`u${k + 1}`, v]));

async function world() {
  const { app, db } = buildTestApp();
  const unit = createUnit({ db, actor: testActor, input: { code: 'PK.2', name: 'Direktorat Dana Transfer Umum', kind: 'unit', active: true } });
  // Visits, reserved in January. February: one of 2 people (year to date). March: one of 1 person
  // held, one cancelled, one still reserved (not counted).
  const reserve = (plannedOn: string, regionCode: string, people: number, institution = '') =>
    reserveVisit({ db, actor: testActor, zone: Z, input: { ...guest, guestNames: 'Tamu', institution, regionCode, plannedOn, topic: 'village_fund', people } }).id;
  const feb = reserve('2026-02-10', '51', 2);
  const mar = reserve('2026-03-03', '5171', 1, 'BPKAD Kota Denpasar');
  const cancelled = reserve('2026-03-04', '7371', 2);
  reserve('2026-03-05', '51', 1);
  // Video conferences: two held in March (one beyond the SOP limit, with its reason), one in April.
  const video = (plannedAt: string, regionCode: string, topic: string, lateReason = '') => requestVideoConference({ db, actor: testActor, zone: Z, input: {
    letterNumber: '005/1/2026', letterDate: '2026-01-05', letterReceivedOn: '2026-01-05', regionCode, institution: 'BPKAD', topic, unitCode: 'PK.2',
    network: 'office_app', plannedAt, lateReason } }).id;
  const v1 = video('2026-03-12T09:00:00+07:00', '7371', 'transfers', 'Menyesuaikan jadwal daerah');
  const v2 = video('2026-01-07T09:00:00+07:00', '51', 'village_fund');
  const v3 = video('2026-03-31T09:00:00+07:00', '5171', 'regional_tax', 'Menyesuaikan jadwal daerah');

  // Ratings in March through the public API, with links from answered consultations.
  clock('2026-03-20T10:00:00+07:00');
  const agentA = await tokenFor(db, 'agent', 'agen-a');
  const agentB = await tokenFor(db, 'agent', 'agen-b');
  const answered = async (token: string, email: string) => {
    const c = await request(app).post('/api/v1/consultations').set('Authorization', `Bearer ${token}`).send({
      received_at: '2026-03-19T09:00:00+07:00', channel: 'whatsapp', category: 'question', topic: 'village_fund', question: 'Kapan cair?',
      user: { name: 'Pengguna', type: 'local_government', email, region_code: '51' } });
    expect(c.status, c.text).toBe(201);
    const a = await request(app).post(`/api/v1/consultations/${c.body.id}/answer`).set('Authorization', `Bearer ${token}`).send({ answered_at: '2026-03-19T15:00:00+07:00', answer: 'Akhir bulan.' });
    expect(a.status, a.text).toBe(200);
    return (a.body.rating_url as string).split('/penilaian/')[1];
  };
  const rate = async (token: string, body: object) => expect((await request(app).post(`/api/v1/ratings/${token}`).send(body)).status).toBeLessThan(300);
  await rate(await answered(agentA, 'budi@example.id'), { service: 5, substance: 4, skm: all(4) });
  await rate(await answered(agentA, 'sari@example.id'), { service: 4, substance: 3, skm: all(3) });
  await rate(await answered(agentB, 'budi@example.id'), { service: 3, substance: 2 });

  // Knowledge: flagged 25 March (waiting at the month's end); flagged and reviewed in March; flagged in April.
  const officer = { role: 'officer' as const, unitId: null };
  const agent = { role: 'agent' as const, unitId: null };
  const entry = (title: string) => createEntry({ db, actor: testActor, user: officer, input: { topic: 'Dana desa', title, answer: 'Jawaban.', ownerUnitId: unit.id } }).id;
  const [k1, k2, k3] = [entry('Jadwal pencairan'), entry('Syarat salur'), entry('Tarif PBB')];
  clock('2026-03-25T10:00:00+07:00');
  flagEntry({ db, actor: testActor, user: agent, id: k1, note: 'Jadwal tahap II berubah' });
  flagEntry({ db, actor: testActor, user: agent, id: k2, note: 'Syarat baru' });
  markReviewed({ db, actor: testActor, user: officer, id: k2, note: 'Diperbarui' });

  clock('2026-04-02T10:00:00+07:00');
  flagEntry({ db, actor: testActor, user: agent, id: k3, note: 'Tarif baru' });
  checkInVisit({ db, actor: testActor, zone: Z, input: { checkedInAt: '2026-02-10T09:00:00+07:00' }, id: feb });
  checkInVisit({ db, actor: testActor, zone: Z, input: { checkedInAt: '2026-03-03T09:30:00+07:00' }, id: mar });
  cancelVisit({ db, actor: testActor, zone: Z, input: { note: 'Batal' }, id: cancelled });
  holdVideoConference({ db, actor: testActor, zone: Z, input: { heldAt: '2026-03-12T09:00:00+07:00', recordingUrl: '' }, id: v1 });
  holdVideoConference({ db, actor: testActor, zone: Z, input: { heldAt: '2026-03-06T09:00:00+07:00', recordingUrl: '' }, id: v2 });
  holdVideoConference({ db, actor: testActor, zone: Z, input: { heldAt: '2026-04-01T09:00:00+07:00', recordingUrl: '' }, id: v3 });
  const auditor = await tokenFor(db, 'auditor');
  const res = await request(app).get('/api/v1/reports/service/2026/3').set('Authorization', `Bearer ${auditor}`);
  expect(res.status, res.text).toBe(200);
  return res.body.sections;
}

describe('the March 2026 report: visits, video conferences, knowledge base, satisfaction', () => {
  it('when the API is asked, then every figure matches the hand count', async () => {
    const s = await world();
    // Visits: March held 1 (1 person), 1 cancelled, the one still reserved not counted; year to date Feb 1 (2) + Mar 1 (1) = 2 (3).
    expect(s.visits.figures).toEqual({ held: 1, people: 1, cancelled: 1, no_show: 0, year_to_date: { held: 2, people: 3 }, rows: [
      { date: '2026-03-03', region_code: '5171', region: 'KOTA DENPASAR', institution: 'BPKAD Kota Denpasar', people: 1, topic: 'village_fund', topic_label: 'Dana desa' }] });
    expect(s.visits.paragraphs).toEqual([
      'Jumlah kunjungan Maret 2026 sebanyak 1 kunjungan dengan 1 orang tamu.',
      'Sebanyak 1 reservasi dibatalkan dan 0 tamu tidak datang.',
      'Sampai dengan Maret 2026, jumlah kunjungan tahun 2026 sebanyak 2 kunjungan (3 orang).',
    ]);
    // Video: held 6 and 12 March (the one planned for 31 March was held 1 April: April's); 1 late with its reason.
    expect(s.video_conferences.figures).toEqual({ count: 2, late: 1, rows: [
      { date: '2026-03-06', region_code: '51', region: 'BALI', institution: 'BPKAD', topic: 'village_fund', topic_label: 'Dana desa', unit_code: 'PK.2' },
      { date: '2026-03-12', region_code: '7371', region: 'KOTA MAKASSAR', institution: 'BPKAD', topic: 'transfers', topic_label: 'Dana bagi hasil dan transfer khusus ke daerah', unit_code: 'PK.2' },
    ] });
    expect(s.video_conferences.paragraphs[0]).toBe('Pada Maret 2026 dilaksanakan 2 konferensi video.');
    // Knowledge: k1 waits at 31 March; k2 was reviewed; k3 was flagged in April.
    expect(s.knowledge.figures).toEqual({ as_of: '2026-03-31', awaiting: 1, entries: [
      { id: 1, topic: 'Dana desa', title: 'Jadwal pencairan', unit_code: 'PK.2', flagged_on: '2026-03-25', note: 'Jadwal tahap II berubah' }] });
    expect(s.knowledge.paragraphs).toEqual(['Sampai dengan 31 Maret 2026, sebanyak 1 entri basis pengetahuan ditandai untuk diperbaiki dan masih menunggu tinjauan unit pemiliknya.']);
    // Satisfaction (target 3,5; minimum 5 ratings from 5 users): A 5/4 and 4/3 → 4,5 and 3,5 (both meet);
    // B 3/2; overall (5+4+3)/3 = 4 and (4+3+2)/3 = 3 from 2 distinct users (budi rated A and B).
    // SKM: one respondent all 4, one all 3 → NRR 3,5 per element, IKM 3,5 × 25 = 87,50, grade B (Baik).
    const r = s.satisfaction.figures;
    expect(r.overall).toEqual({ service: 4, substance: 3, count: 3, users: 2, service_meets_target: true, substance_meets_target: false });
    expect(r.agents.map((a: Record<string, unknown>) => [a.username, a.service, a.substance, a.count, a.users, a.meets_minimum])).toEqual([
      ['agen-a', 4.5, 3.5, 2, 2, false], ['agen-b', 3, 2, 1, 1, false]]);
    expect(r.skm.month).toMatchObject({ respondents: 2, ikm: 87.5, grade: 'B', grade_label: 'Baik' });
    expect(s.satisfaction.paragraphs).toEqual([
      'Pada Maret 2026 diterima 3 penilaian dari 2 pengguna yang berbeda. Nilai rata-rata pelayanan 4,00 dan substansi jawaban 3,00 dari skala 5, belum memenuhi target 3,50.',
      'Sebanyak 2 agen belum memenuhi syarat minimal 5 penilaian dari 5 pengguna yang berbeda.',
      'Indeks Kepuasan Masyarakat (SKM) Maret 2026 sebesar 87,50 dengan mutu pelayanan B (Baik) dari 2 responden.',
    ]);
    // Never a user's identity.
    expect(JSON.stringify(s.satisfaction)).not.toMatch(/budi|sari|example\.id/);
  });
});

describe("the escalations section with the unit head's approval", () => {
  it('when a unit needs approval, then its row gives the approved answers and the mean time to approval', async () => {
    clock('2026-03-10T10:00:00+07:00');
    const { app, db } = buildTestApp();
    const unitId = testUnit(db);
    const staff = await tokenFor(db, 'unit', 'staf-unit', unitId);
    const head = await tokenFor(db, 'unit', 'kepala-unit', unitId);
    const agent = await tokenFor(db, 'agent', 'agen');
    setUnitApproval({ db, actor: testActor, unitId, input: { approvalRequired: true, headUserId: findUserByUsername(db, 'kepala-unit')!.id } });
    const post = async (path: string, body: object, token: string) => {
      const res = await request(app).post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
      expect(res.status, res.text).toBeLessThan(300);
      return res.body as { id: number };
    };
    const c = await post('/consultations', { received_at: '2026-03-10T08:00:00+07:00', channel: 'whatsapp', category: 'question', topic: 'general', question: 'Pertanyaan uji',
      user: { name: 'Pengguna', type: 'local_government', region_code: '51' } }, agent);
    await post(`/consultations/${c.id}/escalation`, { unit_code: 'UT.1', escalated_at: '2026-03-10T08:30:00+07:00' }, agent);
    await post(`/consultations/${c.id}/answer`, { answered_at: '2026-03-10T09:00:00+07:00', answer: 'Dijawab unit.' }, staff);
    // The head approves at "now", 10:00: 90 minutes after the escalation at 08:30 → 1,5 hours.
    await post(`/consultations/${c.id}/approval`, { decision: 'approve' }, head);
    await post(`/consultations/${c.id}/send`, { answered_at: '2026-03-10T10:00:00+07:00' }, agent);
    const auditor = await tokenFor(db, 'auditor');
    const res = await request(app).get('/api/v1/reports/service/2026/3').set('Authorization', `Bearer ${auditor}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.sections.escalations.figures.units).toMatchObject([{ unit_code: 'UT.1', escalated: 1, answered: 1, approved: 1, avg_approval_hours: 1.5 }]);
  });
});
