import { describe, it, expect } from 'vitest';
import request from 'supertest';
import type { Application } from 'express';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, makeUser } from '../helpers/login-as.js';
import { grantedInFull, intakeInput, makeDecidedRequest, makeObjection, makeRequest, testActor } from '../helpers/factories.js';
import { getRequest, voidRequest } from '../../src/requests/requests.service.js';
import { listRequests } from '../../src/requests/requests.repo.js';
import { lookUpRequest } from '../../src/public/public.service.js';

const PII = {
  requesterName: 'Siti Nurhaliza Wibowo',
  requesterIdNumber: '3174055501900007',
  requesterPhone: '0812-9988-7766',
  requesterEmail: 'siti.nurhaliza@contoh.id',
  requesterAddress: 'Jl. Kenanga Rahasia No. 9',
};

function expectNoPii(text: string) {
  for (const value of Object.values(PII)) expect(text).not.toContain(value);
}

async function lookUp(app: Application, number: string, code: string) {
  const agent = request.agent(app);
  const page = await agent.get('/status');
  return agent.post('/status').type('form').send({ _csrf: csrfFrom(page.text), number, code });
}

describe('public status page', () => {
  it('when the number and code match, then it shows status, dates, outcome, reasons and objections — and no personal data', async () => {
    const { app, db } = buildTestApp();
    const { request: r } = makeObjection(db, {
      request: PII,
      decision: { consequenceTest: 'Catatan internal uji konsekuensi', noticeNote: 'Catatan internal petugas' },
      filing: { statement: 'Pernyataan pribadi pemohon', filedBy: 'proxy', proxyName: 'Kuasa Hukum Bernama' },
    });
    const res = await lookUp(app, r.registrationNumber, r.accessCode.toLowerCase().replace('-', ''));
    expect(res.status).toBe(200);
    expect(res.text).toContain('Ditolak');
    expect(res.text).toContain('Pasal 17 huruf h');
    expect(res.text).toContain('Rabu, 16 Maret 2022');
    expect(res.text).toContain('001/KEB/PPID/2022');
    expectNoPii(res.text);
    for (const internal of ['Catatan internal', 'Pernyataan pribadi', 'Kuasa Hukum Bernama']) expect(res.text).not.toContain(internal);
  });

  it('when the entry was voided, then the page says "Dibatalkan (entri tidak berlaku)" with no decision, note or personal data', async () => {
    const { app, db } = buildTestApp();
    const r = makeDecidedRequest(db, { request: PII, decision: grantedInFull });
    voidRequest({ db, actor: testActor, zone: 'Asia/Jakarta', id: r.id, input: { reason: 'duplicate', note: 'Sama dengan 002 atas nama Siti Nurhaliza Wibowo' } });
    const res = await lookUp(app, r.registrationNumber, r.accessCode);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Dibatalkan (entri tidak berlaku)');
    expect(res.text).not.toContain('Dikabulkan');
    expect(res.text).not.toContain('Entri ganda');
    expect(res.text).not.toContain('mengajukan keberatan');
    expectNoPii(res.text);
  });

  it('when the code is wrong, then the answer is the same as for a number that does not exist', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, PII);
    const wrongCode = await lookUp(app, r.registrationNumber, 'AAAA-AAAA');
    const noSuchNumber = await lookUp(app, '999/PPID/I/2022', 'AAAA-AAAA');
    expect(wrongCode.status).toBe(404);
    expect(noSuchNumber.status).toBe(404);
    const strip = (t: string) => t.replace(/value="[^"]*"/g, '');
    expect(strip(wrongCode.text)).toBe(strip(noSuchNumber.text));
    expectNoPii(wrongCode.text);
  });

  it('when someone keeps guessing, then they are slowed down after ten failures', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db);
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/status')).text);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await agent.post('/status').type('form').send({ _csrf: csrf, number: r.registrationNumber, code: `AAAA-AA${i}A` })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('when the number is typed in another case with spaces around it, then it is found; a wrong code still gets the same answer as no number', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2024-01-15' });
    expect(r.registrationNumber).toBe('001/PPID/I/2024');
    const found = await lookUp(app, ' 001/ppid/i/2024 ', ` ${r.accessCode.toLowerCase()} `);
    expect(found.status).toBe(200);
    expect(found.text).toContain('001/PPID/I/2024');
    const strip = (t: string) => t.replace(/value="[^"]*"/g, '');
    const wrongCode = await lookUp(app, ' 001/ppid/i/2024 ', 'AAAA-AAAA');
    const noSuchNumber = await lookUp(app, ' 999/ppid/i/2024 ', 'AAAA-AAAA');
    expect(wrongCode.status).toBe(404);
    expect(strip(wrongCode.text)).toBe(strip(noSuchNumber.text));
  });

  it('when a stored code is in another form (lower case, no dash), then both sides are normalised', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2024-01-15' });
    db.$client.prepare('update requests set access_code = ? where id = ?').run('k7px m3qd', r.id);
    expect(lookUpRequest(db, '001/PPID/I/2024', 'K7PX-M3QD')?.id).toBe(r.id);
    expect((await lookUp(app, '001/ppid/I/2024', 'k7pxm3qd')).status).toBe(200);
    expect(lookUpRequest(db, '001/PPID/I/2024', 'K7PX-M3QE')).toBeNull();
  });

  it('when the guesses vary only in case and spaces, then they still count as failures and are slowed down', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2024-01-15' });
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/status')).text);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const number = i % 2 ? ` ${r.registrationNumber.toLowerCase()} ` : r.registrationNumber;
      statuses.push((await agent.post('/status').type('form').send({ _csrf: csrf, number, code: `AAAA-AA${i}A` })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await agent.post('/status').type('form').send({ _csrf: csrf, number: r.registrationNumber, code: r.accessCode })).status).toBe(429);
  });

  it('when the form is posted without CSRF or with empty fields, then it is refused clearly', async () => {
    const { app } = buildTestApp();
    await request(app).post('/status').type('form').send({ number: 'x', code: 'y' }).expect(403);
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/status')).text);
    const res = await agent.post('/status').type('form').send({ _csrf: csrf, number: '', code: '' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Wajib diisi.');
  });
});

