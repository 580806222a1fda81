/**
 * Issue 13.9: UU 14/2008 Pasal 22 ayat 2 (name and address) and Pasal 4 ayat 3 (the reason of a
 * request): name, address and purpose are required on every intake path; the identity number
 * stays optional; imported history without them is kept with a warning.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp, freshDb } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, tokenFor } from '../helpers/login-as.js';
import { apiIntakeBody, intakeInput } from '../helpers/factories.js';
import { importRegister } from '../../src/import/import.service.js';
import { csvOf, row } from '../import/register-files.js';
import type { Db } from '../../src/db/client.js';

const count = (db: Db) => (db.$client.prepare('select count(*) as n from requests').get() as { n: number }).n;

describe('intake requires name, address and purpose', () => {
  it('when the staff form has no address or purpose, then it is refused beside both fields and nothing is stored; no identity number is fine', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const res = await agent.post('/requests').type('form').send({ _csrf: csrf, ...intakeInput({ requesterAddress: '', purpose: ' ' }) });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Alamat pemohon wajib diisi (Pasal 22 ayat 2).');
    expect(res.text).toContain('Tujuan penggunaan informasi wajib diisi (Pasal 4 ayat 3).');
    expect(count(db)).toBe(0);
    const ok = await agent.post('/requests').type('form').send({ _csrf: csrfFrom(res.text), ...intakeInput({ requesterIdNumber: '' }) });
    expect(ok.status).toBe(302);
  });

  it('when the API gets no address or purpose, then 400 with both fields named in the API names', async () => {
    const { app, db } = buildTestApp();
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
    const body = apiIntakeBody({ purpose: '' });
    body.requester = { ...body.requester, address: '' };
    const res = await request(app).post('/api/v1/requests').set(auth).send(body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(['requester.address', 'purpose']));
    expect(count(db)).toBe(0);
  });

  it('when the online form has no address or purpose, then it is refused', async () => {
    const { app, db } = buildTestApp();
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/permohonan')).text);
    const { receivedOn: _r, channel: _c, ...fields } = intakeInput({ requesterAddress: '', purpose: '' });
    const res = await agent.post('/permohonan').type('form').send({ _csrf: csrf, ...fields, agree: 'yes' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Alamat pemohon wajib diisi');
    expect(res.text).toContain('Tujuan penggunaan informasi wajib diisi');
    expect(count(db)).toBe(0);
  });

  it('when imported history has no address or purpose, then the row is kept with a warning', async () => {
    const db = freshDb();
    const report = await importRegister({ db, actor: { userId: null, label: 'test' }, zone: 'Asia/Jakarta', fileName: 'r.csv', buffer: csvOf([row({ Alamat: '', Tujuan: '' })]) });
    expect(report).toMatchObject({ committed: true, imported: 1, errors: 0 });
    const messages = report.problems.filter((p) => p.level === 'warning').map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('Alamat pemohon wajib diisi'), expect.stringContaining('Tujuan penggunaan informasi wajib diisi')]));
  });
});
