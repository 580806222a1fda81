/**
 * An import stays within its limits whatever the file says (issue 10 point 2), and a file that
 * is neither CSV nor XLSX is refused as the wrong type (issue 11 point 17).
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp, freshDb } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { importRegister, MAX_IMPORT_BYTES } from '../../src/import/import.service.js';
import { MAX_COLUMNS, MAX_DATA_ROWS, MAX_UNZIPPED_BYTES } from '../../src/import/read-file.js';
import { MAX_PROBLEMS_KEPT } from '../../src/import/problems.js';
import { csvOf, LABELS, row, xlsxOf } from './register-files.js';

const actor = { userId: null, label: 'test' };
const zone = 'Asia/Jakarta';
const check = (fileName: string, buffer: Buffer) => importRegister({ db: freshDb(), actor, zone, fileName, buffer, dryRun: true });

interface Entry {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  /** The uncompressed size the headers claim. */
  declared: number;
}

/** A ZIP written by hand, whose local headers and central directory state `declared` sizes. */
function lyingZip(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.declared, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

const small = (name: string, text: string): Entry => {
  const data = zlib.deflateRawSync(Buffer.from(text));
  return { name, data, declared: text.length };
};

/** `bytes` of well-formed sheet XML (a sheet of whitespace), deflated a megabyte at a time. */
async function deflatedSheet(bytes: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const open = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  deflate.write(open);
  const mb = Buffer.alloc(1024 * 1024, 0x20);
  for (let written = 0; written < bytes; written += mb.length) {
    if (!deflate.write(mb)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end('</sheetData></worksheet>');
  await done;
  return Buffer.concat(out);
}

/** An XLSX whose sheet inflates to more than the limit while every header says 1 KB. */
async function zipBomb(): Promise<Buffer> {
  const ns = 'http://schemas.openxmlformats.org/';
  return lyingZip([
    small('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="${ns}package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    small('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    small('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    small('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    { name: 'xl/worksheets/sheet1.xml', data: await deflatedSheet(MAX_UNZIPPED_BYTES + 10 * 1024 * 1024), declared: 1024 },
  ]);
}

describe('import limits', () => {
  it('when 20,000 rows all carry the number "-", then the check reports every row but keeps the report small', async () => {
    const rows = Array.from({ length: 20_000 }, () => row({ 'Nomor registrasi': '-' }));
    const report = await check('semua-strip.csv', csvOf(rows));

    expect(report.committed).toBe(false);
    expect(report.invalidRows).toBe(20_000);
    expect(report.errors).toBe(20_000);
    // Bounded: a few hundred lines of a hundred-odd characters, not 20,000 lists of 20,000 rows.
    expect(report.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS_KEPT + 10);
    const chars = report.problems.reduce((n, p) => n + p.message.length, 0);
    expect(chars).toBeLessThan(100_000);
    const duplicate = report.problems.filter((p) => p.message.includes('ganda dalam berkas'));
    expect(duplicate[0]).toMatchObject({ row: 2, message: 'Nomor registrasi "-" ganda dalam berkas (juga di baris 3, 4, 5, 6, 7 dan 19.994 baris lain).' });
    expect(duplicate[1]).toMatchObject({ row: 3, message: 'Nomor registrasi "-" ganda dalam berkas (sama dengan baris 2).' });
    expect(report.problems).toContainEqual(expect.objectContaining({ row: null, column: 'Nomor registrasi', message: expect.stringMatching(/^… dan 19\.800 galat lain pada kolom "Nomor registrasi"/) }));
  });

  it('when an XLSX declares 1 KB but its sheet inflates past the limit, then it is refused for its real size', async () => {
    const bomb = await zipBomb();
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES);
    const report = await check('bom.xlsx', bomb);
    expect(report).toMatchObject({ committed: false, importable: false, format: null, errors: 1 });
    expect(report.problems[0].message).toBe(
      `Isi berkas "bom.xlsx" terlalu besar setelah dibuka (lebih dari ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB). Bagi register per tahun, atau simpan sebagai CSV.`,
    );
  });

  it('when such a file is uploaded on the page, then the page says so and the server goes on serving', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const res = await agent.post('/admin/import').field('_csrf', csrf).field('mode', 'check').attach('file', await zipBomb(), 'bom.xlsx');
    expect(res.status).toBe(400);
    expect(res.text).toContain('terlalu besar setelah dibuka');
    await agent.get('/admin/import').expect(200);
    await request(app).get('/status').expect(200);
  });

  it('when a workbook is real, then reading it through the counted unzip still imports it', async () => {
    const report = await check('r.xlsx', await xlsxOf([row(), row({ 'Nomor registrasi': '006/PPID/III/2022' })]));
    expect(report).toMatchObject({ format: 'xlsx', errors: 0, imported: 2, importable: true });
  });

  it('when a ZIP has thousands of entries, then it is refused without reading them', async () => {
    const entries = Array.from({ length: 1500 }, (_, i) => small(`x/${i}.xml`, '<a/>'));
    entries.push(small('xl/workbook.xml', '<workbook/>'));
    const report = await check('banyak.xlsx', lyingZip(entries));
    expect(report.problems[0].message).toContain('bukan buku kerja Excel (XLSX) yang dapat dibaca');
  });

  it(`when a CSV header has more than ${MAX_COLUMNS} columns, then it is refused`, async () => {
    const header = Array.from({ length: 5000 }, (_, i) => `K${i}`).join(',');
    const report = await check('lebar.csv', Buffer.from(`${header}\n1,2,3\n`));
    expect(report.problems[0].message).toBe(`Baris judul berkas "lebar.csv" berisi lebih dari ${MAX_COLUMNS} kolom. Gunakan templat impor.`);
  });

  it('when a CSV has more data rows than the limit, then it is refused while reading', async () => {
    const line = `${LABELS.map(() => 'x').join(',')}\n`;
    const body = Buffer.from(`${LABELS.join(',')}\n${line.repeat(MAX_DATA_ROWS + 1)}`);
    const report = await check('panjang.csv', body);
    expect(report.problems[0].message).toContain('paling banyak 200.000 baris sekali impor');
  });
});

describe('files of the wrong type', () => {
  it('when binary bytes without a NUL are uploaded, then they are refused as the wrong type, not read as a CSV', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => 1 + ((i * 37) % 255)));
    const report = await check('foto.jpg', bytes);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0].message).toBe('Jenis berkas salah: "foto.jpg" bukan CSV maupun XLSX. Unggah register sebagai .xlsx atau CSV (unduh templatnya di halaman ini).');
  });

  it('when a Word .doc (old Office format) is uploaded, then it is the wrong type, not "old Excel"', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 1)]);
    const report = await check('surat.doc', ole);
    expect(report.problems[0].message).toContain('Jenis berkas salah: "surat.doc"');
    expect((await check('lama.xls', ole)).problems[0].message).toContain('berformat Excel lama (.xls)');
  });

  it('when a letter saved as text is uploaded, then it is the wrong type, not a CSV with missing columns', async () => {
    const letter = Buffer.from('Dengan hormat\nBersama surat ini kami sampaikan register tahun 2022\nHormat kami\n');
    const report = await check('surat.txt', letter);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0].message).toContain('Jenis berkas salah');
  });

  it('when an HTML page or JSON is uploaded as .csv, then it is the wrong type', async () => {
    expect((await check('a.csv', Buffer.from('\uFEFF  <!doctype html><table><tr><td>a,b</td></tr></table>'))).problems[0].message).toContain('Jenis berkas salah');
    expect((await check('a.csv', Buffer.from('[{"a":1,"b":2}]'))).problems[0].message).toContain('Jenis berkas salah');
  });
});

describe('docs/import.md', () => {
  it('states the limits the code applies', () => {
    const doc = fs.readFileSync(new URL('../../docs/import.md', import.meta.url), 'utf8');
    expect(doc).toContain(`at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    expect(doc).toContain(`more than ${MAX_DATA_ROWS.toLocaleString('en-US')} rows`);
    expect(doc).toContain(`${MAX_UNZIPPED_BYTES / 1024 / 1024} MB once unpacked`);
  });
});

describe('the report page', () => {
  it('when problems are left out, then the page still shows how many', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const rows = Array.from({ length: 1200 }, () => row({ 'Nomor registrasi': '-', Saluran: 'merpati' }));
    const res = await agent.post('/admin/import').field('_csrf', csrf).field('mode', 'check').attach('file', csvOf(rows), 'r.csv').expect(400);
    // Three kinds of 200 kept lines: more than the page lists, yet every left-out count is shown.
    expect(res.text).toContain('… dan 1.000 galat lain pada kolom &#34;Nomor registrasi&#34; tidak ditampilkan');
    expect(res.text).toContain('… dan 1.000 galat lain pada kolom &#34;Saluran&#34; tidak ditampilkan');
  });
});
