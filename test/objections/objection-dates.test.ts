/**
 * Issue 10 point 1 for objections: every date an objection carries (filed, answered, information
 * given, dispute registered and decided) is refused outside the register's bounds, on the forms
 * and in the API, with the field named and nothing written.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { DateTime } from 'luxon';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { filingInput, makeDecidedRequest, testActor } from '../helpers/factories.js';
import { fileObjection, getObjection, recordDispute, respondToObjection, stagesOfObjection } from '../../src/objections/objections.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import type { Db } from '../../src/db/client.js';
import { todayIn } from '../../src/shared/dates.js';

const zone = 'Asia/Jakarta';
const far = `${Number(todayIn(zone).slice(0, 4)) + 2}-06-01`;
const IMPLAUSIBLE: [string, RegExp][] = [
  ['0001-01-01', /Tanggal terlalu lama: paling awal 1 Januari 2010/],
  ['2009-12-31', /Tanggal terlalu lama/],
  ['9999-12-31', /Tanggal terlalu jauh di masa depan/],
  [far, /Tanggal terlalu jauh di masa depan/],
  ['1900-02-29', /Tanggal tidak valid/],
];

const rejectedRequest = (db: Db) => makeDecidedRequest(db);
const filing = filingInput();
const auditCount = (db: Db) => listAudit(db, { entityType: 'objection' }, 1, 1).total;

describe('objection forms refuse implausible dates', () => {
  it.each(IMPLAUSIBLE)('when %s is typed as the filing, answer, information or dispute date, then each form refuses it and keeps the text', async (date, message) => {
    const { app, db } = buildTestApp();
    const r = rejectedRequest(db);
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    const filed = await agent.post(`/requests/${r.id}/objections`).type('form')
      .send({ _csrf: csrf, filedOn: date, grounds: 'a', statement: 'Uraian yang diketik', filedBy: 'requester' });
    expect(filed.status).toBe(400);
    expect(filed.text).toMatch(message);
    expect(filed.text).toContain('Uraian yang diketik');

    const o = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: filing });
    const before = auditCount(db);
    const answer = { _csrf: csrf, version: String(o.version), result: 'upheld', reasoning: 'Pertimbangan yang diketik' };
    const answered = await agent.post(`/objections/${o.id}/respond`).type('form').send({ ...answer, respondedOn: date });
    expect(answered.status).toBe(400);
    expect(answered.text).toMatch(message);
    expect(answered.text).toContain('Pertimbangan yang diketik');
    const given = await agent.post(`/objections/${o.id}/respond`).type('form').send({ ...answer, respondedOn: '2022-03-25', informationGivenOn: date });
    expect(given.status).toBe(400);
    expect(given.text).toMatch(message);

    const answeredRow = respondToObjection({ db, actor: testActor, zone, id: o.id, input: { respondedOn: '2022-03-25', result: 'rejected', reasoning: 'x', followUp: '', informationGivenOn: null, responderName: '' } });
    const afterAnswer = auditCount(db);
    const dispute = { _csrf: csrf, version: String(answeredRow.version), disputeCaseNumber: '012/REG-PSI/IV/2022' };
    const registered = await agent.post(`/objections/${o.id}/dispute`).type('form').send({ ...dispute, disputeRegisteredOn: date });
    expect(registered.status).toBe(400);
    expect(registered.text).toMatch(message);
    const stage = { _csrf: csrf, version: String(answeredRow.version), stage: 'adjudication', result: 'granted', note: 'Catatan yang diketik' };
    const decided = await agent.post(`/objections/${o.id}/dispute-stages`).type('form').send({ ...stage, heldOn: date });
    expect(decided.status).toBe(400);
    expect(decided.text).toMatch(message);
    expect(decided.text).toContain('Catatan yang diketik');
    const courtDecided = await agent.post(`/objections/${o.id}/dispute-stages`).type('form')
      .send({ ...stage, stage: 'court', court: 'ptun', heldOn: '2022-06-01', decidedOn: date, result: 'rejected' });
    expect(courtDecided.status).toBe(400);
    expect(courtDecided.text).toMatch(message);
    expect(auditCount(db)).toBe(afterAnswer);
    expect(afterAnswer).toBe(before + 1);
    expect(getObjection(db, o.id).disputeRegisteredOn).toBeNull();
  });

  it('when the adjudication decision date is tomorrow, then it is refused as in the future', async () => {
    const { app, db } = buildTestApp();
    const r = rejectedRequest(db);
    const o = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: filing });
    respondToObjection({ db, actor: testActor, zone, id: o.id, input: { respondedOn: '2022-03-25', result: 'rejected', reasoning: 'x', followUp: '', informationGivenOn: null, responderName: '' } });
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!;
    const registered = recordDispute({ db, actor: testActor, zone, id: o.id, input: { disputeRegisteredOn: '2022-04-05', disputeCaseNumber: '', disputeLateNote: '', disputeNote: '' } });
    const res = await agent.post(`/objections/${o.id}/dispute-stages`).type('form').send({
      _csrf: csrf, version: String(registered.version), stage: 'adjudication', heldOn: tomorrow, result: 'granted',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Tanggal tidak boleh di masa depan.');
    expect(stagesOfObjection(db, o.id)).toEqual([]);
  });
});

describe('the objections API refuses implausible dates', () => {
  it.each(IMPLAUSIBLE)('when %s is sent as filed_on, responded_on or information_given_on, then 400 naming the field', async (date, message) => {
    const { app, db } = buildTestApp();
    const r = rejectedRequest(db);
    const officer = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
    const supervisor = { Authorization: `Bearer ${await tokenFor(db, 'supervisor')}` };
    const filed = await request(app).post(`/api/v1/requests/${r.id}/objections`).set(officer).send({ filed_on: date, grounds: ['a'], statement: 'x', filed_by: 'requester' });
    expect(filed.status).toBe(400);
    expect(filed.body.error.code).toBe('validation');
    expect(filed.body.error.fields.filed_on).toMatch(message);

    const o = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: filing });
    const answered = await request(app).post(`/api/v1/objections/${o.id}/response`).set(supervisor).send({ responded_on: date, result: 'rejected', reasoning: 'x' });
    expect(answered.status).toBe(400);
    expect(answered.body.error.fields.responded_on).toMatch(message);
    const given = await request(app).post(`/api/v1/objections/${o.id}/response`).set(supervisor).send({ responded_on: '2022-03-25', result: 'upheld', reasoning: 'x', information_given_on: date });
    expect(given.status).toBe(400);
    expect(given.body.error.fields.information_given_on).toMatch(message);
    expect(getObjection(db, o.id).respondedOn).toBeNull();
  });
});
