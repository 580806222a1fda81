/**
 * The monthly Laporan Layanan Informasi (issue 18). A year and a half of consultations
 * (January 2025 – June 2026) goes in through the API; the March 2026 report is checked figure by
 * figure against numbers worked out by hand below.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import type { Application } from 'express';
import ExcelJS from 'exceljs';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { testActor } from '../helpers/factories.js';
import { createUnit } from '../../src/units/units.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { updateServicePolicies } from '../../src/desk/desk-config.js';
import type { Db } from '../../src/db/client.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-07-01T10:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

/** Tickets per month (Jan–Dec 2025, Jan–Jun 2026) per channel, besides the eight of March 2026 written out below. */
const PLAN: Record<string, { 2025: number[]; 2026: number[] }> = {
  whatsapp: { 2025: [3, 3, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3], 2026: [1, 4, 0, 2, 2, 2] },
  phone: { 2025: [0, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1], 2026: [1, 2, 0, 1, 1, 1] },
  email: { 2025: [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0], 2026: [0, 1, 0, 0, 0, 0] },
};

/**
 * March 2026: eight tickets, each with the user, region, category and topic (a code of the admin's
 * list) the report groups. Service hours (defaults, office zone WIB): Mon–Thu 08:00–16:00,
 * Fri 08:00–16:30; 1 March 2026 is a Sunday. Inside: #1, #3, #6. Outside: #0 (Sunday, WIB),
 * #2 (Monday 19:00, WIB), #4 (Thursday 19:00, no region: zone unknown), #5 (Saturday, Makassar:
 * WITA), #7 (Friday 16:30, the closing minute itself, Kota Jayapura: WIT).
 */
const MARCH = [
  { at: '2026-03-01T00:30:00+07:00', channel: 'whatsapp', type: 'local_government', region: '3273', category: 'question', topic: 'village_fund' }, // 28 Feb 17:30 UTC: still March in WIB
  { at: '2026-03-02T09:00:00+07:00', channel: 'whatsapp', type: 'local_government', region: '3201', category: 'question', topic: 'village_fund' },
  { at: '2026-03-02T19:00:00+07:00', channel: 'whatsapp', type: 'academic', region: '3404', category: 'question', topic: 'regional_tax' },
  { at: '2026-03-04T10:00:00+07:00', channel: 'whatsapp', type: 'ministry_agency', region: '31', category: 'letter', topic: 'village_fund' },
  { at: '2026-03-05T19:00:00+07:00', channel: 'whatsapp', type: 'other', region: '', category: 'complaint', topic: 'regional_tax' },
  { at: '2026-03-07T10:00:00+07:00', channel: 'whatsapp', type: 'local_government', region: '7371', category: 'impostor_report', topic: 'transfers' },
  { at: '2026-03-09T10:00:00+07:00', channel: 'phone', type: 'local_government', region: '3578', category: 'reservation', topic: 'general' },
  { at: '2026-03-13T16:30:00+07:00', channel: 'live_chat', type: 'academic', region: '9171', category: 'out_of_remit', topic: '' },
];

