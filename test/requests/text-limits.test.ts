/**
 * Issue 11 point 11: text over a limit is refused with a message and a counter, never cut. The
 * forms carried `maxlength`, so the browser cut 5,000 pasted characters without a word; now the
 * limit is a data-maxlength counter (public/app.js) and the server refuses longer text with
 * "Maksimal N karakter (sekarang M)." and gives the text back. The phone message states its rule.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { apiIntakeBody, intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection, respondToObjection } from '../../src/objections/objections.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { PHONE_RULE } from '../../src/requests/requests.schemas.js';

const zone = 'Asia/Jakarta';
const form = (o: Record<string, unknown>) => o as Record<string, string>;
/** Words, so the re-rendered text can be found whole in the page. */
const text = (n: number) => 'kata '.repeat(Math.ceil(n / 5)).slice(0, n - 1) + 'Z';

describe('long text on staff forms', () => {
  it('when 5,001 characters are sent as the information requested, then the form says the limit and the length and keeps every character', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const long = text(5001);
    const res = await agent.post('/requests').type('form').send(form({ _csrf: csrf, ...intakeInput({ informationRequested: long }) }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Maksimal 5000 karakter (sekarang 5001).');
    expect(res.text).toContain(`>${long}</textarea>`);
    expect(listAudit(db, { action: 'request.create' }, 1, 1).total).toBe(0);
  });

  it('when a decision note or an objection statement is over its limit, then each is refused with its limit and length', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    const decided = await agent.post(`/requests/${r.id}/decide`).type('form').send(form({ _csrf: csrf, version: String(r.version), decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full', noticeNote: text(5003) }));
    expect(decided.status).toBe(400);
    expect(decided.text).toContain('Maksimal 5000 karakter (sekarang 5003).');

    decideRequest({ db, actor: testActor, zone, id: r.id, input: { decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Membuka data pribadi.', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
    const filed = await agent.post(`/requests/${r.id}/objections`).type('form').send({ _csrf: csrf, filedOn: '2022-03-20', grounds: 'a', statement: text(10_050), filedBy: 'requester' });
    expect(filed.status).toBe(400);
    expect(filed.text).toContain('Maksimal 10000 karakter (sekarang 10050).');

    const o = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: { filedOn: '2022-03-20', grounds: ['a'], statement: 'x', filedBy: 'requester', proxyName: '', lateNote: '' } });
    const answered = await agent.post(`/objections/${o.id}/respond`).type('form').send({ _csrf: csrf, version: String(o.version), respondedOn: '2022-03-25', result: 'rejected', reasoning: text(10_001) });
    expect(answered.status).toBe(400);
    expect(answered.text).toContain('Maksimal 10000 karakter (sekarang 10001).');
    const responded = respondToObjection({ db, actor: testActor, zone, id: o.id, input: { respondedOn: '2022-03-25', result: 'rejected', reasoning: 'x', followUp: '', informationGivenOn: null, responderName: '' } });
    const dispute = await agent.post(`/objections/${o.id}/dispute`).type('form').send({ _csrf: csrf, version: String(responded.version), disputeRegisteredOn: '2022-04-05', disputeResult: 'pending', disputeCaseNumber: text(101) });
    expect(dispute.status).toBe(400);
    expect(dispute.text).toContain('Maksimal 100 karakter (sekarang 101).');
  });

  it('when the phone number breaks the rule, then the message states the rule exactly', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    for (const phone of ['0812/3456', '12345', 'telp 0812345']) {
      const res = await agent.post('/requests').type('form').send(form({ _csrf: csrf, ...intakeInput({ requesterPhone: phone }) }));
      expect(res.status, phone).toBe(400);
      expect(res.text, phone).toContain('Nomor telepon 6–40 karakter, hanya angka 0–9, spasi, tanda +, tanda - dan tanda kurung ( )');
    }
    // What the message allows is accepted.
    for (const phone of ['0274 123456', '+62 812-3456-7890', '(0274) 512-345']) {
      const res = await agent.post('/requests').type('form').send(form({ _csrf: csrf, ...intakeInput({ requesterPhone: phone }) }));
      expect(res.status, phone).toBe(302);
    }
    expect(PHONE_RULE).toContain('6–40 karakter');
  });

  it('when the staff forms are drawn, then no field carries a maxlength (the browser would cut pasted text) and long fields carry a counter limit', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    decideRequest({ db, actor: testActor, zone, id: r.id, input: { decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Membuka data pribadi.', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
    const open = makeRequest(db, { receivedOn: '2022-03-01' });
    const o = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: { filedOn: '2022-03-20', grounds: ['a'], statement: 'x', filedBy: 'requester', proxyName: '', lateNote: '' } });
    const { agent } = await loginAs(app, db, 'supervisor');
    const pages: [string, string][] = [
      ['/requests/new', 'informationRequested'],
      [`/requests/${open.id}/edit`, 'informationRequested'],
      [`/requests/${open.id}/extend`, 'extensionReason'],
      [`/requests/${open.id}/decide`, 'noticeNote'],
      [`/requests/${open.id}/withdraw`, 'note'],
      [`/requests/${r.id}/correct`, 'correctionNote'],
      [`/requests/${r.id}/objections/new`, 'statement'],
      [`/objections/${o.id}/respond`, 'reasoning'],
    ];
    for (const [path, field] of pages) {
      const res = await agent.get(path).expect(200);
      expect(res.text, path).not.toMatch(/\smaxlength=/i);
      expect(res.text, path).toMatch(new RegExp(`name="${field}"[^>]*data-maxlength="\\d+"`));
    }
    const admin = await loginAs(app, db, 'admin');
    const holidays = await admin.agent.get('/admin/holidays').expect(200);
    expect(holidays.text).not.toMatch(/\smaxlength=/i);
    expect(holidays.text).toMatch(/name="name"[^>]*data-maxlength="120"/);
    expect(holidays.text).toMatch(/name="date" type="date"[^>]*min="2010-01-01"/);
  });
});

describe('long text in the API', () => {
  it('when information_requested has 5,001 characters, then 400 naming the field with the limit and the length', async () => {
    const { app, db } = buildTestApp();
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
    const res = await request(app).post('/api/v1/requests').set(auth).send(apiIntakeBody({ information_requested: text(5001) }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.information_requested).toBe('Maksimal 5000 karakter (sekarang 5001).');
  });
});