describe('online request form', () => {
  const body = (csrf: string, extra: Record<string, string> = {}) => {
    const { receivedOn: _r, channel: _c, ...fields } = intakeInput(PII);
    return { _csrf: csrf, ...fields, agree: 'yes', ...extra };
  };

  it('when submitted, then a website request exists, marked new, and only this browser sees the receipt with the code', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/permohonan')).text);
    const res = await agent.post('/permohonan').type('form').send(body(csrf));
    expect(res.status).toBe(302);
    const id = Number(res.headers.location.split('/').pop());
    const row = getRequest(db, id);
    expect(row).toMatchObject({ channel: 'website', source: 'web', openedAt: null, requesterName: PII.requesterName });
    const receipt = await agent.get(res.headers.location).expect(200);
    expect(receipt.text).toContain(row.registrationNumber);
    expect(receipt.text).toContain(row.accessCode);
    expectNoPii(receipt.text);
    await request(app).get(res.headers.location).expect(404);
    const newOnes = listRequests(db, { status: 'new', today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 10);
    expect(newOnes.total).toBe(1);
  });

  it('when the terms are not accepted or fields are missing, then the form returns with messages and what was typed', async () => {
    const { app } = buildTestApp();
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/permohonan')).text);
    const res = await agent.post('/permohonan').type('form').send(body(csrf, { agree: '', informationRequested: '', purpose: 'Tujuan yang saya ketik' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Centang pernyataan ini');
    expect(res.text).toContain('Tujuan yang saya ketik');
  });

  it('when a bot fills the hidden field or one address sends too many, then it is refused', async () => {
    const { app, db } = buildTestApp();
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/permohonan')).text);
    expect((await agent.post('/permohonan').type('form').send(body(csrf, { website: 'http://spam' }))).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await agent.post('/permohonan').type('form').send(body(csrf))).status);
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429]);
    expect(listRequests(db, { today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 50).total).toBe(5);
  });

  it('when the button is clicked twice, then both clicks land on the same receipt with the number and code, and one request exists', async () => {
    const { app, db } = buildTestApp();
    const agent = request.agent(app);
    const page = (await agent.get('/permohonan')).text;
    const key = /name="_key" value="([^"]+)"/.exec(page)![1];
    const form = { ...body(csrfFrom(page)), _key: key };
    const clicks = await Promise.all([agent.post('/permohonan').type('form').send(form).then((r) => r), agent.post('/permohonan').type('form').send(form).then((r) => r)]);
    const late = await agent.post('/permohonan').type('form').send(form);
    for (const res of [...clicks, late]) {
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(clicks[0].headers.location);
    }
    expect(listRequests(db, { today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 50).total).toBe(1);
    const row = getRequest(db, Number(clicks[0].headers.location.split('/').pop()));
    const receipt = await agent.get(late.headers.location).expect(200);
    expect(receipt.text).toContain(row.registrationNumber);
    expect(receipt.text).toContain(row.accessCode);
  });

  it('when the real (multipart) form is sent twice with a file, then one request and one file exist and both land on the receipt', async () => {
    const { app, db } = buildTestApp();
    const agent = request.agent(app);
    const page = (await agent.get('/permohonan')).text;
    const fields = { ...body(csrfFrom(page)), _key: /name="_key" value="([^"]+)"/.exec(page)![1] };
    const send = () => {
      let req = agent.post('/permohonan');
      for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
      return req.attach('requestLetter', Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'), 'surat.pdf').then((r) => r);
    };
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.status, a.text).toBe(302);
    expect(b.status).toBe(302);
    expect(b.headers.location).toBe(a.headers.location);
    expect(listRequests(db, { today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 50).total).toBe(1);
    expect((db.$client.prepare('select count(*) as n from attachments').get() as { n: number }).n).toBe(1);
  });

  it('when the limit is reached, then a repeat of an accepted submission still lands on its receipt', async () => {
    const { app } = buildTestApp({ publicFormLimit: 1 });
    const agent = request.agent(app);
    const page = (await agent.get('/permohonan')).text;
    const form = { ...body(csrfFrom(page)), _key: /name="_key" value="([^"]+)"/.exec(page)![1] };
    const first = await agent.post('/permohonan').type('form').send(form).expect(302);
    const again = await agent.post('/permohonan').type('form').send(form).expect(302);
    expect(again.headers.location).toBe(first.headers.location);
    const fresh = (await agent.get('/permohonan')).text;
    await agent.post('/permohonan').type('form').send({ ...body(csrfFrom(fresh)), _key: /name="_key" value="([^"]+)"/.exec(fresh)![1] }).expect(429);
  });

  it('when forms are refused, then they do not use up the address limit (PPID_PUBLIC_FORM_LIMIT)', async () => {
    const { app, db } = buildTestApp({ publicFormLimit: 2 });
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/permohonan')).text);
    for (let i = 0; i < 4; i++) expect((await agent.post('/permohonan').type('form').send(body(csrf, { agree: '' }))).status).toBe(400);
    expect((await agent.post('/permohonan').type('form').send(body(csrf, { website: 'http://spam' }))).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await agent.post('/permohonan').type('form').send(body(csrf))).status);
    expect(statuses).toEqual([302, 302, 429]);
    expect(listRequests(db, { today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 50).total).toBe(2);
  });
});

