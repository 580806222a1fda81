import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Application } from 'express';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs, testUnit } from '../helpers/login-as.js';
import { cliContext } from '../helpers/cli.js';
import { csvWriter } from '../../src/shared/csv.js';
import { activeOptions } from '../../src/desk/desk-config.js';
import { USER_TYPES } from '../../src/desk/vocabulary.js';
import { loadExcelJS } from '../../src/shared/excel.js';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/context.js';
import type { Db } from '../../src/db/client.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-12T10:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

const HEADER = ['received_at', 'channel', 'user_name', 'user_type', 'user_institution', 'user_region_code', 'user_email', 'user_phone', 'category', 'topic', 'question', 'answer', 'answered_at', 'unit_code', 'escalated_at', 'ticket_number'];
type Row = Partial<Record<(typeof HEADER)[number], string>>;
const base: Row = { received_at: '2025-11-03 09:15', channel: 'whatsapp', user_name: 'Siti Aminah', user_type: 'local_government', user_region_code: '3404', category: 'question', question: 'Kapan DBH cair?' };
const rowsOf = (rows: Row[]) => rows.map((r) => HEADER.map((h) => r[h] ?? ''));
const csvOf = (rows: Row[], header = HEADER) => Buffer.from(csvWriter().file([header, ...rowsOf(rows)]));
const GOOD: Row[] = [
  { ...base, ticket_number: 'CRM-0001' },
  { ...base, user_name: 'Andi', channel: 'Telepon', category: 'Permintaan data', question: 'Data dana desa 2025', answer: 'Terlampir', answered_at: '2025-11-03T11:00:00+07:00' },
  { ...base, user_name: 'Rina', channel: 'email', question: 'Pajak daerah', unit_code: 'PK.5', escalated_at: '2025-11-03 10:00', answer: 'Dijawab unit', answered_at: '2025-11-05 14:00' },
];

