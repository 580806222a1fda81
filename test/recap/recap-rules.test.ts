/** One test per counting rule of the recap, each on its own small register. */
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { buildTestApp, freshDb } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest, extendRequest, withdrawRequest } from '../../src/requests/requests.service.js';
import { fileObjection, recordDispute, respondToObjection } from '../../src/objections/objections.service.js';
import { loadCalendar } from '../../src/calendar/holidays.service.js';
import { addWorkingDays } from '../../src/calendar/working-days.js';
import { buildRecap } from '../../src/recap/recap.service.js';
import { requests } from '../../src/db/schema.js';
import type { Db } from '../../src/db/client.js';
import type { Outcome, Reason } from '../../src/requests/vocabulary.js';
import type { ObjectionResult } from '../../src/objections/vocabulary.js';

const ZONE = 'Asia/Jakarta';
const TODAY = '2026-11-23';

function decide(db: Db, id: number, outcome: Outcome, decidedOn: string, reasons: Reason[] = outcome === 'full' ? [] : ['not_held']) {
  return decideRequest({
    db, actor: testActor, zone: ZONE, id,
    input: {
      decidedOn, outcome, reasons, exemptionArticles: reasons.includes('exempt') ? ['h'] : [], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', givenForm: 'softcopy', provideOn: decidedOn, redactedParts: 'NIK dihitamkan', heldBy: 'Dinas Sosial', consequenceTest: reasons.includes('exempt') ? 'Membuka data pribadi.' : '',
      reasonNote: reasons.includes('other') ? 'alasan lain' : '', noticeNote: '', feeRupiah: 0, correctionNote: '',
    },
  });
}

/** A request received on `receivedOn` and decided after exactly `days` working days. */
function decidedAfter(db: Db, receivedOn: string, days: number, outcome: Outcome = 'full', reasons?: Reason[]) {
  const r = makeRequest(db, { receivedOn });
  return decide(db, r.id, outcome, addWorkingDays(receivedOn, days, loadCalendar(db)), reasons);
}

function fileAgainst(db: Db, requestId: number, filedOn: string) {
  return fileObjection({
    db, actor: testActor, zone: ZONE, requestId,
    input: { filedOn, grounds: ['e'], statement: 'Tidak puas.', filedBy: 'requester', proxyName: '', lateNote: '' },
  });
}

function respond(db: Db, id: number, respondedOn: string, result: ObjectionResult) {
  return respondToObjection({
    db, actor: testActor, zone: ZONE, id,
    input: { respondedOn, result, reasoning: 'Pertimbangan atasan PPID.', followUp: '', informationGivenOn: null, responderName: '' },
  });
}

