/**
 * Issue 10 point 1: "One date freezes everyone". A received date of 0001-01-01 was accepted, and
 * every register and API list view then walked working days from year 1. Dates are now refused
 * outside 2010-01-01 … (events: today, anything else: 31 December of next year) wherever they
 * enter, and whatever the database holds, no page walks an unbounded range of days.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { apiIntakeBody, intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import { requests } from '../../src/db/schema.js';
import type { Db } from '../../src/db/client.js';
import { loadCalendar } from '../../src/calendar/holidays.service.js';
import { workingDaysBetween } from '../../src/calendar/working-days.js';
import { computeDeadlines } from '../../src/requests/deadlines.js';
import { decideRequest, getRequest } from '../../src/requests/requests.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { EARLIEST_DATE, dateBoundsError, latestPlannedDate, todayIn } from '../../src/shared/dates.js';

const zone = 'Asia/Jakarta';
const form = (o: Record<string, unknown>) => o as Record<string, string>;
const nextYearPlusOne = `${Number(todayIn(zone).slice(0, 4)) + 2}-01-01`;

/** Dates no path may accept, with the message each gets. */
const IMPLAUSIBLE: [string, RegExp][] = [
  ['0001-01-01', /Tanggal terlalu lama: paling awal 1 Januari 2010/],
  ['1900-01-01', /Tanggal terlalu lama/],
  ['2009-12-31', /Tanggal terlalu lama/],
  ['9999-12-31', /Tanggal terlalu jauh di masa depan: paling lambat 31 Desember/],
  [nextYearPlusOne, /Tanggal terlalu jauh di masa depan/],
  ['1900-02-29', /Tanggal tidak valid/], // 1900 was not a leap year
];

/** A row written straight into the database, as the old code let it in. */
function insertAncientRequest(db: Db, receivedOn = '0001-01-01') {
  const r = makeRequest(db, { receivedOn: '2022-03-01', requesterName: 'Pemohon Purba' });
  const d = computeDeadlines({ receivedOn, extensionDays: null, decidedOn: null }, loadCalendar(db));
  db.update(requests).set({ receivedOn, originalDueOn: d.originalDueOn, dueOn: d.dueOn }).where(eq(requests.id, r.id)).run();
  return { ...r, receivedOn, dueOn: d.dueOn };
}

describe('the shared rule', () => {
  it.each([
    ['2010-01-01', '2024-05-01', null],
    ['2024-05-01', '2024-05-01', null],
    ['2024-05-02', '2024-05-01', 'Tanggal terlalu jauh di masa depan: paling lambat 1 Mei 2024.'],
    ['2009-12-31', '2024-05-01', 'Tanggal terlalu lama: paling awal 1 Januari 2010.'],
    ['2025-12-31', latestPlannedDate('2024-05-01'), null],
    ['2026-01-01', latestPlannedDate('2024-05-01'), 'Tanggal terlalu jauh di masa depan: paling lambat 31 Desember 2025.'],
  ])('when %s is checked against latest %s, then %s', (date, latest, expected) => {
    expect(dateBoundsError(date, latest)).toBe(expected);
  });

  it('when the floor is read, then it is 2010-01-01 (ten years before the first seeded calendar year)', () => {
    expect(EARLIEST_DATE).toBe('2010-01-01');
  });
});

