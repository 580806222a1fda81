/** Who may see and download the recap, bad years, empty years, and the public /rekap page. */
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { useFixedClock } from '../helpers/fixed-clock.js';

// "The current year" and the printed date: 10 March 2026 in Jakarta (9 March in UTC).
useFixedClock();

const decideFull = (db: Parameters<typeof makeRequest>[0], id: number, decidedOn: string) =>
  decideRequest({
    db, actor: testActor, zone: 'Asia/Jakarta', id,
    input: { decidedOn, provideOn: decidedOn, givenForm: 'softcopy' as const, outcome: 'full', reasons: [], exemptionArticles: [], consequenceTest: '', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' },
  });

describe('permissions', () => {
  it('when an officer opens the recap, then the page shows but the XLSX and CSV downloads are refused (only "export" grants them)', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer');

    const page = await agent.get('/recap?year=2022').expect(200);
    expect(page.text).not.toContain('/recap/2022.xlsx');
    expect((await agent.get('/recap/2022.xlsx')).status).toBe(403);
    expect((await agent.get('/recap/2022.csv')).status).toBe(403);
  });

  it('when an auditor opens the recap, then the download links are there and both files come back', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'auditor');

    const page = await agent.get('/recap?year=2022').expect(200);
    expect(page.text).toContain('href="/recap/2022.xlsx"');
    expect(page.text).toContain('href="/recap/2022.csv"');
    const xlsx = await agent.get('/recap/2022.xlsx').expect(200);
    expect(xlsx.headers['content-disposition']).toContain('attachment');
    const csv = await agent.get('/recap/2022.csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('when nobody is logged in, then the staff recap and downloads go to the login page and the API wants a token', async () => {
    const { app } = buildTestApp();
    for (const path of ['/recap', '/recap/2022.csv', '/recap/2022.xlsx']) {
      const res = await request(app).get(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.location).toMatch(/^\/login\?next=/);
    }
    expect((await request(app).get('/api/v1/recap/2022')).status).toBe(401);
  });

  it('when the nav is drawn, then staff see "Rekap" and the public sees "Rekapitulasi"', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer');
    expect((await agent.get('/recap').expect(200)).text).toMatch(/<a href="\/recap" class="active">Rekap<\/a>/);
    expect((await request(app).get('/status').expect(200)).text).toContain('<a href="/rekap" class="">Rekapitulasi</a>');
  });
});

describe('years', () => {
  it('when the year is not a whole number from 2000 to 2100, then the API answers 400 naming "year"', async () => {
    const { app, db } = buildTestApp();
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
    for (const year of ['abc', '1999', '2101', '2022.5', '2e3', '-2022', '99999']) {
      const res = await request(app).get(`/api/v1/recap/${year}`).set(auth);
      expect(res.status, year).toBe(400);
      expect(res.body).toEqual({
        error: { code: 'validation', message: 'Rekapitulasi tidak dapat disusun untuk tahun yang diminta.', fields: { year: 'Tahun tidak valid: gunakan bilangan bulat 2000–2100.' } },
      });
    }
  });

  it('when a year has no data, then the recap is zeros, not an error', async () => {
    const { app, db } = buildTestApp();
    makeRequest(db, { receivedOn: '2022-03-01' });
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'auditor')}` };

    const res = await request(app).get('/api/v1/recap/2000').set(auth).expect(200);

    const zeros = {
      requests: 0, avg_service_days: null, granted_full: 0, granted_partial: 0, rejected: 0, not_provided: 0,
      reason_exempt: 0, reason_not_held: 0, reason_other: 0, objections: 0, in_process: 0,
    };
    expect(res.body.months).toEqual(Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...zeros })));
    expect(res.body.total).toEqual(zeros);
    expect(res.body.analytics).toMatchObject({ decided: 0, median_service_days: null, p90_service_days: null, within_10_working_days: { count: 0, pct: null } });
    expect((await request(app).get('/api/v1/recap/2100').set(auth)).status).toBe(200);
  });

  it('when the page gets a bad year, then 400 with an Indonesian message; without a year it shows the current one', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'auditor');
    const bad = await agent.get('/recap?year=dua-ribu');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Tahun tidak valid: gunakan bilangan bulat 2000–2100.');
    expect((await agent.get('/recap/1999.csv')).status).toBe(400);
    expect((await agent.get('/recap').expect(200)).text).toContain('Rekapitulasi Permintaan Informasi Publik Tahun 2026');
  });

  it('when the page is printed, then it carries the office, the place and date, and the PPID signature block', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer');
    const res = await agent.get('/recap?year=2022').expect(200);
    expect(res.text).toContain('class="recap-landscape"');
    expect(res.text).toContain('PPID Badan Publik');
    expect(res.text).toContain('Jakarta, 10 Maret 2026');
    expect(res.text).toContain('Pejabat Pengelola Informasi dan Dokumentasi');
  });
});

describe('GET /rekap (public)', () => {
  it('when requests with personal data exist, then the public page shows the aggregates and no name, e-mail, phone, ID number, address, number or access code', async () => {
    const { app, db } = buildTestApp();
    const people = [
      { requesterName: 'Siti Rahmawati Unik', requesterEmail: 'siti.unik@kampus.ac.id', requesterPhone: '0812 9988 7766', requesterIdNumber: '3201987654320001', requesterAddress: 'Jl. Kenanga Rahasia 7, Bogor' },
      { requesterName: 'Budi Santoso Khusus', requesterEmail: 'budi.khusus@contoh.org', requesterPhone: '+62 21 555 0199', requesterIdNumber: '3174000011112222', requesterAddress: 'Gg. Melati Tersembunyi 3, Depok' },
    ];
    const rows = people.map((p, i) => makeRequest(db, { receivedOn: `2022-0${i + 3}-01`, ...p }));
    decideFull(db, rows[0].id, '2022-03-08');
    makeRequest(db, { receivedOn: '2021-06-01', requesterName: 'Orang Tahun Lalu' });

    const res = await request(app).get('/rekap').expect(200);

    expect(res.text).toContain('Rekapitulasi layanan informasi publik');
    expect(res.text).toMatch(/<option value="2022" selected>2022<\/option>/);
    expect(res.text).toContain('<option value="2021" >2021</option>');
    expect(res.text).toContain('<svg');
    for (const p of people) for (const value of Object.values(p)) expect(res.text).not.toContain(value);
    for (const r of rows) {
      expect(res.text).not.toContain(r.registrationNumber);
      expect(res.text).not.toContain(r.accessCode);
    }
    expect(res.text).not.toContain('/requests/');
    expect(res.text).not.toMatch(/\sstyle=/);
    const older = await request(app).get('/rekap?year=2021').expect(200);
    expect(older.text).not.toContain('Orang Tahun Lalu');
  });

  it('when the year is bad, then 400', async () => {
    const { app } = buildTestApp();
    expect((await request(app).get('/rekap?year=20x2')).status).toBe(400);
  });
});
