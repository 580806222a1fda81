import { describe, it, expect } from 'vitest';
import request from 'supertest';
import type { Application } from 'express';
import { buildTestApp, freshDb } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest, extendRequest, withdrawRequest } from '../../src/requests/requests.service.js';
import { recordDelivery } from '../../src/requests/delivery.service.js';
import { fileObjection, recordDispute, respondToObjection } from '../../src/objections/objections.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { importRegister } from '../../src/import/import.service.js';
import { parseCsv } from '../../src/import/read-file.js';
import { LABELS, readXlsx } from '../import/register-files.js';
import type { Db } from '../../src/db/client.js';

const zone = 'Asia/Jakarta';
const decision = { consequenceTest: '', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '', exemptionArticles: [] as never[], reasons: [] as never[] };

/** A register with every kind of record: full, extended partial with two objections and a dispute, withdrawn, rejected by a proxy, open. */
function seedRegister(db: Db) {
  const full = makeRequest(db, { receivedOn: '2022-03-01' });
  decideRequest({ db, actor: testActor, zone, id: full.id, input: { ...decision, decidedOn: '2022-03-10', provideOn: '2022-03-10', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full', noticeNote: 'Dikirim lewat e-mail' } });

  const partial = makeRequest(db, { receivedOn: '2022-03-01', requesterName: '=HYPERLINK("http://contoh.test")', requesterPhone: '+62 812 3456 7890', purpose: 'Tesis, bab "anggaran"\nbaris kedua' });
  extendRequest({ db, actor: testActor, zone, id: partial.id, input: { extendedOn: '2022-03-15', extensionDays: 5, extensionReason: 'Menunggu data unit' } });
  decideRequest({ db, actor: testActor, zone, id: partial.id, input: { ...decision, decidedOn: '2022-03-22', provideOn: '2022-03-22', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'partial', reasons: ['exempt', 'not_held'] as never[], exemptionArticles: ['h', 'a'] as never[], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Memuat NIK', feeRupiah: 5000 } });
  const first = fileObjection({ db, actor: testActor, zone, requestId: partial.id, input: { filedOn: '2022-03-28', grounds: ['a', 'e'], statement: 'Data bukan rahasia', filedBy: 'proxy', proxyName: 'LBH Contoh', lateNote: '' } });
  respondToObjection({ db, actor: testActor, zone, id: first.id, input: { respondedOn: '2022-04-20', result: 'rejected', reasoning: 'Pengecualian sah', followUp: '', informationGivenOn: null, responderName: 'Sekretaris' } });
  recordDispute({ db, actor: testActor, zone, id: first.id, input: { disputeRegisteredOn: '2022-05-09', disputeCaseNumber: 'KIP-1/2022', disputeLateNote: '', disputeNote: '' } });
  recordDelivery({ db, actor: testActor, zone, id: partial.id, input: { deliveredOn: '2022-03-25', method: 'post', costCopy: 3000, costDelivery: 2000, costOther: 0, paymentMethod: 'cash', note: 'Salinan bagian yang tidak dikecualikan' } });
  recordDelivery({ db, actor: testActor, zone, id: full.id, input: { deliveredOn: '2022-03-10', method: 'email', costCopy: 0, costDelivery: 0, costOther: 0, paymentMethod: '', note: '' } });
  fileObjection({ db, actor: testActor, zone, requestId: partial.id, input: { filedOn: '2022-04-25', grounds: ['e'], statement: 'Keberatan kedua', filedBy: 'requester', proxyName: '', lateNote: '' } });

  const withdrawn = makeRequest(db, { receivedOn: '2022-04-05', channel: 'walk_in' });
  withdrawRequest({ db, actor: testActor, zone, id: withdrawn.id, input: { withdrawnOn: '2022-04-08', note: 'sudah dapat dari sumber lain' } });

  const rejected = makeRequest(db, { receivedOn: '2022-06-01', proxyName: 'Kuasa X', requesterType: 'legal_entity', requesterCategory: 'ministry_agency', obtainMethod: 'hardcopy', deliveryMethod: 'post', requesterEmail: '', requesterPhone: '' });
  decideRequest({ db, actor: testActor, zone, id: rejected.id, input: { ...decision, decidedOn: '2022-06-08', provideOn: '2022-06-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'not_provided', reasons: ['other'] as never[], reasonNote: 'Bukan informasi publik' } });

  const open = makeRequest(db, { receivedOn: '2023-01-10', channel: 'whatsapp' });
  return { full, partial, withdrawn, rejected, open };
}

const binary = (r: request.Test) =>
  r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

async function auditorAgent(app: Application, db: Db) {
  return (await loginAs(app, db, 'auditor')).agent;
}

const numbersIn = (csv: string) => parseCsv(csv.replace(/^\uFEFF/, ''), ',').slice(1).map((r) => r[0]);

/** The stored rows minus what a new database assigns by itself. */
function comparable(db: Db) {
  const requests = db.$client.prepare('select * from requests order by registration_number').all() as Record<string, unknown>[];
  const objections = db.$client.prepare('select o.*, r.registration_number as request_number from objections o join requests r on r.id = o.request_id order by o.registration_number').all() as Record<string, unknown>[];
  const strip = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));
  const own = ['id', 'access_code', 'source', 'opened_at', 'created_by', 'created_at', 'updated_at', 'version'];
  return {
    // The file carries the letters' numbers, the exemption's period and the delivery record; the
    // DIK entry is this database's own row (the file names no DIK), so its id is not compared.
    requests: requests.map((r) => strip(r, [...own, 'dik_entry_id'])),
    objections: objections.map((o) => strip(o, [...own, 'request_id'])),
  };
}

describe('register export', () => {
  it('when an auditor exports CSV, then it has a BOM, the template columns and one row per request plus further objections', async () => {
    const { app, db } = buildTestApp();
    seedRegister(db);
    const agent = await auditorAgent(app, db);
    const res = await agent.get('/requests/export.csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="register-permohonan-semua-tahun.csv"');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(res.text.slice(1), ',');
    expect(header).toEqual(LABELS);
    expect(rows.map((r) => r[0])).toEqual(['001/PPID/III/2022', '002/PPID/III/2022', '002/PPID/III/2022', '003/PPID/IV/2022', '004/PPID/VI/2022', '001/PPID/I/2023']);
    const cell = (r: string[], label: string) => r[LABELS.indexOf(label)];
    expect(cell(rows[1], 'Nama pemohon')).toBe(`'=HYPERLINK("http://contoh.test")`); // formula guard
    expect(cell(rows[1], 'Putusan')).toBe('Dikabulkan sebagian');
    expect(cell(rows[1], 'Alasan')).toBe('Dikecualikan (Pasal 17); Belum dikuasai/belum didokumentasikan');
    expect(cell(rows[1], 'Pasal 17 huruf')).toBe('a;h');
    expect(cell(rows[1], 'Tanggal perpanjangan')).toBe('2022-03-15');
    expect(cell(rows[1], 'Nomor keberatan')).toBe('001/KEB/PPID/2022');
    expect(cell(rows[1], 'Hasil keberatan')).toBe('Keberatan ditolak — putusan PPID tetap');
    expect(rows[2].filter(Boolean)).toEqual(['002/PPID/III/2022', '002/KEB/PPID/2022', '2022-04-25', 'e', 'Keberatan kedua', 'Pemohon sendiri']);
    expect(cell(rows[3], 'Dicabut')).toBe('ya');
  });

  it('when an auditor exports CSV for Excel Indonesia, then cells are separated by ; with the same guard and the same rows', async () => {
    const { app, db } = buildTestApp();
    seedRegister(db);
    const agent = await auditorAgent(app, db);
    const res = await agent.get('/requests/export.csv?year=2022&format=excel-id').expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="register-permohonan-2022-excel-id.csv"');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(res.text.slice(1).split('\r\n')[0]).toBe(LABELS.map((l) => (l.includes(';') ? `"${l}"` : l)).join(';'));
    const [header, ...rows] = parseCsv(res.text.slice(1), ';');
    expect(header).toEqual(LABELS);
    const cell = (r: string[], label: string) => r[LABELS.indexOf(label)];
    expect(rows.map((r) => r[0])).toEqual(['001/PPID/III/2022', '002/PPID/III/2022', '002/PPID/III/2022', '003/PPID/IV/2022', '004/PPID/VI/2022']);
    expect(cell(rows[1], 'Nama pemohon')).toBe(`'=HYPERLINK("http://contoh.test")`); // formula guard
    expect(cell(rows[1], 'Pasal 17 huruf')).toBe('a;h');
    expect(res.text).toContain(';"a;h";');
    const page = await agent.get('/requests?year=2022').expect(200);
    expect(page.text).toContain('href="/requests/export.csv?year=2022&amp;format=excel-id"');
  });

  it('when filtered by year and status, then only those requests are exported', async () => {
    const { app, db } = buildTestApp();
    seedRegister(db);
    const agent = await auditorAgent(app, db);
    expect(numbersIn((await agent.get('/requests/export.csv?year=2023').expect(200)).text)).toEqual(['001/PPID/I/2023']);
    expect(numbersIn((await agent.get('/requests/export.csv?year=2022&status=full').expect(200)).text)).toEqual(['001/PPID/III/2022']);
    expect(numbersIn((await agent.get('/requests/export.csv?year=2022&status=withdrawn').expect(200)).text)).toEqual(['003/PPID/IV/2022']);
    expect(numbersIn((await agent.get('/requests/export.csv?status=open').expect(200)).text)).toEqual(['001/PPID/I/2023']);
    const res = await agent.get('/requests/export.csv?year=2022&status=decided&channel=walk_in').expect(200);
    expect(res.headers['content-disposition']).toContain('register-permohonan-2022-decided.csv');
    expect(numbersIn(res.text)).toEqual(['003/PPID/IV/2022']);
  });

  it('when an admin exports XLSX, then it reads back with the same header, date cells and values', async () => {
    const { app, db } = buildTestApp();
    seedRegister(db);
    const { agent } = await loginAs(app, db, 'admin');
    const res = await binary(agent.get('/requests/export.xlsx?year=2022')).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readXlsx(res.body as Buffer, 'Register');
    expect(sheet.header).toEqual(LABELS);
    expect(sheet.rows.map((r) => r[0])).toEqual(['001/PPID/III/2022', '002/PPID/III/2022', '002/PPID/III/2022', '003/PPID/IV/2022', '004/PPID/VI/2022']);
    const at = (r: unknown[], label: string) => r[LABELS.indexOf(label)];
    expect(at(sheet.rows[0], 'Tanggal diterima')).toEqual(new Date(Date.UTC(2022, 2, 1)));
    expect(at(sheet.rows[1], 'Nama pemohon')).toBe('=HYPERLINK("http://contoh.test")'); // a text cell, never a formula
    expect(at(sheet.rows[1], 'Hari perpanjangan')).toBe(5);
    expect(at(sheet.rows[1], 'Biaya (Rp)')).toBe(5000);
    expect(at(sheet.rows[4], 'Kuasa pemohon')).toBe('Kuasa X');
  });

  it('when a register is exported and imported into a fresh database, then the same rows come back (CSV and XLSX)', async () => {
    const { app, db } = buildTestApp();
    seedRegister(db);
    const agent = await auditorAgent(app, db);
    const csv = Buffer.from((await agent.get('/requests/export.csv').expect(200)).text, 'utf8');
    const xlsx = (await binary(agent.get('/requests/export.xlsx')).expect(200)).body as Buffer;
    for (const [name, file] of [['register.csv', csv], ['register.xlsx', xlsx]] as const) {
      const target = freshDb();
      const report = await importRegister({ db: target, actor: testActor, zone, fileName: name, buffer: file });
      expect(report.problems.filter((p) => p.level === 'error')).toEqual([]);
      expect(report).toMatchObject({ committed: true, imported: 5, objections: 2 });
      expect(comparable(target)).toEqual(comparable(db));
    }
  });

  it('when an export is made, then it is audited with its filters and size', async () => {
    const { app, db } = buildTestApp();
    seedRegister(db);
    const agent = await auditorAgent(app, db);
    await agent.get('/requests/export.csv?year=2022&status=decided').expect(200);
    const { rows } = listAudit(db, { action: 'request.export' }, 1, 10);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorLabel: 'auditor1', summary: 'Register diekspor ke CSV: 4 permohonan (filter: tahun 2022, status Sudah diputus (semua))' });
    expect(JSON.parse(rows[0].after!)).toMatchObject({ format: 'csv', filters: { year: 2022, status: 'decided' }, count: 4 });
  });

  it('when an officer or supervisor asks for an export, then it is forbidden; anonymous goes to login', async () => {
    const { app, db } = buildTestApp();
    seedRegister(db);
    for (const role of ['officer', 'supervisor'] as const) {
      const { agent } = await loginAs(app, db, role);
      await agent.get('/requests/export.csv').expect(403);
      await agent.get('/requests/export.xlsx').expect(403);
      const register = await agent.get('/requests').expect(200);
      expect(register.text).not.toContain('/requests/export.csv');
    }
    await request(app).get('/requests/export.csv').expect(302).expect('location', '/login?next=%2Frequests%2Fexport.csv');
    expect(listAudit(db, { action: 'request.export' }, 1, 10).total).toBe(0);
  });

  it('when an auditor views a filtered register, then the download links carry the same filters', async () => {
    const { app, db } = buildTestApp();
    seedRegister(db);
    const agent = await auditorAgent(app, db);
    const page = await agent.get('/requests?year=2022&status=full').expect(200);
    expect(page.text).toContain('href="/requests/export.csv?year=2022&amp;status=full"');
    expect(page.text).toContain('href="/requests/export.xlsx?year=2022&amp;status=full"');
  });
});
