/**
 * Issue 13.8: the delivery record (Pasal 22 ayat 7 huruf f–g): when and how the information was
 * given and what was paid; the request page and the register show it with the waktu pemenuhan
 * (working days from receipt to delivery) beside the service days; the API answers with
 * `fulfilment_days`. Each refusal has its test.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { makeDecidedRequest, makeRequest } from '../helpers/factories.js';
import { loadCalendar } from '../../src/calendar/holidays.service.js';
import { workingDaysBetween } from '../../src/calendar/working-days.js';
import { getRequest } from '../../src/requests/requests.service.js';
import type { Db } from '../../src/db/client.js';

const granted = (db: Db) => makeDecidedRequest(db, { decision: { outcome: 'full', reasons: [], exemptionArticles: [], consequenceTest: '' } });
const body = { delivered_on: '2022-03-10', method: 'email', cost_copy: 5000, cost_delivery: 0, cost_other: 1000, payment_method: 'cash', note: 'Dikirim ke dewi@example.ac.id' };
const auditCount = (db: Db, id: number) =>
  (db.$client.prepare("select count(*) as n from audit_log where action = 'request.deliver' and entity_id = ?").get(String(id)) as { n: number }).n;

async function api(role: 'officer' | 'auditor' = 'officer') {
  const { app, db } = buildTestApp();
  const auth = { Authorization: `Bearer ${await tokenFor(db, role)}` };
  return { app, db, auth };
}

describe('POST /api/v1/requests/:id/delivery', () => {
  it('when a granted request is delivered, then the request comes back with the delivery and fulfilment_days, audited', async () => {
    const { app, db, auth } = await api();
    const r = granted(db);
    const res = await request(app).post(`/api/v1/requests/${r.id}/delivery`).set(auth).send(body);
    expect(res.status).toBe(200);
    expect(res.body.delivery).toEqual({ ...body });
    expect(res.body.fulfilment_days).toBe(workingDaysBetween('2022-03-01', '2022-03-10', loadCalendar(db)));
    expect(res.body.fulfilment_days).toBeGreaterThan(res.body.service_days);
    expect(auditCount(db, r.id)).toBe(1);
    const open = await request(app).get(`/api/v1/requests/${makeRequest(db).id}`).set(auth);
    expect(open.body).toMatchObject({ delivery: null, fulfilment_days: null });
  });

  it('when the request is not granted (rejected or still open), then 400 and nothing is recorded', async () => {
    const { app, db, auth } = await api();
    const rejected = makeDecidedRequest(db);
    const open = makeRequest(db);
    for (const id of [rejected.id, open.id]) {
      const res = await request(app).post(`/api/v1/requests/${id}/delivery`).set(auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.fields.delivered_on).toContain('setelah putusan');
      expect(getRequest(db, id).deliveredOn).toBeNull();
      expect(auditCount(db, id)).toBe(0);
    }
  });

  it('when delivered before the decision or in the future, then 400 on delivered_on', async () => {
    const { app, db, auth } = await api();
    const r = granted(db);
    const before = await request(app).post(`/api/v1/requests/${r.id}/delivery`).set(auth).send({ ...body, delivered_on: '2022-03-07' });
    expect(before.status).toBe(400);
    expect(before.body.error.fields.delivered_on).toBe('Tanggal pemberian tidak boleh sebelum tanggal putusan.');
    const future = await request(app).post(`/api/v1/requests/${r.id}/delivery`).set(auth).send({ ...body, delivered_on: `${new Date().getUTCFullYear() + 1}-01-02` });
    expect(future.status).toBe(400);
    expect(future.body.error.fields.delivered_on).toBeDefined();
  });

  it('when there is a cost without a payment method, an unknown method or a negative cost, then 400 naming the field', async () => {
    const { app, db, auth } = await api();
    const r = granted(db);
    const noPay = await request(app).post(`/api/v1/requests/${r.id}/delivery`).set(auth).send({ ...body, payment_method: undefined });
    expect(noPay.status).toBe(400);
    expect(noPay.body.error.fields.payment_method).toBe('Pilih cara pembayaran bila ada biaya.');
    const bad = await request(app).post(`/api/v1/requests/${r.id}/delivery`).set(auth).send({ ...body, method: 'pigeon', cost_copy: -1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['method', 'cost_copy']));
    expect(getRequest(db, r.id).deliveredOn).toBeNull();
  });

  it('when an auditor posts it, then 403', async () => {
    const { app, db, auth } = await api('auditor');
    const r = granted(db);
    expect((await request(app).post(`/api/v1/requests/${r.id}/delivery`).set(auth).send(body)).status).toBe(403);
  });
});

describe('the delivery form and where it shows', () => {
  it('when an officer records a delivery, then the request page and the register show it with the waktu pemenuhan beside the service days', async () => {
    const { app, db } = buildTestApp();
    const r = granted(db);
    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get(`/requests/${r.id}`).expect(200);
    expect(page.text).toContain(`/requests/${r.id}/delivery`);
    const form = await agent.get(`/requests/${r.id}/delivery`).expect(200);
    const key = /name="_key" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const res = await agent.post(`/requests/${r.id}/delivery`).type('form').send({
      _csrf: csrf, _key: key, deliveredOn: '2022-03-10', method: 'pickup', costCopy: '2000', costDelivery: '', costOther: '', paymentMethod: 'cash', note: '',
    });
    expect(res.status).toBe(302);
    const days = workingDaysBetween('2022-03-01', '2022-03-10', loadCalendar(db));
    const shown = await agent.get(`/requests/${r.id}`).expect(200);
    expect(shown.text).toContain('Pemberian informasi');
    expect(shown.text).toContain(`${days} hari kerja`);
    expect(shown.text).toContain('Diserahkan langsung');
    expect(shown.text).toContain('Rp2.000');
    const register = await agent.get('/requests').expect(200);
    expect(register.text).toContain(`pemenuhan ${days} hari kerja`);
  });

  it('when the form is refused, then it comes back with the message and what was typed', async () => {
    const { app, db } = buildTestApp();
    const r = granted(db);
    const { agent } = await loginAs(app, db, 'officer');
    const form = await agent.get(`/requests/${r.id}/delivery`).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const key = /name="_key" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const res = await agent.post(`/requests/${r.id}/delivery`).type('form').send({
      _csrf: csrf, _key: key, deliveredOn: '2022-03-10', method: 'pickup', costCopy: '2000', paymentMethod: '', note: 'Catatan yang saya ketik',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Pilih cara pembayaran bila ada biaya.');
    expect(res.text).toContain('Catatan yang saya ketik');
  });
});
