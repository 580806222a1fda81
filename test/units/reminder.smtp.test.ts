/**
 * Issue 15.2, "remind": the reminder is recorded and, in the same transaction, an e-mail to each
 * of the unit's users with an address is queued; the worker delivers it over real SMTP
 * (smtp-server on 127.0.0.1). Only what the unit may see goes out: never the requester's identity.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, makeUser } from '../helpers/login-as.js';
import { testActor } from '../helpers/factories.js';
import { remindDisposition, sendDispositions } from '../../src/units/dispositions.service.js';
import { findUserByUsername } from '../../src/auth/users.repo.js';
import { saveSubscription } from '../../src/messages/messages.repo.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import type { Db } from '../../src/db/client.js';
import { decodedMail, outboxRows, startSmtp, testWorker } from '../messages/support.js';
import { fixClock, IDENTITY, secretRequest, unit } from './support.js';

const FROM = 'PPID Uji <ppid@uji.go.id>';
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeEach(async () => {
  smtp = await startSmtp();
  fixClock();
});
afterEach(async () => {
  vi.useRealTimers();
  await smtp.close();
});

async function staffWithEmail(db: Db, username: string, unitId: number, email: string) {
  await makeUser(db, 'unit', username, unitId);
  const user = findUserByUsername(db, username)!;
  if (email) saveSubscription(db, { userId: user.id, email, updatedAt: '2026-03-02T03:00:00Z' });
  return user;
}

describe('reminding a unit of a disposition', () => {
  it('when an officer reminds PK.1, then each PK.1 user with an address gets one e-mail per reminder over SMTP, with the request but not the requester', async () => {
    const { app, db, config } = buildTestApp({ smtpUrl: smtp.url, mailFrom: FROM });
    const pk1 = unit(db, 'PK.1');
    const pk2 = unit(db, 'PK.2');
    const r = secretRequest(db);
    const [d] = sendDispositions({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: r.id, input: { unitIds: [pk1.id], note: '' } }).rows;
    const ani = await staffWithEmail(db, 'ani.pk1', pk1.id, 'ani@pk1.go.id');
    await staffWithEmail(db, 'budi.pk1', pk1.id, ''); // no address: nothing for him
    await staffWithEmail(db, 'citra.pk2', pk2.id, 'citra@pk2.go.id'); // another unit
    const officer = await loginAs(app, db, 'officer');
    const before = outboxRows(db).length; // the requester's receipt

    const res = await officer.agent.post(`/dispositions/${d.id}/remind`).type('form').send({ _csrf: officer.csrf, note: 'Mohon segera, tenggat dekat' }).expect(302);
    const page = await officer.agent.get(res.headers.location).expect(200);
    expect(page.text).toContain('dikirim lewat e-mail ke 1 staf unit');

    const queued = outboxRows(db).slice(before);
    expect(queued).toEqual([expect.objectContaining({
      kind: 'unit.disposition_reminder', channel: 'email', recipient: 'ani@pk1.go.id', status: 'queued',
      event_key: `disposition:${d.id}:reminder:1:user:${ani.id}:email`, request_id: r.id, user_id: ani.id,
    })]);
    expect(listAudit(db, { action: 'disposition.remind' }, 1, 10).total).toBe(1);

    const { worker } = testWorker(db, config);
    await worker.runOnce();
    const reminders = smtp.mails.filter((m) => m.to.includes('ani@pk1.go.id'));
    expect(reminders).toHaveLength(1);
    expect(smtp.mails.some((m) => m.to.includes('citra@pk2.go.id'))).toBe(false);
    const text = decodedMail(reminders[0].raw);
    expect(text).toContain(`Pengingat disposisi ${r.registrationNumber} untuk PK.1 Unit PK.1`);
    expect(text).toContain('pengingat ke-1');
    expect(text).toContain('Catatan PPID: Mohon segera, tenggat dekat');
    expect(text).toContain('Realisasi DAK fisik 2025 per kabupaten');
    expect(text).toContain(`/dispositions/${d.id}`);
    for (const secret of IDENTITY) expect(text).not.toContain(secret);

    // A second reminder is a second message, not a repeat of the first.
    await officer.agent.post(`/dispositions/${d.id}/remind`).type('form').send({ _csrf: officer.csrf, note: '' }).expect(302);
    await worker.runOnce();
    expect(smtp.mails.filter((m) => m.to.includes('ani@pk1.go.id'))).toHaveLength(2);
    expect(decodedMail(smtp.mails.at(-1)!.raw)).toContain('pengingat ke-2');
  });

  it('when the reminder is refused (the disposition is no longer open), then nothing is recorded and nothing is queued', async () => {
    const { app, db } = buildTestApp({ smtpUrl: smtp.url, mailFrom: FROM });
    const pk1 = unit(db, 'PK.1');
    const r = secretRequest(db);
    const [d] = sendDispositions({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: r.id, input: { unitIds: [pk1.id], note: '' } }).rows;
    await staffWithEmail(db, 'ani.pk1', pk1.id, 'ani@pk1.go.id');
    const officer = await loginAs(app, db, 'officer');
    await officer.agent.post(`/dispositions/${d.id}/recall`).type('form').send({ _csrf: officer.csrf, note: 'Salah kirim' }).expect(302);
    const before = outboxRows(db).length;

    expect((await officer.agent.post(`/dispositions/${d.id}/remind`).type('form').send({ _csrf: officer.csrf })).status).toBe(409);

    expect(outboxRows(db)).toHaveLength(before);
    expect(listAudit(db, { action: 'disposition.remind' }, 1, 10).total).toBe(0);
  });

  it('when the message cannot be written, then the reminder is not recorded either: one transaction', async () => {
    const { db } = buildTestApp({ smtpUrl: smtp.url, mailFrom: FROM });
    const pk1 = unit(db, 'PK.1');
    const r = secretRequest(db);
    const [d] = sendDispositions({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: r.id, input: { unitIds: [pk1.id], note: '' } }).rows;
    await staffWithEmail(db, 'ani.pk1', pk1.id, 'ani@pk1.go.id');
    db.$client.exec("create temp trigger refuse_outbox before insert on outbox begin select raise(abort, 'outbox refused'); end");

    expect(() => remindDisposition({ db, actor: testActor, zone: 'Asia/Jakarta', id: d.id, input: { note: '' } })).toThrow(/outbox refused/);

    expect(db.$client.prepare('select reminders, reminded_on from dispositions where id = ?').get(d.id)).toEqual({ reminders: 0, reminded_on: null });
    expect(listAudit(db, { action: 'disposition.remind' }, 1, 10).total).toBe(0);
  });
});
