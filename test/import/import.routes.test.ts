import crypto from 'node:crypto';
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { makeRequest } from '../helpers/factories.js';
import { csvOf, LABELS, readXlsx, row, xlsxOf } from './register-files.js';
import { findByRegistrationNumber } from '../../src/requests/requests.repo.js';
import { objectionsOfRequest } from '../../src/objections/objections.repo.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { findDikEntry } from '../../src/dik/dik.repo.js';
import { loadCalendar } from '../../src/calendar/holidays.service.js';
import { computeDeadlines } from '../../src/requests/deadlines.js';
import { objectionDates } from '../../src/objections/objection-rules.js';
import type { Db } from '../../src/db/client.js';
import type { Application } from 'express';

const count = (db: Db, table: 'requests' | 'objections') =>
  (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/** Three requests: a full grant, an extended partial grant with an objection, and an open one. */
function sampleRows() {
  return [
    row({ 'Putusan': 'Dikabulkan sepenuhnya', 'Tanggal putusan': '10/03/2022' }),
    row({
      'Nomor registrasi': '006/PPID/III/2022', 'Nama pemohon': 'Budi Santoso', Saluran: 'surat', 'Kategori pemohon': 'LSM',
      'Tanggal perpanjangan': '2022-03-15', 'Hari perpanjangan': 7, 'Alasan perpanjangan': 'Menunggu data unit',
      Putusan: 'partial', 'Tanggal putusan': '2022-03-22', Alasan: 'Dikecualikan; belum dikuasai', 'Pasal 17 huruf': 'h',
      'Uji konsekuensi': 'Memuat data pribadi', 'Biaya (Rp)': '5.000',
      'Tanggal keberatan': '2022-04-04', 'Alasan keberatan (Pasal 35 huruf)': 'a;e', 'Uraian keberatan': 'Data bukan rahasia',
      'Tanggal tanggapan keberatan': '2022-04-20', 'Hasil keberatan': 'ditolak', 'Pertimbangan tanggapan': 'Pengecualian sah',
    }),
    row({ 'Nomor registrasi': 'PPID/2022/0099', 'Tanggal diterima': '2022-04-05', 'Kategori pemohon': 'local_government', 'Jenis pemohon': 'BADAN HUKUM' }),
  ];
}

let admins = 0;
async function upload(app: Application, db: Db, file: Buffer, name: string, fields: Record<string, string> = {}) {
  const { agent, csrf } = await loginAs(app, db, 'admin', `admin${++admins}`);
  let req = agent.post('/admin/import').field('_csrf', csrf);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', file, name);
}

describe('import templates', () => {
  it('when an admin downloads the XLSX template, then its Register sheet has every column and no data, with instructions', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    const res = await agent.get('/admin/import/template.xlsx').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readXlsx(res.body as Buffer, 'Register');
    expect(sheet.header).toEqual(LABELS);
    expect(sheet.rows).toEqual([]);
    expect(sheet.sheets).toEqual(['Register', 'Petunjuk', 'Pilihan']);
    const help = await readXlsx(res.body as Buffer, 'Petunjuk');
    expect(help.rows.flat().join(' ')).toContain('Akademisi/Peneliti (academic)');
  });

  it('when an admin downloads the CSV template, then it is the header line with a BOM', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    const res = await agent.get('/admin/import/template.csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(res.text.slice(1).trimEnd().split(',')).toEqual(LABELS);
    const id = await agent.get('/admin/import/template.csv?format=excel-id').expect(200);
    expect(id.headers['content-disposition']).toContain('templat-impor-register-excel-id.csv');
    expect(id.text.charCodeAt(0)).toBe(0xfeff);
    expect(id.text.slice(1).trimEnd().split(';')).toEqual(LABELS);
  });
});

