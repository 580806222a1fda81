/**
 * Issue 15.5: the rekapitulasi per PPID Pelaksana (`?unit=`) and consolidated (the default). The
 * consolidated recap is the sum of every Pelaksana's and the PPID Utama's own.
 */
import request from 'supertest';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { decisionInput, filingInput, grantedInFull, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import type { Db } from '../../src/db/client.js';
import { fixClock } from '../units/support.js';
import { runCli } from '../../src/cli.js';
import { cliContext } from '../helpers/cli.js';
import { ministry, registerFor } from './support.js';

beforeEach(fixClock);
afterEach(() => vi.useRealTimers());

const zone = 'Asia/Jakarta';
const decide = (db: Db, id: number, decidedOn: string, extra = {}) => decideRequest({ db, actor: testActor, zone, id, input: decisionInput({ decidedOn, ...extra }) });

/** A year of a ministry: the Utama's own requests, P1's and P2's; decided, open, overdue, objected to. */
function year2026(db: Db) {
  const units = ministry(db);
  const { p1, p2 } = units;
  decide(db, registerFor(db, null, { receivedOn: '2026-01-05' }).id, '2026-01-09', grantedInFull);
  registerFor(db, null, { receivedOn: '2026-02-02' }); // open, past due on 2 March
  const rejected = decide(db, registerFor(db, p1.id, { receivedOn: '2026-01-06' }).id, '2026-01-12');
  fileObjection({ db, actor: testActor, zone, requestId: rejected.id, input: filingInput({ filedOn: '2026-01-20' }) });
  decide(db, registerFor(db, p1.id, { receivedOn: '2026-02-03' }).id, '2026-02-10', { outcome: 'partial', reasons: ['not_held'], exemptionArticles: [], consequenceTest: '' });
  registerFor(db, p2.id, { receivedOn: '2026-02-27' }); // open, not yet due
  decide(db, registerFor(db, p2.id, { receivedOn: '2026-01-07' }).id, '2026-01-08', grantedInFull);
  decide(db, registerFor(db, p2.id, { receivedOn: '2026-02-09' }).id, '2026-02-20', { outcome: 'not_provided', reasons: ['other'], exemptionArticles: [], consequenceTest: '', reasonNote: 'Dicabut' });
  return units;
}

type Counts = Record<string, number | null>;
const COUNTS = ['requests', 'granted_full', 'granted_partial', 'rejected', 'not_provided', 'reason_exempt', 'reason_not_held', 'reason_other', 'objections', 'in_process'];
const sum = (rows: Counts[], key: string) => rows.reduce((n, r) => n + Number(r[key] ?? 0), 0);

describe('the rekapitulasi per PPID Pelaksana', () => {
  it('when each PPID’s recap is read through the API, then the consolidated one is their sum, cell by cell, and each holds only its own', async () => {
    const { app, db } = buildTestApp();
    year2026(db);
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'auditor')}` };
    const get = async (unit?: string) => (await request(app).get(`/api/v1/recap/2026${unit ? `?unit=${unit}` : ''}`).set(auth).expect(200)).body;

    const all = await get();
    const parts = [await get('PPID'), await get('P1'), await get('p2')];

    expect(all.unit).toBeNull();
    expect(parts.map((p) => p.unit)).toEqual([
      { code: 'PPID', name: 'Unit PPID', kind: 'utama' }, { code: 'P1', name: 'Unit P1', kind: 'pelaksana' }, { code: 'P2', name: 'Unit P2', kind: 'pelaksana' },
    ]);
    expect(parts.map((p) => p.total.requests)).toEqual([2, 2, 3]);
    for (const key of COUNTS) {
      expect(all.total[key], `total ${key}`).toBe(sum(parts.map((p) => p.total), key));
      for (let m = 0; m < 12; m++) expect(all.months[m][key], `month ${m + 1} ${key}`).toBe(sum(parts.map((p) => p.months[m]), key));
    }
    expect(all.total.requests).toBe(7);
    expect(all.analytics.decided).toBe(sum(parts.map((p) => p.analytics), 'decided'));
    expect(all.analytics.open_past_due.length).toBe(parts.reduce((n, p) => n + p.analytics.open_past_due.length, 0));
    expect(all.analytics.objections.filed).toBe(1);
    expect(parts.map((p) => p.analytics.objections.filed)).toEqual([0, 1, 0]);
    expect(parts[1].total).toMatchObject({ rejected: 1, granted_partial: 1, objections: 1 });
  });

  it('when the page, the CSV and the XLSX are asked for one Pelaksana, then they show its figures under its name, and the default stays consolidated', async () => {
    const { app, db } = buildTestApp();
    year2026(db);
    const { agent } = await loginAs(app, db, 'auditor');

    const consolidated = await agent.get('/recap?year=2026').expect(200);
    expect(consolidated.text).toContain('Gabungan (PPID Utama dan semua PPID Pelaksana)');
    expect(consolidated.text).not.toContain('class="recap-scope"');
    const page = await agent.get('/recap?year=2026&unit=P1').expect(200);
    expect(page.text).toContain('PPID Pelaksana P1 — Unit P1');
    expect(page.text).toContain('href="/recap/2026.csv?unit=P1"');

    const csv = await agent.get('/recap/2026.csv?unit=P1').expect(200);
    expect(csv.headers['content-disposition']).toContain('rekapitulasi-permintaan-informasi-2026-P1.csv');
    expect(csv.text.trim().split(/\r?\n/).at(-1)).toMatch(/^Total,2,/);

    const xlsx = await agent.get('/recap/2026.xlsx?unit=P2').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(String(wb.worksheets[0].getCell('A2').value)).toContain('PPID Pelaksana P2 — Unit P2');
  });

  it('when a Pelaksana officer opens the recap, then it is their own; another Pelaksana’s is 404; an unknown code is 400', async () => {
    const { app, db } = buildTestApp();
    const { p1 } = year2026(db);
    const { agent } = await loginAs(app, db, 'officer', 'p1.officer', p1.id);

    const own = await agent.get('/recap?year=2026').expect(200);
    expect(own.text).toContain('PPID Pelaksana P1 — Unit P1');
    expect(own.text).not.toContain('Gabungan');
    expect((await agent.get('/recap?year=2026&unit=P2')).status).toBe(404);
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'officer', 'p1.api', p1.id)}` };
    expect((await request(app).get('/api/v1/recap/2026').set(auth).expect(200)).body.total.requests).toBe(2);
    expect((await request(app).get('/api/v1/recap/2026?unit=P2').set(auth)).status).toBe(404);

    const utama = { Authorization: `Bearer ${await tokenFor(db, 'officer', 'utama.api')}` };
    const unknown = await request(app).get('/api/v1/recap/2026?unit=NOPE').set(utama);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty('unit');
  });
});

describe('ppid recap --unit', () => {
  it('prints one Pelaksana’s recap, the consolidated one by default, and refuses an unknown code', async () => {
    const { db } = buildTestApp();
    year2026(db);
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['recap', '--year', '2026', '--format', 'json', ...args], cliContext(db), { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
      return { code, json: out.length ? JSON.parse(out.join('\n')) : null, err };
    };
    expect((await run()).json.total.requests).toBe(7);
    const p2 = await run('--unit', 'P2');
    expect(p2.json).toMatchObject({ unit: { code: 'P2' }, total: { requests: 3 } });
    const bad = await run('--unit', 'NOPE');
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual(['NOPE bukan PPID Utama atau PPID Pelaksana yang dikenal.']);
  });
});
