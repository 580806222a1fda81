/**
 * Issue 11 point 11 on the public online form (/permohonan): over-long text is refused with the
 * limit and the length and kept in the form; no field carries a maxlength that would cut a
 * paste; the phone message states its rule.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom } from '../helpers/login-as.js';
import { intakeInput } from '../helpers/factories.js';

const body = (csrf: string, extra: Record<string, string> = {}) => {
  const { receivedOn: _r, channel: _c, ...fields } = intakeInput();
  return { _csrf: csrf, ...fields, agree: 'yes', ...extra };
};
const text = (n: number) => 'kata '.repeat(Math.ceil(n / 5)).slice(0, n - 1) + 'Z';

describe('online request form limits', () => {
  it('when 5,001 characters are pasted as the information requested, then the form says so and keeps them all', async () => {
    const { app } = buildTestApp();
    const agent = request.agent(app);
    const page = await agent.get('/permohonan').expect(200);
    expect(page.text).not.toMatch(/\smaxlength=/i);
    expect(page.text).toMatch(/name="informationRequested"[^>]*data-maxlength="5000"/);
    const long = text(5001);
    const res = await agent.post('/permohonan').type('form').send(body(csrfFrom(page.text), { informationRequested: long }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Maksimal 5000 karakter (sekarang 5001).');
    expect(res.text).toContain(`>${long}</textarea>`);
  });

  it('when the phone number has letters, then the message states the rule', async () => {
    const { app } = buildTestApp();
    const agent = request.agent(app);
    const page = await agent.get('/permohonan');
    const res = await agent.post('/permohonan').type('form').send(body(csrfFrom(page.text), { requesterPhone: 'WA 0812xx' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Nomor telepon 6–40 karakter, hanya angka 0–9, spasi, tanda +, tanda - dan tanda kurung ( )');
    expect(res.text).toContain('value="WA 0812xx"');
  });
});
