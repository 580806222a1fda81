/**
 * Issue 10 point 14: the register export takes the register page's filters; one it cannot use
 * (a 300-character search, a year out of range, an unknown status, channel or category, a bad
 * month) is refused with 400 instead of exporting the whole register under a filtered name.
 */
import { describe, it, expect } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { makeRequest } from '../helpers/factories.js';
import { listAudit } from '../../src/audit/audit.repo.js';

describe('register export with a filter it cannot use', () => {
  it.each([
    [{ q: 'x'.repeat(300) }, 'Maksimal 200 karakter (sekarang 300).'],
    [{ year: '1800' }, 'Tahun harus antara 2010 dan tahun depan.'],
    [{ year: 'abc' }, 'Tahun tidak valid.'],
    [{ month: '0' }, 'Bulan harus 1–12.'],
    [{ status: 'everything' }, 'Pilihan tidak dikenal.'],
    [{ channel: 'pigeon' }, 'Pilihan tidak dikenal.'],
    [{ category: 'alien' }, 'Pilihan tidak dikenal.'],
  ])('when the query is %j, then both formats answer 400 with the message, no file and no audit entry', async (query, message) => {
    const { app, db } = buildTestApp();
    makeRequest(db, { receivedOn: '2022-03-01', requesterName: 'Dewi Lestari' });
    const { agent } = await loginAs(app, db, 'auditor');
    for (const format of ['csv', 'xlsx']) {
      const res = await agent.get(`/requests/export.${format}`).query(query);
      expect(res.status, format).toBe(400);
      expect(res.headers['content-disposition'], format).toBeUndefined();
      expect(res.text, format).toContain('Filter tidak dapat dipakai, jadi tidak ada yang diekspor.');
      expect(res.text, format).toContain(message);
      expect(res.text, format).not.toContain('Dewi Lestari');
    }
    expect(listAudit(db, { action: 'request.export' }, 1, 1).total).toBe(0);
  });

  it('when the filter is usable, then the export still runs', async () => {
    const { app, db } = buildTestApp();
    makeRequest(db, { receivedOn: '2022-03-01', requesterName: 'Dewi Lestari' });
    const { agent } = await loginAs(app, db, 'auditor');
    const res = await agent.get('/requests/export.csv').query({ year: '2022', q: 'dewi' }).expect(200);
    expect(res.text).toContain('Dewi Lestari');
  });
});
