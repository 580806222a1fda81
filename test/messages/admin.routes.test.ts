/** The admin's outbox and templates, and each user's message choices (Profil saya). */
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { registerRequest } from '../../src/requests/requests.service.js';
import { intakeInput } from '../helpers/factories.js';
import { NO_SMTP } from '../../src/messages/kinds.js';
import { saveTemplate } from '../../src/messages/messages.service.js';
import { outboxRows, startSmtp, testWorker } from './support.js';
import type { Db } from '../../src/db/client.js';

const auditActions = (db: Db) => (db.$client.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);

describe('outbox (admin)', () => {
  it('when no mail server is configured, then the message stays "tidak terkirim", is readable, downloads as .eml, and can be resent (audited)', async () => {
    const { app, db, config } = buildTestApp();
    const r = makeRequest(db);
    await testWorker(db, config).worker.runOnce();
    const [row] = outboxRows(db);
    expect(row).toMatchObject({ status: 'held', last_error: NO_SMTP });

    const { agent, csrf } = await loginAs(app, db, 'admin');
    const list = await agent.get('/admin/outbox').expect(200);
    expect(list.text).toContain(NO_SMTP);
    expect(list.text).toContain('dewi@example.ac.id');
    const page = await agent.get(`/admin/outbox/${row.id}`).expect(200);
    expect(page.text).toContain(r.accessCode);
    expect(page.text).toContain(`request:${r.id}:receipt:email`);

    const eml = await agent.get(`/admin/outbox/${row.id}/eml`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    }).expect(200);
    expect(eml.headers['content-type']).toContain('message/rfc822');
    expect(eml.headers['content-disposition']).toContain(`pesan-${row.id}.eml`);
    expect(eml.body as string).toMatch(/^Subject: Tanda terima permohonan informasi/m);
    expect(eml.body as string).toMatch(/^Message-ID: </im);

    await agent.post(`/admin/outbox/${row.id}/resend`).type('form').send({ _csrf: csrf }).expect(302);
    expect(outboxRows(db)[0]).toMatchObject({ status: 'queued', attempts: 0, last_error: '' });
    expect(auditActions(db)).toContain('message.resend');

    // Once a mail server is there, the resent message goes.
    const smtp = await startSmtp();
    try {
      await testWorker(db, { ...config, smtpUrl: smtp.url }).worker.runOnce();
      expect(smtp.mails).toHaveLength(1);
      expect(outboxRows(db)[0]).toMatchObject({ status: 'sent' });
    } finally {
      await smtp.close();
    }
  });

  it('when the written notice is queued, then its letter can be downloaded from the outbox', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { decideRequest } = await import('../../src/requests/requests.service.js');
    decideRequest({ db, actor: testActor, zone: 'Asia/Jakarta', id: r.id, input: {
      decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full', reasons: [], exemptionArticles: [], consequenceTest: '', reasonNote: '', noticeNote: 'Salinan dikirim lewat e-mail.', feeRupiah: 0, correctionNote: '' } });
    const notice = outboxRows(db).find((m) => m.kind === 'request.decision')!;
    const { agent } = await loginAs(app, db, 'admin');
    const res = await agent.get(`/admin/outbox/${notice.id}/attachment`).expect(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.text).toContain('Pemberitahuan Tertulis');
    expect(res.text).toContain('Dikabulkan sepenuhnya');
  });
});

describe('templates (admin)', () => {
  it('when a template has an unknown placeholder, then it is refused with the list of known ones; a valid one is a new version the next message records', async () => {
    const { app, db } = buildTestApp();
    const before = makeRequest(db);
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const bad = await agent.post('/admin/templates/request.receipt').type('form')
      .send({ _csrf: csrf, subject: 'Tanda terima {{nomor}}', body: 'Halo {{nama}}, alamat {{alamat_rumah}}', waTemplate: '' }).expect(400);
    expect(bad.text).toContain('Tempat isian tidak dikenal: {{alamat_rumah}}');
    expect(bad.text).toContain('{{kode_akses}}');
    expect(bad.text).toContain('alamat {{alamat_rumah}}'); // what was typed is kept
    expect(auditActions(db)).not.toContain('template.update');

    await agent.post('/admin/templates/request.receipt').type('form')
      .send({ _csrf: csrf, subject: 'Tanda terima {{ nomor }}', body: 'Halo {{nama}}, kode akses Anda {{kode_akses}}.', waTemplate: '' })
      .expect(302, /\/admin\/templates\/request\.receipt/);
    expect(auditActions(db)).toContain('template.update');
    const page = await agent.get('/admin/templates/request.receipt').expect(200);
    expect(page.text).toContain('Versi yang dipakai: 1');

    const after = makeRequest(db);
    const rows = outboxRows(db);
    expect(rows.find((m) => m.request_id === before.id)).toMatchObject({ template_version: 0 });
    expect(rows.find((m) => m.request_id === after.id)).toMatchObject({
      template_version: 1, subject: `Tanda terima ${after.registrationNumber}`, body: `Halo Dewi Lestari, kode akses Anda ${after.accessCode}.`,
    });
  });

  it('when an unknown kind is asked for, then 404', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    await agent.get('/admin/templates/constructor').expect(404);
    await agent.get('/admin/templates/__proto__').expect(404);
  });

  it('saving the same text again is not a new version', () => {
    const { db } = buildTestApp();
    const input = { subject: 'S {{nomor}}', body: 'B {{nama}}', waTemplate: '' };
    expect(saveTemplate({ db, actor: testActor, kind: 'request.receipt', input })?.version).toBe(1);
    expect(saveTemplate({ db, actor: testActor, kind: 'request.receipt', input })).toBeNull();
  });
});

describe('Profil saya and messages to staff', () => {
  it('when an officer chose new online requests, then a web submission is announced to them at once, and to nobody who did not choose it', async () => {
    const { app, db } = buildTestApp({ publicUrl: 'https://ppid.example.go.id' });
    const officer = await loginAs(app, db, 'officer');
    const page = await officer.agent.get('/profil').expect(200);
    expect(page.text).toContain('Profil saya');
    await officer.agent.post('/profil').type('form')
      .send({ _csrf: officer.csrf, email: 'petugas@kantor.go.id', newRequests: 'on', dailyDigest: 'on' }).expect(302, /\/profil/);
    expect(auditActions(db)).toContain('profile.messages');
    const supervisor = await loginAs(app, db, 'supervisor');
    await supervisor.agent.post('/profil').type('form').send({ _csrf: supervisor.csrf, email: 'atasan@kantor.go.id', dailyDigest: 'on' }).expect(302);
    const refused = await supervisor.agent.post('/profil').type('form').send({ _csrf: supervisor.csrf, email: 'bukan-email' }).expect(400);
    expect(refused.text).toContain('Alamat e-mail tidak valid.');

    makeRequest(db); // staff-typed: no news to staff
    const web = registerRequest({ db, actor: { userId: null, label: 'web' }, zone: 'Asia/Jakarta', source: 'web', input: intakeInput({ channel: 'website' }) });
    const staffMessages = outboxRows(db).filter((m) => m.kind === 'staff.new_request');
    expect(staffMessages.map((m) => m.recipient)).toEqual(['petugas@kantor.go.id']);
    expect(staffMessages[0].body).toContain(`https://ppid.example.go.id/requests/${web.id}`);
  });
});