describe('counting rules', () => {
  it('when a request is received in January and decided in February, then it counts in January', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-01-28' });
    decide(db, r.id, 'full', '2022-02-07');

    const recap = buildRecap(db, 2022, { today: TODAY });

    // 31 Jan, 2, 3, 4, 7 Feb: 1 February 2022 is Tahun Baru Imlek.
    expect(recap.months[0]).toMatchObject({ requests: 1, grantedFull: 1, avgServiceDays: 5 });
    expect(recap.months[1]).toMatchObject({ requests: 0, grantedFull: 0, avgServiceDays: null });
  });

  it('when requests fall on 31 December and 1 January, then each counts only in its own year', () => {
    const db = freshDb();
    makeRequest(db, { receivedOn: '2021-12-31' });
    makeRequest(db, { receivedOn: '2022-01-01' });
    makeRequest(db, { receivedOn: '2022-12-31' });
    makeRequest(db, { receivedOn: '2023-01-01' });

    const recap = buildRecap(db, 2022, { today: TODAY });

    expect(recap.months[0].requests).toBe(1);
    expect(recap.months[11].requests).toBe(1);
    expect(recap.total.requests).toBe(2);
  });

  it('when some requests of a month are still in process, then they count in Jumlah Permintaan and Dalam Proses, the average is over the decided ones and the row reconciles', () => {
    const db = freshDb();
    decidedAfter(db, '2022-03-01', 3);
    decidedAfter(db, '2022-03-02', 6, 'partial');
    makeRequest(db, { receivedOn: '2022-03-03' });

    const m = buildRecap(db, 2022, { today: TODAY }).months[2];

    expect(m).toMatchObject({ requests: 3, grantedFull: 1, grantedPartial: 1, inProcess: 1, timed: 2, reconciles: true });
    expect(m.avgServiceDays).toBe(4.5); // (3 + 6) / 2, the open request left out
  });

  it('when months have different numbers of decided requests, then the Total average is over all of them, not the mean of the monthly means', () => {
    const db = freshDb();
    decidedAfter(db, '2022-01-10', 2);
    for (const d of ['2022-02-01', '2022-02-02', '2022-02-03']) decidedAfter(db, d, 6);

    const recap = buildRecap(db, 2022, { today: TODAY });

    // January 2,00 and February 6,00: their mean would be 4,00; (2 + 6 + 6 + 6) / 4 = 5,00.
    expect(recap.months[0].avgServiceDays).toBe(2);
    expect(recap.months[1].avgServiceDays).toBe(6);
    expect(recap.total.avgServiceDays).toBe(5);
  });

  it('when averages are not whole, then they are rounded to two decimals', () => {
    const db = freshDb();
    for (const [d, n] of [['2022-04-04', 4], ['2022-04-05', 4], ['2022-04-06', 5]] as const) decidedAfter(db, d, n);

    expect(buildRecap(db, 2022, { today: TODAY }).months[3].avgServiceDays).toBe(4.33); // 13 / 3 = 4,333
  });

  it('when a request carries two reasons, then it counts in both reason columns; partial grants count their reasons too', () => {
    const db = freshDb();
    decidedAfter(db, '2022-05-09', 3, 'partial', ['exempt', 'not_held']);
    decidedAfter(db, '2022-05-10', 3, 'not_provided', ['not_held']);
    decidedAfter(db, '2022-05-11', 3, 'rejected', ['exempt', 'other']);

    const recap = buildRecap(db, 2022, { today: TODAY });

    expect(recap.months[4]).toMatchObject({ grantedPartial: 1, notProvided: 1, rejected: 1, reasonExempt: 2, reasonNotHeld: 2, reasonOther: 1 });
    expect(recap.analytics.withoutReason).toBe(0);
  });

  it('when a requester withdraws, then the request counts as not provided with reason Lainnya', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-06-06' });
    withdrawRequest({ db, actor: testActor, zone: ZONE, id: r.id, input: { withdrawnOn: '2022-06-08', note: '' } });

    const m = buildRecap(db, 2022, { today: TODAY }).months[5];

    expect(m).toMatchObject({ requests: 1, notProvided: 1, reasonOther: 1, inProcess: 0, reconciles: true });
  });

  it('when a requester withdraws, then the withdrawal stays out of the average service time, and the rule is printed', async () => {
    const { app, db } = buildTestApp();
    decidedAfter(db, '2022-06-06', 4);
    const w = makeRequest(db, { receivedOn: '2022-06-06' });
    withdrawRequest({ db, actor: testActor, zone: ZONE, id: w.id, input: { withdrawnOn: '2022-06-15', note: '' } });

    const recap = buildRecap(db, 2022, { today: TODAY });

    expect(recap.months[5]).toMatchObject({ requests: 2, grantedFull: 1, notProvided: 1, timed: 1, serviceDaysSum: 4, avgServiceDays: 4 });
    expect(recap.total).toMatchObject({ timed: 1, avgServiceDays: 4 });
    expect(recap.analytics).toMatchObject({ timed: 1, medianServiceDays: 4 });
    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get('/recap?year=2022').expect(200);
    expect(page.text).toContain('tidak ikut dalam waktu rata-rata pelayanan (pencabutan bukan pelayanan)');
  });

  it('when an objection is filed in a later month or year than its request, then it counts in the month it was filed', async () => {
    const { app, db } = buildTestApp();
    const a = decidedAfter(db, '2022-01-10', 3, 'rejected', ['exempt']);
    fileAgainst(db, a.id, '2022-02-03');
    const b = decidedAfter(db, '2022-12-01', 3, 'not_provided', ['not_held']);
    fileAgainst(db, b.id, '2023-01-05');

    const res = await request(app).get('/api/v1/recap/2022').set({ Authorization: `Bearer ${await tokenFor(db, 'officer')}` }).expect(200);

    expect(res.body.months[0].objections).toBe(0);
    expect(res.body.months[1].objections).toBe(1);
    expect(res.body.months[11].objections).toBe(0);
    expect(res.body.total.objections).toBe(1);
    expect(buildRecap(db, 2023, { today: TODAY }).months[0].objections).toBe(1);
  });

  it('when a decided non-full request has no reason (imported history), then it is counted and the page says "n permohonan tanpa alasan tercatat"', async () => {
    const { app, db } = buildTestApp();
    const r = decidedAfter(db, '2022-07-04', 3, 'partial', ['not_held']);
    decidedAfter(db, '2022-07-05', 3, 'full');
    db.update(requests).set({ reasonNotHeld: false }).where(eq(requests.id, r.id)).run();

    const recap = buildRecap(db, 2022, { today: TODAY });
    expect(recap.analytics.withoutReason).toBe(1);

    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get('/recap?year=2022').expect(200);
    expect(page.text).toContain('1 permohonan tanpa alasan tercatat');
  });

  it('when a row does not reconcile (an outcome the recap does not know), then the page and the API say so', async () => {
    const { app, db } = buildTestApp();
    const r = decidedAfter(db, '2022-03-07', 3);
    decidedAfter(db, '2022-03-08', 3);
    // The outcome column refuses unknown values (CHECK): this is a database written around it.
    db.$client.pragma('ignore_check_constraints = ON');
    db.$client.prepare(`update requests set outcome = 'granted' where id = ?`).run(r.id);
    db.$client.pragma('ignore_check_constraints = OFF');

    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get('/recap?year=2022').expect(200);
    expect(page.text).toContain('Ada baris yang tidak sesuai');
    expect(page.text).toContain('Maret: 2 permohonan, tetapi 1 tercatat menurut hasilnya');
    expect(page.text).toContain('Total: 2 permohonan, tetapi 1 tercatat');

    const res = await request(app).get('/api/v1/recap/2022').set({ Authorization: `Bearer ${await tokenFor(db, 'auditor')}` }).expect(200);
    expect(res.body.analytics.unreconciled_months).toEqual([3]);
  });
});