const count = (db: Db, table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const all = (db: Db, sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];
let users = 0;
async function upload(app: Application, db: Db, file: Buffer, name: string, fields: Record<string, string> = {}, role: 'officer' | 'admin' = 'officer') {
  const { agent, csrf } = await loginAs(app, db, role, `${role}-ci${++users}`);
  let req = agent.post('/admin/consultation-import').field('_csrf', csrf);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', file, name);
}

describe('importing consultation history from a CRM export', () => {
  it('when an officer imports a CSV, then each row becomes a ticket with its escalation and answer, audited once for the file', async () => {
    const { app, db } = buildTestApp();
    testUnit(db, 'PK.5');
    const res = await upload(app, db, csvOf(GOOD), 'crm.csv', { mode: 'import' });
    expect(res.status, res.text).toBe(200);
    expect(res.text).toContain('3 konsultasi diimpor.');
    expect(all(db, 'select ticket_number, received_at, channel, category, status, escalated_at, answered_at from consultations order by id')).toEqual([
      { ticket_number: '00001/KONS/2025', received_at: '2025-11-03T02:15:00Z', channel: 'whatsapp', category: 'question', status: 'open', escalated_at: null, answered_at: null },
      { ticket_number: '00002/KONS/2025', received_at: '2025-11-03T02:15:00Z', channel: 'phone', category: 'data_request', status: 'answered', escalated_at: null, answered_at: '2025-11-03T04:00:00Z' },
      { ticket_number: '00003/KONS/2025', received_at: '2025-11-03T02:15:00Z', channel: 'email', category: 'question', status: 'answered', escalated_at: '2025-11-03T03:00:00Z', answered_at: '2025-11-05T07:00:00Z' },
    ]);
    expect(all(db, "select source_ticket_number from consultation_imports order by consultation_id")).toEqual([{ source_ticket_number: 'CRM-0001' }, { source_ticket_number: '' }, { source_ticket_number: '' }]);
    expect(count(db, "audit_log where action = 'import.consultations'")).toBe(1);
  });

  it('when the same file is imported again, then nothing new is created and the rows are reported as already there', async () => {
    const { app, db } = buildTestApp();
    testUnit(db, 'PK.5');
    await upload(app, db, csvOf(GOOD), 'crm.csv', { mode: 'import' });
    const again = await upload(app, db, csvOf(GOOD), 'crm-lagi.csv', { mode: 'import' });
    expect(again.status).toBe(200);
    expect(again.text).toContain('0 konsultasi diimpor; 3 sudah ada dan dilewati.');
    expect(again.text).toContain('Sudah diimpor sebelumnya; dilewati.');
    expect(count(db, 'consultations')).toBe(3);
    // The same moment written with its offset is the same row.
    const offset = await upload(app, db, csvOf([{ ...GOOD[2], received_at: '2025-11-03T09:15:00+07:00' }]), 'crm-offset.csv', { mode: 'import' });
    expect(offset.text).toContain('0 konsultasi diimpor; 1 sudah ada dan dilewati.');
    // The same row twice in one file counts once.
    const twice = await upload(app, db, csvOf([{ ...base, ticket_number: 'CRM-9' }, { ...base, ticket_number: 'CRM-9' }]), 'dua.csv', { mode: 'import' });
    expect(twice.text).toContain('1 konsultasi diimpor; 1 sudah ada dan dilewati.');
    expect(count(db, 'consultations')).toBe(4);
  });

  it('when it is only checked (dry run), then the report says what would be imported and nothing is written', async () => {
    const { app, db } = buildTestApp();
    testUnit(db, 'PK.5');
    const res = await upload(app, db, csvOf(GOOD), 'crm.csv', { mode: 'check' }, 'admin');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Pemeriksaan saja, belum ada yang disimpan: 3 konsultasi siap diimpor.');
    expect(count(db, 'consultations')).toBe(0);
    expect(count(db, 'consultation_imports')).toBe(0);
    expect(count(db, "audit_log where action like 'consultation.%' or action = 'import.consultations'")).toBe(0);
  });

  it('when rows are wrong, then each is reported by row and column and nothing is written; with "skip invalid" the good rows are imported', async () => {
    const { app, db } = buildTestApp();
    testUnit(db, 'PK.5');
    const bad: Row[] = [
      GOOD[0],
      { ...base, user_name: 'A', channel: 'telegram' },
      { ...base, user_name: 'B', answer: 'Jawaban tanpa waktu' },
      { ...base, user_name: 'C', unit_code: 'PK.99', escalated_at: '2025-11-03 10:00' },
      { ...base, user_name: 'D', answer: 'Terlalu cepat', answered_at: '2025-11-03 08:00' },
      { ...base, user_name: 'E', received_at: 'kemarin sore' },
    ];
    const res = await upload(app, db, csvOf(bad), 'crm.csv', { mode: 'import' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Tidak ada yang diimpor: 5 baris bermasalah.');
    for (const text of ['<td>3</td><td>channel</td>', '<td>4</td><td>answered_at</td>', '<td>5</td><td>unit_code</td>', 'Unit tidak dikenal.', '<td>6</td><td>answered_at</td>', 'Waktu jawaban tidak boleh sebelum pertanyaan masuk.', '<td>7</td><td>received_at</td>']) {
      expect(res.text).toContain(text);
    }
    expect(count(db, 'consultations')).toBe(0);
    const skip = await upload(app, db, csvOf(bad), 'crm.csv', { mode: 'import', skipInvalid: '1' });
    expect(skip.status).toBe(200);
    expect(skip.text).toContain('1 konsultasi diimpor; 5 baris bermasalah dilewati.');
    expect(count(db, 'consultations')).toBe(1);
    // A refused row leaves nothing behind (its savepoint is rolled back).
    expect(count(db, 'consultation_imports')).toBe(1);
  });

  it('when the topic is a code or its label, then the code is stored; an unknown topic or region is reported on its row; the page lists the topics', async () => {
    const { app, db } = buildTestApp();
    const rows: Row[] = [
      { ...base, user_name: 'A', topic: 'regional_tax' },
      { ...base, user_name: 'B', topic: 'dana desa' },
      { ...base, user_name: 'C', topic: 'Pajak pusat' },
      { ...base, user_name: 'D', topic: 'pajak_pusat' },
      { ...base, user_name: 'E', user_region_code: '5199' },
    ];
    const res = await upload(app, db, csvOf(rows), 'crm.csv', { mode: 'import', skipInvalid: '1' });
    expect(res.status, res.text).toBe(200);
    expect(res.text).toContain('2 konsultasi diimpor; 3 baris bermasalah dilewati.');
    for (const text of ['<td>4</td><td>topic</td>', '<td>5</td><td>topic</td>', 'Topik &#34;pajak_pusat&#34; tidak dikenal.', '<td>6</td><td>user_region_code</td>', 'Kode wilayah &#34;5199&#34; tidak ada']) {
      expect(res.text).toContain(text);
    }
    expect(all(db, 'select user_name, topic from consultations order by id')).toEqual([{ user_name: 'A', topic: 'regional_tax' }, { user_name: 'B', topic: 'village_fund' }]);
    const { agent } = await loginAs(app, db, 'officer', 'officer-topics');
    expect((await agent.get('/admin/consultation-import').expect(200)).text).toContain('village_fund (Dana desa)');
  });

  it('when a required column is missing or the file is not a sheet, then the file is refused as a whole', async () => {
    const { app, db } = buildTestApp();
    const noQuestion = await upload(app, db, csvOf([base], HEADER.filter((h) => h !== 'question')), 'crm.csv', { mode: 'import' });
    expect(noQuestion.status).toBe(400);
    expect(noQuestion.text).toContain('Kolom wajib tidak ada: question.');
    const pdf = await upload(app, db, Buffer.from('%PDF-1.4\n'), 'crm.xlsx', { mode: 'import' });
    expect(pdf.status).toBe(400);
    expect(pdf.text).toContain('bukan buku kerja Excel');
    expect(count(db, 'consultations')).toBe(0);
  });

  it('when the export is an XLSX with Excel date cells, then they are read as office-zone times', async () => {
    const { app, db } = buildTestApp();
    const Excel = await loadExcelJS();
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(HEADER);
    ws.addRow(HEADER.map((h) => (h === 'received_at' ? new Date(Date.UTC(2025, 10, 4, 8, 30)) : (base[h] ?? ''))));
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(app, db, buffer, 'crm.xlsx', { mode: 'import' });
    expect(res.status, res.text).toBe(200);
    expect(all(db, 'select received_at from consultations')).toEqual([{ received_at: '2025-11-04T01:30:00Z' }]);
  });

  it('when run from the command line, then --dry-run writes nothing and the import writes the rows (exit codes as the register import)', async () => {
    const { db } = buildTestApp();
    testUnit(db, 'PK.5');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-crm-'));
    const file = path.join(dir, 'crm.csv');
    fs.writeFileSync(file, csvOf(GOOD));
    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(l), readStdin: async () => '' };
    expect(await runCli(['import-consultations', file, '--dry-run'], cliContext(db), io)).toBe(0);
    expect(count(db, 'consultations')).toBe(0);
    expect(await runCli(['import-consultations', file], cliContext(db), io)).toBe(0);
    expect(count(db, 'consultations')).toBe(3);
    expect(out).toContain('3 konsultasi diimpor.');
    fs.writeFileSync(file, csvOf([{ ...base, channel: 'fax' }]));
    expect(await runCli(['import-consultations', file], cliContext(db), io)).toBe(1);
    expect(await runCli(['import-consultations'], cliContext(db), io)).toBe(2);
  });

});

describe('consultation import templates', () => {
  it('when an officer downloads the XLSX template, fills one row with the offered labels and uploads it, then that ticket is imported', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer', 'template-officer');
    const page = await agent.get('/admin/consultation-import').expect(200);
    expect(page.text).toContain('href="/admin/consultation-import/template.xlsx"');
    const res = await agent.get('/admin/consultation-import/template.xlsx').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const Excel = await loadExcelJS();
    const wb = new Excel.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Konsultasi', 'Petunjuk', 'Pilihan']);
    const ws = wb.getWorksheet('Konsultasi')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(ws.rowCount).toBe(1);
    const help = wb.getWorksheet('Petunjuk')!.getSheetValues().flat().join(' ');
    expect(help).toContain('Dana desa (village_fund)'); // the admin's topic list, label and code
    const choices = wb.getWorksheet('Pilihan')!;
    const channels = (choices.getColumn(1).values as unknown[]).slice(2);
    expect(channels).toContain('WhatsApp');

    // Labels as the drop-downs offer them.
    const filled: Row = { ...base, channel: 'WhatsApp', user_type: USER_TYPES.local_government, category: activeOptions(db, 'category').question, topic: 'Dana desa' };
    expect((choices.getColumn(3).values as unknown[]).slice(2)).toContain(filled.category);
    ws.addRow(HEADER.map((h) => filled[h] ?? ''));
    const upload2 = await upload(app, db, Buffer.from(await wb.xlsx.writeBuffer()), 'templat.xlsx', { mode: 'import' });
    expect(upload2.status, upload2.text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 1500)).toBe(200);
    expect(all(db, 'select channel, user_type, category, topic from consultations')).toEqual([
      { channel: 'whatsapp', user_type: 'local_government', category: 'question', topic: 'village_fund' },
    ]);
  });

  it('when the CSV template is downloaded, then it is the header line with a BOM (semicolons for Excel Indonesia)', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin', 'template-admin');
    const csv = await agent.get('/admin/consultation-import/template.csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text.slice(1).trimEnd().split(',')).toEqual(HEADER);
    const id = await agent.get('/admin/consultation-import/template.csv?format=excel-id').expect(200);
    expect(id.headers['content-disposition']).toContain('templat-impor-konsultasi-excel-id.csv');
    expect(id.text.slice(1).trimEnd().split(';')).toEqual(HEADER);
  });
});
