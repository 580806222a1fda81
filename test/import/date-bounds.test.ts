/**
 * Issue 10 point 1 for the import: a register file's dates get the same bounds as the forms and
 * the API (not before 2010, not after next year), so a 0001-01-01 cannot come in that way.
 */
import { describe, it, expect } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { csvOf, row } from './register-files.js';
import { parseDateCell } from '../../src/import/parse-rows.js';

describe('import dates out of bounds', () => {
  it.each([
    [{ 'Tanggal diterima': '0001-01-01' }, 'Tanggal terlalu lama: paling awal 1 Januari 2010 (&#34;0001-01-01&#34;).'],
    [{ 'Tanggal diterima': '31/12/2009' }, 'Tanggal terlalu lama: paling awal 1 Januari 2010 (&#34;31/12/2009&#34;).'],
    [{ 'Putusan': 'Dikabulkan sepenuhnya', 'Tanggal putusan': '9999-12-31' }, 'Tanggal terlalu jauh di masa depan'],
  ])('when a row carries %j, then "Periksa saja" reports it and the import writes nothing', async (cells, message) => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const file = csvOf([row(cells), row({ 'Nomor registrasi': '006/PPID/III/2022' })]);
    const checked = await agent.post('/admin/import').field('_csrf', csrf).field('mode', 'check').attach('file', file, 'r.csv');
    expect(checked.text).toContain(message);
    await agent.post('/admin/import').field('_csrf', csrf).attach('file', file, 'r.csv');
    expect((db.$client.prepare('select count(*) as n from requests').get() as { n: number }).n).toBe(0);
  });

  it('when a cell reads 29/02/1900 (no such day), then it is not a date at all', () => {
    expect(parseDateCell('29/02/1900')).toBeUndefined();
  });
});
