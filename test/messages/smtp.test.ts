/**
 * Messages over a real SMTP server (smtp-server on 127.0.0.1, a random port): the receipt, the
 * extension, the written notice with its letter, the objection's receipt and answer; one
 * message per event, written in the transaction of its cause.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest, extendRequest } from '../../src/requests/requests.service.js';
import { fileObjection, respondToObjection } from '../../src/objections/objections.service.js';
import { notifyRequestRegistered } from '../../src/messages/events.js';
import { enqueueMessage } from '../../src/messages/enqueue.js';
import { MAX_ATTEMPTS } from '../../src/messages/worker.js';
import { decodedMail, outboxRows, startSmtp, testWorker } from './support.js';

const FROM = 'PPID Uji <ppid@uji.go.id>';
const zone = 'Asia/Jakarta';
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeEach(async () => {
  smtp = await startSmtp();
});
afterEach(async () => {
  await smtp.close();
});

describe('e-mail through SMTP', () => {
  it('when a request is registered, then its receipt (number, access code) arrives once, with the event key as Message-ID', async () => {
    const { db, config } = buildTestApp({ smtpUrl: smtp.url, mailFrom: FROM });
    const r = makeRequest(db);
    const [row] = outboxRows(db);
    expect(row).toMatchObject({ event_key: `request:${r.id}:receipt:email`, status: 'queued', recipient: 'dewi@example.ac.id', template_version: 0 });

    const { worker } = testWorker(db, config);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail.to).toEqual(['dewi@example.ac.id']);
    expect(mail.from).toBe('ppid@uji.go.id');
    const text = decodedMail(mail.raw);
    expect(text).toContain(`Tanda terima permohonan informasi ${r.registrationNumber}`);
    expect(text).toContain(`Kode akses: ${r.accessCode}`);
    expect(text).toContain('Yth. Dewi Lestari');
    expect(mail.raw).toMatch(new RegExp(`Message-ID: <request\\.${r.id}\\.receipt\\.email@uji\\.go\\.id>`, 'i'));
    expect(outboxRows(db)[0]).toMatchObject({ status: 'sent', attempts: 1, last_error: '' });
  });

  it('when a request is extended, decided and objected to, then each message goes once, the notice and the answer with their letters', async () => {
    const { db, config } = buildTestApp({ smtpUrl: smtp.url, mailFrom: FROM });
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    extendRequest({ db, actor: testActor, zone, id: r.id, input: { extendedOn: '2022-03-10', extensionDays: 7, extensionReason: 'Data tersebar di tiga bidang' } });
    decideRequest({ db, actor: testActor, zone, id: r.id, input: {
      decidedOn: '2022-03-18', provideOn: '2022-03-18', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Membuka rahasia pribadi',
      reasonNote: '', noticeNote: 'Dokumen memuat data pribadi.', feeRupiah: 0, correctionNote: '' } });
    const o = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: {
      filedOn: '2022-03-21', grounds: ['a'], statement: 'Saya keberatan', filedBy: 'requester', proxyName: '', lateNote: '' } });
    respondToObjection({ db, actor: testActor, zone, id: o.id, input: {
      respondedOn: '2022-04-04', result: 'rejected', reasoning: 'Pengecualian sudah diuji.', followUp: 'Tidak ada', informationGivenOn: null,
      responderName: 'Atasan', version: undefined } });

    expect(outboxRows(db).map((m) => m.kind)).toEqual(['request.receipt', 'request.extension', 'request.decision', 'objection.receipt', 'objection.answer']);
    const { worker } = testWorker(db, config);
    expect(await worker.runOnce()).toMatchObject({ sent: 5 });
    expect(smtp.mails).toHaveLength(5);
    const [, extension, notice, objectionReceipt, answer] = smtp.mails.map((m) => decodedMail(m.raw));
    expect(extension).toContain('kami perpanjang 7 hari kerja');
    expect(extension).toContain('Data tersebar di tiga bidang');
    expect(notice).toContain('Ditolak');
    expect(notice).toMatch(/filename=.?pemberitahuan-tertulis-/);
    expect(notice).toContain('<h1>Pemberitahuan Tertulis</h1>');
    expect(notice).toContain('Dokumen memuat data pribadi.');
    expect(objectionReceipt).toContain(o.registrationNumber);
    expect(answer).toContain('<h1>Tanggapan atas Keberatan</h1>');
    expect(answer).toContain('Pengecualian sudah diuji.');
  });

  it('when the change is rolled back, then its message is gone with it (same transaction)', () => {
    const { db } = buildTestApp({ smtpUrl: smtp.url });
    expect(() =>
      db.transaction(() => {
        makeRequest(db);
        throw new Error('the change failed after the message was queued');
      }),
    ).toThrow();
    expect(outboxRows(db)).toHaveLength(0);
  });

  it('when the requester declined contact ("tidak ingin dihubungi"), then nothing is queued for them', () => {
    const { db } = buildTestApp({ smtpUrl: smtp.url });
    makeRequest(db, { requesterNoContact: 'yes' });
    expect(outboxRows(db)).toHaveLength(0);
  });

  it('when one event is enqueued twice, then it makes one message', async () => {
    const { db, config } = buildTestApp({ smtpUrl: smtp.url });
    const r = makeRequest(db);
    db.transaction((tx) => notifyRequestRegistered(tx, r, 'staff'));
    const again = db.transaction((tx) =>
      enqueueMessage(tx, { kind: 'request.extension', event: `request:${r.id}:extension`, to: { name: 'x', email: 'x@example.id' }, values: {
        nama: 'x', nomor: 'x', hari_perpanjangan: '7', alasan: 'x', tenggat: 'x', instansi: 'x' } }));
    const twice = db.transaction((tx) =>
      enqueueMessage(tx, { kind: 'request.extension', event: `request:${r.id}:extension`, to: { name: 'x', email: 'x@example.id' }, values: {
        nama: 'x', nomor: 'x', hari_perpanjangan: '7', alasan: 'x', tenggat: 'x', instansi: 'x' } }));
    expect(again).toHaveLength(1);
    expect(twice).toHaveLength(0);
    expect(outboxRows(db)).toHaveLength(2);
    await testWorker(db, config).worker.runOnce();
    expect(smtp.mails).toHaveLength(2);
  });

  it('when the mail server refuses, then the message is retried with growing back-off and marked failed with the error at last', async () => {
    const { db, config } = buildTestApp({ smtpUrl: 'smtp://127.0.0.1:9', mailFrom: FROM });
    makeRequest(db);
    const { worker, advance } = testWorker(db, config);
    let delay = 60_000;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await worker.runOnce()).toMatchObject({ retried: 1 });
      const row = outboxRows(db)[0];
      expect(row).toMatchObject({ status: 'queued', attempts: attempt });
      expect(String(row.last_error)).not.toBe('');
      // Not due before its back-off has passed.
      advance(delay - 1000);
      expect(await worker.runOnce()).toMatchObject({ retried: 0, sent: 0 });
      advance(1000);
      delay *= 2;
    }
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(outboxRows(db)[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(String(outboxRows(db)[0].last_error)).toMatch(/ECONNREFUSED|connect/i);
  });
});