async function loadYearAndAHalf(app: Application, db: Db) {
  createUnit({ db, actor: testActor, input: { code: 'PK.2', name: 'Direktorat Dana Transfer Umum', kind: 'unit', active: true } });
  createUnit({ db, actor: testActor, input: { code: 'PK.5', name: 'Direktorat Pajak Daerah', kind: 'unit', active: true } });
  const token = await tokenFor(db, 'agent');
  const post = async (path: string, body: object) => {
    const res = await request(app).post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
    expect(res.status, res.text).toBeLessThan(300);
    return res.body as { id: number };
  };
  const log = (at: string, channel: string, over: Record<string, unknown> = {}) =>
    post('/consultations', {
      received_at: at, channel, category: 'question', topic: 'general', question: 'Pertanyaan uji',
      user: { name: 'Pengguna', type: 'local_government', region_code: '3273' }, ...over,
    });
  for (const [channel, years] of Object.entries(PLAN)) {
    for (const year of [2025, 2026] as const) {
      for (const [i, n] of years[year].entries()) {
        for (let k = 0; k < n; k++) {
          let at = `${year}-${String(i + 1).padStart(2, '0')}-${String(10 + k).padStart(2, '0')}T10:00:00+07:00`;
          // Month edges in the office zone: 28 Feb 23:30 WIB is February; 1 Apr 00:10 WIB (31 Mar UTC) is April.
          if (channel === 'whatsapp' && year === 2026 && i === 1 && k === 0) at = '2026-02-28T23:30:00+07:00';
          if (channel === 'whatsapp' && year === 2026 && i === 3 && k === 0) at = '2026-04-01T00:10:00+07:00';
          const t = await log(at, channel);
          // An escalation of February: not March's.
          if (year === 2026 && i === 1 && channel === 'phone' && k === 0) {
            await post(`/consultations/${t.id}/escalation`, { unit_code: 'PK.5', escalated_at: '2026-02-10T11:00:00+07:00' });
            await post(`/consultations/${t.id}/answer`, { answered_at: '2026-02-10T12:00:00+07:00', answer: 'Dijawab.' });
          }
        }
      }
    }
  }
  const ids: number[] = [];
  for (const m of MARCH) {
    ids.push((await log(m.at, m.channel, { category: m.category, topic: m.topic, user: { name: 'Pengguna', type: m.type, region_code: m.region } })).id);
  }
  // Escalations of March: PK.2 answers in 3 h and 1 h (within 2 working days); PK.5 answers one after
  // 31 days (744 h, past its 5 working days) and leaves one open.
  await post(`/consultations/${ids[1]}/escalation`, { unit_code: 'PK.2', escalated_at: '2026-03-02T10:00:00+07:00' });
  await post(`/consultations/${ids[1]}/answer`, { answered_at: '2026-03-02T13:00:00+07:00', answer: 'Dijawab.' });
  await post(`/consultations/${ids[3]}/escalation`, { unit_code: 'PK.2', escalated_at: '2026-03-04T11:00:00+07:00' });
  await post(`/consultations/${ids[3]}/answer`, { answered_at: '2026-03-04T12:00:00+07:00', answer: 'Dijawab.' });
  await post(`/consultations/${ids[6]}/escalation`, { unit_code: 'PK.5', escalated_at: '2026-03-09T10:30:00+07:00' });
  await post(`/consultations/${ids[6]}/answer`, { answered_at: '2026-04-09T10:30:00+07:00', answer: 'Dijawab.' });
  await post(`/consultations/${ids[2]}/escalation`, { unit_code: 'PK.5', escalated_at: '2026-03-03T11:00:00+07:00' });
}

const zeros = (n: number) => Array<number>(n).fill(0);

