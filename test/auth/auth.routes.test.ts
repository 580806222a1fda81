import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, makeUser, TEST_PASSWORD } from '../helpers/login-as.js';
import { MAX_FAILED_LOGINS } from '../../src/auth/auth.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';

describe('first-run setup', () => {
  it('when no account exists, then / leads to /setup and the first visitor becomes admin', async () => {
    const { app, db } = buildTestApp();
    const agent = request.agent(app);
    await agent.get('/login').expect(302).expect('location', '/setup');
    const page = await agent.get('/setup').expect(200);
    const res = await agent.post('/setup').type('form').send({
      _csrf: csrfFrom(page.text), username: 'admin', displayName: 'Admin Satu', password: 'a-long-password', passwordConfirm: 'a-long-password',
    });
    expect(res.status).toBe(302);
    const actions = listAudit(db, {}, 1, 50).rows.map((r) => r.action);
    expect(actions).toContain('user.setup');
    // afterwards the page is gone
    await request(app).get('/setup').expect(302).expect('location', '/login');
  });

  it('when the passwords differ, then the form comes back with the message and the typed name', async () => {
    const { app } = buildTestApp();
    const agent = request.agent(app);
    const page = await agent.get('/setup');
    const res = await agent.post('/setup').type('form').send({
      _csrf: csrfFrom(page.text), username: 'admin', displayName: 'Admin Satu', password: 'a-long-password', passwordConfirm: 'other-password',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Kata sandi tidak sama.');
    expect(res.text).toContain('value="Admin Satu"');
  });

  it('when a form is posted without its CSRF token, then it is refused', async () => {
    const { app } = buildTestApp();
    const res = await request(app).post('/setup').type('form').send({ username: 'x', displayName: 'x', password: 'a-long-password', passwordConfirm: 'a-long-password' });
    expect(res.status).toBe(403);
  });
});

describe('login', () => {
  it('when the password is right, then the session id changes and the login is audited', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const agent = request.agent(app);
    const page = await agent.get('/login');
    const before = ([] as string[]).concat(page.headers['set-cookie'] ?? []).find((c: string) => c.startsWith('ppid.sid'));
    const res = await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), username: 'siti', password: TEST_PASSWORD });
    expect(res.status).toBe(302);
    const after = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c: string) => c.startsWith('ppid.sid'));
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(after).toMatch(/HttpOnly/);
    expect(after).toMatch(/SameSite=Lax/);
    expect(listAudit(db, { action: 'login' }, 1, 10).total).toBe(1);
  });

  it('when the password is wrong, then the same message shows for known and unknown names', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const agent = request.agent(app);
    const page = await agent.get('/login');
    const wrong = await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), username: 'siti', password: 'nope' });
    const unknown = await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Nama pengguna atau kata sandi salah.');
    expect(unknown.text).toContain('Nama pengguna atau kata sandi salah.');
    expect(wrong.text).toContain('value="siti"');
  });

  it('when the password is wrong too often, then the account is locked even for the right password', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const agent = request.agent(app);
    const page = await agent.get('/login');
    const csrf = csrfFrom(page.text);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      await agent.post('/login').type('form').send({ _csrf: csrf, username: 'siti', password: 'nope' });
    }
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'siti', password: TEST_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Akun dikunci');
  });
});
