import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, makeUser } from '../helpers/login-as.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { findUserByUsername, listTokens } from '../../src/auth/users.repo.js';
import { DateTime } from 'luxon';
import { updateUser, userForToken } from '../../src/auth/auth.service.js';
import { formatDate, todayIn } from '../../src/shared/dates.js';

const TOKEN = /ppid_[A-Za-z0-9_-]{32}/;

describe('API tokens admin', () => {
  it('when an admin creates a token, then it is shown once, works on the API, and the creation is audited', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const { agent, csrf, username } = await loginAs(app, db, 'admin');
    const form = await agent.get('/admin/tokens').expect(200);
    expect(form.text).toContain('<option value="siti"');

    const res = await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, username: 'siti', name: 'chatbot WhatsApp' });

    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('Salin token ini sekarang.');
    const token = TOKEN.exec(res.text)![0];
    await request(app).get('/api/v1/requests').set('authorization', `Bearer ${token}`).expect(200);
    const list = await agent.get('/admin/tokens').expect(200);
    expect(list.text).toContain('chatbot WhatsApp');
    expect(list.text).not.toMatch(TOKEN);
    // name, user, created, last used (the API call above), expiry, status
    expect(list.text).toMatch(/<td>chatbot WhatsApp<\/td>\s*<td>siti<\/td>\s*<td>[^<]+WIB<\/td>\s*<td>[^<]+WIB<\/td>\s*<td>Sampai dicabut<\/td>\s*<td><span class="badge badge-done">Berlaku/);
    const entry = listAudit(db, { action: 'token.create' }, 1, 10).rows[0];
    expect(entry.actorLabel).toBe(username);
    expect(entry.after).not.toContain(token);
  });

  it('when a token is revoked, then the API refuses it with 401 JSON and the revocation is audited', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const created = await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, username: 'siti', name: 'dasbor' }).expect(201);
    const token = TOKEN.exec(created.text)![0];
    const id = listTokens(db)[0].token.id;
    expect(created.text).toContain(`action="/admin/tokens/${id}/revoke" data-confirm=`);

    await agent.post(`/admin/tokens/${id}/revoke`).type('form').send({ _csrf: csrf }).expect(302).expect('location', '/admin/tokens');

    const api = await request(app).get('/api/v1/anything').set('authorization', `Bearer ${token}`).expect(401);
    expect(api.body.error.code).toBe('unauthenticated');
    expect(listAudit(db, { action: 'token.revoke', entityId: String(id) }, 1, 10).total).toBe(1);
    const page = await agent.get('/admin/tokens').expect(200);
    expect(page.text).toContain('Dicabut');
  });

  it('when the label is missing or the user is inactive or unknown, then the form comes back with the message and typed values', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    await makeUser(db, 'officer', 'tono');
    await updateUser(db, { userId: null, label: 'test' }, findUserByUsername(db, 'tono')!.id, { active: false });
    const { agent, csrf } = await loginAs(app, db, 'admin');

    const blank = await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, username: 'siti', name: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.text).toContain('Wajib diisi.');
    expect(blank.text).toContain('<option value="siti" selected>');
    expect(blank.text).not.toContain('<option value="tono"');

    const inactive = await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, username: 'tono', name: 'sinkron' });
    expect(inactive.status).toBe(400);
    expect(inactive.text).toContain('Pengguna ini tidak aktif.');
    expect(inactive.text).toContain('value="sinkron"');

    const unknown = await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, username: 'nobody', name: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Pengguna tidak ditemukan.');
    expect(listTokens(db)).toHaveLength(0);
  });

  it('when revoking an unknown token, then 404', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    await agent.post('/admin/tokens/99/revoke').type('form').send({ _csrf: csrf }).expect(404);
  });

  it('when another role asks, then it is forbidden; anonymous goes to login; no CSRF is refused', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    for (const role of ['officer', 'supervisor', 'auditor'] as const) {
      const { agent, csrf } = await loginAs(app, db, role);
      await agent.get('/admin/tokens').expect(403);
      await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, username: 'siti', name: 'x' }).expect(403);
    }
    await request(app).get('/admin/tokens').expect(302).expect('location', '/login?next=%2Fadmin%2Ftokens');
    const { agent } = await loginAs(app, db, 'admin');
    await agent.post('/admin/tokens').type('form').send({ username: 'siti', name: 'x' }).expect(403);
    expect(listTokens(db)).toHaveLength(0);
  });

  it('when a token is given an expiry date, then the page shows it, the API takes it through that day, and refuses it after with a clear 401', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const today = todayIn('Asia/Jakarta');
    const lastDay = DateTime.fromISO(today).plus({ days: 30 }).toISODate()!;

    const res = await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, username: 'siti', name: 'magang', expiresOn: lastDay });

    expect(res.status).toBe(201);
    const token = TOKEN.exec(res.text)![0];
    expect(res.text).toContain(`berlaku sampai ${formatDate(lastDay)}`);
    const row = listTokens(db)[0].token;
    expect(row.expiresOn).toBe(lastDay);
    expect(listAudit(db, { action: 'token.create' }, 1, 10).rows[0].after).toContain(lastDay);
    const list = await agent.get('/admin/tokens').expect(200);
    expect(list.text).toMatch(new RegExp(`<td>${formatDate(lastDay)}</td>\\s*<td><span class="badge badge-done">Berlaku`));
    await request(app).get('/api/v1/requests').set('authorization', `Bearer ${token}`).expect(200);

    // The last day itself still works, in the office zone; the day after it does not.
    const zone = 'Asia/Jakarta';
    const onLastDay = DateTime.fromISO(`${lastDay}T23:59`, { zone });
    expect(userForToken(db, token, zone, onLastDay)).toMatchObject({ user: { username: 'siti' } });
    expect(userForToken(db, token, zone, onLastDay.plus({ minutes: 2 }))).toEqual({ expiredOn: lastDay });

    db.$client.prepare('UPDATE api_tokens SET expires_on = ? WHERE id = ?').run(DateTime.fromISO(today).minus({ days: 1 }).toISODate(), row.id);
    const expired = await request(app).get('/api/v1/requests').set('authorization', `Bearer ${token}`).expect(401);
    expect(expired.body.error.code).toBe('unauthenticated');
    expect(expired.body.error.message).toMatch(/^Token API sudah kedaluwarsa \(berlaku sampai \d+ \w+ \d{4}\)\./);
    expect((await agent.get('/admin/tokens')).text).toContain('Kedaluwarsa');
  });

  it('when the expiry date is past, too far or not a date, then the form comes back with the message and nothing is created', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const today = DateTime.fromISO(todayIn('Asia/Jakarta'));
    const cases: [string, string][] = [
      [today.minus({ days: 1 }).toISODate()!, 'sudah lewat'],
      [today.plus({ years: 6 }).toISODate()!, 'Paling lama lima tahun'],
      ['2026-02-30', 'Tanggal tidak valid'],
    ];
    for (const [expiresOn, message] of cases) {
      const res = await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, username: 'siti', name: 'magang', expiresOn });
      expect(res.status, expiresOn).toBe(400);
      expect(res.text, expiresOn).toContain(message);
      expect(res.text).toContain('value="magang"');
    }
    expect(listTokens(db)).toHaveLength(0);
  });

  it('when a token is used, then its "last used" is written once a minute at most, never older than a minute', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const res = await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, username: 'siti', name: 'bot' });
    const token = TOKEN.exec(res.text)![0];
    const lastUsed = () => listTokens(db)[0].token.lastUsedAt;
    expect(lastUsed()).toBeNull();
    const t0 = DateTime.fromISO('2026-11-30T08:00:00.000Z');
    userForToken(db, token, 'Asia/Jakarta', t0);
    expect(lastUsed()).toBe('2026-11-30T08:00:00.000Z');
    userForToken(db, token, 'Asia/Jakarta', t0.plus({ seconds: 59 }));
    expect(lastUsed()).toBe('2026-11-30T08:00:00.000Z');
    userForToken(db, token, 'Asia/Jakarta', t0.plus({ seconds: 61 }));
    expect(lastUsed()).toBe('2026-11-30T08:01:01.000Z');
  });
});
