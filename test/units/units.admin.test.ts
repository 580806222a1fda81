import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp, freshDb } from '../helpers/build-test-app.js';
import { loginAs, makeUser } from '../helpers/login-as.js';
import { testActor } from '../helpers/factories.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { findUserByUsername } from '../../src/auth/users.repo.js';
import { sendDispositions } from '../../src/units/dispositions.service.js';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/context.js';
import { cliContext } from '../helpers/cli.js';
import { workingDaysBefore } from '../../src/units/internal-due.js';
import { computeUnitFigures } from '../../src/units/unit-stats.js';
import { buildCalendar } from '../../src/calendar/working-days.js';
import type { UnitRow } from '../../src/db/schema.js';
import { fixClock, secretRequest, unit } from './support.js';

beforeEach(fixClock);
afterEach(() => vi.useRealTimers());

describe('the units tree (admin)', () => {
  it('an admin creates, edits and deactivates units; a duplicate code or a loop of parents is refused', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');

    await agent.post('/admin/units').type('form').send({ _csrf: csrf, code: 'PPID', name: 'PPID Utama Kementerian', kind: 'utama' }).expect(302);
    const list = await agent.get('/admin/units').expect(200);
    expect(list.text).toContain('PPID Utama Kementerian');
    const [{ id: top }] = db.$client.prepare("select id from units where code = 'PPID'").all() as { id: number }[];
    await agent.post('/admin/units').type('form').send({ _csrf: csrf, code: 'PK.1', name: 'Sekretariat', kind: 'unit', parentId: String(top) }).expect(302);
    const dup = await agent.post('/admin/units').type('form').send({ _csrf: csrf, code: 'pk.1', name: 'Lagi', kind: 'unit' });
    expect(dup.status).toBe(400);
    expect(dup.text).toContain('Kode PK.1 sudah dipakai');
    const [{ id: child }] = db.$client.prepare("select id from units where code = 'PK.1'").all() as { id: number }[];
    const loop = await agent.post(`/admin/units/${top}`).type('form').send({ _csrf: csrf, code: 'PPID', name: 'PPID Utama', kind: 'utama', parentId: String(child), active: 'on' });
    expect(loop.status).toBe(400);
    expect(loop.text).toContain('tidak boleh unit ini sendiri atau sub-unitnya');

    expect((await agent.get(`/admin/units/${child}/edit`)).status).toBe(200);
    await agent.post(`/admin/units/${child}`).type('form').send({ _csrf: csrf, code: 'PK.1', name: 'Sekretariat Direktorat Jenderal', kind: 'unit', parentId: String(top) }).expect(302);
    expect(db.$client.prepare('select name, active from units where id = ?').get(child)).toEqual({ name: 'Sekretariat Direktorat Jenderal', active: 0 });
    expect(listAudit(db, { action: 'unit.update' }, 1, 10).rows[0].summary).toContain('dinonaktifkan');
  });

  it('deleting a unit with work is refused (deactivate it instead); an unused one is deleted', async () => {
    const { app, db } = buildTestApp();
    const busy = unit(db, 'PK.1');
    const spare = unit(db, 'PK.8');
    sendDispositions({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: secretRequest(db).id, input: { unitIds: [busy.id], note: '' } });
    const { agent, csrf } = await loginAs(app, db, 'admin');

    const refused = await agent.post(`/admin/units/${busy.id}/delete`).type('form').send({ _csrf: csrf });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('Nonaktifkan unit ini sebagai gantinya');
    await agent.post(`/admin/units/${spare.id}/delete`).type('form').send({ _csrf: csrf }).expect(302);
    expect(db.$client.prepare('select code from units').all()).toEqual([{ code: 'PK.1' }]);
    expect(listAudit(db, { action: 'unit.delete' }, 1, 10).total).toBe(1);
  });

  it('users belong to a unit: the admin form sets it, and a unit’s staff without a unit or in an inactive one are refused', async () => {
    const { app, db } = buildTestApp();
    const pk1 = unit(db, 'PK.1');
    const off = unit(db, 'PK.9', { active: false });
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const form = await agent.get('/admin/users/new').expect(200);
    expect(form.text).toContain('PK.1 — Unit PK.1');
    expect(form.text).not.toContain('PK.9');

    const none = await agent.post('/admin/users').type('form').send({ _csrf: csrf, username: 'staf1', displayName: 'Staf', role: 'unit', password: 'kata-sandi-panjang', unitId: '' });
    expect(none.status).toBe(400);
    expect(none.text).toContain('harus terhubung ke sebuah unit');
    const inactive = await agent.post('/admin/users').type('form').send({ _csrf: csrf, username: 'staf1', displayName: 'Staf', role: 'unit', password: 'kata-sandi-panjang', unitId: String(off.id) });
    expect(inactive.text).toContain('Unit PK.9 tidak aktif');
    await agent.post('/admin/users').type('form').send({ _csrf: csrf, username: 'staf1', displayName: 'Staf', role: 'unit', password: 'kata-sandi-panjang', unitId: String(pk1.id) }).expect(302);
    expect(findUserByUsername(db, 'staf1')).toMatchObject({ role: 'unit', unitId: pk1.id });
    expect((await agent.get('/admin/users')).text).toContain('PK.1');
  });
});

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => 'kata-sandi-panjang\n' };
  return { io, out, err };
}

