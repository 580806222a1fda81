/**
 * Issue 13.6: the written notice's items of Pasal 22 ayat 7 are required by outcome — (b) the
 * body that holds information not held here, (d) the form and (f) the day of what is given,
 * (e) the parts withheld from a partial grant, (g) how to pay a cost — refused on the API and the
 * form, kept with a warning in history mode, and printed on the notice.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, tokenFor } from '../helpers/login-as.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { recordForwarding } from '../../src/units/forwarding.service.js';
import { decisionRules } from '../../src/requests/request-status.js';
import { Findings, KEPT_AS_RECORDED } from '../../src/shared/rules.js';

const zone = 'Asia/Jakarta';

async function api() {
  const { app, db } = buildTestApp();
  const auth = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
  return { app, db, auth, id: makeRequest(db, { receivedOn: '2022-03-01' }).id };
}

describe('the items of Pasal 22 ayat 7 required by outcome', () => {
  it.each([
    ['a full grant without its form and day', { outcome: 'full', reasons: [] }, ['given_form', 'provide_on']],
    ['a partial grant without the withheld parts', { outcome: 'partial', reasons: ['other'], reason_note: 'sebagian belum ada', given_form: 'softcopy', provide_on: '2022-03-09' }, ['redacted_parts']],
    ['"not held" without the body that holds it', { outcome: 'not_provided', reasons: ['not_held'] }, ['held_by']],
    ['a cost without how to pay', { outcome: 'full', reasons: [], given_form: 'hardcopy', provide_on: '2022-03-09', fee_copy: 5000 }, ['payment_how']],
    ['a day before the decision', { outcome: 'full', reasons: [], given_form: 'hardcopy', provide_on: '2022-03-07' }, ['provide_on']],
    ['an unknown form', { outcome: 'full', reasons: [], given_form: 'telepathy', provide_on: '2022-03-09' }, ['given_form']],
    ['a negative cost', { outcome: 'full', reasons: [], given_form: 'softcopy', provide_on: '2022-03-09', fee_other: -1, payment_how: 'tunai' }, ['fee_other']],
  ])('when %s is decided through the API, then 400 naming the fields', async (_name, body, fields) => {
    const { app, auth, id } = await api();
    const res = await request(app).post(`/api/v1/requests/${id}/decision`).set(auth).send({ decided_on: '2022-03-08', ...body });
    expect(res.status, res.text).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual([...fields].sort());
  });

  it('when every item is given, then the request stores them, the fee is the breakdown\'s sum, and the notice prints each', async () => {
    const { app, db, auth, id } = await api();
    const res = await request(app).post(`/api/v1/requests/${id}/decision`).set(auth).send({
      decided_on: '2022-03-08', outcome: 'partial', reasons: ['other'], reason_note: 'Sebagian belum ada', given_form: 'hardcopy', provide_on: '2022-03-10',
      redacted_parts: 'Lampiran 3 (belum selesai disusun)', fee_copy: 15000, fee_delivery: 20000, fee_other: 0, payment_how: 'Transfer ke rekening kas daerah',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.decision).toMatchObject({ given_form: 'hardcopy', provide_on: '2022-03-10', redacted_parts: 'Lampiran 3 (belum selesai disusun)', fee_rupiah: 35000, payment_how: 'Transfer ke rekening kas daerah' });
    const { agent } = await loginAs(app, db, 'officer', 'officer-page');
    const notice = (await agent.get(`/requests/${id}/notice`).expect(200)).text;
    for (const text of ['Salinan cetak (hardcopy)', 'Lampiran 3 (belum selesai disusun)', 'disediakan Kamis, 10 Maret 2022', 'Penggandaan Rp15.000', 'Transfer ke rekening kas daerah']) {
      expect(notice).toContain(text);
    }
  });

  it('when the request was forwarded, then "not held" takes the body and contact from the forwarding record, and the notice names it', async () => {
    const { app, db, auth, id } = await api();
    recordForwarding({ db, actor: testActor, zone, requestId: id, input: { body: 'Dinas Sosial Kabupaten Sleman', forwardedOn: '2022-03-04', contact: 'dinsos@slemankab.go.id', note: '' } });
    const res = await request(app).post(`/api/v1/requests/${id}/decision`).set(auth).send({ decided_on: '2022-03-08', outcome: 'not_provided', reasons: ['not_held'] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.decision).toMatchObject({ held_by: 'Dinas Sosial Kabupaten Sleman', held_by_contact: 'dinsos@slemankab.go.id' });
  });

  it('when the form leaves them out, then it comes back with the Indonesian message under each field', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent } = await loginAs(app, db, 'officer');
    const form = await agent.get(`/requests/${r.id}/decide`).expect(200);
    expect(form.text).toContain('Wajib menurut putusan');
    const res = await agent.post(`/requests/${r.id}/decide`).type('form').send({ _csrf: csrfFrom(form.text), version: '1', decidedOn: '2022-03-08', outcome: 'full' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Pilih bentuk informasi yang diberikan (Pasal 22 ayat 7 huruf d).');
    expect(res.text).toContain('Isi tanggal informasi disediakan (Pasal 22 ayat 7 huruf f).');
    const ok = await agent.post(`/requests/${r.id}/decide`).type('form')
      .send({ _csrf: csrfFrom(res.text), version: '1', decidedOn: '2022-03-08', outcome: 'full', givenForm: 'softcopy', provideOn: '2022-03-08' });
    expect(ok.status).toBe(302);
  });

  it('when history lacks them, then history mode keeps the decision with a warning', () => {
    const history = new Findings('history');
    decisionRules(history, { receivedOn: '2022-03-01', extendedOn: null }, { decidedOn: '2022-03-08', outcome: 'full', reasons: [], exemptionArticles: [], reasonNote: '', consequenceTest: '' }, '2022-12-31');
    expect(history.errors).toEqual({});
    expect(history.warnings.givenForm).toContain(KEPT_AS_RECORDED);
    expect(history.warnings.provideOn).toContain(KEPT_AS_RECORDED);
  });
});