describe('staff see web submissions as new until an officer or supervisor has read them', () => {
  const auditCount = (db: import('../../src/db/client.js').Db) => (db.$client.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
  const webRequest = async (db: import('../../src/db/client.js').Db) => {
    const { registerRequest } = await import('../../src/requests/requests.service.js');
    return registerRequest({ db, actor: { userId: null, label: 'web' }, zone: 'Asia/Jakarta', input: intakeInput(), source: 'web' });
  };

  it('when an officer opens it, then the page alone writes nothing and its "Tandai sudah dibaca" POST clears the flag', async () => {
    const { app, db } = buildTestApp();
    const r = await webRequest(db);
    const { loginAs } = await import('../helpers/login-as.js');
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const list = await agent.get('/requests').expect(200);
    expect(list.text).toContain('badge-new');

    const audits = auditCount(db);
    const page = await agent.get(`/requests/${r.id}`).expect(200);
    // A GET never writes: no audit entry, no change to the row.
    expect(auditCount(db)).toBe(audits);
    expect(getRequest(db, r.id)).toMatchObject({ openedAt: null, updatedAt: r.updatedAt, version: r.version });
    expect(page.text).toContain(`action="/requests/${r.id}/opened"`);
    expect(page.text).toContain('data-mark-opened');

    // What public/app.js sends: the CSRF token in its header, asking for JSON.
    const marked = await agent.post(`/requests/${r.id}/opened`).set('x-csrf-token', csrf).set('Accept', 'application/json').expect(200);
    expect(marked.body).toEqual({ opened: true, cleared: true });
    expect(getRequest(db, r.id).openedAt).not.toBeNull();
    expect(auditCount(db)).toBe(audits + 1);
    expect((await agent.get(`/requests/${r.id}`)).text).toContain('Dibuka pertama kali');
    expect((await agent.get('/requests')).text).not.toContain('badge badge-new');
    // Again: nothing more is written.
    await agent.post(`/requests/${r.id}/opened`).set('x-csrf-token', csrf).set('Accept', 'application/json').expect(200, { opened: true, cleared: false });
    expect(auditCount(db)).toBe(audits + 1);
  });

  it('when a supervisor presses the button without script, then the flag clears and the page comes back', async () => {
    const { app, db } = buildTestApp();
    const r = await webRequest(db);
    const { loginAs } = await import('../helpers/login-as.js');
    const { agent, csrf } = await loginAs(app, db, 'supervisor');
    await agent.post(`/requests/${r.id}/opened`).type('form').send({ _csrf: csrf }).expect(302).expect('Location', `/requests/${r.id}`);
    expect(getRequest(db, r.id).openedAt).not.toBeNull();
  });

  it('when an auditor or an admin opens it, then it stays new: no button, and the POST is refused', async () => {
    const { app, db } = buildTestApp();
    const r = await webRequest(db);
    const { loginAs } = await import('../helpers/login-as.js');
    for (const role of ['auditor', 'admin'] as const) {
      const { agent, csrf } = await loginAs(app, db, role);
      const audits = auditCount(db);
      const page = await agent.get(`/requests/${r.id}`).expect(200);
      expect(page.text).not.toContain('data-mark-opened');
      await agent.post(`/requests/${r.id}/opened`).set('x-csrf-token', csrf).set('Accept', 'application/json').expect(403);
      expect(auditCount(db)).toBe(audits);
      expect(getRequest(db, r.id).openedAt).toBeNull();
      expect((await agent.get('/requests?status=new')).text).toContain(r.registrationNumber);
    }
  });
});
