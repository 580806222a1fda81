import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, makeUser, TEST_PASSWORD } from '../helpers/login-as.js';
import type { Application } from 'express';
import { LOCK_MINUTES, LoginThrottle, MAX_FAILED_LOGINS } from '../../src/auth/login-throttle.js';
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

  /** Posts a login form from one address (the test app trusts X-Forwarded-For from loopback). */
  async function loginFrom(app: Application, ip: string, username: string, password: string) {
    const agent = request.agent(app);
    const page = await agent.get('/login').set('X-Forwarded-For', ip);
    return agent.post('/login').set('X-Forwarded-For', ip).type('form').send({ _csrf: csrfFrom(page.text), username, password });
  }

  it('when the password is wrong too often from one address, then that address is turned away even with the right password', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await loginFrom(app, '203.0.113.7', 'siti', 'nope')).text).toContain('kata sandi salah');
    const fifth = await loginFrom(app, '203.0.113.7', 'siti', 'nope');
    expect(fifth.status).toBe(400);
    expect(fifth.text).toMatch(/Terlalu banyak percobaan gagal\. Coba lagi setelah pukul \d\d\.\d\d WIB\./);
    const right = await loginFrom(app, '203.0.113.7', 'siti', TEST_PASSWORD);
    expect(right.status).toBe(400);
    expect(right.text).toContain('Terlalu banyak percobaan gagal');
  });

  it('when someone guesses a known username from another address, then its owner at the office still logs in', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    for (let i = 0; i < MAX_FAILED_LOGINS + 2; i++) await loginFrom(app, '198.51.100.66', 'siti', 'tebakan');
    expect((await loginFrom(app, '198.51.100.66', 'siti', TEST_PASSWORD)).text).toContain('Terlalu banyak percobaan gagal');

    const owner = await loginFrom(app, '10.1.2.3', 'siti', TEST_PASSWORD);
    expect(owner.status).toBe(302);
  });

  it('when the lockout comes, then the message is the same for a real account and a made-up one', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const last = async (username: string) => {
      let res!: request.Response;
      for (let i = 0; i < MAX_FAILED_LOGINS + 1; i++) res = await loginFrom(app, '203.0.113.9', username, 'nope');
      return res;
    };
    const real = await last('siti');
    const madeUp = await last('tidak-ada');
    const message = (res: request.Response) => /role="alert">([^<]*)</.exec(res.text)?.[1];
    expect(real.status).toBe(madeUp.status);
    expect(message(real)).toMatch(/^Terlalu banyak percobaan gagal\./);
    expect(message(madeUp)).toBe(message(real));
    expect(real.text).not.toContain('Akun dikunci');
  });

  it('when the office is in WITA, then the time in the lockout message is WITA', async () => {
    const { app, db } = buildTestApp({ zone: 'Asia/Makassar' });
    await makeUser(db, 'officer', 'siti');
    let res!: request.Response;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) res = await loginFrom(app, '203.0.113.10', 'siti', 'nope');
    expect(res.text).toMatch(/Coba lagi setelah pukul \d\d\.\d\d WITA\./);
    expect(res.text).not.toMatch(/\d WIB\./);
  });
});

describe('login throttle (unit, fixed clock)', () => {
  const T0 = Date.UTC(2026, 0, 5, 2, 0);
  const MIN = 60_000;

  it('closes a pair after five failures for fifteen minutes, and only that pair', () => {
    const t = new LoginThrottle();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect(t.recordFailure('siti', '1.1.1.1', T0 + i)).toBeNull();
    expect(t.recordFailure('siti', '1.1.1.1', T0 + 10)).toBe(T0 + 10 + LOCK_MINUTES * MIN);
    expect(t.lockedUntil('siti', '1.1.1.1', T0 + 14 * MIN)).not.toBeNull();
    expect(t.lockedUntil('SITI', '1.1.1.1', T0 + 14 * MIN)).not.toBeNull();
    expect(t.lockedUntil('siti', '2.2.2.2', T0 + 14 * MIN)).toBeNull();
    expect(t.lockedUntil('budi', '1.1.1.1', T0 + 14 * MIN)).toBeNull();
    expect(t.lockedUntil('siti', '1.1.1.1', T0 + 16 * MIN)).toBeNull();
  });

  it('forgets failures older than the window, and a success clears the count', () => {
    const t = new LoginThrottle();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) t.recordFailure('siti', '1.1.1.1', T0);
    expect(t.recordFailure('siti', '1.1.1.1', T0 + 20 * MIN)).toBeNull();
    for (let i = 1; i < MAX_FAILED_LOGINS - 1; i++) t.recordFailure('budi', '1.1.1.1', T0);
    t.recordSuccess('budi', '1.1.1.1');
    expect(t.recordFailure('budi', '1.1.1.1', T0)).toBeNull();
  });

  it('stays bounded whatever the number of names and addresses', () => {
    const t = new LoginThrottle(100);
    for (let i = 0; i < 1000; i++) t.recordFailure(`u${i}`, `10.0.${i >> 8}.${i & 255}`, T0);
    expect(t.size).toBeLessThanOrEqual(100);
  });
});