describe('service-level analytics', () => {
  it('when requests took 3, 5, 9, 12 (late) and 15 (extended) working days, then median, p90, shares, extended and late are right; an unanswered one is listed past due', async () => {
    const { app, db } = buildTestApp();
    const cal = loadCalendar(db);
    for (const [d, n] of [['2022-03-01', 3], ['2022-03-02', 5], ['2022-03-04', 9], ['2022-03-07', 12]] as const) decidedAfter(db, d, n);
    const ext = makeRequest(db, { receivedOn: '2022-03-08' });
    extendRequest({ db, actor: testActor, zone: ZONE, id: ext.id, input: { extendedOn: '2022-03-15', extensionDays: 7, extensionReason: 'Data tersebar di beberapa unit.' } });
    decide(db, ext.id, 'full', addWorkingDays('2022-03-08', 15, cal));
    const open = makeRequest(db, { receivedOn: '2022-03-09' });

    const recap = buildRecap(db, 2022, { today: TODAY });
    const a = recap.analytics;

    expect(a.timed).toBe(5);
    expect(a.medianServiceDays).toBe(9);
    expect(a.p90ServiceDays).toBe(15); // nearest rank: ceil(0,9 × 5) = 5th of 3, 5, 9, 12, 15
    expect(a.withinNotice).toEqual({ count: 3, pct: 60 });
    expect(a.withinExtended).toEqual({ count: 5, pct: 100 });
    expect(a.extended).toBe(1);
    expect(a.decidedLate).toBe(1); // the 12-day one: no extension, due after 10
    expect(a.openPastDue.map((o) => o.registrationNumber)).toEqual([open.registrationNumber]);
    expect(a.openPastDue[0].workingDaysLate).toBeGreaterThan(1000);
    expect(recap.months[2]).toMatchObject({ requests: 6, inProcess: 1, reconciles: true });

    // "Today" is the office's today: before the due date nothing is past due.
    expect(buildRecap(db, 2022, { today: '2022-03-10' }).analytics.openPastDue).toEqual([]);

    const res = await request(app).get('/api/v1/recap/2022').set({ Authorization: `Bearer ${await tokenFor(db, 'auditor')}` }).expect(200);
    expect(res.body.analytics).toMatchObject({
      median_service_days: 9, p90_service_days: 15, within_10_working_days: { count: 3, pct: 60 }, extended: 1, decided_late: 1,
      open_past_due: [{ id: open.id, registration_number: open.registrationNumber, received_on: '2022-03-09', due_on: open.dueOn }],
    });
  });

  it('when objections are upheld, rejected late, withdrawn, left open and taken to the Komisi Informasi, then each is counted', () => {
    const db = freshDb();
    const cal = loadCalendar(db);
    const filedOn = '2022-04-04';
    const due = addWorkingDays(filedOn, 30, cal);
    const objection = (receivedOn: string) => fileAgainst(db, decidedAfter(db, receivedOn, 3, 'rejected', ['exempt']).id, filedOn);
    const upheld = objection('2022-03-01');
    const late = objection('2022-03-02');
    const withdrawn = objection('2022-03-03');
    objection('2022-03-04'); // never answered
    respond(db, upheld.id, '2022-04-20', 'upheld');
    respond(db, late.id, addWorkingDays(due, 1, cal), 'rejected');
    respond(db, withdrawn.id, due, 'withdrawn'); // on the last day: in time
    recordDispute({
      db, actor: testActor, zone: ZONE, id: late.id,
      input: { disputeRegisteredOn: addWorkingDays(due, 5, cal), disputeCaseNumber: '012/KI/2022', disputeLateNote: '', disputeNote: '' },
    });

    const o = buildRecap(db, 2022, { today: TODAY }).analytics.objections;

    expect(o).toEqual({
      filed: 4, upheld: 1, rejected: 1, withdrawn: 1, open: 1, answeredInTime: 2, answeredLate: 1, openPastDue: 1, filedLate: 0, disputes: 1,
      disputeResults: { pending: 1, mediation_agreed: 0, granted: 0, partly_granted: 0, rejected: 0, not_admissible: 0, withdrawn: 0 },
      courtCases: 0,
      courtResults: { pending: 0, granted: 0, partly_granted: 0, rejected: 0, not_admissible: 0, withdrawn: 0 },
    });
    expect(buildRecap(db, 2022, { today: due }).analytics.objections.openPastDue).toBe(0);
  });
});
