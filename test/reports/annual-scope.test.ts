/**
 * Issue 15.5 for the annual report: per PPID Pelaksana (`?unit=`) and consolidated (the default),
 * with the recap's Pelaksana scope. The consolidated sections (c) and (d) are the sum of the PPID
 * Utama's own and each Pelaksana's; narrative, handing in and versions are kept per scope.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { decisionInput, filingInput, grantedInFull, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import { buildAnnualFigures, type AnnualFigures } from '../../src/reports/annual/figures.js';
import { requestScopeForUnit } from '../../src/pelaksana/pelaksana.service.js';
import type { Db } from '../../src/db/client.js';
import { fixClock } from '../units/support.js';
import { ministry, registerFor } from '../pelaksana/support.js';

beforeEach(fixClock);
afterEach(() => vi.useRealTimers());

const zone = 'Asia/Jakarta';
const TODAY = '2026-03-02';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const decide = (db: Db, id: number, decidedOn: string, extra = {}) => decideRequest({ db, actor: testActor, zone, id, input: decisionInput({ decidedOn, ...extra }) });

/** A year 2025 of a ministry: the Utama's own requests, P1's and P2's; decided, open, objected to. */
function year2025(db: Db) {
  const units = ministry(db);
  const { p1, p2 } = units;
  decide(db, registerFor(db, null, { receivedOn: '2025-01-06' }).id, '2025-01-10', grantedInFull);
  registerFor(db, null, { receivedOn: '2025-12-22', channel: 'email' }); // open at the year's end
  const rejected = decide(db, registerFor(db, p1.id, { receivedOn: '2025-02-03' }).id, '2025-02-10');
  fileObjection({ db, actor: testActor, zone, requestId: rejected.id, input: filingInput({ filedOn: '2025-02-20' }) });
  decide(db, registerFor(db, p1.id, { receivedOn: '2025-03-03' }).id, '2025-03-12', { outcome: 'partial', reasons: ['not_held'], exemptionArticles: [], consequenceTest: '' });
  decide(db, registerFor(db, p2.id, { receivedOn: '2025-04-07', channel: 'email' }).id, '2025-04-08', grantedInFull);
  registerFor(db, p2.id, { receivedOn: '2025-12-29' }); // open at the year's end
  decide(db, registerFor(db, p2.id, { receivedOn: '2025-05-05' }).id, '2025-05-26', { outcome: 'not_provided', reasons: ['other'], exemptionArticles: [], consequenceTest: '', reasonNote: 'Dicabut' });
  return units;
}

/** Every additive count of sections (c) and (d), by name. */
function counts(f: AnnualFigures): Record<string, number> {
  const s = f.service;
  const out: Record<string, number> = {
    requests: s.requests, grantedFull: s.grantedFull, grantedPartial: s.grantedPartial, rejected: s.rejected, notProvided: s.notProvided,
    inProcess: s.inProcess, reasonExempt: s.reasonExempt, reasonNotHeld: s.reasonNotHeld, reasonOther: s.reasonOther,
    timed: s.serviceDays.count, fulfilled: s.fulfilmentDays.count, within10: s.within10, within11to17: s.within11to17, over17: s.over17,
    extended: s.extended, openAtYearEnd: s.openAtYearEnd, annex: f.annex.length, objections: f.objections.filed, disputes: f.disputes.filed,
    recapTotal: f.recap.total.requests, recapObjections: f.recap.total.objections,
  };
  for (const c of s.byChannel) out[`channel:${c.key}`] = c.count;
  for (const c of s.byCategory) out[`category:${c.key}`] = c.count;
  for (const e of s.exemptions) out[`exemption:${e.letter}`] = e.count;
  for (const g of f.objections.byGround) out[`ground:${g.key}`] = g.count;
  for (const g of f.objections.byResult) out[`result:${g.key}`] = g.count;
  return out;
}

