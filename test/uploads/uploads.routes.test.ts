import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import type { Application } from 'express';
import { buildTestApp } from '../helpers/build-test-app.js';
import { whenFolder } from '../helpers/folder-events.js';
import { csrfFrom, loginAs, tokenFor } from '../helpers/login-as.js';
import { decisionInput, filingInput, grantedInFull, intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { attachmentsOfRequest } from '../../src/uploads/attachments.service.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import type { Db } from '../../src/db/client.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const HTML = Buffer.from('<html><script>alert(1)</script></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]), Buffer.alloc(200)]);
const CSV = Buffer.from('\uFEFFbulan;jumlah\nJanuari;15\n');

/** Files under the upload folder, apart from the temp folder. */
function stored(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f !== 'tmp');
}
function temp(dir: string): string[] {
  const t = path.join(dir, 'tmp');
  return fs.existsSync(t) ? fs.readdirSync(t) : [];
}

async function officer(app: Application, db: Db) {
  return loginAs(app, db, 'officer');
}

describe('uploading attachments', () => {
  it('when an officer uploads two files, then both are stored under random names, listed, audited, and download safely', async () => {
    const { app, db, config } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await officer(app, db);
    const res = await agent.post(`/requests/${r.id}/attachments`)
      .field('_csrf', csrf).field('kind', 'request_letter').field('note', 'Surat asli')
      .attach('files', PDF, 'surat permohonan.pdf').attach('files', PNG, 'ktp.png');
    expect(res.status).toBe(303);
    const rows = attachmentsOfRequest(db, r.id);
    expect(rows.map((a) => [a.originalName, a.mediaType, a.sizeBytes])).toEqual([
      ['surat permohonan.pdf', 'application/pdf', PDF.length], ['ktp.png', 'image/png', PNG.length],
    ]);
    expect(stored(config.uploadDir).sort()).toEqual(rows.map((a) => a.storedName).sort());
    expect(rows[0].storedName).toMatch(/^[0-9a-f]{32}$/);
    expect(temp(config.uploadDir)).toEqual([]);
    expect(rows[0].sha256).toBe((await import('node:crypto')).createHash('sha256').update(PDF).digest('hex'));
    const page = await agent.get(`/requests/${r.id}`);
    expect(page.text).toContain('surat permohonan.pdf');
    const dl = await agent.get(`/attachments/${rows[0].id}/download`).buffer(true).parse((res2, cb) => {
      const chunks: Buffer[] = [];
      res2.on('data', (c: Buffer) => chunks.push(c));
      res2.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(dl.status).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="surat permohonan.pdf"/);
    expect(dl.headers['content-type']).toMatch(/^application\/pdf/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(dl.body as Buffer, PDF)).toBe(0);
    const actions = listAudit(db, { entityType: 'request', entityId: String(r.id) }, 1, 20).rows.map((e) => e.action);
    expect(actions).toContain('attachment.upload');
    expect(actions).toContain('attachment.download');
  });

  it.each([
    ['an HTML page', HTML, 'page.pdf', /bernama .pdf|tidak dikenali/],
    ['an SVG image', SVG, 'logo.svg', /tidak dikenali/],
    ['an executable', EXE, 'setup.exe', /berjenis EXE/],
    ['a PNG named .pdf', PNG, 'laporan.pdf', /bernama .pdf tetapi isinya PNG/],
    ['an empty file', Buffer.alloc(0), 'kosong.pdf', /kosong/],
  ])('when the file is %s, then it is refused with a clear message and nothing is kept', async (_what, content, name, message) => {
    const { app, db, config } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await officer(app, db);
    const res = await agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('kind', 'other')
      .attach('files', PDF, 'baik.pdf').attach('files', content, name);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(message);
    expect(res.text).toContain('tidak ada yang disimpan');
    expect(attachmentsOfRequest(db, r.id)).toEqual([]);
    expect(stored(config.uploadDir)).toEqual([]);
    expect(temp(config.uploadDir)).toEqual([]);
  });

  it('when a CSV is uploaded, then it is accepted as text/csv', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await officer(app, db);
    await agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('kind', 'information_document').attach('files', CSV, 'rekap.csv').expect(303);
    expect(attachmentsOfRequest(db, r.id)[0].mediaType).toBe('text/csv');
  });

  it('when a file is over the size limit or there are too many, then 413/400 and nothing is kept', async () => {
    const { app, db, config } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await officer(app, db);
    const big = Buffer.concat([PDF, Buffer.alloc(config.maxUploadBytes)]);
    const tooBig = await agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('kind', 'other').attach('files', big, 'besar.pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.text).toContain('Berkas terlalu besar');
    let many = agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('kind', 'other');
    for (let i = 0; i <= config.maxUploadFiles; i++) many = many.attach('files', PDF, `f${i}.pdf`);
    const tooMany = await many;
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toContain('Terlalu banyak berkas');
    expect(attachmentsOfRequest(db, r.id)).toEqual([]);
    expect(stored(config.uploadDir)).toEqual([]);
    expect(temp(config.uploadDir)).toEqual([]);
  });

  it('when the name carries path tricks, then only a clean name is kept and no path reaches the disk', async () => {
    const { app, db, config } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await officer(app, db);
    const res = await agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('kind', 'other')
      .attach('files', PDF, '../../etc/pass wd<script>:*?.pdf');
    expect(res.status).toBe(303);
    const [a] = attachmentsOfRequest(db, r.id);
    expect(a.originalName).toBe('pass wd_script____.pdf'); // < > : * ? each become _
    expect(stored(config.uploadDir)).toEqual([a.storedName]);
  });

  it('when the request does not exist, the CSRF token is missing, or the role may not write, then it is refused and nothing stays on disk', async () => {
    const { app, db, config } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await officer(app, db);
    await agent.post('/requests/9999/attachments').field('_csrf', csrf).field('kind', 'other').attach('files', PDF, 'a.pdf').expect(404);
    await agent.post(`/requests/${r.id}/attachments`).field('kind', 'other').attach('files', PDF, 'a.pdf').expect(403);
    const auditor = await loginAs(app, db, 'auditor');
    await auditor.agent.post(`/requests/${r.id}/attachments`).field('_csrf', auditor.csrf).field('kind', 'other').attach('files', PDF, 'a.pdf').expect(403);
    expect(stored(config.uploadDir)).toEqual([]);
    expect(temp(config.uploadDir)).toEqual([]);
  });

  it('when an upload is cut off half-way, then no temp file and no row remain', async () => {
    const { app, db, config } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await officer(app, db);
    const cookies = (await agent.get('/requests')).request.cookies;
    const server = app.listen(0);
    const port = (server.address() as { port: number }).port;
    const boundary = 'XBOUNDARYX';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const tmp = path.join(config.uploadDir, 'tmp');
    const req = http.request({ port, method: 'POST', path: `/requests/${r.id}/attachments`, headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + 500_000), cookie: cookies,
    } });
    req.on('error', () => {});
    req.write(head);
    req.write(Buffer.concat([PDF, Buffer.alloc(100_000)]));
    // The upload really is under way: its temp file exists. Then the client goes away.
    expect(await whenFolder(tmp, (names) => names.length === 1 && names)).toHaveLength(1);
    req.destroy();
    await whenFolder(tmp, (names) => names.length === 0);
    await new Promise((resolve) => server.close(resolve));
    expect(temp(config.uploadDir)).toEqual([]);
    expect(stored(config.uploadDir)).toEqual([]);
    expect(attachmentsOfRequest(db, r.id)).toEqual([]);
  });
});

