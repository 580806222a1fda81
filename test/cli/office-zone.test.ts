import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli, type CliIo } from '../../src/cli.js';
import { buildRecap } from '../../src/recap/recap.service.js';
import { freshDb } from '../helpers/build-test-app.js';
import { cliContext } from '../helpers/cli.js';
import { makeRequest } from '../helpers/factories.js';
import { listTokens } from '../../src/auth/users.repo.js';
import { makeUser } from '../helpers/login-as.js';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' };
  return { io, out, err };
}

/**
 * 16:30 UTC on the due day: 23:30 of that day in WIB (Asia/Jakarta), already 00:30 of the next
 * day in WITA (Asia/Makassar). An open request is past due in WITA only.
 */
function atDueDayEvening(dueOn: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${dueOn}T16:30:00Z`));
}

describe('the office zone comes from the loaded configuration, never from PPID_TIMEZONE again', () => {
  beforeEach(() => {
    // What the CLI and the recap used to read on their own: it must not count.
    vi.stubEnv('PPID_TIMEZONE', 'Asia/Jakarta');
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('when the office is in WITA, then the recap CLI counts a request past due on the WITA day', async () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2024-03-01' });
    atDueDayEvening(r.dueOn);

    const wita = fakeIo();
    expect(await runCli(['recap', '--year', '2024', '--format', 'json'], cliContext(db, { zone: 'Asia/Makassar' }), wita.io)).toBe(0);
    const wib = fakeIo();
    expect(await runCli(['recap', '--year', '2024', '--format', 'json'], cliContext(db, { zone: 'Asia/Jakarta' }), wib.io)).toBe(0);

    const witaRecap = JSON.parse(wita.out.join('\n'));
    const wibRecap = JSON.parse(wib.out.join('\n'));
    const nextDay = new Date(Date.parse(`${r.dueOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect([witaRecap.analytics.as_of, wibRecap.analytics.as_of]).toEqual([nextDay, r.dueOn]);
    expect(JSON.stringify(witaRecap)).toContain(r.registrationNumber);
    expect(JSON.stringify(wibRecap)).not.toContain(r.registrationNumber);
  });

  it('when the recap is built for WITA, then "today" is the WITA day', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2024-03-01' });
    atDueDayEvening(r.dueOn);
    expect(buildRecap(db, 2024, { zone: 'Asia/Makassar' }).analytics.openPastDue.map((x) => x.registrationNumber)).toEqual([r.registrationNumber]);
    expect(buildRecap(db, 2024, { zone: 'Asia/Jakarta' }).analytics.openPastDue).toEqual([]);
  });

  it('when the office is in WITA, then a token may not end on a day that is already over there', async () => {
    const db = freshDb();
    await makeUser(db, 'officer', 'siti');
    atDueDayEvening('2024-03-15');

    const wita = fakeIo();
    expect(await runCli(['token', 'create', 'siti', '--name', 'a', '--expires', '2024-03-15'], cliContext(db, { zone: 'Asia/Makassar' }), wita.io)).toBe(1);
    expect(wita.err.join('\n')).toContain('sudah lewat');
    const wib = fakeIo();
    expect(await runCli(['token', 'create', 'siti', '--name', 'b', '--expires', '2024-03-15'], cliContext(db, { zone: 'Asia/Jakarta' }), wib.io)).toBe(0);
    expect(listTokens(db).map((t) => t.token.name)).toEqual(['b']);
  });
});