describe('the annual report per PPID Pelaksana', () => {
  it('when each PPID’s figures are drawn up, then the consolidated sections (c) and (d) are the sum of the Utama’s own and each Pelaksana’s', () => {
    const { db } = buildTestApp();
    year2025(db);
    const of = (code?: string) => buildAnnualFigures(db, 2025, { today: TODAY, scope: requestScopeForUnit(db, code) });
    const all = of();
    const parts = [of('PPID'), of('P1'), of('P2')];

    expect(parts.map((p) => p.service.requests)).toEqual([2, 2, 3]);
    expect(parts.map((p) => p.objections.filed)).toEqual([0, 1, 0]);
    expect(parts.map((p) => p.service.openAtYearEnd)).toEqual([1, 0, 1]);
    const whole = counts(all);
    const keys = new Set([...Object.keys(whole), ...parts.flatMap((p) => Object.keys(counts(p)))]);
    for (const key of keys) expect(whole[key] ?? 0, key).toBe(parts.reduce((n, p) => n + (counts(p)[key] ?? 0), 0));
    expect(all.service.requests).toBe(7);
    // Each part's annex holds only its own requests, numbered under its own pattern.
    expect(parts[1].annex.map((a) => a.registrationNumber).every((n) => n.includes('PPID-P1'))).toBe(true);
    expect(parts[2].annex.map((a) => a.registrationNumber).every((n) => n.startsWith('P2-2025-'))).toBe(true);
    expect(parts[1].scopeLabel).toBe('PPID Pelaksana P1 — Unit P1');
  });

  it('when the API is asked with ?unit=, then it answers that PPID’s report and names it', async () => {
    const { app, db } = buildTestApp();
    year2025(db);
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'auditor')}` };
    const all = (await request(app).get('/api/v1/reports/annual/2025').set(auth).expect(200)).body;
    const p2 = (await request(app).get('/api/v1/reports/annual/2025?unit=p2').set(auth).expect(200)).body;
    expect(all.unit).toBeNull();
    expect(all.service.requests).toBe(7);
    expect(p2.unit).toEqual({ code: 'P2', name: 'Unit P2', kind: 'pelaksana' });
    expect(p2.service.requests).toBe(3);
    expect((await request(app).get('/api/v1/reports/annual/2025?unit=NOPE').set(auth)).status).toBe(400);
    expect((await request(app).get('/api/v1/reports/annual/2025?unit=P1&unit=P2').set(auth)).status).toBe(400);
  });

  it('when a Pelaksana’s narrative is saved and its report handed in, then they are its own: the consolidated draft and versions are untouched', async () => {
    const { app, db } = buildTestApp();
    year2025(db);
    const { agent, csrf } = await loginAs(app, db, 'officer');

    const edit = await agent.get('/reports/annual/2025/edit?unit=P1').expect(200);
    expect(edit.text).toContain('PPID Pelaksana P1');
    expect(edit.text).toContain('action="/reports/annual/2025/edit?unit=P1"');
    await agent.post('/reports/annual/2025/edit?unit=P1').type('form')
      .send({ _csrf: csrf, policy: 'Kebijakan P1.', implementation: 'Meja P1.', obstacles: '', recommendations: '' })
      .expect(303).expect('Location', '/reports/annual?year=2025&unit=P1');
    const own = await agent.get('/reports/annual?year=2025&unit=P1').expect(200);
    expect(own.text).toContain('Kebijakan P1.');
    expect(own.text).toContain('<option value="P1" selected');
    const consolidated = await agent.get('/reports/annual?year=2025').expect(200);
    expect(consolidated.text).not.toContain('Kebijakan P1.');

    let submit = agent.post('/reports/annual/2025/submit?unit=P1').field('_csrf', csrf);
    for (const [k, v] of Object.entries({ submittedOn: '2026-02-20', submittedTo: 'PPID Utama', note: '' })) submit = submit.field(k, v);
    await submit.attach('proof', PDF, 'tanda terima.pdf').expect(303);
    await agent.post('/reports/annual/2025/correct?unit=P1').type('form').send({ _csrf: csrf, reason: 'Salah ketik' }).expect(303);

    const auth = { Authorization: `Bearer ${await tokenFor(db, 'auditor')}` };
    const p1 = (await request(app).get('/api/v1/reports/annual/2025?unit=P1').set(auth).expect(200)).body;
    expect([p1.version, p1.status, p1.narrative.policy]).toEqual([2, 'draft', 'Kebijakan P1.']);
    const p1v1 = (await request(app).get('/api/v1/reports/annual/2025?unit=P1&version=1').set(auth).expect(200)).body;
    expect([p1v1.status, p1v1.service.requests]).toEqual(['submitted', 2]);
    const all = (await request(app).get('/api/v1/reports/annual/2025').set(auth).expect(200)).body;
    expect([all.version, all.status, all.narrative.policy]).toEqual([1, 'draft', '']);
    expect((await request(app).get('/api/v1/reports/annual/2025?version=1').set(auth)).status).toBe(404);

    // The public list shows the handed-in Pelaksana report, labelled; its page has the Pelaksana's figures.
    const list = await request(app).get('/laporan').expect(200);
    expect(list.text).toContain('PPID Pelaksana P1 — Unit P1');
    expect(list.text).toContain('/laporan/2025?version=1&amp;unit=P1');
    const shown = await request(app).get('/laporan/2025?version=1&unit=P1').expect(200);
    expect(shown.text).toContain('PPID Pelaksana P1 — Unit P1');
    expect((await request(app).get('/laporan/2025')).status).toBe(404);
  });

  it('when a Pelaksana officer opens the annual report, then it is their own; another Pelaksana’s (page, XLSX, API, edit) is 404', async () => {
    const { app, db } = buildTestApp();
    const { p1 } = year2025(db);
    const { agent } = await loginAs(app, db, 'officer', 'p1.officer', p1.id);

    const own = await agent.get('/reports/annual?year=2025').expect(200);
    expect(own.text).toContain('PPID Pelaksana P1 — Unit P1');
    expect(own.text).not.toContain('Gabungan');
    expect(own.text).not.toContain('evidence.zip');
    for (const url of ['/reports/annual?year=2025&unit=P2', '/reports/annual/2025/edit?unit=P2', '/reports/annual/2025/submit?unit=P2']) {
      expect((await agent.get(url)).status, url).toBe(404);
    }
    const { agent: auditor } = await loginAs(app, db, 'auditor', 'p1.auditor', p1.id);
    for (const url of ['/reports/annual/2025.xlsx?unit=P2', '/reports/annual/2025/evidence.zip']) expect((await auditor.get(url)).status, url).toBe(404);
    const xlsx = await auditor.get('/reports/annual/2025.xlsx').expect(200);
    expect(xlsx.headers['content-disposition']).toContain('laporan-layanan-informasi-publik-2025-p1-v1.xlsx');
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'officer', 'p1.api', p1.id)}` };
    expect((await request(app).get('/api/v1/reports/annual/2025').set(auth).expect(200)).body.service.requests).toBe(2);
    expect((await request(app).get('/api/v1/reports/annual/2025?unit=P2').set(auth)).status).toBe(404);
  });
});