describe('removing attachments', () => {
  it('when an officer removes a file, then it is hidden but kept; only an admin can purge it from disk', async () => {
    const { app, db, config } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await officer(app, db);
    await agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('kind', 'other').attach('files', PDF, 'a.pdf').expect(303);
    const [a] = attachmentsOfRequest(db, r.id);
    await agent.post(`/attachments/${a.id}/delete`).type('form').send({ _csrf: csrf, reason: 'salah unggah' }).expect(302);
    expect(attachmentsOfRequest(db, r.id)).toEqual([]);
    expect(stored(config.uploadDir)).toEqual([a.storedName]);
    await agent.post(`/attachments/${a.id}/purge`).type('form').send({ _csrf: csrf }).expect(403);
    const admin = await loginAs(app, db, 'admin');
    await admin.agent.post(`/attachments/${a.id}/purge`).type('form').send({ _csrf: admin.csrf }).expect(302);
    expect(stored(config.uploadDir)).toEqual([]);
    const actions = listAudit(db, {}, 1, 50).rows.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['attachment.delete', 'attachment.purge']));
    await admin.agent.get(`/attachments/${a.id}/download`).expect(404);
  });
});

describe('the requester downloads through the status page', () => {
  it('sees only the written notice and released documents of their own request, after giving the code', async () => {
    const { app, db } = buildTestApp();
    const mine = makeRequest(db);
    const other = makeRequest(db);
    decideRequest({ db, actor: testActor, zone: 'Asia/Jakarta', id: mine.id, input: decisionInput(grantedInFull) });
    const { agent, csrf } = await officer(app, db);
    await agent.post(`/requests/${mine.id}/attachments`).field('_csrf', csrf).field('kind', 'information_document').field('target', 'decision').attach('files', PDF, 'realisasi-2021.pdf').expect(303);
    await agent.post(`/requests/${mine.id}/attachments`).field('_csrf', csrf).field('kind', 'requester_identity').attach('files', PNG, 'ktp.png').expect(303);
    await agent.post(`/requests/${other.id}/attachments`).field('_csrf', csrf).field('kind', 'written_notice').attach('files', PDF, 'lain.pdf').expect(303);
    const [doc, ktp] = attachmentsOfRequest(db, mine.id);
    const [otherDoc] = attachmentsOfRequest(db, other.id);

    const requester = request.agent(app);
    await requester.get(`/status/files/${doc.id}`).expect(404);
    const page = await requester.get('/status');
    const status = await requester.post('/status').type('form').send({ _csrf: csrfFrom(page.text), number: mine.registrationNumber, code: mine.accessCode });
    expect(status.text).toContain('realisasi-2021.pdf');
    expect(status.text).not.toContain('ktp.png');
    const dl = await requester.get(`/status/files/${doc.id}`).expect(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment/);
    await requester.get(`/status/files/${ktp.id}`).expect(404);
    await requester.get(`/status/files/${otherDoc.id}`).expect(404);
  });
});

