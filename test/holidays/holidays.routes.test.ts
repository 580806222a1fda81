import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, makeUser } from '../helpers/login-as.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { holidaysOfYear, loadCalendar } from '../../src/calendar/holidays.service.js';
import { computeDeadlines } from '../../src/requests/deadlines.js';
import { requests } from '../../src/db/schema.js';
import type { Db } from '../../src/db/client.js';
import { useFixedClock } from '../helpers/fixed-clock.js';

// "The current year": 2026 (10 March 2026 in Jakarta).
useFixedClock();

/** A request row written directly, with deadlines from the calendar as it is now. */
function insertRequestRow(db: Db, seq: number, receivedOn: string, decidedOn: string | null = null) {
  const d = computeDeadlines({ receivedOn, extensionDays: null, decidedOn }, loadCalendar(db));
  const now = new Date().toISOString();
  return db
    .insert(requests)
    .values({
      registrationNumber: `${String(seq).padStart(3, '0')}/TEST/${receivedOn.slice(0, 4)}`,
      registrationYear: Number(receivedOn.slice(0, 4)),
      accessCode: 'ABCD-EFGH',
      receivedOn,
      channel: 'email',
      requesterName: 'Peneliti Uji',
      requesterType: 'individual',
      requesterCategory: 'academic',
      informationRequested: 'Data realisasi anggaran',
      obtainMethod: 'softcopy',
      deliveryMethod: 'email',
      outcome: decidedOn ? 'full' : null,
      decidedOn,
      originalDueOn: d.originalDueOn,
      dueOn: d.dueOn,
      serviceDays: d.serviceDays,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

const requestRow = (db: Db, id: number) => db.select().from(requests).where(eq(requests.id, id)).get()!;
const holidayNamed = (db: Db, year: number, name: string) => holidaysOfYear(db, year).find((h) => h.name === name)!;
const auditOf = (db: Db, action: string) => listAudit(db, { action }, 1, 10).rows;

describe('holiday list', () => {
  it('when an admin opens a year, then its days show with long dates, kinds and names', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    const res = await agent.get('/admin/holidays?year=2025').expect(200);
    expect(res.text).toContain('Senin, 31 Maret 2025');
    expect(res.text).toContain('Hari Raya Idul Fitri 1446 H');
    expect(res.text).toContain('Senin, 7 April 2025');
    expect(res.text).toContain('Cuti bersama Idul Fitri');
    expect(res.text).toMatch(/<td>Hari libur nasional<\/td>/);
    expect(res.text).toMatch(/<td>Cuti bersama<\/td>/);
    expect(res.text).not.toContain('belum diisi');
  });

  it('when no year is given, then the current year of the office zone is shown', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    const res = await agent.get('/admin/holidays').expect(200);
    expect(res.text).toContain('Hari libur dan cuti bersama 2026');
  });

  it.each([
    // the seed ends with 2026: its next year is empty
    ['2026', ['2027']],
    // an empty year and the one after
    ['2027', ['2027', '2028']],
    // 2019 is empty, 2020 is seeded
    ['2019', ['2019']],
  ])('when year %s is shown, then the years %j are flagged as not filled in', async (year, missing) => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    const res = await agent.get(`/admin/holidays?year=${year}`).expect(200);
    for (const y of missing) {
      expect(res.text).toContain(`Kalender libur tahun ${y} belum diisi — tenggat yang jatuh pada tahun itu hanya memperhitungkan akhir pekan.`);
    }
    expect(res.text.match(/belum diisi —/g)).toHaveLength(missing.length);
  });

  it('when the year parameter is nonsense, then the current year is shown', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    const res = await agent.get('/admin/holidays?year=abc').expect(200);
    expect(res.text).toContain('Hari libur dan cuti bersama 2026');
  });
});

