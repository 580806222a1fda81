import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, makeUser } from '../helpers/login-as.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { findUserByUsername } from '../../src/auth/users.repo.js';
import { authenticate } from '../../src/auth/auth.service.js';

const newUser = { username: 'budi.s', displayName: 'Budi Santoso', role: 'officer', password: 'sebuah-kata-sandi' };

describe('users admin', () => {
  it('when an admin creates a user, then it is listed with its role label and the creation is audited as the admin', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf, username } = await loginAs(app, db, 'admin');

    const res = await agent.post('/admin/users').type('form').send({ _csrf: csrf, ...newUser });

    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/admin/users');
    const list = await agent.get('/admin/users').expect(200);
    expect(list.text).toContain('budi.s');
    expect(list.text).toContain('Petugas PPID');
    expect(list.text).toContain('Pengguna budi.s dibuat sebagai Petugas PPID.');
    const entry = listAudit(db, { action: 'user.create', q: 'budi.s' }, 1, 10).rows[0];
    expect(entry.actorLabel).toBe(username);
    expect((await authenticate(db, 'budi.s', newUser.password, '127.0.0.1')).ok).toBe(true);
  });

  it('when the form is invalid or the name is taken, then it comes back with messages and the typed values, never the password', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const { agent, csrf } = await loginAs(app, db, 'admin');

    const bad = await agent.post('/admin/users').type('form').send({ _csrf: csrf, ...newUser, username: 'A!', role: 'boss', password: 'pendek' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('3–40 karakter');
    expect(bad.text).toContain('Pilihan tidak dikenal.');
    expect(bad.text).toContain('Minimal 10 karakter.');
    expect(bad.text).toContain('value="Budi Santoso"');
    expect(bad.text).not.toContain('pendek');

    const taken = await agent.post('/admin/users').type('form').send({ _csrf: csrf, ...newUser, username: 'siti' });
    expect(taken.status).toBe(400);
    expect(taken.text).toContain('Nama pengguna sudah dipakai.');
    expect(taken.text).toContain('value="siti"');
    expect(listAudit(db, { action: 'user.create', q: 'Budi' }, 1, 10).total).toBe(0);
  });

  it('when an admin changes role, deactivates and sets a password, then the change is audited and the user can no longer log in', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const siti = findUserByUsername(db, 'siti')!;
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const form = await agent.get(`/admin/users/${siti.id}/edit`).expect(200);
    expect(form.text).toContain('value="Test officer"');
    expect(form.text).toMatch(/name="active" checked/);

    const res = await agent.post(`/admin/users/${siti.id}`).type('form')
      .send({ _csrf: csrf, displayName: 'Siti Aminah', role: 'supervisor', password: 'kata-sandi-baru-1' });

    expect(res.status).toBe(302);
    const after = findUserByUsername(db, 'siti')!;
    expect(after).toMatchObject({ displayName: 'Siti Aminah', role: 'supervisor', active: false });
    const entry = listAudit(db, { action: 'user.update', entityId: String(siti.id) }, 1, 10).rows[0];
    expect(JSON.parse(entry.before!)).toMatchObject({ role: 'officer', active: true });
    expect(JSON.parse(entry.after!)).toMatchObject({ role: 'supervisor', active: false });
    expect((await authenticate(db, 'siti', 'kata-sandi-baru-1', '127.0.0.1')).ok).toBe(false);
  });

  it('when an admin leaves the password blank, then the old one still works', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const siti = findUserByUsername(db, 'siti')!;
    const { agent, csrf } = await loginAs(app, db, 'admin');
    await agent.post(`/admin/users/${siti.id}`).type('form')
      .send({ _csrf: csrf, displayName: 'Siti', role: 'officer', active: 'on', password: '' }).expect(302);
    expect(findUserByUsername(db, 'siti')!.passwordHash).toBe(siti.passwordHash);
  });

  it('when an admin tries to deactivate themselves or change their own role, then the form says why and nothing changes', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf, username } = await loginAs(app, db, 'admin');
    const me = findUserByUsername(db, username)!;

    const page = await agent.get(`/admin/users/${me.id}/edit`).expect(200);
    expect(page.text).toContain('Ini akun Anda sendiri');
    const res = await agent.post(`/admin/users/${me.id}`).type('form').send({ _csrf: csrf, displayName: 'Saya', role: 'auditor', active: 'on' });
    const off = await agent.post(`/admin/users/${me.id}`).type('form').send({ _csrf: csrf, displayName: 'Saya', role: 'admin' });

    for (const r of [res, off]) {
      expect(r.status).toBe(400);
      expect(r.text).toContain('Anda tidak dapat menonaktifkan atau mengubah peran akun sendiri.');
      expect(r.text).toContain('value="Saya"');
    }
    expect(findUserByUsername(db, username)).toMatchObject({ role: 'admin', active: true, displayName: me.displayName });
  });

  it('when the user id is unknown, then 404', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    await agent.get('/admin/users/999/edit').expect(404);
    await agent.get('/admin/users/abc/edit').expect(404);
  });

  it('when another role asks, then it is forbidden; anonymous goes to login', async () => {
    const { app, db } = buildTestApp();
    for (const role of ['officer', 'supervisor', 'auditor'] as const) {
      const { agent, csrf } = await loginAs(app, db, role);
      await agent.get('/admin/users').expect(403);
      await agent.get('/admin/users/new').expect(403);
      await agent.post('/admin/users').type('form').send({ _csrf: csrf, ...newUser }).expect(403);
    }
    expect(findUserByUsername(db, 'budi.s')).toBeUndefined();
    await request(app).get('/admin/users').expect(302).expect('location', '/login?next=%2Fadmin%2Fusers');
  });

  it('when the form is posted without its CSRF token, then it is refused', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    await agent.post('/admin/users').type('form').send(newUser).expect(403);
    expect(findUserByUsername(db, 'budi.s')).toBeUndefined();
    // a token from another session does not help either
    const other = request.agent(app);
    const otherToken = csrfFrom((await other.get('/login')).text);
    await agent.post('/admin/users').type('form').send({ _csrf: otherToken, ...newUser }).expect(403);
  });
});