describe('the March 2026 report over a year and a half of consultations', () => {
  it('when the API is asked, then every figure matches the hand count', async () => {
    const { app, db } = buildTestApp();
    await loadYearAndAHalf(app, db);
    const token = await tokenFor(db, 'auditor');
    const res = await request(app).get('/api/v1/reports/service/2026/3').set('Authorization', `Bearer ${token}`);
    expect(res.status, res.text).toBe(200);
    const r = res.body;

    // Totals: March 2026 = 6 WhatsApp + 1 phone + 1 live chat = 8; February 2026 = 4 + 2 + 1 = 7;
    // March 2025 = 5 + 2 + 2 = 9. (8 − 7) / 7 = 14,2857 → 14,3; (8 − 9) / 9 = −11,11 → −11,1.
    expect(r.total).toEqual({ count: 8, share_pct: 100, previous_month: 7, change_pct: 14.3, same_month_last_year: 9, change_year_pct: -11.1 });
    // Year to date: 2 + 7 + 8 = 17 against 3 + 4 + 9 = 16 in 2025: 6,25 → 6,3 (half up).
    expect(r.year_to_date).toBe(17);
    const c = r.sections.consultations.figures;
    expect(c.year_to_date_last_year).toBe(16);
    // This year up to March only (April–June are in the database, not in a March report).
    expect(c.per_month).toEqual({ this_year: [2, 7, 8, ...zeros(9)], last_year: [3, 4, 9, 4, 4, 4, 4, 4, 4, 4, 4, 4] });

    expect(r.channels).toEqual([
      { channel: 'whatsapp', label: 'WhatsApp', count: 6, share_pct: 75, previous_month: 4, change_pct: 50, same_month_last_year: 5, change_year_pct: 20,
        per_month: { this_year: [1, 4, 6, ...zeros(9)], last_year: [3, 3, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3] } },
      { channel: 'phone', label: 'Telepon', count: 1, share_pct: 12.5, previous_month: 2, change_pct: -50, same_month_last_year: 2, change_year_pct: -50,
        per_month: { this_year: [1, 2, 1, ...zeros(9)], last_year: [0, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1] } },
      { channel: 'live_chat', label: 'Live chat', count: 1, share_pct: 12.5, previous_month: 0, change_pct: null, same_month_last_year: 0, change_year_pct: null,
        per_month: { this_year: [0, 0, 1, ...zeros(9)], last_year: zeros(12) } },
      { channel: 'email', label: 'E-mail', count: 0, share_pct: 0, previous_month: 1, change_pct: -100, same_month_last_year: 2, change_year_pct: -100,
        per_month: { this_year: [0, 1, 0, ...zeros(9)], last_year: [0, 0, 2, ...zeros(9)] } },
    ]);

    const u = r.sections.users.figures;
    expect(u.user_types).toEqual([
      { user_type: 'local_government', label: 'Pemerintah Daerah', count: 4, share_pct: 50 },
      { user_type: 'ministry_agency', label: 'Kementerian/Lembaga', count: 1, share_pct: 12.5 },
      { user_type: 'academic', label: 'Akademisi', count: 2, share_pct: 25 },
      { user_type: 'other', label: 'Lainnya', count: 1, share_pct: 12.5 },
    ]);
    // Provinces (src/regions, by the first two digits): 32 ×2 (3273, 3201), then one each for 31, 34
    // (3404), 35 (3578), 73 (7371) and 91 (9171); ties by code, so Papua is the sixth and left out.
    expect(u.provinces).toEqual([
      { province_code: '32', name: 'Jawa Barat', count: 2, share_pct: 25 },
      { province_code: '31', name: 'DKI Jakarta', count: 1, share_pct: 12.5 },
      { province_code: '34', name: 'Daerah Istimewa Yogyakarta', count: 1, share_pct: 12.5 },
      { province_code: '35', name: 'Jawa Timur', count: 1, share_pct: 12.5 },
      { province_code: '73', name: 'Sulawesi Selatan', count: 1, share_pct: 12.5 },
    ]);
    expect(u.region_unknown).toBe(1);

    const t = r.sections.topics.figures;
    // Topic codes with the labels of the admin's list; the live chat ticket has no topic.
    expect(t.topics_per_channel).toEqual([
      { channel: 'whatsapp', label: 'WhatsApp', topics: [
        { topic: 'village_fund', label: 'Dana desa', count: 3 },
        { topic: 'regional_tax', label: 'Pajak daerah', count: 2 },
        { topic: 'transfers', label: 'Dana bagi hasil dan transfer khusus ke daerah', count: 1 },
      ] },
      { channel: 'phone', label: 'Telepon', topics: [{ topic: 'general', label: 'Umum', count: 1 }] },
    ]);

    // Service hours: inside #1, #3, #6 = 3 of 8 (37,5%); outside 5 (62,5%): WIB #0, #2 = 2 of 5
    // (40,0%), WITA #5 and WIT #7 one each (20,0%), zone unknown #4 (20,0%).
    expect(r.sections.service_hours.figures).toEqual({
      total: 8, inside_hours: 3, inside_hours_pct: 37.5, outside_hours: 5, outside_hours_pct: 62.5,
      outside_by_zone: [{ zone: 'WIB', count: 2, share_pct: 40 }, { zone: 'WITA', count: 1, share_pct: 20 }, { zone: 'WIT', count: 1, share_pct: 20 }],
      outside_zone_unknown: 1, outside_zone_unknown_pct: 20,
    });
    expect(Object.fromEntries(t.categories.map((x: { category: string; count: number; share_pct: number }) => [x.category, [x.count, x.share_pct]]))).toEqual({
      question: [3, 37.5], letter: [1, 12.5], reservation: [1, 12.5], data_request: [0, 0], complaint: [1, 12.5],
      impostor_report: [1, 12.5], out_of_remit: [1, 12.5], spam: [0, 0], other: [0, 0],
    });

    // Escalations: 4 of 8 (50,0%); answered 3, within the service level 2 (66,7%); fastest unit first.
    const e = r.sections.escalations.figures;
    expect(e).toMatchObject({ total: 8, escalated: 4, share_pct: 50, answered: 3, within_service_level: 2, within_service_level_pct: 66.7 });
    expect(e.units).toEqual([
      { unit_code: 'PK.2', unit_name: 'Direktorat Dana Transfer Umum', escalated: 2, answered: 2, unanswered: 0, avg_answer_hours: 2, max_answer_hours: 3, within_service_level: 2, within_service_level_pct: 100, approved: 0, avg_approval_hours: null },
      { unit_code: 'PK.5', unit_name: 'Direktorat Pajak Daerah', escalated: 2, answered: 1, unanswered: 1, avg_answer_hours: 744, max_answer_hours: 744, within_service_level: 0, within_service_level_pct: 0, approved: 0, avg_approval_hours: null },
    ]);

    // The paragraphs, in the office's words and number format.
    expect(r.sections.consultations.paragraphs).toEqual([
      'Jumlah konsultasi Maret 2026 sebanyak 8 konsultasi, naik 14,3% dibandingkan Februari 2026 (7 konsultasi) dan turun 11,1% dibandingkan Maret 2025 (9 konsultasi).',
      'Jumlah konsultasi sampai dengan Maret 2026 sebanyak 17 konsultasi, naik 6,3% dibandingkan periode yang sama tahun 2025 (16 konsultasi).',
    ]);
    expect(r.sections.channels.paragraphs).toEqual([
      'Konsultasi Maret 2026 paling banyak disampaikan melalui WhatsApp (6 konsultasi; 75,0%), diikuti Telepon (1; 12,5%) dan Live chat (1; 12,5%).',
      'Konsultasi melalui WhatsApp naik 50,0% dibandingkan Februari 2026 (4 konsultasi) dan naik 20,0% dibandingkan Maret 2025 (5 konsultasi).',
      'Konsultasi melalui Telepon turun 50,0% dibandingkan Februari 2026 (2 konsultasi) dan turun 50,0% dibandingkan Maret 2025 (2 konsultasi).',
      'Konsultasi melalui Live chat tidak dapat dibandingkan dengan Februari 2026 (0 konsultasi) dan tidak dapat dibandingkan dengan Maret 2025 (0 konsultasi).',
      'Konsultasi melalui E-mail turun 100,0% dibandingkan Februari 2026 (1 konsultasi) dan turun 100,0% dibandingkan Maret 2025 (2 konsultasi).',
    ]);
    expect(r.sections.users.paragraphs).toEqual([
      'Berdasarkan jenis pengguna, konsultasi Maret 2026 berasal dari Pemerintah Daerah (4; 50,0%), Akademisi (2; 25,0%), Kementerian/Lembaga (1; 12,5%) dan Lainnya (1; 12,5%).',
      'Provinsi yang paling banyak menghubungi: Jawa Barat (2), DKI Jakarta (1), Daerah Istimewa Yogyakarta (1), Jawa Timur (1) dan Sulawesi Selatan (1).',
      'Sebanyak 1 konsultasi tidak mencatat wilayah pengguna.',
    ]);
    expect(r.sections.topics.paragraphs).toEqual([
      'Topik yang paling banyak ditanyakan melalui WhatsApp: Dana desa (3), Pajak daerah (2) dan Dana bagi hasil dan transfer khusus ke daerah (1).',
      'Topik yang paling banyak ditanyakan melalui Telepon: Umum (1).',
      'Berdasarkan kategori: Pertanyaan teknis (3; 37,5%), Surat masuk (1; 12,5%), Reservasi kunjungan (1; 12,5%), Pengaduan layanan/kebijakan (1; 12,5%), Laporan surat palsu/penipuan (1; 12,5%) dan Di luar kewenangan (1; 12,5%).',
    ]);
    expect(r.sections.service_hours.paragraphs).toEqual([
      'Dari 8 konsultasi Maret 2026, sebanyak 3 konsultasi (37,5%) masuk dalam jam layanan dan 5 konsultasi (62,5%) di luar jam layanan.',
      'Konsultasi di luar jam layanan berasal dari pengguna di wilayah WIB (2; 40,0%), WITA (1; 20,0%) dan WIT (1; 20,0%).',
      'Sebanyak 1 konsultasi di luar jam layanan (20,0%) tidak diketahui zona waktunya karena wilayah pengguna tidak dicatat.',
    ]);
    expect(r.sections.escalations.paragraphs).toEqual([
      'Dari 8 konsultasi Maret 2026, sebanyak 4 konsultasi (50,0%) dieskalasi ke unit teknis.',
      'Berdasarkan waktu jawab rata-rata sejak eskalasi, unit tercepat adalah PK.2 (2,0 jam) dan PK.5 (744,0 jam).',
      'Sebanyak 2 dari 3 jawaban unit (66,7%) disampaikan dalam tingkat layanan.',
      'Sebanyak 1 konsultasi yang dieskalasi belum dijawab.',
    ]);
    // The PPID section moved in: no request this month, so the register's own sentence.
    expect(r.sections.ppid.figures).toMatchObject({ year: 2026, month: 3, requests: 0, year_to_date: 0 });
    expect(r.sections.ppid.paragraphs[0]).toContain('tidak menerima permohonan informasi publik');
    // Only the sections whose data exist on this branch, in the report's order.
    expect(Object.keys(r.sections)).toEqual(['consultations', 'channels', 'users', 'topics', 'service_hours', 'escalations', 'visits', 'video_conferences', 'knowledge', 'ppid', 'satisfaction']);
  });

  it('when an officer opens the page, then it shows the paragraphs, the tables and one chart per channel; the XLSX has one sheet per section', async () => {
    const { app, db } = buildTestApp();
    await loadYearAndAHalf(app, db);
    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get('/reports/service?year=2026&month=3');
    expect(page.status, page.text).toBe(200);
    expect(page.text).toContain('naik 14,3% dibandingkan Februari 2026 (7 konsultasi)');
    expect(page.text).toContain('class="letterhead"');
    expect(page.text.match(/<svg /g)?.length).toBe(1 + 4 + 1); // the total, each channel, PPID
    expect(page.text).toContain('<td class="num">744,0</td>');
    expect(page.text).toContain('Jam layanan dan zona waktu');
    expect(page.text).toContain('5 konsultasi (62,5%) di luar jam layanan');
    expect(page.text).toContain('Dana bagi hasil dan transfer khusus ke daerah');
    const xlsx = await agent.get('/reports/service.xlsx?year=2026&month=3').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (b: Buffer) => chunks.push(b));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('laporan-layanan-informasi-2026-03.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['1. Konsultasi', '2. Konsultasi per saluran', '3. Pengguna layanan', '4. Topik dan kategori', '5. Jam layanan dan zona waktu', '6. Eskalasi ke unit', '7. Kunjungan', '8. Konferensi video', '9. Basis pengetahuan', '10. Layanan PPID', '11. Kepuasan pengguna']);
    const channels = wb.getWorksheet('2. Konsultasi per saluran')!;
    const rows = channels.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows).toContainEqual(['WhatsApp', 6, 75, 4, 50, 5, 20]);
    expect(rows).toContainEqual(['Jumlah', 8, 100, 7, 14.3, 9, -11.1]);
    const hours = wb.getWorksheet('5. Jam layanan dan zona waktu')!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(hours).toContainEqual(['Di luar jam layanan', 5, 62.5]);
    expect(hours).toContainEqual(['Zona tidak diketahui', 1, 20]);
  });
});

