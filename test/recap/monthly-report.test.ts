/** The monthly "Layanan PPID" section: page and JSON, on one register built once. */
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Application } from 'express';
import type { Db } from '../../src/db/client.js';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { makeRequest } from '../helpers/factories.js';
import type { RequesterCategory } from '../../src/requests/vocabulary.js';

let app: Application;
let db: Db;
let auth: { Authorization: string };

function many(n: number, receivedOn: string, fill: (i: number) => Parameters<typeof makeRequest>[1] = () => ({})) {
  for (let i = 0; i < n; i++) makeRequest(db, { receivedOn, ...fill(i) });
}

beforeAll(async () => {
  ({ app, db } = buildTestApp());
  many(10, '2025-12-10');
  many(15, '2025-04-14');
  many(20, '2026-01-12');
  many(15, '2026-02-09');
  many(25, '2026-03-10');
  // April 2026: 20 requests with purposes, topics and requester categories to count.
  const purposes = [...Array(8).fill('Penelitian tesis'), ...Array(5).fill('  penelitian TESIS '), ...Array(4).fill('Penyusunan skripsi'), 'Pemberitaan', 'Pemberitaan', 'KOSONG'];
  const info = [
    ...Array(10).fill('Data realisasi belanja DAK fisik 2025 per kabupaten'),
    ...Array(6).fill('Mohon data dana desa tahun 2025 untuk Kabupaten Bogor'),
    ...Array(4).fill('Laporan keuangan pemerintah daerah'),
  ];
  const categories: RequesterCategory[] = [...Array(12).fill('academic'), ...Array(5).fill('local_government'), ...Array(3).fill('media')];
  many(20, '2026-04-13', (i) => ({ purpose: purposes[i], informationRequested: info[i], requesterCategory: categories[i], channel: i < 15 ? 'email' : 'whatsapp' }));
  // A request recorded without a purpose (imported history: intake now requires one) counts under no purpose.
  db.$client.prepare(`update requests set purpose = '' where purpose = 'KOSONG'`).run();
  auth = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
});