describe('importing a register', () => {
  it('when a valid CSV is uploaded, then requests keep their numbers and get decisions, extensions, objections and calendar deadlines', async () => {
    const { app, db } = buildTestApp();
    const res = await upload(app, db, csvOf(sampleRows()), 'register-2022.csv');
    expect(res.status).toBe(200);
    expect(res.text).toContain('3 permohonan diimpor (1 keberatan, 1 entri DIK)');
    expect(res.text).toContain('Belum diputus dan tenggatnya (20 April 2022) sudah lewat');

    const a = findByRegistrationNumber(db, '005/PPID/III/2022')!;
    expect(a).toMatchObject({
      source: 'import', registrationYear: 2022, registrationSeq: 5, receivedOn: '2022-03-01', channel: 'email', requesterCategory: 'academic',
      obtainMethod: 'softcopy', deliveryMethod: 'email', outcome: 'full', decidedOn: '2022-03-10',
      originalDueOn: '2022-03-16', dueOn: '2022-03-16', serviceDays: 6, // Nyepi (3 March) is skipped
    });
    expect(a.openedAt).not.toBeNull();
    const b = findByRegistrationNumber(db, '006/PPID/III/2022')!;
    expect(b).toMatchObject({
      channel: 'letter', extendedOn: '2022-03-15', extensionDays: 7, extensionReason: 'Menunggu data unit', dueOn: '2022-03-25',
      outcome: 'partial', decidedOn: '2022-03-22', serviceDays: 14, reasonExempt: true, reasonNotHeld: true, reasonOther: false,
      exemptionArticles: 'h', consequenceTest: 'Memuat data pribadi', feeRupiah: 5000,
    });
    // Its exemption is in the DIK, as a decision made in the app would put it; the full grant has none.
    expect(b.dikEntryId).not.toBeNull();
    expect(findDikEntry(db, b.dikEntryId!)).toMatchObject({
      information: b.informationRequested, articles: 'h', consequenceTest: 'Memuat data pribadi', decidedOn: '2022-03-22', requestId: b.id,
    });
    expect(a.dikEntryId).toBeNull();
    expect(listAudit(db, { action: 'import.register' }, 1, 1).rows[0].summary).toContain('1 entri DIK');
    const [o] = objectionsOfRequest(db, b.id);
    const cal = loadCalendar(db);
    expect(o).toMatchObject({
      registrationNumber: '001/KEB/PPID/2022', registrationSeq: 1, filedOn: '2022-04-04', grounds: 'a,e', statement: 'Data bukan rahasia',
      filedBy: 'requester', respondedOn: '2022-04-20', result: 'rejected', reasoning: 'Pengecualian sah',
      ...objectionDates(b, '2022-04-04', cal),
    });
    expect(o.late).toBe(false);
    const c = findByRegistrationNumber(db, 'PPID/2022/0099')!;
    expect(c).toMatchObject({ registrationSeq: null, requesterType: 'legal_entity', requesterCategory: 'local_government', outcome: null, serviceDays: null });
    expect(c.dueOn).toBe(computeDeadlines({ receivedOn: '2022-04-05', extensionDays: null, decidedOn: null }, cal).dueOn);
    expect(c.dueOn).toBe('2022-04-20'); // Good Friday 15 April skipped
  });

  it('when a valid XLSX with real date cells and codes is uploaded, then it imports the same way', async () => {
    const { app, db } = buildTestApp();
    const rows = sampleRows();
    rows[0]['Tanggal diterima'] = new Date(Date.UTC(2022, 2, 1));
    rows[0]['Tanggal putusan'] = new Date(Date.UTC(2022, 2, 10));
    rows[0].Saluran = 'EMAIL';
    rows[0].Telepon = 81234567890; // a number cell, as Excel makes of it
    const res = await upload(app, db, await xlsxOf(rows), 'register-2022.xlsx');
    expect(res.status).toBe(200);
    expect(res.text).toContain('3 permohonan diimpor (1 keberatan, 1 entri DIK)');
    expect(findByRegistrationNumber(db, '005/PPID/III/2022')).toMatchObject({ receivedOn: '2022-03-01', decidedOn: '2022-03-10', serviceDays: 6, channel: 'email', requesterPhone: '81234567890' });
    expect(findByRegistrationNumber(db, '006/PPID/III/2022')).toMatchObject({ dueOn: '2022-03-25', serviceDays: 14 });
  });

  it('when the same file is imported twice, then the second import adds nothing and lists the rows as "sudah ada"', async () => {
    const { app, db } = buildTestApp();
    const file = csvOf(sampleRows());
    await upload(app, db, file, 'register.csv');
    const again = await upload(app, db, file, 'register.csv');
    expect(again.status).toBe(200);
    expect(again.text).toContain('0 permohonan diimpor (0 keberatan); 3 sudah ada dan dilewati');
    expect(again.text).toContain('Sudah ada: 005/PPID/III/2022 sudah tercatat');
    expect(count(db, 'requests')).toBe(3);
    expect(count(db, 'objections')).toBe(1);
  });

  it('when one row is bad, then nothing is imported and the report names its row, column and problem', async () => {
    const { app, db } = buildTestApp();
    const rows = [...sampleRows(), row({ 'Nomor registrasi': '010/PPID/III/2022', 'Tanggal diterima': '31/02/2022', Saluran: 'merpati pos' })];
    const res = await upload(app, db, csvOf(rows), 'register.csv');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Tidak ada yang diimpor: 1 baris bermasalah');
    const table = res.text.slice(res.text.indexOf('import-report'));
    expect(table).toMatch(/<td>5<\/td>\s*<td>Tanggal diterima<\/td>[\s\S]*?Tanggal tidak dikenal: &#34;31\/02\/2022&#34;/);
    expect(table).toMatch(/<td>5<\/td>\s*<td>Saluran<\/td>[\s\S]*?&#34;merpati pos&#34; tidak dikenal. Pilihan: Langsung \(datang\) \(walk_in\)/);
    expect(count(db, 'requests')).toBe(0);
    expect(listAudit(db, { action: 'import.register' }, 1, 10).total).toBe(0);
  });

  it('when "skip invalid rows" is chosen, then the valid rows are imported and the bad one reported', async () => {
    const { app, db } = buildTestApp();
    const rows = [...sampleRows(), row({ 'Nomor registrasi': '010/PPID/III/2022', 'Jenis pemohon': 'alien' })];
    const res = await upload(app, db, csvOf(rows), 'register.csv', { skipInvalid: '1' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('3 permohonan diimpor (1 keberatan, 1 entri DIK); 1 baris bermasalah dilewati');
    expect(findByRegistrationNumber(db, '010/PPID/III/2022')).toBeUndefined();
  });

  it('when columns are missing or renamed, then the report lists the missing ones and nothing is read', async () => {
    const { app, db } = buildTestApp();
    const labels = LABELS.filter((l) => l !== 'Saluran' && l !== 'Putusan').map((l) => (l === 'Alamat' ? 'Alamat rumah' : l));
    const res = await upload(app, db, csvOf([row()], { labels }), 'register.csv');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Kolom tidak ditemukan: Saluran, Alamat, Putusan.');
    expect(res.text).toContain('Kolom tidak dikenal diabaikan: Alamat rumah.');
    expect(count(db, 'requests')).toBe(0);
  });

  it('when a registration number appears twice in the file, then both rows are errors', async () => {
    const { app, db } = buildTestApp();
    const res = await upload(app, db, csvOf([row(), row({ 'Nama pemohon': 'Orang lain' }), { No: 3 }], { labels: ['No', ...LABELS] }), 'register.csv');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Nomor registrasi &#34;005/PPID/III/2022&#34; ganda dalam berkas (juga di baris 3).');
    expect(res.text).toContain('Nomor registrasi &#34;005/PPID/III/2022&#34; ganda dalam berkas (sama dengan baris 2).');
    expect(res.text).toContain('2 baris data'); // the row with only "No" filled is an empty row
    expect(res.text).toContain('Kolom tidak dikenal diabaikan: No.');
    expect(count(db, 'requests')).toBe(0);
  });

  it('when a further-objection row names a request that is not in the file, then it is an error', async () => {
    const { app, db } = buildTestApp();
    const orphan = { 'Nomor registrasi': '099/PPID/III/2022', 'Tanggal keberatan': '2022-04-04', 'Alasan keberatan (Pasal 35 huruf)': 'c', 'Uraian keberatan': 'Tidak dijawab' };
    const res = await upload(app, db, csvOf([row(), orphan]), 'register.csv');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Tidak ada baris permohonan bernomor &#34;099/PPID/III/2022&#34; di berkas ini');
    expect(count(db, 'requests')).toBe(0);
  });

  it('when the template is sent back empty, then nothing happens and it says so', async () => {
    const { app, db } = buildTestApp();
    const res = await upload(app, db, csvOf([]), 'templat.csv');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Berkas tidak berisi baris data di bawah judul kolom.');
    expect(listAudit(db, { action: 'import.register' }, 1, 10).total).toBe(0);
  });

  it('when a text file is named .xlsx, then it is refused with a clear message', async () => {
    const { app, db } = buildTestApp();
    const res = await upload(app, db, csvOf([row()]), 'register.xlsx');
    expect(res.status).toBe(400);
    expect(res.text).toContain('bernama .xlsx tetapi isinya bukan buku kerja Excel');
    expect(count(db, 'requests')).toBe(0);
  });

  it('when a ZIP that is no workbook is uploaded, then it is refused', async () => {
    const { app, db } = buildTestApp();
    // An empty ZIP archive: just the end-of-central-directory record.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    const res = await upload(app, db, zip, 'register.xlsx');
    expect(res.status).toBe(400);
    expect(res.text).toContain('bukan buku kerja Excel (XLSX) yang dapat dibaca');
  });

  it('when the file is a 50 MB one, then it is refused with 413 and a clear message', async () => {
    const { app, db } = buildTestApp();
    const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
    const res = await upload(app, db, big, 'besar.csv');
    expect(res.status).toBe(413);
    expect(res.text).toContain('Berkas terlalu besar: paling besar 40 MB.');
    expect(count(db, 'requests')).toBe(0);
  });

  it('when a past partial grant has no reason, then it is kept as recorded and listed as a warning', async () => {
    const { app, db } = buildTestApp();
    const rows = [row({ Putusan: 'Dikabulkan sebagian', 'Tanggal putusan': '2022-03-10', Alasan: 'Dikecualikan' })];
    const res = await upload(app, db, csvOf(rows), 'register.csv');
    expect(res.status).toBe(200);
    expect(res.text).toContain('1 permohonan diimpor');
    expect(res.text).toContain('Alasan &#34;dikecualikan&#34; tanpa huruf Pasal 17. Sebutkan huruf Pasal 17 yang menjadi dasar pengecualian. Dicatat apa adanya.');
    const partialWithoutReason = await upload(app, db, csvOf([row({ 'Nomor registrasi': '007/PPID/III/2022', Putusan: 'Dikabulkan sebagian', 'Tanggal putusan': '2022-03-10' })]), 'r2.csv');
    expect(partialWithoutReason.status).toBe(200);
    expect(partialWithoutReason.text).toMatch(/<td>2<\/td>\s*<td>Alasan<\/td>\s*<td><span class="badge badge-soon">Peringatan<\/span><\/td>\s*<td>Putusan &#34;Dikabulkan sebagian&#34; tanpa alasan/);
    expect(findByRegistrationNumber(db, '007/PPID/III/2022')).toMatchObject({ outcome: 'partial', reasonExempt: false, reasonNotHeld: false, reasonOther: false, serviceDays: 6 });
  });

  it('when a past rejection has no Pasal 17 reason or no consequence test, then it is kept as recorded with a warning', async () => {
    const { app, db } = buildTestApp();
    const rows = [
      row({ Putusan: 'Ditolak', 'Tanggal putusan': '2022-03-10', Alasan: 'Tidak dikuasai' }),
      row({ 'Nomor registrasi': '008/PPID/III/2022', Putusan: 'Ditolak', 'Tanggal putusan': '2022-03-10', Alasan: 'Dikecualikan', 'Pasal 17 huruf': 'h' }),
    ];
    const res = await upload(app, db, csvOf(rows), 'register.csv');
    expect(res.status).toBe(200);
    expect(res.text).toContain('2 permohonan diimpor');
    expect(res.text).toContain('hanya atas dasar informasi yang dikecualikan (Pasal 17)');
    expect(res.text).toContain('Pengecualian tanpa uji konsekuensi');
    expect(findByRegistrationNumber(db, '008/PPID/III/2022')).toMatchObject({ outcome: 'rejected', reasonExempt: true, consequenceTest: '' });
  });

  it('when new requests are registered after an import, then the sequence continues after the imported numbers', async () => {
    const { app, db } = buildTestApp();
    await upload(app, db, csvOf([row(), row({ 'Nomor registrasi': '012/PPID/IV/2022', 'Tanggal diterima': '2022-04-04' }), row({ 'Nomor registrasi': 'LAMA-0200', 'Tanggal diterima': '2022-04-05' })]), 'r.csv');
    expect(findByRegistrationNumber(db, '012/PPID/IV/2022')!.registrationSeq).toBe(12);
    expect(makeRequest(db, { receivedOn: '2022-05-02' }).registrationNumber).toBe('013/PPID/V/2022');
    expect(makeRequest(db, { receivedOn: '2023-01-03' }).registrationNumber).toBe('001/PPID/I/2023');
  });

  it('when an imported number would take a sequence already given, then the row is an error', async () => {
    const { app, db } = buildTestApp();
    makeRequest(db, { receivedOn: '2022-03-01' }); // 001/PPID/III/2022
    const res = await upload(app, db, csvOf([row({ 'Nomor registrasi': '001/PPID/IV/2022', 'Tanggal diterima': '2022-04-04' })]), 'r.csv');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Nomor urut 1 tahun 2022 sudah dipakai oleh permohonan 001/PPID/III/2022.');
  });

  it('when an import succeeds, then one audit entry records the file name, its SHA-256 and the counts', async () => {
    const { app, db } = buildTestApp();
    const file = csvOf(sampleRows());
    await upload(app, db, file, 'register-2022.csv');
    const { rows, total } = listAudit(db, { action: 'import.register' }, 1, 10);
    expect(total).toBe(1);
    const sha = crypto.createHash('sha256').update(file).digest('hex');
    expect(rows[0]).toMatchObject({ actorLabel: `admin${admins}`, entityType: 'import' });
    expect(rows[0].summary).toContain(sha);
    expect(JSON.parse(rows[0].after!)).toMatchObject({
      file: 'register-2022.csv', sha256: sha, format: 'csv', rows: 3, imported: 3, objections: 1, existing: 0,
      numbers: ['005/PPID/III/2022', '006/PPID/III/2022', 'PPID/2022/0099'],
    });
    // One event for the whole file: no per-request entries.
    expect(listAudit(db, { action: 'request.create' }, 1, 10).total).toBe(0);
  });

  it('when "check only" is used, then the report is shown and nothing is written', async () => {
    const { app, db } = buildTestApp();
    const res = await upload(app, db, csvOf(sampleRows()), 'r.csv', { mode: 'check' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Pemeriksaan saja, belum ada yang disimpan: 3 permohonan siap diimpor.');
    expect(count(db, 'requests')).toBe(0);
  });

  it('when a semicolon-separated CSV from an Indonesian Excel is uploaded, then it is read', async () => {
    const { app, db } = buildTestApp();
    const res = await upload(app, db, csvOf([row({ Alamat: 'Jl. A; Blok B' })], { delimiter: ';' }), 'r.csv');
    expect(res.status).toBe(200);
    expect(findByRegistrationNumber(db, '005/PPID/III/2022')!.requesterAddress).toBe('Jl. A; Blok B');
  });
});

describe('who may import', () => {
  it('when an officer or auditor opens or posts the import page, then it is forbidden; anonymous goes to login', async () => {
    const { app, db } = buildTestApp();
    for (const role of ['officer', 'auditor', 'supervisor'] as const) {
      const { agent, csrf } = await loginAs(app, db, role);
      await agent.get('/admin/import').expect(403);
      await agent.get('/admin/import/template.xlsx').expect(403);
      await agent.post('/admin/import').field('_csrf', csrf).attach('file', csvOf([row()]), 'r.csv').expect(403);
    }
    await request(app).get('/admin/import').expect(302).expect('location', '/login?next=%2Fadmin%2Fimport');
    expect(count(db, 'requests')).toBe(0);
  });

  it('when the upload carries no valid CSRF token, then it is refused', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    await agent.post('/admin/import').field('_csrf', 'forged').attach('file', csvOf([row()]), 'r.csv').expect(403);
    expect(count(db, 'requests')).toBe(0);
  });

  it('when an admin opens the page, then it offers both templates and the upload form', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'admin');
    const page = await agent.get('/admin/import').expect(200);
    expect(page.text).toContain('href="/admin/import/template.xlsx"');
    expect(page.text).toContain('enctype="multipart/form-data"');
    const register = await agent.get('/requests').expect(200);
    expect(register.text).toContain('href="/admin/import"');
  });
});
