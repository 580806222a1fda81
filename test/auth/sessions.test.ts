/**
 * Session rows only for visitors with something to keep (issue 10, point 7): 20,000 anonymous
 * /status views once wrote 19,850 rows. Anonymous forms bind their CSRF token to the visitor's
 * own CSRF cookie instead of a stored session, so even a page with a form stores nothing.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, makeUser } from '../helpers/login-as.js';
import { intakeInput, makeRequest } from '../helpers/factories.js';
import type { Db } from '../../src/db/client.js';

const sessionRows = (db: Db) => (db.$client.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
const sidCookie = (res: request.Response) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('ppid.sid='));

describe('sessions for anonymous visitors', () => {
  it('when anonymous visitors only look (plain pages and pages with a form), then no session row is written and no session cookie set', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const N = 20;
    for (let i = 0; i < N; i++) {
      for (const path of ['/', '/rekap', '/status', '/login', '/permohonan']) {
        const res = await request(app).get(path);
        expect(res.status, path).toBe(200);
        expect(sidCookie(res), path).toBeUndefined();
      }
    }
    expect(sessionRows(db)).toBe(0);
  });

  it('when a visitor looks up a status, then the form works without a stored session, and the lookup is then kept', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const agent = request.agent(app);
    const page = await agent.get('/status');
    expect(sessionRows(db)).toBe(0);
    const res = await agent.post('/status').type('form').send({ _csrf: csrfFrom(page.text), number: r.registrationNumber, code: r.accessCode });
    expect(res.status).toBe(200);
    expect(res.text).toContain(r.registrationNumber);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when a visitor sends the online form, then it is registered and the receipt reaches that browser', async () => {
    const { app, db } = buildTestApp();
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/permohonan')).text);
    expect(sessionRows(db)).toBe(0);
    const { receivedOn: _r, channel: _c, ...fields } = intakeInput({});
    const res = await agent.post('/permohonan').type('form').send({ _csrf: csrf, ...fields, agree: 'yes' });
    expect(res.status).toBe(302);
    expect(sessionRows(db)).toBe(1);
    const receipt = await agent.get(res.headers.location);
    expect(receipt.status).toBe(200);
    expect(receipt.headers['cache-control']).toBe('no-store');
  });

  it('when an anonymous token is posted from another browser, then it is refused: the token is bound to its own cookie', async () => {
    const { app } = buildTestApp();
    const mine = csrfFrom((await request(app).get('/status')).text);
    const other = request.agent(app);
    await other.get('/status');
    const res = await other.post('/status').type('form').send({ _csrf: mine, number: 'x', code: 'x' });
    expect(res.status).toBe(403);
  });

  it('when staff log in, then one session row is kept and their pages work', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer');
    expect(sessionRows(db)).toBe(1);
    await agent.get('/requests').expect(200);
  });
});
