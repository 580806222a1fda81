import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/context.js';
import { cliContext } from '../helpers/cli.js';
import { freshDb } from '../helpers/build-test-app.js';
import { makeRequest } from '../helpers/factories.js';
import { buildRecap } from '../../src/recap/recap.service.js';
import { presentRecapForApi } from '../../src/recap/recap.presenter.js';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' };
  return { io, out, err };
}

describe('ppid recap', () => {
  it('when asked for JSON, then it prints what the API returns', async () => {
    const db = freshDb();
    makeRequest(db, { receivedOn: '2022-02-01' });
    const { io, out, err } = fakeIo();

    expect(await runCli(['recap', '--year', '2022', '--format', 'json'], cliContext(db), io)).toBe(0);

    expect(err).toEqual([]);
    const printed = JSON.parse(out.join('\n'));
    const expected = presentRecapForApi(buildRecap(db, 2022, { zone: 'Asia/Jakarta' }));
    expect(printed.months).toEqual(expected.months);
    expect(printed.total).toEqual(expected.total);
    expect(printed.months[1]).toMatchObject({ month: 2, requests: 1, in_process: 1 });
  });

  it('when asked for CSV or XLSX into a file, then the files are written; CSV on stdout starts with the BOM', async () => {
    const db = freshDb();
    makeRequest(db, { receivedOn: '2022-02-01' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recap-cli-'));
    try {
      const csv = fakeIo();
      expect(await runCli(['recap', '--year', '2022', '--format', 'csv'], cliContext(db), csv.io)).toBe(0);
      expect(csv.out[0].startsWith('\uFEFFBulan,')).toBe(true);

      const csvId = fakeIo();
      expect(await runCli(['recap', '--year', '2022', '--format', 'csv-id'], cliContext(db), csvId.io)).toBe(0);
      expect(csvId.out[0].startsWith('\uFEFFBulan;Jumlah Permintaan;')).toBe(true);
      expect(csvId.out[0]).toContain('\r\nFebruari;1;;0;');

      const file = path.join(dir, 'rekap.xlsx');
      const xlsx = fakeIo();
      expect(await runCli(['recap', '--year', '2022', '--format', 'xlsx', '--out', file], cliContext(db), xlsx.io)).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets[0].getCell('B7').value).toBe(1); // February's requests

      const csvFile = path.join(dir, 'rekap.csv');
      expect(await runCli(['recap', '--year', '2022', '--format', 'csv', '--out', csvFile], cliContext(db), fakeIo().io)).toBe(0);
      expect([...fs.readFileSync(csvFile).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when the year, the format or the output is wrong, then it explains and exits 2', async () => {
    const db = freshDb();
    const bad = fakeIo();
    expect(await runCli(['recap', '--year', '1999', '--format', 'json'], cliContext(db), bad.io)).toBe(2);
    expect(bad.err.join()).toContain('Tahun tidak valid');
    const fmt = fakeIo();
    expect(await runCli(['recap', '--year', '2022', '--format', 'pdf'], cliContext(db), fmt.io)).toBe(2);
    expect(fmt.err.join()).toContain('Pemakaian');
    const noOut = fakeIo();
    expect(await runCli(['recap', '--year', '2022', '--format', 'xlsx'], cliContext(db), noOut.io)).toBe(2);
    expect(noOut.err.join()).toContain('--out');
  });
});
