import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import type { Application } from 'express';
import type { Test } from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import type { Db } from '../../src/db/client.js';
import type { Role } from '../../src/auth/roles.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { listRequests } from '../../src/requests/requests.repo.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import { addHoliday } from '../../src/holidays/change-holiday.js';
import { addAttachments, removeAttachment } from '../../src/uploads/attachments.service.js';
import { createToken } from '../../src/auth/auth.service.js';
import { makeUser } from '../helpers/login-as.js';
import { findUserByUsername } from '../../src/auth/users.repo.js';

const zone = 'Asia/Jakarta';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The one-time key of the form posting to `action` on a rendered page. */
export function formKeyFor(html: string, action: string): string {
  const at = html.indexOf(`action="${action}"`);
  if (at < 0) throw new Error(`no form posting to ${action}`);
  const m = /name="_key" value="([^"]+)"/.exec(html.slice(at));
  if (!m) throw new Error(`the form posting to ${action} has no one-time key`);
  return m[1];
}

const auditCount = (db: Db) => (db.$client.prepare('select count(*) as n from audit_log').get() as { n: number }).n;

function rejected(db: Db) {
  const r = makeRequest(db, { receivedOn: '2022-03-01' });
  return decideRequest({ db, actor: testActor, zone, id: r.id, input: {
    decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Data pribadi',
    reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
}
function objection(db: Db) {
  const r = rejected(db);
  return fileObjection({ db, actor: testActor, zone, requestId: r.id, input: { filedOn: '2022-03-20', grounds: ['a'], statement: 'Bukan rahasia', filedBy: 'requester', proxyName: '', lateNote: '' } });
}
async function attachment(db: Db, uploadDir: string) {
  const r = makeRequest(db);
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-src-')), 'surat.pdf');
  fs.writeFileSync(tmp, PDF);
  const [row] = await addAttachments({ db, actor: testActor, uploadDir, input: { requestId: r.id, kind: 'request_letter', target: 'request', objectionId: null, note: '', files: [{ tempPath: tmp, originalName: 'surat.pdf', size: PDF.length }] } });
  return row;
}

interface Case {
  name: string;
  role: Role;
  /** Creates what the form acts on; returns the page that shows the form and the action it posts to. */
  setup: (db: Db, uploadDir: string) => Promise<{ page: string; action: string }> | { page: string; action: string };
  fields: Record<string, string | string[]>;
  /** Multipart forms: files to attach under "files". */
  files?: boolean;
}

const cases: Case[] = [
  { name: 'intake', role: 'officer', setup: () => ({ page: '/requests/new', action: '/requests' }), fields: { ...intakeInput() } },
  { name: 'intake correction', role: 'officer', setup: (db) => { const r = makeRequest(db); return { page: `/requests/${r.id}/edit`, action: `/requests/${r.id}/edit` }; },
    fields: { ...intakeInput(), purpose: 'Tujuan yang dikoreksi' } },
  { name: 'extension', role: 'officer', setup: (db) => { const r = makeRequest(db, { receivedOn: '2022-03-01' }); return { page: `/requests/${r.id}/extend`, action: `/requests/${r.id}/extend` }; },
    fields: { extendedOn: '2022-03-15', extensionDays: '7', extensionReason: 'Menunggu data unit' } },
  { name: 'decision', role: 'officer', setup: (db) => { const r = makeRequest(db, { receivedOn: '2022-03-01' }); return { page: `/requests/${r.id}/decide`, action: `/requests/${r.id}/decide` }; },
    fields: { decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full' } },
  { name: 'decision correction', role: 'officer', setup: (db) => { const r = rejected(db); return { page: `/requests/${r.id}/correct`, action: `/requests/${r.id}/correct` }; },
    fields: { decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full', correctionNote: 'Salah pilih' } },
  { name: 'withdrawal', role: 'officer', setup: (db) => { const r = makeRequest(db, { receivedOn: '2022-03-01' }); return { page: `/requests/${r.id}/withdraw`, action: `/requests/${r.id}/withdraw` }; },
    fields: { withdrawnOn: '2022-03-02', note: 'lewat telepon' } },
  { name: 'objection filing', role: 'officer', setup: (db) => { const r = rejected(db); return { page: `/requests/${r.id}/objections/new`, action: `/requests/${r.id}/objections` }; },
    fields: { filedOn: '2022-03-20', grounds: ['a'], statement: 'Informasi anggaran bukan rahasia', filedBy: 'requester' } },
  { name: 'objection answer', role: 'supervisor', setup: (db) => { const o = objection(db); return { page: `/objections/${o.id}/respond`, action: `/objections/${o.id}/respond` }; },
    fields: { respondedOn: '2022-03-25', result: 'upheld', reasoning: 'Data agregat dapat dibuka', informationGivenOn: '2022-03-28' } },
  { name: 'dispute', role: 'supervisor', setup: (db) => { const o = objection(db); return { page: `/objections/${o.id}/dispute`, action: `/objections/${o.id}/dispute` }; },
    fields: { disputeRegisteredOn: '2022-05-20', disputeCaseNumber: '012/REG-PSI/V/2022', disputeResult: 'pending' } },
  { name: 'holiday added', role: 'admin', setup: () => ({ page: '/admin/holidays?year=2025', action: '/admin/holidays?year=2025' }),
    fields: { date: '2025-12-31', kind: 'collective_leave', name: 'Cuti bersama Tahun Baru' } },
  { name: 'holiday edited', role: 'admin', setup: (db) => {
    const { holiday } = addHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', input: { date: '2025-12-30', kind: 'collective_leave', name: 'Cuti' } });
    return { page: `/admin/holidays/${holiday.id}/edit`, action: `/admin/holidays/${holiday.id}/edit` };
  }, fields: { date: '2025-12-30', kind: 'collective_leave', name: 'Cuti bersama akhir tahun' } },
  { name: 'holiday removed', role: 'admin', setup: (db) => {
    const { holiday } = addHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', input: { date: '2025-12-30', kind: 'collective_leave', name: 'Cuti' } });
    return { page: '/admin/holidays?year=2025', action: `/admin/holidays/${holiday.id}/delete` };
  }, fields: {} },
  { name: 'user created', role: 'admin', setup: () => ({ page: '/admin/users/new', action: '/admin/users' }),
    fields: { username: 'siti', displayName: 'Siti Rahma', role: 'officer', password: 'kata-sandi-panjang-1' } },
  { name: 'user edited', role: 'admin', setup: async (db) => {
    await makeUser(db, 'officer', 'siti');
    const id = findUserByUsername(db, 'siti')!.id;
    return { page: `/admin/users/${id}/edit`, action: `/admin/users/${id}` };
  }, fields: { displayName: 'Siti Aminah', role: 'supervisor', active: 'on' } },
  { name: 'token revoked', role: 'admin', setup: async (db) => {
    await makeUser(db, 'officer', 'siti');
    const { id } = createToken(db, testActor, 'siti', 'bot');
    return { page: '/admin/tokens', action: `/admin/tokens/${id}/revoke` };
  }, fields: {} },
  { name: 'settings', role: 'admin', setup: () => ({ page: '/admin/settings', action: '/admin/settings' }),
    fields: { office_name: 'Dinas Kominfo', office_city: 'Sleman', office_address: 'Jl. Magelang', ppid_officer_name: 'Budi', supervisor_name: 'Ani',
      registration_pattern: '{seq:3}/PPID/{month_roman}/{year}', objection_pattern: '{seq:3}/KEB/PPID/{year}' } },
  { name: 'upload', role: 'officer', setup: (db) => { const r = makeRequest(db); return { page: `/requests/${r.id}`, action: `/requests/${r.id}/attachments` }; },
    fields: { kind: 'request_letter', note: 'Surat asli' }, files: true },
  { name: 'attachment removed', role: 'officer', setup: async (db, dir) => {
    const a = await attachment(db, dir);
    return { page: `/requests/${a.requestId}`, action: `/attachments/${a.id}/delete` };
  }, fields: { reason: 'Salah unggah' } },
  { name: 'attachment purged', role: 'admin', setup: async (db, dir) => {
    const a = await attachment(db, dir);
    removeAttachment(db, testActor, a.id, 'Salah unggah');
    return { page: `/requests/${a.requestId}`, action: `/attachments/${a.id}/purge` };
  }, fields: {} },
];

function post(agent: ReturnType<typeof import('supertest').agent>, action: string, fields: Record<string, string | string[]>, files: boolean): Test {
  if (!files) return agent.post(action).type('form').send(fields);
  let req = agent.post(action);
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) req = req.field(k, one);
  return req.attach('files', PDF, 'surat.pdf');
}

async function submitThrice(app: Application, db: Db, c: Case, uploadDir: string) {
  const { page, action } = await c.setup(db, uploadDir);
  const { agent, csrf } = await loginAs(app, db, c.role);
  const html = (await agent.get(page).expect(200)).text;
  const fields = { _csrf: csrf, _key: formKeyFor(html, action), ...c.fields };
  const before = auditCount(db);
  const first = await post(agent, action, fields, Boolean(c.files));
  const afterFirst = auditCount(db);
  const repeats = [await post(agent, action, fields, Boolean(c.files)), await post(agent, action, fields, Boolean(c.files))];
  return { before, afterFirst, after: auditCount(db), first, repeats, agent };
}

describe('double submit: a form posted again with its one-time key answers the first outcome and writes nothing', () => {
  it.each(cases.map((c) => [c.name, c] as const))('when the %s form is posted three times with one key, then it is written once and all three answers redirect alike', async (_name, c) => {
    const { app, db, config } = buildTestApp();
    const { before, afterFirst, after, first, repeats } = await submitThrice(app, db, c, config.uploadDir);
    expect(first.status, first.text).toBeGreaterThanOrEqual(300);
    expect(first.status).toBeLessThan(400);
    expect(afterFirst).toBeGreaterThan(before);
    expect(after).toBe(afterFirst);
    for (const again of repeats) {
      expect(again.status).toBe(first.status);
      expect(again.headers.location).toBe(first.headers.location);
    }
  });

  it('when the intake is clicked three times, then there is one request, one number, and the flash shows on the page it lands on', async () => {
    const { app, db, config } = buildTestApp();
    const { first, repeats, agent } = await submitThrice(app, db, cases[0], config.uploadDir);
    expect(listRequests(db, { today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 10).total).toBe(1);
    expect(repeats.map((r) => r.headers.location)).toEqual([first.headers.location, first.headers.location]);
    const landed = await agent.get(first.headers.location).expect(200);
    expect(landed.text).toContain('Permohonan dicatat dengan nomor 001/PPID/III/2022');
  });

  it('when the same key comes with other fields, then it is refused and nothing is written', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const key = formKeyFor((await agent.get('/requests/new')).text, '/requests');
    await agent.post('/requests').type('form').send({ _csrf: csrf, _key: key, ...intakeInput() }).expect(302);
    const before = auditCount(db);
    const other = await agent.post('/requests').type('form').send({ _csrf: csrf, _key: key, ...intakeInput({ requesterName: 'Orang Lain' }) });
    expect(other.status).toBe(409);
    expect(other.text).toContain('sudah dikirim dengan isi lain');
    expect(auditCount(db)).toBe(before);
  });

  it('when a form is refused, then its key is not spent: the corrected form goes through', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const key = formKeyFor((await agent.get('/requests/new')).text, '/requests');
    const refused = await agent.post('/requests').type('form').send({ _csrf: csrf, _key: key, ...intakeInput({ requesterName: '' }) });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/name="_key" value="[^"]+"/);
    await agent.post('/requests').type('form').send({ _csrf: csrf, _key: key, ...intakeInput() }).expect(302);
    expect(listRequests(db, { today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 10).total).toBe(1);
  });

  it('when the clicks arrive together, then the later ones wait for the first and get its answer', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const key = formKeyFor((await agent.get('/requests/new')).text, '/requests');
    const send = () => agent.post('/requests').type('form').send({ _csrf: csrf, _key: key, ...intakeInput() }).then((r) => r);
    const answers = await Promise.all([send(), send(), send()]);
    expect(new Set(answers.map((r) => `${r.status} ${r.headers.location}`)).size).toBe(1);
    expect(answers[0].status).toBe(302);
    expect(listRequests(db, { today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 10).total).toBe(1);
  });

  it('when another user sends the same key, then it is theirs: keys are scoped per user', async () => {
    const { app, db } = buildTestApp();
    const a = await loginAs(app, db, 'officer', 'a');
    const b = await loginAs(app, db, 'officer', 'b');
    const key = formKeyFor((await a.agent.get('/requests/new')).text, '/requests');
    await a.agent.post('/requests').type('form').send({ _csrf: a.csrf, _key: key, ...intakeInput() }).expect(302);
    await b.agent.post('/requests').type('form').send({ _csrf: b.csrf, _key: key, ...intakeInput() }).expect(302);
    expect(listRequests(db, { today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 10).total).toBe(2);
  });

  it('when a new API token form is sent twice, then one token is made and the second answer does not show a secret', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const key = formKeyFor((await agent.get('/admin/tokens')).text, '/admin/tokens');
    const first = await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, _key: key, username: 'siti', name: 'bot' }).expect(201);
    const token = /ppid_[A-Za-z0-9_-]+/.exec(first.text)![0];
    const again = await agent.post('/admin/tokens').type('form').send({ _csrf: csrf, _key: key, username: 'siti', name: 'bot' });
    expect(again.status).toBe(409);
    expect(again.text).not.toContain(token);
    expect((db.$client.prepare('select count(*) as n from api_tokens').get() as { n: number }).n).toBe(1);
  });
});