describe('adding a holiday', () => {
  it('when an admin adds a day, then it is listed, audited in the same change, and the flash says how many deadlines moved', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const res = await agent
      .post('/admin/holidays?year=2025')
      .type('form')
      .send({ _csrf: csrf, date: '2025-12-31', kind: 'collective_leave', name: 'Cuti bersama Tahun Baru' })
      .expect(302);
    expect(res.headers.location).toBe('/admin/holidays?year=2025');
    const page = await agent.get(res.headers.location).expect(200);
    expect(page.text).toContain('Rabu, 31 Desember 2025');
    expect(page.text).toContain('Cuti bersama Tahun Baru');
    expect(page.text).toContain('Tidak ada tenggat permohonan, keberatan atau konsultasi yang berubah.');
    const added = holidayNamed(db, 2025, 'Cuti bersama Tahun Baru');
    expect(added).toMatchObject({ date: '2025-12-31', kind: 'collective_leave' });
    const [entry] = auditOf(db, 'holiday.create');
    expect(entry).toMatchObject({ entityType: 'holiday', entityId: String(added.id), actorLabel: 'admin1' });
    expect(JSON.parse(entry.after!)).toEqual({ date: '2025-12-31', kind: 'collective_leave', name: 'Cuti bersama Tahun Baru' });
    expect(entry.summary).toContain('Rabu, 31 Desember 2025');
  });

  it('when a cuti bersama is added inside an open request\'s window, then its due date moves and the flash counts it', async () => {
    const { app, db } = buildTestApp();
    // Fri 23 Dec 2022 → due Fri 6 Jan 2023 (calendar-2022.test.ts). With Mon 26 Dec off too, the
    // 10th working day becomes Mon 9 Jan 2023.
    const open = insertRequestRow(db, 1, '2022-12-23');
    expect(open.dueOn).toBe('2023-01-06');
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const res = await agent
      .post('/admin/holidays?year=2022')
      .type('form')
      .send({ _csrf: csrf, date: '2022-12-26', kind: 'collective_leave', name: 'Cuti bersama Natal' })
      .expect(302);
    const page = await agent.get(res.headers.location);
    expect(page.text).toContain('Tenggat 1 permohonan dihitung ulang.');
    expect(requestRow(db, open.id).dueOn).toBe('2023-01-09');
  });

  it('when the same date and name already exist, then it is refused with the typed values kept', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const before = holidaysOfYear(db, 2025).length;
    const res = await agent
      .post('/admin/holidays?year=2025')
      .type('form')
      .send({ _csrf: csrf, date: '2025-03-31', kind: 'holiday', name: 'Hari Raya Idul Fitri 1446 H' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Hari libur ini sudah tercatat.');
    expect(res.text).toContain('Sudah ada &#34;Hari Raya Idul Fitri 1446 H&#34; pada Senin, 31 Maret 2025.');
    expect(holidaysOfYear(db, 2025)).toHaveLength(before);
    expect(auditOf(db, 'holiday.create')).toHaveLength(0);
  });

  it('when the date exists under another name, then it is accepted (two observances can share a day)', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    await agent
      .post('/admin/holidays?year=2025')
      .type('form')
      .send({ _csrf: csrf, date: '2025-03-31', kind: 'holiday', name: 'Hari libur tambahan' })
      .expect(302);
    expect(holidaysOfYear(db, 2025).filter((h) => h.date === '2025-03-31').map((h) => h.name)).toEqual([
      'Hari Raya Idul Fitri 1446 H', 'Hari libur tambahan',
    ]);
  });

  it.each([
    ['an impossible date', { date: '2025-02-30', kind: 'holiday', name: 'Libur khusus' }, 'date', 'Tanggal tidak valid (format TTTT-BB-HH).', ['value="2025-02-30"', 'value="Libur khusus"']],
    ['a missing name', { date: '2025-08-18', kind: 'holiday', name: '  ' }, 'name', 'Wajib diisi.', ['value="2025-08-18"', '<option value="holiday" selected>']],
    ['an unknown kind', { date: '2025-08-19', kind: 'libur', name: 'Libur khusus' }, 'kind', 'Pilihan tidak dikenal.', ['value="2025-08-19"', 'value="Libur khusus"']],
    ['no kind chosen', { date: '2025-08-19', kind: '', name: 'Libur khusus' }, 'kind', 'Wajib dipilih.', ['value="2025-08-19"']],
  ])('when the form has %s, then it comes back with the message beside the field and the typed values', async (_label, body, field, message, kept) => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const res = await agent.post('/admin/holidays?year=2025').type('form').send({ _csrf: csrf, ...body });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<span class="field-error" id="err-${field}">${message}</span>`);
    expect(res.text).toContain('Periksa kembali isian yang ditandai.');
    for (const k of kept) expect(res.text).toContain(k);
    expect(auditOf(db, 'holiday.create')).toHaveLength(0);
  });

  it('when the form is posted without its CSRF token, then it is refused and nothing is written', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    const before = holidaysOfYear(db, 2025).length;
    await agent.post('/admin/holidays').type('form').send({ date: '2025-12-31', kind: 'holiday', name: 'Libur' }).expect(403);
    expect(holidaysOfYear(db, 2025)).toHaveLength(before);
  });
});

describe('correcting a holiday', () => {
  it('when a holiday is moved, then an open request\'s due date and a decided request\'s service days follow, in one audited change', async () => {
    const { app, db } = buildTestApp();
    // Seeded: Isra Mi'raj Mon 28 Feb 2022, Nyepi Thu 3 Mar 2022.
    // Open, received Fri 25 Feb: Tue 1=1 Wed 2=2, Fri 4=3, Mon 7=4 … Tue 15=10 → due 15 Mar.
    const open = insertRequestRow(db, 1, '2022-02-25');
    // Decided, Thu 24 Feb → Wed 2 Mar: Fri 25, Tue 1, Wed 2 = 3 service days.
    const decided = insertRequestRow(db, 2, '2022-02-24', '2022-03-02');
    // Far away (Wed 10 Aug → Thu 25 Aug): untouched.
    const far = insertRequestRow(db, 3, '2022-08-10');
    expect([open.dueOn, decided.serviceDays, far.dueOn]).toEqual(['2022-03-15', 3, '2022-08-25']);

    const { agent, csrf } = await loginAs(app, db, 'admin');
    const isra = holidayNamed(db, 2022, "Isra Mi'raj Nabi Muhammad SAW");
    const form = await agent.get(`/admin/holidays/${isra.id}/edit`).expect(200);
    expect(form.text).toContain('value="2022-02-28"');
    // The admin "corrects" the date to Mon 28 Mar 2022, so Mon 28 Feb becomes a working day.
    const res = await agent
      .post(`/admin/holidays/${isra.id}/edit`)
      .type('form')
      .send({ _csrf: csrf, date: '2022-03-28', kind: 'holiday', name: "Isra Mi'raj Nabi Muhammad SAW" })
      .expect(302);
    expect(res.headers.location).toBe('/admin/holidays?year=2022');
    const page = await agent.get(res.headers.location);
    expect(page.text).toContain('Tenggat 2 permohonan dihitung ulang.');

    // Open: Mon 28 Feb=1 Tue 1=2 Wed 2=3, Thu 3 Nyepi, Fri 4=4, Mon 7=5 … Fri 11=9, Mon 14=10.
    expect(requestRow(db, open.id)).toMatchObject({ originalDueOn: '2022-03-14', dueOn: '2022-03-14' });
    // Decided: Fri 25, Mon 28, Tue 1, Wed 2 = 4 service days.
    expect(requestRow(db, decided.id).serviceDays).toBe(4);
    expect(requestRow(db, far.id).dueOn).toBe('2022-08-25');

    const [entry] = auditOf(db, 'holiday.update');
    expect(entry).toMatchObject({ entityType: 'holiday', entityId: String(isra.id), actorLabel: 'admin1' });
    expect(JSON.parse(entry.before!)).toEqual({ date: '2022-02-28', kind: 'holiday', name: "Isra Mi'raj Nabi Muhammad SAW" });
    expect(JSON.parse(entry.after!)).toEqual({ date: '2022-03-28', kind: 'holiday', name: "Isra Mi'raj Nabi Muhammad SAW" });
    expect(entry.summary).toContain('tenggat 2 permohonan dihitung ulang');
  });

  it('when the edit form has bad input, then it comes back with the message and the typed values', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const natal = holidayNamed(db, 2025, 'Hari Raya Natal');
    const res = await agent
      .post(`/admin/holidays/${natal.id}/edit`)
      .type('form')
      .send({ _csrf: csrf, date: '2025-02-30', kind: 'holiday', name: 'Natal (dikoreksi)' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Tanggal tidak valid (format TTTT-BB-HH).');
    expect(res.text).toContain('value="2025-02-30"');
    expect(res.text).toContain('value="Natal (dikoreksi)"');
    expect(holidayNamed(db, 2025, 'Hari Raya Natal').date).toBe('2025-12-25');
    expect(auditOf(db, 'holiday.update')).toHaveLength(0);
  });

  it('when an edit would duplicate another entry, then it is refused', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const second = holidaysOfYear(db, 2025).filter((h) => h.name === 'Hari Raya Idul Fitri 1446 H')[1];
    const res = await agent
      .post(`/admin/holidays/${second.id}/edit`)
      .type('form')
      .send({ _csrf: csrf, date: '2025-03-31', kind: 'holiday', name: 'Hari Raya Idul Fitri 1446 H' });
    expect(res.status).toBe(409);
    expect(holidaysOfYear(db, 2025).find((h) => h.id === second.id)!.date).toBe('2025-04-01');
  });

  it('when the holiday does not exist, then 404', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    await agent.get('/admin/holidays/99999/edit').expect(404);
    await agent.get('/admin/holidays/abc/edit').expect(404);
  });
});

describe('deleting a holiday', () => {
  it('when an admin deletes a day, then it is gone, audited, and the deadlines around it are recomputed', async () => {
    const { app, db } = buildTestApp();
    // Wed 10 Aug 2022 → Thu 25 Aug (Wed 17 Aug is Kemerdekaan). Without it: Thu 11=1 Fri 12=2,
    // Mon 15=3 Tue 16=4 Wed 17=5 Thu 18=6 Fri 19=7, Mon 22=8 Tue 23=9 Wed 24=10.
    const open = insertRequestRow(db, 1, '2022-08-10');
    expect(open.dueOn).toBe('2022-08-25');
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const merdeka = holidayNamed(db, 2022, 'Hari Kemerdekaan RI');
    const list = await agent.get('/admin/holidays?year=2022');
    expect(list.text).toContain(`action="/admin/holidays/${merdeka.id}/delete" data-confirm="Hapus Rabu, 17 Agustus 2022`);
    const res = await agent.post(`/admin/holidays/${merdeka.id}/delete`).type('form').send({ _csrf: csrf }).expect(302);
    expect(res.headers.location).toBe('/admin/holidays?year=2022');
    const page = await agent.get(res.headers.location);
    expect(page.text).toContain('Tenggat 1 permohonan dihitung ulang.');
    expect(page.text).not.toContain('<td>Hari Kemerdekaan RI</td>');
    expect(requestRow(db, open.id).dueOn).toBe('2022-08-24');
    const [entry] = auditOf(db, 'holiday.delete');
    expect(entry).toMatchObject({ entityType: 'holiday', entityId: String(merdeka.id), after: null });
    expect(JSON.parse(entry.before!)).toEqual({ date: '2022-08-17', kind: 'holiday', name: 'Hari Kemerdekaan RI' });
  });

  it('when deleting without the CSRF token, then it is refused', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    const merdeka = holidayNamed(db, 2022, 'Hari Kemerdekaan RI');
    await agent.post(`/admin/holidays/${merdeka.id}/delete`).type('form').send({}).expect(403);
    expect(holidayNamed(db, 2022, 'Hari Kemerdekaan RI')).toBeDefined();
  });
});

describe('who may manage the calendar', () => {
  it.each(['officer', 'auditor', 'supervisor'] as const)('when a %s tries, then 403 for every page and action', async (role) => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, role);
    const natal = holidayNamed(db, 2025, 'Hari Raya Natal');
    await agent.get('/admin/holidays').expect(403);
    await agent.get(`/admin/holidays/${natal.id}/edit`).expect(403);
    await agent.post('/admin/holidays').type('form').send({ _csrf: csrf, date: '2025-12-31', kind: 'holiday', name: 'X' }).expect(403);
    await agent.post(`/admin/holidays/${natal.id}/edit`).type('form').send({ _csrf: csrf, date: '2025-12-24', kind: 'holiday', name: 'X' }).expect(403);
    await agent.post(`/admin/holidays/${natal.id}/delete`).type('form').send({ _csrf: csrf }).expect(403);
    expect(holidayNamed(db, 2025, 'Hari Raya Natal').date).toBe('2025-12-25');
  });

  it('when nobody is logged in, then the page redirects to the login', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'admin');
    await request(app).get('/admin/holidays?year=2025').expect(302).expect('location', '/login?next=%2Fadmin%2Fholidays%3Fyear%3D2025');
  });
});