describe('ppid unit add / unit list / user add --unit', () => {
  it('adds the office’s units as a tree, lists them, and puts a user in one', async () => {
    const db = freshDb();
    expect(await runCli(['unit', 'add', 'PPID', '--name', 'PPID Utama', '--kind', 'utama'], cliContext(db), fakeIo().io)).toBe(0);
    const one = fakeIo();
    expect(await runCli(['unit', 'add', 'PK.1', '--name', 'Sekretariat', '--parent', 'ppid'], cliContext(db), one.io)).toBe(0);
    expect(one.out).toEqual(['Unit PK.1 Sekretariat (Unit kerja) dibuat.']);
    const list = fakeIo();
    expect(await runCli(['unit', 'list'], cliContext(db), list.io)).toBe(0);
    expect(list.out).toEqual(['PPID\tPPID Utama\tPPID Utama', '  PK.1\tSekretariat\tUnit kerja']);

    const add = fakeIo();
    expect(await runCli(['user', 'add', 'staf.pk1', '--role', 'unit', '--unit', 'PK.1'], cliContext(db), add.io)).toBe(0);
    expect(findUserByUsername(db, 'staf.pk1')).toMatchObject({ role: 'unit', unitId: expect.any(Number) });
    expect(listAudit(db, { action: 'unit.create' }, 1, 10).rows[0].actorLabel).toBe('cli');
  });

  it('refuses an unknown parent, kind or unit, a duplicate code and a unit user without a unit', async () => {
    const db = freshDb();
    const a = fakeIo();
    expect(await runCli(['unit', 'add', 'PK.1', '--name', 'X', '--parent', 'NOPE'], cliContext(db), a.io)).toBe(1);
    expect(a.err.join('\n')).toContain('unit induk NOPE tidak ditemukan');
    const b = fakeIo();
    expect(await runCli(['unit', 'add', 'PK.1', '--name', 'X', '--kind', 'direktorat'], cliContext(db), b.io)).toBe(1);
    expect(b.err.join('\n')).toContain('Jenis yang tersedia: utama, pelaksana, unit.');
    expect(await runCli(['unit', 'add', 'PK.1', '--name', 'X'], cliContext(db), fakeIo().io)).toBe(0);
    const c = fakeIo();
    expect(await runCli(['unit', 'add', 'pk.1', '--name', 'Y'], cliContext(db), c.io)).toBe(1);
    expect(c.err.join('\n')).toContain('sudah dipakai');
    const d = fakeIo();
    expect(await runCli(['user', 'add', 'staf', '--role', 'unit', '--unit', 'PK.7'], cliContext(db), d.io)).toBe(1);
    expect(d.err.join('\n')).toContain('PK.7 tidak ditemukan');
    const e = fakeIo();
    expect(await runCli(['user', 'add', 'staf', '--role', 'unit'], cliContext(db), e.io)).toBe(1);
    expect(e.err.join('\n')).toContain('harus terhubung ke sebuah unit');
    expect(await runCli(['unit', 'add'], cliContext(db), fakeIo().io)).toBe(2);
    await makeUser(db, 'officer');
  });
});

describe('rules as pure functions', () => {
  const cal = buildCalendar([{ date: '2026-03-19', kind: 'holiday', name: 'Nyepi' }]);

  it('working days before a date skip weekends and holidays', () => {
    expect(workingDaysBefore('2026-03-16', 2, cal)).toBe('2026-03-12');
    expect(workingDaysBefore('2026-03-16', 0, cal)).toBe('2026-03-16');
    expect(workingDaysBefore('2026-03-23', 3, cal)).toBe('2026-03-17');
  });

  it('per-unit figures: received, answered, median and 90th percentile working days, share by the internal due date, overdue now', () => {
    const u = (id: number, code: string) => ({ id, code, name: code, kind: 'unit', active: true }) as UnitRow;
    const rows = [
      { unitId: 1, sentOn: '2026-03-02', dueOn: '2026-03-05', answeredOn: '2026-03-03', status: 'answered' },
      { unitId: 1, sentOn: '2026-03-02', dueOn: '2026-03-05', answeredOn: '2026-03-05', status: 'answered' },
      { unitId: 1, sentOn: '2026-03-02', dueOn: '2026-03-05', answeredOn: '2026-03-10', status: 'answered' },
      { unitId: 1, sentOn: '2026-03-02', dueOn: '2026-03-05', answeredOn: null, status: 'open' },
    ];
    const [f, g] = computeUnitFigures([u(1, 'PK.1'), u(2, 'PK.2')], rows, new Map([[1, 1]]), cal);
    expect(f).toMatchObject({ received: 4, answered: 3, medianDays: 3, p90Days: 6, onTime: 2, onTimePct: 66.7, overdueNow: 1 });
    expect(g).toMatchObject({ received: 0, answered: 0, medianDays: null, p90Days: null, onTimePct: null, overdueNow: 0 });
  });
});
