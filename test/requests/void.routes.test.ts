/**
 * Batalkan entri (void) and Pulihkan (restore) through the pages: README "Deadlines" and
 * "Rekapitulasi" say how a void differs from a withdrawal.
 */
import { describe, it, expect } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest, getRequest, voidRequest } from '../../src/requests/requests.service.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import type { Db } from '../../src/db/client.js';

const zone = 'Asia/Jakarta';
const auditCount = (db: Db) => (db.$client.prepare('select count(*) as n from audit_log').get() as { n: number }).n;

describe('void a mistaken entry', () => {
  it('when an officer voids a duplicate, then it stays in the register greyed and marked, keeps its number, and is audited', async () => {
    const { app, db } = buildTestApp();
    const first = makeRequest(db, { receivedOn: '2022-03-01' });
    const dup = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent, csrf } = await loginAs(app, db, 'officer');

    const show = await agent.get(`/requests/${dup.id}`).expect(200);
    expect(show.text).toContain(`href="/requests/${dup.id}/void"`);
    const page = await agent.get(`/requests/${dup.id}/void`).expect(200);
    expect(page.text).toContain('Batalkan entri');
    expect(page.text).toContain('Entri ganda');

    const audits = auditCount(db);
    await agent.post(`/requests/${dup.id}/void`).type('form')
      .send({ _csrf: csrf, version: String(dup.version), reason: 'duplicate', note: `Sama dengan ${first.registrationNumber}` })
      .expect(302).expect('Location', `/requests/${dup.id}`);
    const row = getRequest(db, dup.id);
    expect(row).toMatchObject({ voidReason: 'duplicate', voidedBy: 'officer1', registrationNumber: dup.registrationNumber, version: dup.version + 1 });
    expect(row.voidedOn).not.toBeNull();
    expect(row.outcome).toBeNull();
    expect(row.withdrawn).toBe(false);
    expect(auditCount(db)).toBe(audits + 1);
    expect(listAudit(db, { action: 'request.void' }, 1, 10).rows[0].summary).toContain('Entri ganda');

    const after = await agent.get(`/requests/${dup.id}`).expect(200);
    expect(after.text).toContain('Entri dibatalkan');
    expect(after.text).toContain(`Sama dengan ${first.registrationNumber}`);
    for (const gone of ['/decide"', '/extend"', '/withdraw"', '/void"', '/objections/new"', '/edit"']) expect(after.text).not.toContain(`/requests/${dup.id}${gone}`);
    // Only a supervisor restores.
    expect(after.text).not.toContain(`/requests/${dup.id}/unvoid`);

    const register = await agent.get('/requests').expect(200);
    expect(register.text).toMatch(new RegExp(`<tr class="voided">\\s*<td class="c-number"><a href="/requests/${dup.id}">`));
    expect(register.text).toContain('Dibatalkan');

    // Numbers are never reused: the next request gets the next number.
    const next = makeRequest(db, { receivedOn: '2022-03-02' });
    expect(next.registrationNumber).toBe('003/PPID/III/2022');
  });

  it('when the reason is missing, or "lainnya" has no note, then the form returns with the message and what was typed', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const noReason = await agent.post(`/requests/${r.id}/void`).type('form').send({ _csrf: csrf, note: 'catatan saya' }).expect(400);
    expect(noReason.text).toContain('Wajib dipilih.');
    expect(noReason.text).toContain('catatan saya');
    const other = await agent.post(`/requests/${r.id}/void`).type('form').send({ _csrf: csrf, reason: 'other', note: '' }).expect(400);
    expect(other.text).toContain('Jelaskan alasan pembatalan.');
    expect(getRequest(db, r.id).voidedOn).toBeNull();
  });

  it('when an entry is voided, then extending, deciding, withdrawing, correcting and objecting are refused with a clear message', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    voidRequest({ db, actor: testActor, zone, id: r.id, input: { reason: 'mistaken', note: '' } });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const message = 'Entri ini sudah dibatalkan (tidak berlaku)';
    const posts: [string, Record<string, string>][] = [
      ['extend', { extendedOn: '2022-03-10', extensionDays: '7', extensionReason: 'Data dihimpun' }],
      ['decide', { decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full' }],
      ['withdraw', { withdrawnOn: '2022-03-02' }],
      ['edit', { ...intakeInput({ receivedOn: '2022-03-01' }) }],
      ['objections', { filedOn: '2022-03-20', grounds: 'c', statement: 'Tidak dijawab', filedBy: 'requester' }],
    ];
    const audits = auditCount(db);
    for (const [path, body] of posts) {
      const res = await agent.post(`/requests/${r.id}/${path}`).type('form').send({ _csrf: csrf, ...body });
      expect(res.status, path).toBe(400);
      expect(res.text, path).toContain(message);
    }
    expect(auditCount(db)).toBe(audits);
    expect(getRequest(db, r.id)).toMatchObject({ outcome: null, extendedOn: null, withdrawn: false });
  });

  it('when a request already has an objection, then it cannot be voided', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    decideRequest({ db, actor: testActor, zone, id: r.id, input: {
      decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'x',
      reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
    fileObjection({ db, actor: testActor, zone, requestId: r.id, input: { filedOn: '2022-03-20', grounds: ['a'], statement: 's', filedBy: 'requester', proxyName: '', lateNote: '' } });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const res = await agent.post(`/requests/${r.id}/void`).type('form').send({ _csrf: csrf, reason: 'duplicate' }).expect(400);
    expect(res.text).toContain('sudah memiliki keberatan');
    expect(getRequest(db, r.id).voidedOn).toBeNull();
  });

  it('when a supervisor restores it, then it counts again and both steps are in the audit log; an officer cannot restore', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const officer = await loginAs(app, db, 'officer');
    await officer.agent.post(`/requests/${r.id}/void`).type('form').send({ _csrf: officer.csrf, reason: 'duplicate' }).expect(302);
    await officer.agent.post(`/requests/${r.id}/unvoid`).type('form').send({ _csrf: officer.csrf }).expect(403);
    expect(getRequest(db, r.id).voidedOn).not.toBeNull();

    const supervisor = await loginAs(app, db, 'supervisor');
    const page = await supervisor.agent.get(`/requests/${r.id}`).expect(200);
    expect(page.text).toContain(`href="/requests/${r.id}/unvoid"`);
    expect((await supervisor.agent.get(`/requests/${r.id}/unvoid`).expect(200)).text).toContain('Entri ganda');
    await officer.agent.get(`/requests/${r.id}/unvoid`).expect(403);
    await supervisor.agent.post(`/requests/${r.id}/unvoid`).type('form').send({ _csrf: supervisor.csrf }).expect(302).expect('Location', `/requests/${r.id}`);
    expect(getRequest(db, r.id)).toMatchObject({ voidedOn: null, voidReason: null, voidNote: '', voidedBy: null });
    expect(listAudit(db, { action: 'request.void' }, 1, 10).total).toBe(1);
    expect(listAudit(db, { action: 'request.unvoid' }, 1, 10).total).toBe(1);
    // Restoring what is not voided changes nothing and says why.
    const audits = auditCount(db);
    const again = await supervisor.agent.post(`/requests/${r.id}/unvoid`).type('form').send({ _csrf: supervisor.csrf }).expect(400);
    expect(again.text).toContain('tidak ada yang dipulihkan');
    expect(auditCount(db)).toBe(audits);
  });

  it('when entries are voided, then only status "voided" lists them and the workload tiles leave them out', async () => {
    const { app, db } = buildTestApp();
    const web = (await import('../../src/requests/requests.service.js')).registerRequest;
    const kept = makeRequest(db, { receivedOn: '2022-03-01', requesterName: 'Pemohon Tetap' });
    // Open, overdue, never opened: on every tile until voided.
    const gone = web({ db, actor: testActor, zone, input: intakeInput({ receivedOn: '2022-03-01', requesterName: 'Pemohon Ganda' }), source: 'web' });
    voidRequest({ db, actor: testActor, zone, id: gone.id, input: { reason: 'duplicate', note: '' } });
    const { agent } = await loginAs(app, db, 'auditor');
    const all = await agent.get('/requests').expect(200);
    expect(all.text).toContain('Pemohon Ganda');
    expect(all.text).toMatch(/<strong>1<\/strong> belum diputus/);
    expect(all.text).toMatch(/<strong>1<\/strong> lewat tenggat/);
    expect(all.text).toMatch(/<strong>0<\/strong> baru dari web\/API/);
    for (const status of ['open', 'overdue', 'in_process', 'new']) {
      const res = await agent.get(`/requests?status=${status}`).expect(200);
      expect(res.text, status).not.toContain('Pemohon Ganda');
    }
    const voided = await agent.get('/requests?status=voided').expect(200);
    expect(voided.text).toContain('Pemohon Ganda');
    expect(voided.text).not.toContain(kept.registrationNumber);
  });
});
