import { describe, it, expect, vi, afterEach } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, makeUser } from '../helpers/login-as.js';
import { makeRequest } from '../helpers/factories.js';
import { listAudit, recordEvent } from '../../src/audit/audit.repo.js';
import { findUserByUsername } from '../../src/auth/users.repo.js';
import { updateUser } from '../../src/auth/auth.service.js';
import type { Db } from '../../src/db/client.js';

const actor = { userId: null, label: 'test' };
const note = (db: Db, summary: string, extra: Partial<Parameters<typeof recordEvent>[2]> = {}) =>
  recordEvent(db, actor, { action: 'settings.update', entityType: 'note', summary, ...extra });
const entryCount = (html: string) => (html.match(/id="entry-\d+"/g) ?? []).length;

afterEach(() => {
  vi.useRealTimers();
});

describe('audit log page', () => {
  it('when an auditor opens it, then entries show newest first, in office time, with request links and changed keys', async () => {
    const { app, db } = buildTestApp();
    const req = makeRequest(db);
    await makeUser(db, 'officer', 'siti');
    const siti = findUserByUsername(db, 'siti')!;
    await updateUser(db, actor, siti.id, { displayName: 'Siti Aminah' });
    const { agent } = await loginAs(app, db, 'auditor');

    const res = await agent.get('/audit').expect(200);

    expect(res.text).toContain(`href="/requests/${req.id}"`);
    expect(res.text).toMatch(/\d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB/);
    const login = res.text.indexOf('<code class="muted">login</code>');
    const create = res.text.indexOf('<code class="muted">request.create</code>');
    expect(login).toBeGreaterThan(-1);
    expect(login).toBeLessThan(create); // newest first
    expect(res.text).toContain('<details>');
    expect(res.text).toMatch(/<strong>displayName<\/strong>: <span class="muted">Test officer<\/span> → Siti Aminah/);
  });

  it('when there are more than 50 entries, then they are split into pages of 50', async () => {
    const { app, db } = buildTestApp();
    for (let i = 0; i < 60; i++) note(db, `catatan ${i}`);
    const { agent } = await loginAs(app, db, 'admin');
    const total = listAudit(db, {}, 1, 1).total;

    const first = await agent.get('/audit').expect(200);
    const second = await agent.get('/audit?page=2').expect(200);

    expect(entryCount(first.text)).toBe(50);
    expect(entryCount(second.text)).toBe(total - 50);
    expect(first.text).toContain('Halaman 1 dari 2');
    expect(first.text).toContain('href="/audit?page=2"');
  });

  it('when filtering by action, actor, entity and text, then only matching entries are listed', async () => {
    const { app, db } = buildTestApp();
    recordEvent(db, { userId: null, label: 'siti' }, { action: 'request.create', entityType: 'request', entityId: 7, summary: 'Permohonan A' });
    recordEvent(db, { userId: null, label: 'siti (token: chatbot)' }, { action: 'request.update', entityType: 'request', entityId: 8, summary: 'Permohonan B', after: { requesterName: 'Budi Santoso' } });
    recordEvent(db, { userId: null, label: 'sitixa' }, { action: 'request.update', entityType: 'request', entityId: 7, summary: 'Permohonan C' });
    recordEvent(db, { userId: null, label: 'siti_a' }, { action: 'settings.update', entityType: 'note', summary: 'underscore' });
    const { agent } = await loginAs(app, db, 'auditor');
    const summaries = (html: string) => [...html.matchAll(/Permohonan [ABC]|underscore/g)].map((m) => m[0]);

    expect(summaries((await agent.get('/audit?action=request.update').expect(200)).text)).toEqual(['Permohonan C', 'Permohonan B']);
    expect(summaries((await agent.get('/audit?actor=siti').expect(200)).text)).toEqual(['Permohonan B', 'Permohonan A']);
    expect(summaries((await agent.get('/audit?actor=siti_a').expect(200)).text)).toEqual(['underscore']);
    expect(summaries((await agent.get('/audit?entityType=request&entityId=7').expect(200)).text)).toEqual(['Permohonan C', 'Permohonan A']);
    expect(summaries((await agent.get('/audit?q=budi').expect(200)).text)).toEqual(['Permohonan B']);
    const page = await agent.get('/audit?q=budi&actor=siti').expect(200);
    expect(page.text).toContain('value="budi"');
    expect(page.text).toContain('href="/audit/export.csv?actor=siti&amp;q=budi"');
  });

  it('when filtering by dates, then the days are office-zone days', async () => {
    const { app, db } = buildTestApp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-03-01T16:30:00Z')); // 1 March, 23.30 WIB
    note(db, 'malam satu Maret');
    vi.setSystemTime(new Date('2024-03-01T17:30:00Z')); // 2 March, 00.30 WIB
    note(db, 'dini hari dua Maret');
    vi.useRealTimers();
    const { agent } = await loginAs(app, db, 'auditor');

    const first = await agent.get('/audit?from=2024-03-01&to=2024-03-01').expect(200);
    const second = await agent.get('/audit?from=2024-03-02&to=2024-03-02').expect(200);

    expect(first.text).toContain('malam satu Maret');
    expect(first.text).not.toContain('dini hari dua Maret');
    expect(second.text).toContain('dini hari dua Maret');
    expect(second.text).toContain('2 Mar 2024 00.30 WIB');
    expect(second.text).not.toContain('malam satu Maret');
  });

  it('when a filter date is invalid, then the page still loads and says which field is wrong', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'auditor');
    const res = await agent.get('/audit?from=2024-02-30').expect(200);
    expect(res.text).toContain('Tanggal tidak valid');
    expect(res.text).toContain('value="2024-02-30"');
  });

  it('when an officer or supervisor asks, then it is forbidden; anonymous goes to login', async () => {
    const { app, db } = buildTestApp();
    for (const role of ['officer', 'supervisor'] as const) {
      const { agent } = await loginAs(app, db, role);
      await agent.get('/audit').expect(403);
      await agent.get('/audit/verify').expect(403);
      await agent.get('/audit/export.csv').expect(403);
    }
    await request(app).get('/audit').expect(302).expect('location', '/login?next=%2Faudit');
    await request(app).get('/audit/export.csv').expect(302);
  });
});

