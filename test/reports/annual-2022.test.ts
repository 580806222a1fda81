/**
 * The 2022 annual report built from the office's 2022 register (the one test/recap rebuilds):
 * section (c) agrees with the rekapitulasi cell for cell, and the figures beyond the recap.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Application } from 'express';
import type { Db } from '../../src/db/client.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { buildTestApp } from '../helpers/build-test-app.js';
import { buildRecap } from '../../src/recap/recap.service.js';
import { COUNT_KEYS } from '../../src/recap/recap.js';
import { buildAnnualFigures } from '../../src/reports/annual/figures.js';
import { buildOffice2022, SERVICE_DAY_SUMS } from '../recap/office-2022.js';

let db: Db;
let app: Application;
beforeAll(() => {
  ({ app, db } = buildTestApp());
  buildOffice2022(db);
});

describe('the 2022 annual report of the office', () => {
  it('when built, then section (c) agrees with the 2022 recap cell for cell', () => {
    const recap = buildRecap(db, 2022, { today: '2026-11-23' });
    const report = buildAnnualFigures(db, 2022, { today: '2026-11-23' });
    expect(report.recap.months).toEqual(recap.months);
    expect(report.recap.total).toEqual(recap.total);
    const s = report.service;
    for (const k of COUNT_KEYS) if (k !== 'objections') expect(s[k], k).toBe(recap.total[k]);
    expect(report.objections.filed).toBe(recap.total.objections);
    expect(s.serviceDays.mean).toBe(recap.total.avgServiceDays);
    expect(s.serviceDays.median).toBe(recap.analytics.medianServiceDays);
    expect(s.serviceDays.count).toBe(recap.analytics.timed);
    expect(s.within10).toBe(recap.analytics.withinNotice.count);
    expect(s.within10 + s.within11to17).toBe(recap.analytics.withinExtended.count);
    expect(s.extended).toBe(recap.analytics.extended);
    expect(report.objections.byResult.find((r) => r.key === 'open')!.count).toBe(recap.analytics.objections.open);
    expect(report.disputes.filed).toBe(recap.analytics.objections.disputes);
  });

  it('when built, then the annex lists every request with its days, and the statistics follow from it', () => {
    const report = buildAnnualFigures(db, 2022, { today: '2026-11-23' });
    expect(report.annex).toHaveLength(205);
    const days = report.annex.map((a) => a.serviceDays!);
    expect(days.reduce((a, b) => a + b, 0)).toBe(SERVICE_DAY_SUMS.reduce((a, b) => a + b, 0));
    expect(report.service.serviceDays.min).toBe(Math.min(...days));
    expect(report.service.serviceDays.max).toBe(Math.max(...days));
    expect(report.service.within10 + report.service.within11to17 + report.service.over17).toBe(205);
    // Nothing was delivered in the rebuilt register: no fulfilment days.
    expect(report.service.fulfilmentDays).toEqual({ count: 0, median: null, mean: null, min: null, max: null });
    expect(report.service.openAtYearEnd).toBe(0);
    expect(report.service.oldestOpen).toEqual([]);
    expect(report.service.byChannel.reduce((n, c) => n + c.count, 0)).toBe(205);
    expect(report.service.byCategory.reduce((n, c) => n + c.count, 0)).toBe(205);
    // Six decisions cite exemption letter h (office-2022.ts).
    expect(report.service.exemptions.find((e) => e.letter === 'h')!.count).toBe(6);
    expect(report.objections.byGround.find((g) => g.key === 'e')!.count).toBe(1);
    expect(report.previous).toMatchObject({ year: 2021, service: { requests: 0 } });
  });
});

describe('the 2022 report through the APIs', () => {
  it('when the annual report and the recap are read through the API, then section (c) has the recap Total\'s cells', async () => {
    const auth = { Authorization: `Bearer ${await tokenFor(db, 'auditor')}` };
    const recap = (await request(app).get('/api/v1/recap/2022').set(auth).expect(200)).body;
    const report = (await request(app).get('/api/v1/reports/annual/2022').set(auth).expect(200)).body;
    for (const k of ['requests', 'granted_full', 'granted_partial', 'rejected', 'not_provided', 'in_process']) expect(report.service[k], k).toBe(recap.total[k]);
    expect(report.service.service_days.mean).toBe(recap.total.avg_service_days);
    expect(report.service.within_10).toBe(recap.analytics.within_10_working_days.count);
    expect(report.service.extended).toBe(recap.analytics.extended);
    expect(report.objections.filed).toBe(recap.total.objections);
    expect(report.disputes.filed).toBe(recap.analytics.objections.disputes);
  });

  it('when the printed page is read, then its recap table has the recap page\'s Total row', async () => {
    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get('/reports/annual?year=2022').expect(200);
    const total = /<tr class="total"><th scope="row">Total<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/.exec(page.text);
    expect(total && [...total[1].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1])).toEqual(['205', '5,10', '129', '53', '0', '23', '6', '59', '13', '1', '0']);
  });
});

describe('a PPID Pelaksana scope', () => {
  it('when no PPID Pelaksana registered anything, then the PPID Utama\'s own report has the consolidated figures', () => {
    const all = buildAnnualFigures(db, 2022, { today: '2026-11-23' });
    const own = buildAnnualFigures(db, 2022, { today: '2026-11-23', scope: { kind: 'utama', code: 'utama', name: 'PPID Utama' } });
    expect(own.service).toEqual(all.service);
    expect(own.objections).toEqual(all.objections);
    expect(own.scope).toBe('utama');
  });
});
