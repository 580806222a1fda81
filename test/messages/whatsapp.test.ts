/** WhatsApp through a stand-in HTTP gateway on 127.0.0.1: retries with back-off, delivered once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { saveTemplate } from '../../src/messages/messages.service.js';
import { NO_SMTP } from '../../src/messages/kinds.js';
import { outboxRows, startGateway, testWorker } from './support.js';

let gateway: Awaited<ReturnType<typeof startGateway>>;
beforeEach(async () => {
  gateway = await startGateway(2);
});
afterEach(async () => {
  await gateway.close();
});

describe('WhatsApp gateway', () => {
  it('when the gateway fails twice then succeeds, then the message is delivered once, after two back-offs', async () => {
    const { db, config } = buildTestApp({ waUrl: gateway.url, waToken: 'token-rahasia' });
    const r = makeRequest(db, { requesterPhone: '0812-3456-7890' });
    expect(outboxRows(db).map((m) => [m.channel, m.recipient])).toEqual([['email', 'dewi@example.ac.id'], ['whatsapp', '6281234567890']]);
    const wa = () => outboxRows(db).find((m) => m.channel === 'whatsapp')!;

    const { worker, advance } = testWorker(db, config);
    await worker.runOnce();
    expect(gateway.calls).toHaveLength(1);
    expect(wa()).toMatchObject({ status: 'queued', attempts: 1 });
    expect(String(wa().last_error)).toContain('500');
    // No SMTP configured: the e-mail stays in the outbox, readable.
    expect(outboxRows(db).find((m) => m.channel === 'email')).toMatchObject({ status: 'held', last_error: NO_SMTP });

    await worker.runOnce(); // still inside the first back-off: nothing is sent
    expect(gateway.calls).toHaveLength(1);
    advance(60_000);
    await worker.runOnce();
    expect(gateway.calls).toHaveLength(2);
    advance(60_000);
    await worker.runOnce(); // the second back-off is two minutes
    expect(gateway.calls).toHaveLength(2);
    advance(60_000);
    await worker.runOnce();
    expect(gateway.calls).toHaveLength(3);
    expect(wa()).toMatchObject({ status: 'sent', attempts: 3, last_error: '' });

    advance(24 * 60 * 60_000);
    await worker.runOnce();
    expect(gateway.calls).toHaveLength(3);
    const call = gateway.calls[2];
    expect(call.auth).toBe('Bearer token-rahasia');
    expect(call.body).toMatchObject({ to: '6281234567890', template: 'request_receipt', language: 'id', reference: `request:${r.id}:receipt:whatsapp` });
    expect(call.body.parameters).toMatchObject({ nomor: r.registrationNumber, kode_akses: r.accessCode });
    expect(call.body.text).toContain(r.accessCode);
  });

  it('when the admin names the approved template for a kind, then the gateway gets that name', async () => {
    const { db, config } = buildTestApp({ waUrl: gateway.url });
    saveTemplate({ db, actor: testActor, kind: 'request.receipt', input: { subject: 'Tanda terima {{nomor}}', body: 'Nomor {{nomor}}, kode {{kode_akses}}', waTemplate: 'tanda_terima_ppid' } });
    makeRequest(db, { requesterEmail: '' });
    const { worker, advance } = testWorker(db, config);
    for (let i = 0; i < 3; i++) {
      await worker.runOnce();
      advance(10 * 60_000);
    }
    expect(gateway.calls.map((c) => c.body.template)).toEqual(['tanda_terima_ppid', 'tanda_terima_ppid', 'tanda_terima_ppid']);
    expect(gateway.calls[2].body.text).toMatch(/^Nomor .+, kode .+$/);
  });

  it('when no gateway is configured (the default), then no WhatsApp message is queued', () => {
    const { db } = buildTestApp();
    makeRequest(db, { requesterPhone: '081234567890' });
    expect(outboxRows(db).map((m) => m.channel)).toEqual(['email']);
  });
});
