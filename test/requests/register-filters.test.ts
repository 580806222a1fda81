/**
 * Issue 10 point 14 (filters) and issue 11 point 11 (search over its limit): a filter the
 * register cannot use is refused with a message, never dropped. Dropping it listed the whole
 * register as if everything matched; now the page shows the message and no rows, with the form
 * as typed, and the API answers 400 naming the field. (The export: test/exports.)
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { makeRequest } from '../helpers/factories.js';
import { todayIn } from '../../src/shared/dates.js';

const nextYear = Number(todayIn('Asia/Jakarta').slice(0, 4)) + 1;

/** Query → [field, message]. Each would have listed every request before. */
const UNUSABLE: [Record<string, string>, string, string | RegExp][] = [
  [{ q: 'x'.repeat(300) }, 'q', 'Maksimal 200 karakter (sekarang 300).'],
  [{ year: '1800' }, 'year', `Tahun harus antara 2010 dan tahun depan.`],
  [{ year: String(nextYear + 1) }, 'year', `Tahun harus antara 2010 dan tahun depan.`],
  [{ year: 'dua ribu' }, 'year', 'Tahun tidak valid.'],
  [{ year: '2022.5' }, 'year', 'Tahun tidak valid.'],
  [{ month: '13' }, 'month', 'Bulan harus 1–12.'],
  [{ month: 'Maret' }, 'month', 'Bulan tidak valid.'],
  [{ status: 'lost' }, 'status', 'Pilihan tidak dikenal.'],
  [{ channel: 'pigeon' }, 'channel', 'Pilihan tidak dikenal.'],
  [{ category: 'alien' }, 'category', 'Pilihan tidak dikenal.'],
];

function seed(db: Parameters<typeof makeRequest>[0]) {
  makeRequest(db, { receivedOn: '2022-03-01', requesterName: 'Dewi Lestari' });
  makeRequest(db, { receivedOn: '2023-05-02', requesterName: 'Budi Santoso' });
}

describe('the register page refuses a filter it cannot use', () => {
  it.each(UNUSABLE)('when the query is %j, then 400, the message beside the field, no rows, and the form as typed', async (query, field, message) => {
    const { app, db } = buildTestApp();
    seed(db);
    const { agent } = await loginAs(app, db, 'officer');
    const res = await agent.get('/requests').query(query);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Filter tidak dapat dipakai');
    expect(res.text).toContain(`id="err-${field}"`);
    expect(res.text).toContain(typeof message === 'string' ? message : '');
    expect(res.text).not.toContain('Dewi Lestari');
    expect(res.text).not.toContain('Budi Santoso');
    // What was typed is still in the form: the search text, or the select's value, selected.
    const typed = Object.values(query)[0];
    if (field === 'q') expect(res.text).toContain(`value="${typed}"`);
    else expect(res.text).toContain(`<option value="${typed}" selected>`);
    // No download links that would export the whole register instead.
    expect(res.text).not.toContain('/requests/export.csv');
  });

  it('when the filters are usable, then they still apply (no refusal)', async () => {
    const { app, db } = buildTestApp();
    seed(db);
    const { agent } = await loginAs(app, db, 'auditor');
    const res = await agent.get('/requests').query({ year: '2023', month: '5', status: 'open', channel: 'email', category: 'academic', q: 'budi' }).expect(200);
    expect(res.text).toContain('Budi Santoso');
    expect(res.text).not.toContain('Dewi Lestari');
    expect(res.text).not.toContain('Filter tidak dapat dipakai');
    expect(res.text).toContain('<option value="2023" selected>');
    expect(res.text).toContain('/requests/export.csv?year=2023');
  });

  it('when a filter is left empty ("Semua"), then it is no filter at all', async () => {
    const { app, db } = buildTestApp();
    seed(db);
    const { agent } = await loginAs(app, db, 'officer');
    const res = await agent.get('/requests').query({ year: '', month: '', status: '', channel: '', category: '', q: '' }).expect(200);
    expect(res.text).toContain('Dewi Lestari');
    expect(res.text).toContain('Budi Santoso');
  });

  it('when the search box is drawn, then it has a counter limit, not a maxlength that cuts pasted text', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer');
    const res = await agent.get('/requests').expect(200);
    expect(res.text).toMatch(/name="q"[^>]*data-maxlength="200"/);
    expect(res.text).not.toMatch(/\smaxlength=/i);
  });
});

describe('the API list refuses a filter it cannot use', () => {
  it.each(UNUSABLE)('when the query is %j, then 400 validation naming %s', async (query, field, message) => {
    const { app, db } = buildTestApp();
    seed(db);
    const token = await tokenFor(db, 'auditor');
    const res = await request(app).get('/api/v1/requests').query(query).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    expect(res.body.error.fields[field]).toBe(message);
  });
});
