import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { tokenFor } from '../helpers/login-as.js';
import { apiIntakeBody, makeDecidedRequest, makeRequest, testActor } from '../helpers/factories.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import type { Db } from '../../src/db/client.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const count = (db: Db, table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

async function setup(role: 'officer' | 'supervisor' = 'officer') {
  const { app, db } = buildTestApp();
  const auth = { Authorization: `Bearer ${await tokenFor(db, role)}` };
  return { app, db, auth };
}

const rejected = (db: Db) => makeDecidedRequest(db, { decision: { consequenceTest: 'Data pribadi' } });

describe('Idempotency-Key on the API', () => {
  it('when a POST is retried with the same key and body, then the first answer comes back (status, id) and one row exists', async () => {
    const { app, db, auth } = await setup();
    const send = () => request(app).post('/api/v1/requests').set(auth).set('Idempotency-Key', 'bot-retry-0001').send(apiIntakeBody());
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(count(db, 'requests')).toBe(1);
  });

  it('when the same key comes with another body, then 409 conflict in the documented shape and nothing is written', async () => {
    const { app, db, auth } = await setup();
    await request(app).post('/api/v1/requests').set(auth).set('Idempotency-Key', 'bot-retry-0002').send(apiIntakeBody()).expect(201);
    const other = await request(app).post('/api/v1/requests').set(auth).set('Idempotency-Key', 'bot-retry-0002').send(apiIntakeBody({ purpose: 'Lain' }));
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'conflict' });
    expect(typeof other.body.error.message).toBe('string');
    expect(count(db, 'requests')).toBe(1);
  });

  it('when retries arrive together, then one request is written and every answer is the same', async () => {
    const { app, db, auth } = await setup();
    const send = () => request(app).post('/api/v1/requests').set(auth).set('Idempotency-Key', 'bot-retry-0003').send(apiIntakeBody()).then((r) => r);
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(count(db, 'requests')).toBe(1);
  });

  it('when another user sends the same key, then it is a new request: keys are scoped per user', async () => {
    const { app, db, auth } = await setup();
    const other = { Authorization: `Bearer ${await tokenFor(db, 'officer', 'officer2')}` };
    await request(app).post('/api/v1/requests').set(auth).set('Idempotency-Key', 'shared-key-01').send(apiIntakeBody()).expect(201);
    await request(app).post('/api/v1/requests').set(other).set('Idempotency-Key', 'shared-key-01').send(apiIntakeBody()).expect(201);
    expect(count(db, 'requests')).toBe(2);
  });

  it('when the first try was refused, then the key is not spent and a corrected retry goes through', async () => {
    const { app, db, auth } = await setup();
    const bad = await request(app).post('/api/v1/requests').set(auth).set('Idempotency-Key', 'bot-retry-0004').send(apiIntakeBody({ information_requested: '' }));
    expect(bad.status).toBe(400);
    await request(app).post('/api/v1/requests').set(auth).set('Idempotency-Key', 'bot-retry-0004').send(apiIntakeBody()).expect(201);
    expect(count(db, 'requests')).toBe(1);
  });

  it('when a key is more than a day old, then it is swept and forgotten', async () => {
    const { app, db, auth } = await setup();
    const first = await request(app).post('/api/v1/requests').set(auth).set('Idempotency-Key', 'old-key-00001').send(apiIntakeBody()).expect(201);
    db.$client.prepare("update submissions set created_at = '2000-01-01T00:00:00.000Z'").run();
    const { buildApp } = await import('../../src/app.js');
    const { testConfig } = await import('../helpers/build-test-app.js');
    const pino = (await import('pino')).default;
    // A new app on the same database sweeps on its first keyed request.
    const restarted = buildApp({ db, config: testConfig(), logger: pino({ level: 'silent' }) });
    const again = await request(restarted).post('/api/v1/requests').set(auth).set('Idempotency-Key', 'old-key-00001').send(apiIntakeBody()).expect(201);
    expect(again.body.id).not.toBe(first.body.id);
    expect(count(db, 'submissions')).toBe(1);
  });

  it('when the key is malformed, then 400 naming the header', async () => {
    const { app, auth } = await setup();
    const res = await request(app).post('/api/v1/requests').set(auth).set('Idempotency-Key', 'short').send(apiIntakeBody());
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('Idempotency-Key');
  });

  it('when every other POST is retried with its key, then each answers the same and writes once', async () => {
    const { app, db, auth } = await setup('supervisor');
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const d = makeRequest(db, { receivedOn: '2022-03-01' });
    const w = makeRequest(db, { receivedOn: '2022-03-01' });
    const o = rejected(db);
    const obj = fileObjection({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: rejected(db).id, input: { filedOn: '2022-03-20', grounds: ['a'], statement: 'x', filedBy: 'requester', proxyName: '', lateNote: '' } });
    const calls: [string, Record<string, unknown>][] = [
      [`/api/v1/requests/${r.id}/extension`, { extended_on: '2022-03-15', reason: 'Data dihimpun' }],
      [`/api/v1/requests/${d.id}/decision`, { decided_on: '2022-03-08', provide_on: '2022-03-08', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'full' }],
      [`/api/v1/requests/${w.id}/withdrawal`, { withdrawn_on: '2022-03-02' }],
      [`/api/v1/requests/${o.id}/objections`, { filed_on: '2022-03-20', grounds: ['a'], statement: 'Bukan rahasia', filed_by: 'requester' }],
      [`/api/v1/objections/${obj.id}/response`, { responded_on: '2022-03-25', result: 'upheld', reasoning: 'Dapat dibuka' }],
    ];
    for (const [i, [path, body]] of calls.entries()) {
      const send = () => request(app).post(path).set(auth).set('Idempotency-Key', `call-key-${i}-0000`).send(body);
      const first = await send();
      expect(first.status, `${path}: ${first.text}`).toBeLessThan(300);
      const audits = count(db, 'audit_log');
      const again = await send();
      expect(again.status, path).toBe(first.status);
      expect(again.body, path).toEqual(first.body);
      expect(count(db, 'audit_log'), path).toBe(audits);
    }
    const upload = () => request(app).post(`/api/v1/requests/${r.id}/attachments`).set(auth).set('Idempotency-Key', 'upload-key-0000')
      .field('kind', 'request_letter').attach('files', PDF, 'surat.pdf');
    const first = await upload();
    expect(first.status).toBe(201);
    const again = await upload();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(count(db, 'attachments')).toBe(1);
  });
});
