/**
 * The consultation import's templates: a "Konsultasi" sheet with every column and no data
 * (required ones shaded), the instructions with the admin's current lists, and drop-downs of the
 * labels the import accepts; or the CSV header line. Sent back unchanged, it imports nothing.
 */
import { loadExcelJS } from '../shared/excel.js';
import { BOM, csvWriter, type CsvDialect } from '../shared/csv.js';
import { addDropDowns, addHelpSheet } from '../import/template.js';
import { USER_TYPES } from '../desk/vocabulary.js';
import { CONSULTATION_COLUMNS, type ColumnKey } from './columns.js';

/** What the drop-downs offer and the instructions list: the admin's active channels, categories and topics. */
export interface TemplateLists {
  channel: Record<string, string>;
  category: Record<string, string>;
  topic: Record<string, string>;
}

const CHOICES = (lists: TemplateLists): Partial<Record<ColumnKey, Record<string, string>>> => ({
  channel: lists.channel, user_type: USER_TYPES, category: lists.category, topic: lists.topic,
});

/** The CSV template: the header line, `,` or (Excel Indonesia) `;` between the columns. */
export function consultationTemplateCsv(dialect: CsvDialect = 'standard'): string {
  return `${BOM}${csvWriter(dialect).line(CONSULTATION_COLUMNS.map((c) => c.key))}`;
}

export async function consultationTemplateXlsx(lists: TemplateLists): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = 'PPID Tracker';
  const ws = wb.addWorksheet('Konsultasi', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Text cells throughout: a time typed as 2025-09-08 09:00 stays as typed (read in the office zone).
  ws.columns = CONSULTATION_COLUMNS.map((c) => ({ key: c.key, width: c.key === 'question' || c.key === 'answer' ? 50 : 22, style: { numFmt: '@' } }));
  CONSULTATION_COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.value = c.key;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE8C3' : 'FFEEF2F6' } };
  });
  const choices = CHOICES(lists);
  const accepted = (key: ColumnKey) => {
    const options = choices[key];
    return options ? Object.entries(options).map(([code, label]) => `${label} (${code})`).join('; ') : '';
  };
  addHelpSheet(wb, [
    'Petunjuk impor riwayat konsultasi',
    'Isi lembar "Konsultasi": satu baris per konsultasi, mulai baris 2. Jangan mengubah judul kolom di baris 1; kolom berwarna jingga wajib diisi.',
    'Waktu: TTTT-BB-HH JJ:MM (dibaca dalam zona kantor) atau ISO 8601 dengan zona (2025-09-08T09:00:00+07:00). Pilihan: tulis labelnya atau kodenya.',
    'Jawaban perlu waktu dijawab; unit eskalasi perlu waktu eskalasi. Setiap baris mendapat nomor tiket dan tenggat layanan aplikasi.',
    'Baris yang sudah pernah diimpor (menurut nomor tiket CRM, atau waktu, kanal, pengguna dan pertanyaannya) dilewati, sehingga berkas yang sama aman diunggah dua kali.',
  ], CONSULTATION_COLUMNS.map((c) => [c.key, c.required ? 'ya' : '', accepted(c.key), c.hint]));
  addDropDowns(wb, ws, CONSULTATION_COLUMNS.flatMap((c, i) => {
    const options = choices[c.key];
    return options ? [{ column: i + 1, title: c.key, labels: Object.values(options) }] : [];
  }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