describe('attachments API and the online form', () => {
  it('uploads and downloads with a bearer token', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db);
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'officer')}` };
    const up = await request(app).post(`/api/v1/requests/${r.id}/attachments`).set(auth).field('kind', 'request_letter').attach('files', PDF, 'surat.pdf');
    expect(up.status).toBe(201);
    expect(up.body.items[0]).toMatchObject({ name: 'surat.pdf', media_type: 'application/pdf', kind: 'request_letter' });
    const bad = await request(app).post(`/api/v1/requests/${r.id}/attachments`).set(auth).field('kind', 'request_letter').attach('files', HTML, 'x.pdf');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.files).toBeTruthy();
    const dl = await request(app).get(up.body.items[0].download_url).set(auth).expect(200);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    await request(app).get('/api/v1/attachments/999').set(auth).expect(404);
  });

  it('keeps the letter a requester sends with the online form, with the request, in one go', async () => {
    const { app, db } = buildTestApp();
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/permohonan')).text);
    const { receivedOn: _r, channel: _c, ...fields } = intakeInput();
    let post = agent.post('/permohonan').field('_csrf', csrf).field('agree', 'yes');
    for (const [k, v] of Object.entries(fields)) post = post.field(k, v);
    const res = await post.attach('requestLetter', PDF, 'surat.pdf');
    expect(res.status).toBe(302);
    const id = Number(res.headers.location.split('/').pop());
    expect(attachmentsOfRequest(db, id).map((a) => [a.kind, a.uploadedByPublic])).toEqual([['request_letter', true]]);
    let bad = agent.post('/permohonan').field('_csrf', csrf).field('agree', 'yes');
    for (const [k, v] of Object.entries(fields)) bad = bad.field(k, v);
    const refused = await bad.attach('identityScan', HTML, 'ktp.pdf');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('pilih ulang'.replace('pilih', 'dipilih'));
    expect(listAudit(db, { action: 'request.create' }, 1, 10).total).toBe(1);
  });
});

describe('a refused upload shows the page again', () => {
  /** The upload form's part of the page, from its message to the end of the form. */
  const uploadBox = (html: string) => {
    const start = html.indexOf('<details class="upload-box"');
    return html.slice(start, html.indexOf('</form>', start));
  };

  it.each([
    ['the wrong type', (t: request.Test) => t.field('kind', 'other').attach('files', EXE, 'setup.exe'), 400, /berjenis EXE/],
    ['no kind', (t: request.Test) => t.attach('files', PDF, 'a.pdf'), 400, /Jenis berkas|Pilihan/],
  ])('when the upload has %s, then the request page comes back with the message beside the form and the note kept', async (_what, build, status, message) => {
    const { app, db, config } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await officer(app, db);
    const res = await build(agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('note', 'Scan <surat> asli'));
    expect(res.status).toBe(status);
    expect(res.text).toContain(`Permohonan ${r.registrationNumber}`);
    const box = uploadBox(res.text);
    expect(box).toContain('id="upload-error"');
    expect(box).toMatch(message);
    expect(box).toContain('value="Scan &lt;surat&gt; asli"');
    expect(attachmentsOfRequest(db, r.id)).toEqual([]);
    expect(temp(config.uploadDir)).toEqual([]);
  });

  it('when the file is too big or there are too many, then 413/400 on the request page with the note and kind kept', async () => {
    const { app, db, config } = buildTestApp();
    const r = makeRequest(db);
    const { agent, csrf } = await officer(app, db);
    const big = Buffer.concat([PDF, Buffer.alloc(config.maxUploadBytes)]);
    const tooBig = await agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('kind', 'requester_identity')
      .field('note', 'KTP pemohon').attach('files', big, 'besar.pdf');
    expect(tooBig.status).toBe(413);
    const box = uploadBox(tooBig.text);
    expect(box).toContain('Berkas terlalu besar');
    expect(box).toContain('value="KTP pemohon"');
    expect(box).toMatch(/<option value="requester_identity" selected>/);
    let many = agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('kind', 'other').field('note', 'banyak');
    for (let i = 0; i <= config.maxUploadFiles; i++) many = many.attach('files', PDF, `f${i}.pdf`);
    const tooMany = await many;
    expect(tooMany.status).toBe(400);
    expect(uploadBox(tooMany.text)).toContain('Terlalu banyak berkas');
    expect(uploadBox(tooMany.text)).toContain('value="banyak"');
    expect(attachmentsOfRequest(db, r.id)).toEqual([]);
    expect(temp(config.uploadDir)).toEqual([]);
  });

  it('when an upload from the objection page is refused, then the objection page comes back; accepted, it returns there', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    decideRequest({ db, actor: testActor, zone: 'Asia/Jakarta', id: r.id, input: decisionInput() });
    const o = fileObjection({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: r.id, input: filingInput({ statement: 'Bukan rahasia' }) });
    const { agent, csrf } = await officer(app, db);
    const page = await agent.get(`/objections/${o.id}`).expect(200);
    expect(uploadBox(page.text)).toContain(`value="objection:${o.id}"`);
    const refused = await agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('back', 'objection')
      .field('target', `objection:${o.id}`).field('kind', 'objection_letter').field('note', 'Surat keberatan').attach('files', HTML, 'surat.pdf');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(`Keberatan ${o.registrationNumber}`);
    expect(uploadBox(refused.text)).toContain('id="upload-error"');
    expect(uploadBox(refused.text)).toContain('value="Surat keberatan"');
    const ok = await agent.post(`/requests/${r.id}/attachments`).field('_csrf', csrf).field('back', 'objection')
      .field('target', `objection:${o.id}`).field('kind', 'objection_letter').attach('files', PDF, 'surat.pdf');
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`/objections/${o.id}#berkas`);
    expect(attachmentsOfRequest(db, r.id).map((a) => a.objectionId)).toEqual([o.id]);
  });
});