describe('GET /api/v1/reports/monthly/:year/:month', () => {
  it('when April 2026 has 20 requests against 25 in March and 15 in April 2025, then turun 20,0% and naik 33,3%, and 80 so far this year', async () => {
    const res = await request(app).get('/api/v1/reports/monthly/2026/4').set(auth).expect(200);

    // (20 − 25) / 25 = −20,0 %; (20 − 15) / 15 = +33,33… % → 33,3; 20 + 15 + 25 + 20 = 80.
    expect(res.body).toMatchObject({
      year: 2026, month: 4, requests: 20, year_to_date: 80,
      previous_month: { year: 2026, month: 3, requests: 25, change_pct: 20, direction: 'down' },
      same_month_last_year: { year: 2025, month: 4, requests: 15, change_pct: 33.3, direction: 'up' },
      per_month: { this_year: [20, 15, 25, 20, 0, 0, 0, 0, 0, 0, 0, 0], last_year: [0, 0, 0, 15, 0, 0, 0, 0, 0, 0, 0, 10] },
    });
    expect(res.body.narrative[0]).toBe(
      'Pada bulan April 2026 PPID Badan Publik menerima 20 permohonan informasi publik, turun 20,0% dibandingkan bulan sebelumnya (25) ' +
        'dan naik 33,3% dibandingkan April 2025 (15). Jumlah permohonan informasi publik sampai dengan April 2026 berjumlah 80 permohonan.',
    );
  });

  it('when purposes differ only in case and spaces, then they are one; topics and categories are counted per request', async () => {
    const res = await request(app).get('/api/v1/reports/monthly/2026/4').set(auth).expect(200);

    expect(res.body.purposes).toEqual([
      { purpose: 'Penelitian tesis', count: 13 },
      { purpose: 'Penyusunan skripsi', count: 4 },
      { purpose: 'Pemberitaan', count: 2 },
    ]);
    expect(res.body.topics.bigrams).toEqual([
      { term: 'belanja dak', count: 10 }, { term: 'dak fisik', count: 10 }, { term: 'realisasi belanja', count: 10 },
      { term: 'dana desa', count: 6 }, { term: 'kabupaten bogor', count: 6 },
    ]);
    expect(res.body.topics.words.slice(0, 3)).toEqual([
      { term: 'kabupaten', count: 16 }, { term: 'belanja', count: 10 }, { term: 'dak', count: 10 },
    ]);
    const terms = [...res.body.topics.words, ...res.body.topics.bigrams].map((t: { term: string }) => t.term).join(' ');
    for (const stop of ['data', 'mohon', 'tahun', 'untuk', 'per', '2025']) expect(terms.split(' ')).not.toContain(stop);
    expect(res.body.requester_categories).toEqual([
      { category: 'academic', label: 'Akademisi/Peneliti', count: 12 },
      { category: 'local_government', label: 'Pemerintah Daerah', count: 5 },
      { category: 'media', label: 'Media', count: 3 },
    ]);
    expect(res.body.channels).toEqual([{ channel: 'email', label: 'E-mail', count: 15 }, { channel: 'whatsapp', label: 'WhatsApp', count: 5 }]);
  });

  it('when the month is January, then the previous month is December of the year before; a zero base cannot be compared', async () => {
    const res = await request(app).get('/api/v1/reports/monthly/2026/1').set(auth).expect(200);

    // December 2025: 10 → January 2026: 20 is +100,0 %; January 2025 had none.
    expect(res.body.previous_month).toEqual({ year: 2025, month: 12, requests: 10, change_pct: 100, direction: 'up' });
    expect(res.body.same_month_last_year).toEqual({ year: 2025, month: 1, requests: 0, change_pct: null, direction: null });
    expect(res.body.narrative[0]).toContain('naik 100,0% dibandingkan bulan sebelumnya (10) dan tidak dapat dibandingkan dengan Januari 2025 (0)');
  });

  it('when a month has no requests, then the report says so with zero counts', async () => {
    const res = await request(app).get('/api/v1/reports/monthly/2026/5').set(auth).expect(200);
    expect(res.body).toMatchObject({ requests: 0, year_to_date: 80, purposes: [], requester_categories: [] });
    expect(res.body.previous_month).toMatchObject({ change_pct: 100, direction: 'down' });
    expect(res.body.narrative[0]).toMatch(/^Pada bulan Mei 2026 PPID Badan Publik tidak menerima permohonan informasi publik, turun 100,0%/);
  });

  it('when the month or year is out of range or not a number, then 400 naming the field', async () => {
    for (const [path, field] of [['2026/13', 'month'], ['2026/0', 'month'], ['2026/x', 'month'], ['2026/4.5', 'month'], ['1999/4', 'year'], ['2101/1', 'year']]) {
      const res = await request(app).get(`/api/v1/reports/monthly/${path}`).set(auth);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('validation');
      expect(Object.keys(res.body.error.fields)).toEqual([field]);
    }
  });
});

describe('GET /reports/monthly', () => {
  it('when an officer opens April 2026, then the page has the narrative, the tables and an SVG chart without inline style or script', async () => {
    const { agent } = await loginAs(app, db, 'officer', 'officer-monthly');
    const res = await agent.get('/reports/monthly?year=2026&month=4').expect(200);

    expect(res.text).toContain('turun 20,0% dibandingkan bulan sebelumnya (25) dan naik 33,3% dibandingkan April 2025 (15)');
    expect(res.text).toContain('sampai dengan April 2026 berjumlah 80 permohonan');
    expect(res.text).toContain('Akademisi/Peneliti');
    expect(res.text).toContain('<svg');
    expect(res.text).toMatch(/<rect [^>]*fill="#0b4f8a"/);
    expect(res.text).toContain('Apr 2026: 20 permohonan');
    expect(res.text).toContain('Apr 2025: 15 permohonan');
    expect(res.text).not.toMatch(/\sstyle=/);
    expect(res.text).not.toMatch(/<script(?![^>]*src=)/);
  });

  it('when the month is out of range, then 400 with a clear Indonesian message', async () => {
    const { agent } = await loginAs(app, db, 'officer', 'officer-badmonth');
    const res = await agent.get('/reports/monthly?year=2026&month=13');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Bulan tidak valid: gunakan angka 1 (Januari) sampai 12 (Desember).');
  });

  it('when nobody is logged in, then the report sends them to the login page', async () => {
    const res = await request(app).get('/reports/monthly?year=2026&month=4');
    expect(res.status).toBe(302);
    expect(res.headers.location).toMatch(/^\/login/);
  });
});
