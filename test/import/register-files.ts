/** Builds register files for import tests: rows keyed by the template's column labels. */
import ExcelJS from 'exceljs';
import { REGISTER_COLUMNS } from '../../src/import/register-columns.js';

export type Row = Record<string, string | number | Date | null>;
export const LABELS = REGISTER_COLUMNS.map((c) => c.label);

/** A complete, valid request row (labels, not codes), received 1 March 2022 and still open. */
export function row(overrides: Row = {}): Row {
  return {
    'Nomor registrasi': '005/PPID/III/2022',
    'Tanggal diterima': '2022-03-01',
    Saluran: 'E-mail',
    'Nama pemohon': 'Dewi Lestari',
    'Nomor identitas': '3171234567890001',
    Alamat: 'Jl. Merdeka No. 1, Jakarta',
    Telepon: '081234567890',
    'E-mail': 'dewi@example.ac.id',
    Pekerjaan: 'Peneliti',
    'Jenis pemohon': 'Perorangan',
    'Kategori pemohon': 'Akademisi/Peneliti',
    'Informasi yang diminta': 'Data realisasi belanja DAK fisik 2021 per kabupaten',
    Tujuan: 'Penelitian tesis',
    'Cara memperoleh': 'Mendapatkan salinan softcopy',
    'Cara mendapatkan salinan': 'E-mail',
    ...overrides,
  };
}

const csvCell = (v: Row[string]) => {
  const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvOf(rows: Row[], { labels = LABELS, delimiter = ',', bom = true } = {}): Buffer {
  const lines = [labels, ...rows.map((r) => labels.map((l) => r[l] ?? null))].map((cells) => cells.map(csvCell).join(delimiter));
  return Buffer.from(`${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function xlsxOf(rows: Row[], { labels = LABELS, sheet = 'Register' } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(labels);
  for (const r of rows) ws.addRow(labels.map((l) => r[l] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads an XLSX's first sheet (or the named one) back as header + rows of raw values. */
export async function readXlsx(buffer: Buffer, sheet?: string): Promise<{ header: string[]; rows: unknown[][]; sheets: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = sheet ? wb.getWorksheet(sheet)! : wb.worksheets[0];
  const all: unknown[][] = [];
  ws.eachRow((r) => all.push((r.values as unknown[]).slice(1)));
  return { header: all[0] as string[], rows: all.slice(1), sheets: wb.worksheets.map((w) => w.name) };
}