describe('audit chain verification page', () => {
  it('when nothing was touched, then it says the chain is whole and how many entries were checked', async () => {
    const { app, db } = buildTestApp();
    note(db, 'satu');
    const { agent } = await loginAs(app, db, 'auditor');
    const total = listAudit(db, {}, 1, 1).total;
    const res = await agent.get('/audit/verify').expect(200);
    expect(res.text).toContain(`Rantai log utuh: ${total} entri diperiksa`);
    expect(res.text).toContain('flash-success');
  });

  it('when an entry was edited in the database, then that entry is reported in a red box', async () => {
    const { app, db } = buildTestApp();
    note(db, 'satu');
    const edited = note(db, 'dua');
    note(db, 'tiga');
    db.$client.prepare('UPDATE audit_log SET summary = ? WHERE id = ?').run('dua (dipalsukan)', edited.id);
    const { agent } = await loginAs(app, db, 'auditor');

    const res = await agent.get('/audit/verify').expect(200);

    expect(res.text).toContain('flash-error');
    expect(res.text).toContain(`Entri pertama yang bermasalah: <strong>#${edited.id}</strong>`);
    expect(res.text).toContain('telah diubah');
  });

  it('when an entry in the middle was deleted, then the next one is reported', async () => {
    const { app, db } = buildTestApp();
    note(db, 'satu');
    const removed = note(db, 'dua');
    const next = note(db, 'tiga');
    note(db, 'empat');
    db.$client.prepare('DELETE FROM audit_log WHERE id = ?').run(removed.id);
    const { agent } = await loginAs(app, db, 'admin');

    const res = await agent.get('/audit/verify').expect(200);

    expect(res.text).toContain(`<strong>#${next.id}</strong>`);
    expect(res.text).toContain('dihapus');
  });
});

describe('audit CSV export', () => {
  it('when an auditor exports, then the file is UTF-8 with BOM, a header, the filtered rows, and the export is logged', async () => {
    const { app, db } = buildTestApp();
    note(db, 'Pemohon "Ölçer", Jakarta', { entityId: 5 });
    note(db, '=1+1', { entityId: 6 });
    recordEvent(db, actor, { action: 'logout', entityType: 'note', summary: 'tidak ikut' });
    const { agent, username } = await loginAs(app, db, 'auditor');

    const res = await agent.get('/audit/export.csv?action=settings.update').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);

    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="log-audit-\d{8}-\d{4}\.csv"$/);
    const lines = body.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('ID,Waktu (WIB),Waktu (UTC),Pelaku,Aksi,Kode aksi,Jenis data,ID data,Ringkasan,Sebelum,Sesudah,Hash');
    expect(lines[1]).toContain(',Pengaturan diubah,settings.update,note,');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,'=1+1,`);
    expect(lines[2]).toContain('"Pemohon ""Ölçer"", Jakarta"');
    expect(body.toString('utf8')).not.toContain('tidak ikut');
    const exported = listAudit(db, { action: 'audit.export' }, 1, 10).rows;
    expect(exported).toHaveLength(1);
    expect(exported[0].actorLabel).toBe(username);
    expect(exported[0].summary).toContain('action=settings.update');
  });
});

describe('audit actions in Indonesian', () => {
  it('when an auditor reads the log, then each action is named in Indonesian with its code beside it, in the filter too', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db);
    const auditor = await loginAs(app, db, 'auditor');
    const page = await auditor.agent.get('/audit').expect(200);
    expect(page.text).toMatch(/<td>Permohonan dicatat<br><code class="muted">request\.create<\/code><\/td>/);
    expect(page.text).toContain('<option value="request.create">Permohonan dicatat</option>');
    const csv = await auditor.agent.get('/audit/export.csv?action=request.create&format=excel-id').expect(200);
    expect(csv.headers['content-disposition']).toMatch(/log-audit-\d{8}-\d{4}-excel-id\.csv/);
    const lines = csv.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('ID;Waktu (WIB);Waktu (UTC);Pelaku;Aksi;Kode aksi;Jenis data;ID data;Ringkasan;Sebelum;Sesudah;Hash');
    expect(lines[1]).toContain(';test;Permohonan dicatat;request.create;request;' + r.id + ';');
  });

  it('when a summary looks like a formula, then the Excel Indonesia CSV neutralises it too', async () => {
    const { app, db } = buildTestApp();
    note(db, '=cmd|\' /C calc\'!A0', { entityId: 7 });
    note(db, '@SUM(1;2)', { entityId: 8 });
    const { agent } = await loginAs(app, db, 'auditor');
    const csv = await agent.get('/audit/export.csv?action=settings.update&format=excel-id').expect(200);
    expect(csv.text).toContain(`;'=cmd|' /C calc'!A0;`);
    expect(csv.text).toContain(`;"'@SUM(1;2)";`);
  });
});