describe('escalations against the service level in working hours', () => {
  it('when the policy counts working hours, then the report judges each answer by the due time stored on the ticket', async () => {
    const { app, db } = buildTestApp();
    createUnit({ db, actor: testActor, input: { code: 'PK.2', name: 'Direktorat Dana Transfer Umum', kind: 'unit', active: true } });
    const token = await tokenFor(db, 'agent');
    const post = async (path: string, body: object) => {
      const res = await request(app).post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
      expect(res.status, res.text).toBeLessThan(300);
      return res.body as { id: number };
    };
    const hours = (amount: number, unit: 'working_hours' | 'working_days') =>
      updateServicePolicies({ db, actor: testActor, policies: [{ channel: 'whatsapp', escalated: true, policy: { amount, unit } }] });
    const ticket = async (at: string, escalatedAt: string) => {
      const t = await post('/consultations', { received_at: at, channel: 'whatsapp', category: 'question', topic: 'general', question: 'Pertanyaan uji', user: { name: 'Pengguna', type: 'local_government', region_code: '3273' } });
      await post(`/consultations/${t.id}/escalation`, { unit_code: 'PK.2', escalated_at: escalatedAt });
      return t.id;
    };
    const answer = (id: number, at: string) => post(`/consultations/${id}/answer`, { answered_at: at, answer: 'Dijawab.' });
    hours(4, 'working_hours');
    // A: Thursday 7 May 15:00; 4 working hours = 15–16 Thursday + 08–11 Friday: due Friday 11:00.
    // Answered Friday 10:30 (19 h after the escalation on the clock): within.
    const a = await ticket('2026-05-07T15:00:00+07:00', '2026-05-07T15:30:00+07:00');
    await answer(a, '2026-05-08T10:30:00+07:00');
    // B: Monday 11 May 09:00, due 13:00; answered 13:30 (4,0 h after the escalation at 09:30): late.
    const b = await ticket('2026-05-11T09:00:00+07:00', '2026-05-11T09:30:00+07:00');
    await answer(b, '2026-05-11T13:30:00+07:00');
    // C: Tuesday 12 May 09:00, escalated 09:10 under 4 working hours (due 13:00). The admin then
    // sets 2 working days: the due time already given is kept, so the answer at 14:00 is late.
    const c = await ticket('2026-05-12T09:00:00+07:00', '2026-05-12T09:10:00+07:00');
    hours(2, 'working_days');
    await answer(c, '2026-05-12T14:00:00+07:00');

    const auditor = await tokenFor(db, 'auditor');
    const res = await request(app).get('/api/v1/reports/service/2026/5').set('Authorization', `Bearer ${auditor}`);
    expect(res.status, res.text).toBe(200);
    // 1 of 3 within (33,3%); answer hours 19, 4 and 4 h 50 min: average 27,83 / 3 = 9,28 → 9,3; longest 19,0.
    expect(res.body.sections.escalations.figures).toMatchObject({ total: 3, escalated: 3, answered: 3, within_service_level: 1, within_service_level_pct: 33.3 });
    expect(res.body.sections.escalations.figures.units).toEqual([
      { unit_code: 'PK.2', unit_name: 'Direktorat Dana Transfer Umum', escalated: 3, answered: 3, unanswered: 0, avg_answer_hours: 9.3, max_answer_hours: 19, within_service_level: 1, within_service_level_pct: 33.3, approved: 0, avg_approval_hours: null },
    ]);
    // The "Tingkat layanan" table is the admin's policy now (2 working days escalated), not the fixed defaults.
    expect(res.body.sections.escalations.figures.service_levels.find((p: { channel: string }) => p.channel === 'whatsapp'))
      .toEqual({ channel: 'whatsapp', label: 'WhatsApp', plain: { amount: 1, unit: 'working_days' }, escalated: { amount: 2, unit: 'working_days' } });
    // All three came in inside service hours (Thursday 15:00, Monday and Tuesday 09:00).
    expect(res.body.sections.service_hours.figures).toMatchObject({ inside_hours: 3, outside_hours: 0 });
    expect(res.body.sections.service_hours.paragraphs).toEqual(['Seluruh 3 konsultasi Mei 2026 masuk dalam jam layanan.']);
  });
});

