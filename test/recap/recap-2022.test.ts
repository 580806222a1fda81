/**
 * The office's 2022 recap rebuilt through the services (see office-2022.ts for where our
 * numbers differ from the printed table, and why). The register is built once: no test here
 * changes it.
 */
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import ExcelJS from 'exceljs';
import type { Application } from 'express';
import type { Db } from '../../src/db/client.js';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, tokenFor } from '../helpers/login-as.js';
import { buildRecap } from '../../src/recap/recap.service.js';
import { startRegisterExport, writeCsv } from '../../src/exports/exports.service.js';
import { COLUMN_ORDER } from '../../src/recap/recap.js';
import { EXPECTED_AVG, EXPECTED_TOTAL, OFFICE_2022, buildOffice2022, expectedMonths } from './office-2022.js';

let app: Application;
let db: Db;
let auth: { Authorization: string };

beforeAll(async () => {
  ({ app, db } = buildTestApp());
  buildOffice2022(db);
  auth = { Authorization: `Bearer ${await tokenFor(db, 'auditor')}` };
});

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('the 2022 recap of the office, rebuilt request by request', () => {
  it('when read from the service, then every count cell and every monthly average is as expected', () => {
    const recap = buildRecap(db, 2022, { today: '2026-11-23' });
    const months = expectedMonths();
    recap.months.forEach((m, i) => {
      expect({
        month: m.month, requests: m.requests, granted_full: m.grantedFull, granted_partial: m.grantedPartial, rejected: m.rejected,
        not_provided: m.notProvided, reason_exempt: m.reasonExempt, reason_not_held: m.reasonNotHeld, reason_other: m.reasonOther,
        objections: m.objections, in_process: m.inProcess,
      }).toEqual(months[i]);
      expect(m.avgServiceDays).toBe(EXPECTED_AVG[i]);
      expect(m.reconciles).toBe(true);
    });
    expect(recap.total).toMatchObject({
      requests: 205, grantedFull: 129, grantedPartial: 53, rejected: 0, notProvided: 23, reasonExempt: 6, reasonNotHeld: 59,
      reasonOther: 13, objections: 1, inProcess: 0, timed: 205, serviceDaysSum: 1046, reconciles: true,
    });
    // 1046 / 205 = 5,1024: the weighted mean over all decided requests.
    expect(recap.total.avgServiceDays).toBe(5.1);
    const meanOfMeans = EXPECTED_AVG.reduce((s, a) => s + a, 0) / 12;
    expect(recap.total.avgServiceDays).not.toBeCloseTo(meanOfMeans, 2);
  });

  it('when read through the JSON API, then every cell equals the hand-checked table', async () => {
    const res = await request(app).get('/api/v1/recap/2022').set(auth).expect(200);
    expect(res.body.year).toBe(2022);
    expect(res.body.months).toEqual(expectedMonths().map((m, i) => ({ ...m, avg_service_days: EXPECTED_AVG[i] })));
    expect(res.body.total).toEqual(EXPECTED_TOTAL);
    expect(res.body.analytics).toMatchObject({
      decided: 205, without_reason: 0, unreconciled_months: [], extended: 0, decided_late: 0, open_past_due: [],
      within_10_working_days: { count: 205, pct: 100 },
      objections: { filed: 1, open: 1, upheld: 0, rejected: 0, withdrawn: 0, disputes: 0 },
    });
  });

  it('when the page is shown, then the table has the two-level header, decimal commas and the Total over all decided requests', async () => {
    const { agent } = await loginAs(app, db, 'officer');
    const res = await agent.get('/recap?year=2022').expect(200);
    expect(res.text).toContain('<th colspan="2" scope="colgroup">Jumlah Permintaan Yang Dikabulkan</th>');
    expect(res.text).toContain('<th colspan="3" scope="colgroup">Alasan Permintaan Yang Ditolak/Tidak Diberikan</th>');
    expect(res.text).toMatch(/<th rowspan="2" scope="col">Bulan<\/th>/);
    const row = (label: string) => {
      const m = new RegExp(`<th scope="row">${label}</th>\\s*((?:<td class="num">[^<]*</td>)+)`).exec(res.text);
      return m ? [...m[1].matchAll(/<td class="num">([^<]*)<\/td>/g)].map((c) => c[1]) : null;
    };
    expect(row('Januari')).toEqual(['15', '4,40', '10', '2', '0', '3', '0', '3', '2', '0', '0']);
    expect(row('September')).toEqual(['19', '6,26', '10', '9', '0', '0', '2', '8', '0', '1', '0']);
    expect(row('Total')).toEqual(['205', '5,10', '129', '53', '0', '23', '6', '59', '13', '1', '0']);
    expect(res.text).toContain('Ketentuan penghitungan');
    expect(res.text).not.toContain('tanpa alasan tercatat');
    expect(res.text).not.toContain('Ada baris yang tidak sesuai');
  });

  it('when the office table is compared with ours, then only the documented cells differ', () => {
    const ours = buildRecap(db, 2022, { today: '2026-11-23' });
    const differences: string[] = [];
    OFFICE_2022.forEach(([n, avg, full, partial, rejected, np, exempt, notHeld, other, objections], i) => {
      const m = ours.months[i];
      const cells: [string, number | string, number | string][] = [
        ['n', n, m.requests], ['avg', avg, m.avgServiceDays!.toFixed(2).replace('.', ',')], ['full', full, m.grantedFull],
        ['partial', partial, m.grantedPartial], ['rejected', rejected, m.rejected], ['np', np, m.notProvided],
        ['exempt', exempt, m.reasonExempt], ['notHeld', notHeld, m.reasonNotHeld], ['other', other, m.reasonOther], ['objections', objections, m.objections],
      ];
      for (const [name, office, app] of cells) if (office !== app) differences.push(`${i + 1}:${name}:${office}→${app}`);
    });
    expect(differences).toEqual([
      '1:other:0→2', '2:other:0→1', '3:other:1→8', '4:avg:4,30→4,29', '5:avg:4,34→4,36', '6:other:0→1', '10:other:0→1',
    ]);
  });

  it('when the XLSX is downloaded and read back, then every cell equals the JSON, with merged headers and number formats', async () => {
    const { agent } = await loginAs(app, db, 'auditor', 'auditor-xlsx');
    const res = await agent.get('/recap/2022.xlsx').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('rekapitulasi-permintaan-informasi-2022.xlsx');
    const json = (await request(app).get('/api/v1/recap/2022').set(auth)).body;

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('Rekapitulasi Permintaan Informasi Publik Tahun 2022');
    expect(ws.getCell('A4').value).toBe('Bulan');
    expect(ws.getCell('D4').value).toBe('Jumlah Permintaan Yang Dikabulkan');
    expect(ws.getCell('E4').master.address).toBe('D4');
    expect(ws.getCell('D5').value).toBe('Sepenuhnya');
    expect(ws.getCell('E5').value).toBe('Sebagian');
    expect(ws.getCell('H4').value).toBe('Alasan Permintaan Yang Ditolak/Tidak Diberikan');
    expect(ws.getCell('J4').master.address).toBe('H4');
    expect(['H5', 'I5', 'J5'].map((a) => ws.getCell(a).value)).toEqual(['Dikecualikan', 'Belum Dikuasai', 'Lainnya']);
    expect(ws.getCell('A5').master.address).toBe('A4');
    expect(ws.getCell('L5').master.address).toBe('L4');
    expect(ws.getColumn(3).width).toBeGreaterThan(10);

    const keys: Record<string, string> = {
      requests: 'requests', avgServiceDays: 'avg_service_days', grantedFull: 'granted_full', grantedPartial: 'granted_partial',
      rejected: 'rejected', notProvided: 'not_provided', reasonExempt: 'reason_exempt', reasonNotHeld: 'reason_not_held',
      reasonOther: 'reason_other', objections: 'objections', inProcess: 'in_process',
    };
    const expectedRows = [...json.months.map((m: Record<string, unknown>, i: number) => ({ label: OFFICE_MONTHS[i], ...m })), { label: 'Total', ...json.total }];
    expectedRows.forEach((expected: Record<string, unknown>, i: number) => {
      const row = ws.getRow(6 + i);
      expect(row.getCell(1).value).toBe(expected.label);
      COLUMN_ORDER.forEach((k, j) => {
        const cell = row.getCell(j + 2);
        expect(cell.value, `${expected.label} ${k}`).toBe(expected[keys[k]]);
        expect(cell.numFmt).toBe(k === 'avgServiceDays' ? '0.00' : '0');
      });
    });
  });

  it('when the CSV is downloaded, then it starts with the BOM, has both header rows and one row per month plus Total with a decimal point', async () => {
    const { agent } = await loginAs(app, db, 'auditor', 'auditor-csv');
    const res = await agent.get('/recap/2022.csv').buffer(true).parse(binary).expect(200);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2 + 12 + 1);
    expect(lines[0]).toBe('Bulan,Jumlah Permintaan,Waktu Rata-Rata Pelayanan (hari kerja),Jumlah Permintaan Yang Dikabulkan,,Jumlah Permohonan Ditolak,Tidak Diberikan,Alasan Permintaan Yang Ditolak/Tidak Diberikan,,,Jumlah Keberatan,Dalam Proses');
    expect(lines[1]).toBe(',,,Sepenuhnya,Sebagian,,,Dikecualikan,Belum Dikuasai,Lainnya,,');
    expect(lines[2]).toBe('Januari,15,4.40,10,2,0,3,0,3,2,0,0');
    expect(lines[14]).toBe('Total,205,5.10,129,53,0,23,6,59,13,1,0');
  });

  it('when the CSV for Excel Indonesia is downloaded, then cells are separated by ; and the average has a decimal comma', async () => {
    const { agent } = await loginAs(app, db, 'auditor', 'auditor-csv-id');
    const res = await agent.get('/recap/2022.csv?format=excel-id').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain('rekapitulasi-permintaan-informasi-2022-excel-id.csv');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Bulan;Jumlah Permintaan;Waktu Rata-Rata Pelayanan (hari kerja);Jumlah Permintaan Yang Dikabulkan;;Jumlah Permohonan Ditolak;Tidak Diberikan;Alasan Permintaan Yang Ditolak/Tidak Diberikan;;;Jumlah Keberatan;Dalam Proses');
    expect(lines[2]).toBe('Januari;15;4,40;10;2;0;3;0;3;2;0;0');
    expect(lines[14]).toBe('Total;205;5,10;129;53;0;23;6;59;13;1;0');
    const page = await agent.get('/recap?year=2022').expect(200);
    expect(page.text).toContain('href="/recap/2022.csv?format=excel-id"');
  });

  it('when the public page shows 2022, then it has the numbers and none of the 205 requesters', async () => {
    const res = await request(app).get('/rekap?year=2022').expect(200);
    expect(res.text).toContain('5,10');
    expect(res.text).not.toMatch(/Pemohon \d+-\d+/);
    expect(res.text).not.toMatch(/@contoh\.id/);
    expect(res.text).not.toContain('/PPID/');
  });
});

const OFFICE_MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

describe('the 2022 register moved through the import', () => {
  it('when the register is exported to CSV and imported into an empty office, then its recap through the API has the same cells', async () => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    writeCsv(sink, startRegisterExport({ db, actor: { userId: null, label: 'test' }, zone: 'Asia/Jakarta', filter: { year: 2022 }, format: 'csv' }));
    sink.end();

    const fresh = buildTestApp();
    const { agent, csrf } = await loginAs(fresh.app, fresh.db, 'admin');
    const upload = await agent.post('/admin/import').field('_csrf', csrf).attach('file', Buffer.concat(chunks), 'register-2022.csv');
    expect(upload.status).toBe(200);
    expect(upload.text).toContain('205');

    const freshAuth = { Authorization: `Bearer ${await tokenFor(fresh.db, 'auditor', 'auditor2')}` };
    const original = (await request(app).get('/api/v1/recap/2022').set(auth)).body;
    const imported = (await request(fresh.app).get('/api/v1/recap/2022').set(freshAuth)).body;
    expect(imported.months).toEqual(original.months);
    expect(imported.total).toEqual(original.total);
    expect(imported.total.requests).toBe(205);
  });
});
