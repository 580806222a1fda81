/** Issue 15.5 / 15.7: an admin sets a PPID Pelaksana's number pattern, on the units form or in the CLI. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp, freshDb } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/context.js';
import { cliContext } from '../helpers/cli.js';
import { findUnitByCode } from '../../src/units/units.service.js';
import { fixClock, TODAY } from '../units/support.js';
import { registerFor } from './support.js';

beforeEach(fixClock);
afterEach(() => vi.useRealTimers());

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' };
  return { io, out, err };
}

describe('a PPID Pelaksana’s number pattern (admin form)', () => {
  it('when the admin gives a Pelaksana a pattern, then its next request takes it; a bad pattern, one on a unit kerja or the Utama’s own are refused', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const base = { _csrf: csrf, name: 'PPID Pelaksana Ditjen A', kind: 'pelaksana', parentId: '' };

    const noYear = await agent.post('/admin/units').type('form').send({ ...base, code: 'DJA', numberPattern: '{seq}/DJA' });
    expect(noYear.status).toBe(400);
    expect(noYear.text).toContain('Pola harus memuat tahun {year}.');
    const onUnit = await agent.post('/admin/units').type('form').send({ ...base, code: 'PK.1', kind: 'unit', numberPattern: '{seq}/PK1/{year}' });
    expect(onUnit.status).toBe(400);
    expect(onUnit.text).toContain('Pola nomor sendiri hanya untuk PPID Pelaksana.');
    const utamas = await agent.post('/admin/units').type('form').send({ ...base, code: 'DJA', numberPattern: '{seq:3}/PPID/{month_roman}/{year}' });
    expect(utamas.status).toBe(400);
    expect(utamas.text).toContain('sama dengan pola nomor PPID Utama');

    await agent.post('/admin/units').type('form').send({ ...base, code: 'DJA', numberPattern: '' }).expect(302);
    const dja = findUnitByCode(db, 'DJA')!;
    expect(registerFor(db, dja.id, { receivedOn: TODAY }).registrationNumber).toBe('001/PPID/III/2026');
    const edit = await agent.get(`/admin/units/${dja.id}/edit`).expect(200);
    expect(edit.text).toContain('name="numberPattern"');
    await agent.post(`/admin/units/${dja.id}`).type('form')
      .send({ ...base, code: 'DJA', version: String(dja.version), active: 'on', numberPattern: '{seq:3}/PPID-DJA/{year}' }).expect(302);

    expect(registerFor(db, dja.id, { receivedOn: TODAY }).registrationNumber).toBe('001/PPID-DJA/2026');
    expect((await agent.get('/admin/units').expect(200)).text).toContain('{seq:3}/PPID-DJA/{year}');
    expect(listAudit(db, { action: 'unit.update' }, 1, 10).rows[0].summary).toContain('DJA');

    // Its requests keep it a Pelaksana: neither another kind nor deletion.
    const now = findUnitByCode(db, 'DJA')!;
    const kind = await agent.post(`/admin/units/${dja.id}`).type('form').send({ ...base, code: 'DJA', kind: 'unit', version: String(now.version), active: 'on', numberPattern: '' });
    expect(kind.status).toBe(400);
    expect(kind.text).toContain('sudah mencatat 2 permohonan sebagai PPID Pelaksana');
    const del = await agent.post(`/admin/units/${dja.id}/delete`).type('form').send({ _csrf: csrf });
    expect(del.status).toBe(409);
    expect(findUnitByCode(db, 'DJA')).toMatchObject({ kind: 'pelaksana' });
  });
});

describe('ppid unit add --pattern / unit pattern', () => {
  it('sets, changes and clears a Pelaksana’s pattern, lists it, and refuses it on a unit kerja or an unknown unit', async () => {
    const db = freshDb();
    const add = fakeIo();
    expect(await runCli(['unit', 'add', 'DJA', '--name', 'Ditjen A', '--kind', 'pelaksana', '--pattern', '{seq:3}/DJA/{year}'], cliContext(db), add.io)).toBe(0);
    expect(add.out).toEqual(['Unit DJA Ditjen A (PPID Pelaksana) dibuat, pola nomor {seq:3}/DJA/{year}.']);
    const list = fakeIo();
    expect(await runCli(['unit', 'list'], cliContext(db), list.io)).toBe(0);
    expect(list.out).toEqual(['DJA\tDitjen A\tPPID Pelaksana\t{seq:3}/DJA/{year}']);

    const set = fakeIo();
    expect(await runCli(['unit', 'pattern', 'dja', 'DJA/{year}/{seq:4}'], cliContext(db), set.io)).toBe(0);
    expect(set.out).toEqual(['Pola nomor DJA: DJA/{year}/{seq:4}']);
    expect(registerFor(db, findUnitByCode(db, 'DJA')!.id, { receivedOn: TODAY }).registrationNumber).toBe('DJA/2026/0001');

    const bad = fakeIo();
    expect(await runCli(['unit', 'pattern', 'DJA', '{seq}/DJA'], cliContext(db), bad.io)).toBe(1);
    expect(bad.err).toEqual(['Galat: Pola nomor (--pattern): Pola harus memuat tahun {year}.']);
    expect(await runCli(['unit', 'add', 'PK.1', '--name', 'Sekretariat'], cliContext(db), fakeIo().io)).toBe(0);
    const onUnit = fakeIo();
    expect(await runCli(['unit', 'pattern', 'PK.1', '{seq}/PK/{year}'], cliContext(db), onUnit.io)).toBe(1);
    expect(onUnit.err.join('\n')).toContain('hanya untuk PPID Pelaksana');
    const unknown = fakeIo();
    expect(await runCli(['unit', 'pattern', 'NOPE', '{seq}/X/{year}'], cliContext(db), unknown.io)).toBe(1);
    expect(unknown.err).toEqual(['Galat: unit NOPE tidak ditemukan.']);

    const clear = fakeIo();
    expect(await runCli(['unit', 'pattern', 'DJA', '--clear'], cliContext(db), clear.io)).toBe(0);
    expect(clear.out).toEqual(['Pola nomor DJA dihapus: memakai pola PPID Utama.']);
    expect(findUnitByCode(db, 'DJA')!.numberPattern).toBeNull();
    expect(listAudit(db, { action: 'unit.update' }, 1, 10).total).toBe(2);
  });
});