describe('Evaluasi dan saran per section', () => {
  it('when an officer saves a paragraph, then it is stored with the month, audited, shown on the page and in the JSON; a blank one removes it', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const text = 'Perlu penambahan agen WhatsApp pada jam sibuk.';
    const saved = await agent.post('/reports/service/notes').type('form').send({ _csrf: csrf, year: '2026', month: '3', section: 'channels', body: text });
    expect(saved.status, saved.text).toBe(302);
    expect(saved.headers.location).toBe('/reports/service?year=2026&month=3#bagian-channels');
    expect((await agent.get('/reports/service?year=2026&month=3')).text).toContain(text);
    // Not on another month.
    expect((await agent.get('/reports/service?year=2026&month=4')).text).not.toContain(text);
    const token = await tokenFor(db, 'auditor');
    const api = await request(app).get('/api/v1/reports/service/2026/3').set('Authorization', `Bearer ${token}`);
    expect(api.body.sections.channels.note).toBe(text);
    expect(listAudit(db, { action: 'service_report.note' }, 1, 10).total).toBe(1);

    await agent.post('/reports/service/notes').type('form').send({ _csrf: csrf, year: '2026', month: '3', section: 'channels', body: '' }).expect(302);
    expect((db.$client.prepare('select count(*) n from service_report_notes').get() as { n: number }).n).toBe(0);
    expect(listAudit(db, { action: 'service_report.note' }, 1, 10).total).toBe(2);
  });

  it('when the section is unknown or the text too long, then 400 with the page and the typed text, and nothing is stored', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const bad = await agent.post('/reports/service/notes').type('form').send({ _csrf: csrf, year: '2026', month: '3', section: 'no_such_section', body: 'Catatan' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Bagian laporan tidak dikenal.');
    const long = await agent.post('/reports/service/notes').type('form').send({ _csrf: csrf, year: '2026', month: '3', section: 'users', body: 'x'.repeat(5001) });
    expect(long.status).toBe(400);
    expect(long.text).toContain('x'.repeat(5001));
    expect((db.$client.prepare('select count(*) n from service_report_notes').get() as { n: number }).n).toBe(0);
  });
});
