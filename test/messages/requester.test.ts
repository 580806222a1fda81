/** The requester's side: the online form's opt-out, and the receipt queued with the request. */
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom } from '../helpers/login-as.js';
import { intakeInput } from '../helpers/factories.js';
import { outboxRows } from './support.js';

const body = (csrf: string, extra: Record<string, string> = {}) => {
  const { receivedOn: _r, channel: _c, ...fields } = intakeInput();
  return { _csrf: csrf, ...fields, agree: 'yes', ...extra };
};

describe('online form', () => {
  it('when a requester submits with an e-mail, then the receipt with number and access code is queued with the request', async () => {
    const { app, db } = buildTestApp();
    const agent = request.agent(app);
    const form = await agent.get('/permohonan').expect(200);
    expect(form.text).toContain('Saya tidak ingin dihubungi');
    await agent.post('/permohonan').type('form').send(body(csrfFrom(form.text))).expect(302);
    const [m] = outboxRows(db);
    const r = db.$client.prepare('SELECT * FROM requests').get() as { id: number; access_code: string; registration_number: string };
    expect(m).toMatchObject({ kind: 'request.receipt', request_id: r.id, recipient: 'dewi@example.ac.id' });
    expect(m.body).toContain(r.access_code);
    expect(m.body).toContain(r.registration_number);
  });

  it('when the requester ticks "tidak ingin dihubungi", then it is recorded and nothing is queued for them', async () => {
    const { app, db } = buildTestApp();
    const agent = request.agent(app);
    const form = await agent.get('/permohonan').expect(200);
    await agent.post('/permohonan').type('form').send(body(csrfFrom(form.text), { requesterNoContact: 'yes' })).expect(302);
    expect(db.$client.prepare('SELECT requester_no_contact AS v FROM requests').get()).toEqual({ v: 'yes' });
    expect(outboxRows(db)).toHaveLength(0);
  });
});
