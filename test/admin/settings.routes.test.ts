import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { getSettings } from '../../src/settings/settings.repo.js';
import { numberPatternProblem } from '../../src/numbering/numbering.js';
import type { Db } from '../../src/db/client.js';

const formOf = (db: Db, overrides: Record<string, string> = {}) => ({ ...getSettings(db), ...overrides });

describe('numberPatternProblem', () => {
  it.each([
    ['{seq:3}/PPID/{month_roman}/{year}', null],
    ['{seq}-{month}-{year}', null],
    ['PPID/{year}/{seq:6}', null],
    ['{seq:3}/PPID/{month_roman}', 'Pola harus memuat tahun {year}.'],
    ['PPID/{month}/{year}', 'Pola harus memuat nomor urut {seq} atau {seq:N}.'],
    ['{seq:7}/{year}', 'Token tidak dikenal: {seq:7}'],
    ['{seq:0}/{year}', 'Token tidak dikenal: {seq:0}'],
    ['{seq}/{tahun}/{year}', 'Token tidak dikenal: {tahun}'],
    ['{seq}/{year', 'Token tidak dikenal: {year'],
    ['{seq}/year}', 'Token tidak dikenal: }'],
  ])('%s', (pattern, problem) => {
    const found = numberPatternProblem(pattern);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('settings admin', () => {
  it('when an admin saves new values, then they are stored and one audit entry holds the changed keys before and after', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf, username } = await loginAs(app, db, 'admin');
    const page = await agent.get('/admin/settings').expect(200);
    expect(page.text).toContain('value="{seq:3}/PPID/{month_roman}/{year}"');
    expect(page.text).toMatch(/Contoh nomor ke-7 hari ini: <span class="code">007\/PPID\/[IVX]+\/\d{4}<\/span>/);

    const res = await agent.post('/admin/settings').type('form')
      .send({ _csrf: csrf, ...formOf(db, { office_name: 'PPID Ditjen Perbendaharaan', registration_pattern: 'REG-{year}-{seq:4}' }) });

    expect(res.status).toBe(302);
    expect(getSettings(db)).toMatchObject({ office_name: 'PPID Ditjen Perbendaharaan', registration_pattern: 'REG-{year}-{seq:4}' });
    const entries = listAudit(db, { action: 'settings.update' }, 1, 10).rows;
    expect(entries).toHaveLength(1);
    expect(entries[0].actorLabel).toBe(username);
    expect(JSON.parse(entries[0].before!)).toEqual({ office_name: 'PPID Badan Publik', registration_pattern: '{seq:3}/PPID/{month_roman}/{year}' });
    expect(JSON.parse(entries[0].after!)).toEqual({ office_name: 'PPID Ditjen Perbendaharaan', registration_pattern: 'REG-{year}-{seq:4}' });
    const again = await agent.get('/admin/settings').expect(200);
    expect(again.text).toContain('Pengaturan disimpan.');
  });

  it('when nothing changed, then nothing is audited', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    await agent.post('/admin/settings').type('form').send({ _csrf: csrf, ...formOf(db) }).expect(302);
    expect(listAudit(db, { action: 'settings.update' }, 1, 10).total).toBe(0);
    expect((await agent.get('/admin/settings')).text).toContain('Tidak ada perubahan.');
  });

  it('when a pattern is invalid or a required field empty, then the form comes back with messages and what was typed', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');

    const res = await agent.post('/admin/settings').type('form').send({
      _csrf: csrf, ...formOf(db, { office_name: 'Kantor Baru', office_city: '', registration_pattern: '{seq:3}/{bulan}', objection_pattern: '{seq}/KEB' }),
    });

    expect(res.status).toBe(400);
    expect(res.text).toContain('Token tidak dikenal: {bulan}');
    expect(res.text).toContain('Pola harus memuat tahun {year}.');
    expect(res.text).toContain('Wajib diisi.');
    expect(res.text).toContain('value="Kantor Baru"');
    expect(res.text).toContain('value="{seq:3}/{bulan}"');
    expect(getSettings(db).office_name).toBe('PPID Badan Publik');
    expect(listAudit(db, { action: 'settings.update' }, 1, 10).total).toBe(0);
  });

  it('when another role asks, then it is forbidden; anonymous goes to login; no CSRF is refused', async () => {
    const { app, db } = buildTestApp();
    for (const role of ['officer', 'supervisor', 'auditor'] as const) {
      const { agent, csrf } = await loginAs(app, db, role);
      await agent.get('/admin/settings').expect(403);
      await agent.post('/admin/settings').type('form').send({ _csrf: csrf, ...formOf(db, { office_name: 'X' }) }).expect(403);
    }
    await request(app).get('/admin/settings').expect(302).expect('location', '/login?next=%2Fadmin%2Fsettings');
    const { agent } = await loginAs(app, db, 'admin');
    await agent.post('/admin/settings').type('form').send(formOf(db, { office_name: 'X' })).expect(403);
    expect(getSettings(db).office_name).toBe('PPID Badan Publik');
  });
});
