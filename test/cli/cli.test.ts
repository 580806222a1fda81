import { describe, it, expect } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/context.js';
import { cliContext } from '../helpers/cli.js';
import { freshDb } from '../helpers/build-test-app.js';
import { makeUser } from '../helpers/login-as.js';
import { listAudit, recordEvent } from '../../src/audit/audit.repo.js';
import { DateTime } from 'luxon';
import { findUserByUsername, listTokens } from '../../src/auth/users.repo.js';
import { todayIn } from '../../src/shared/dates.js';
import { authenticate, userForToken } from '../../src/auth/auth.service.js';

function fakeIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin };
  return { io, out, err };
}

describe('ppid user add', () => {
  it('when given a valid name, role and a password on stdin, then the user is created and audited as "cli"', async () => {
    const db = freshDb();
    const { io, out, err } = fakeIo('kata-sandi-rahasia  \nbaris kedua diabaikan\n');

    const code = await runCli(['user', 'add', 'Admin2', '--role', 'admin', '--name', 'Admin Kedua'], cliContext(db), io);

    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual(['Pengguna admin2 (Admin) dibuat.']);
    expect(findUserByUsername(db, 'admin2')).toMatchObject({ displayName: 'Admin Kedua', role: 'admin', active: true });
    expect((await authenticate(db, 'admin2', 'kata-sandi-rahasia', '-')).ok).toBe(true);
    const entry = listAudit(db, { action: 'user.create' }, 1, 10).rows[0];
    expect(entry).toMatchObject({ actorLabel: 'cli', actorUserId: null });
  });

  it('when the role is unknown or the password short, then it explains in Indonesian and exits 1', async () => {
    const db = freshDb();
    const bad = fakeIo('pendek\n');
    expect(await runCli(['user', 'add', 'siti', '--role', 'boss'], cliContext(db), bad.io)).toBe(1);
    expect(bad.err.join('\n')).toContain('Peran (--role): Pilihan tidak dikenal.');
    expect(bad.err.join('\n')).toContain('Peran yang tersedia: admin, officer, supervisor, auditor, unit, agent.');
    expect(bad.err.join('\n')).toContain('Kata sandi (stdin): Minimal 10 karakter.');

    const empty = fakeIo('');
    expect(await runCli(['user', 'add', 'siti', '--role', 'officer'], cliContext(db), empty.io)).toBe(1);
    expect(empty.err[0]).toContain('kata sandi kosong');
    expect(findUserByUsername(db, 'siti')).toBeUndefined();
  });

  it('when the username is taken, then it says so and exits 1', async () => {
    const db = freshDb();
    await makeUser(db, 'officer', 'siti');
    const { io, err } = fakeIo('kata-sandi-rahasia\n');
    expect(await runCli(['user', 'add', 'siti', '--role', 'officer'], cliContext(db), io)).toBe(1);
    expect(err).toContain('Galat: Nama pengguna: Nama pengguna sudah dipakai.');
  });

  it('when arguments are missing or unknown, then it shows the usage and exits 2', async () => {
    const db = freshDb();
    const missing = fakeIo('kata-sandi-rahasia\n');
    expect(await runCli(['user', 'add', 'siti'], cliContext(db), missing.io)).toBe(2);
    expect(missing.err[0]).toContain('Pemakaian: npm run ppid -- user add <username> --role');
    const unknown = fakeIo('kata-sandi-rahasia\n');
    expect(await runCli(['user', 'add', 'siti', '--role', 'officer', '--admin'], cliContext(db), unknown.io)).toBe(2);
  });
});

describe('ppid token create', () => {
  it('when the user exists, then the token is printed alone on stdout, works, and is audited as "cli"', async () => {
    const db = freshDb();
    await makeUser(db, 'officer', 'siti');
    const { io, out, err } = fakeIo();

    const code = await runCli(['token', 'create', 'siti', '--name', 'chatbot'], cliContext(db), io);

    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^ppid_[A-Za-z0-9_-]{32}$/);
    expect(err[0]).toContain('tidak akan ditampilkan lagi');
    expect(userForToken(db, out[0], 'Asia/Jakarta')).toMatchObject({ user: { username: 'siti' } });
    expect(listAudit(db, { action: 'token.create' }, 1, 10).rows[0].actorLabel).toBe('cli');
  });

  it('when --expires is given, then the token carries that last day; a past or malformed date is refused with exit 1', async () => {
    const db = freshDb();
    await makeUser(db, 'officer', 'siti');
    const lastDay = DateTime.fromISO(todayIn('Asia/Jakarta')).plus({ days: 10 }).toISODate()!;
    const ok = fakeIo();
    expect(await runCli(['token', 'create', 'siti', '--name', 'magang', '--expires', lastDay], cliContext(db), ok.io)).toBe(0);
    expect(listTokens(db)[0].token.expiresOn).toBe(lastDay);
    expect(ok.err[0]).toContain(`berlaku sampai ${lastDay}`);
    for (const bad of ['2020-01-01', '31-12-2030']) {
      const refused = fakeIo();
      expect(await runCli(['token', 'create', 'siti', '--name', 'x', '--expires', bad], cliContext(db), refused.io), bad).toBe(1);
      expect(refused.err.join('\n'), bad).toContain('Berlaku sampai (--expires)');
    }
    expect(listTokens(db)).toHaveLength(1);
  });

  it('when the user is unknown, then exit 1; when --name is missing, then exit 2', async () => {
    const db = freshDb();
    const unknown = fakeIo();
    expect(await runCli(['token', 'create', 'nobody', '--name', 'x'], cliContext(db), unknown.io)).toBe(1);
    expect(unknown.err).toContain('Galat: Nama pengguna: Pengguna tidak ditemukan.');
    expect(unknown.out).toEqual([]);
    const noName = fakeIo();
    expect(await runCli(['token', 'create', 'nobody'], cliContext(db), noName.io)).toBe(2);
  });
});

describe('ppid audit verify', () => {
  it('when the chain is whole, then it prints OK with the count and exits 0', async () => {
    const db = freshDb();
    recordEvent(db, { userId: null, label: 'test' }, { action: 'settings.update', entityType: 'note' });
    const total = listAudit(db, {}, 1, 1).total;
    const { io, out } = fakeIo();
    expect(await runCli(['audit', 'verify'], cliContext(db), io)).toBe(0);
    expect(out).toEqual([`OK: ${total} entri. Belum ada jangkar di luar basis data; ${total} entri belum dijangkarkan.`]);
  });

  it('when an entry was edited, then it names that entry and exits 1', async () => {
    const db = freshDb();
    const actor = { userId: null, label: 'test' };
    recordEvent(db, actor, { action: 'settings.update', entityType: 'note', summary: 'a' });
    const edited = recordEvent(db, actor, { action: 'settings.update', entityType: 'note', summary: 'b' });
    db.$client.prepare('UPDATE audit_log SET summary = ? WHERE id = ?').run('c', edited.id);
    const { io, out, err } = fakeIo();
    expect(await runCli(['audit', 'verify'], cliContext(db), io)).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(new RegExp(`^RUSAK: entri #${edited.id}: `));
  });
});