describe('a 0001-01-01 already in the database', () => {
  it('when the register page and the API list are read, then they answer with the right working-day count', async () => {
    const { app, db } = buildTestApp();
    const ancient = insertAncientRequest(db);
    const expectedLate = workingDaysBetween(ancient.dueOn, todayIn(zone), loadCalendar(db));
    expect(expectedLate).toBeGreaterThan(500_000);

    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get('/requests').expect(200);
    expect(page.text).toContain(ancient.registrationNumber);
    expect(page.text).toContain(`Lewat tenggat ${expectedLate} hari kerja`);
    const overdue = await agent.get('/requests?status=overdue').expect(200);
    expect(overdue.text).toContain(ancient.registrationNumber);
    const show = await agent.get(`/requests/${ancient.id}`).expect(200);
    expect(show.text).toContain(`Lewat tenggat ${expectedLate} hari kerja`);

    const token = await tokenFor(db, 'auditor');
    const list = await request(app).get('/api/v1/requests').set('Authorization', `Bearer ${token}`).expect(200);
    const item = list.body.items.find((i: { id: number }) => i.id === ancient.id);
    expect(item).toMatchObject({ received_on: '0001-01-01', urgency: 'overdue' });
  });

  it('when the request is decided today, then its service days are counted over two thousand years without a walk', () => {
    const { db } = buildTestApp();
    const ancient = insertAncientRequest(db);
    const today = todayIn(zone);
    const row = decideRequest({
      db, actor: testActor, zone, id: ancient.id,
      input: { decidedOn: today, provideOn: today, givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full', reasons: [], exemptionArticles: [], consequenceTest: '', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' },
    });
    expect(row.serviceDays).toBe(workingDaysBetween('0001-01-01', today, loadCalendar(db)));
  });
});

describe('web forms refuse implausible dates', () => {
  it.each(IMPLAUSIBLE)('when an officer registers a request received on %s, then it is refused with a message and nothing is written', async (date, message) => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const res = await agent.post('/requests').type('form').send(form({ _csrf: csrf, ...intakeInput({ receivedOn: date, requesterName: 'Nama Ketikan' }) }));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(message);
    expect(res.text).toContain('value="Nama Ketikan"');
    expect(listAudit(db, { action: 'request.create' }, 1, 10).total).toBe(0);
  });

  it.each(IMPLAUSIBLE)('when %s is sent to the edit, extend, decide and withdraw forms, then each refuses it', async (date, message) => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const posts: [string, Record<string, unknown>][] = [
      [`/requests/${r.id}/edit`, { ...intakeInput({ receivedOn: date }), version: String(r.version) }],
      [`/requests/${r.id}/extend`, { extendedOn: date, extensionDays: '7', extensionReason: 'Dokumen di arsip', version: String(r.version) }],
      [`/requests/${r.id}/decide`, { decidedOn: date, provideOn: date, givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full', version: String(r.version) }],
      [`/requests/${r.id}/withdraw`, { withdrawnOn: date, version: String(r.version) }],
    ];
    for (const [path, body] of posts) {
      const res = await agent.post(path).type('form').send(form({ _csrf: csrf, ...body }));
      expect(res.status, path).toBe(400);
      expect(res.text, path).toMatch(message);
    }
    expect(getRequest(db, r.id).version).toBe(r.version);
  });
});

describe('the API refuses implausible dates', () => {
  it.each(IMPLAUSIBLE)('when %s is sent in any date field, then 400 validation naming the field', async (date, message) => {
    const { app, db } = buildTestApp();
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
    const intake = await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody({ received_on: date }));
    expect(intake.status).toBe(400);
    expect(intake.body.error.code).toBe('validation');
    expect(intake.body.error.fields.received_on).toMatch(message);

    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const calls: [string, 'post' | 'put', Record<string, unknown>, string][] = [
      [`/api/v1/requests/${r.id}/extension`, 'post', { extended_on: date, reason: 'x' }, 'extended_on'],
      [`/api/v1/requests/${r.id}/decision`, 'post', { decided_on: date, provide_on: date, given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'full' }, 'decided_on'],
      [`/api/v1/requests/${r.id}/decision`, 'put', { decided_on: date, provide_on: date, given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'full', correction_note: 'x' }, 'decided_on'],
      [`/api/v1/requests/${r.id}/withdrawal`, 'post', { withdrawn_on: date }, 'withdrawn_on'],
    ];
    for (const [path, method, body, field] of calls) {
      const res = await request(app)[method](path).set(auth).send(body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.fields[field], `${method} ${path}`).toMatch(message);
    }
    expect(getRequest(db, r.id).version).toBe(r.version);
  });
});
