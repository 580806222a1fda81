import { describe, it, expect } from 'vitest';
import { REQUEST_FIELDS, apiObject, type FieldSpec } from '../../src/requests/request-fields.js';
import { REGISTER_COLUMNS } from '../../src/import/register-columns.js';
import { csvHeader } from '../../src/import/register-sheet.js';
import { API_FIELD_NAMES, apiIntakeSchema, intakeFormSchema } from '../../src/requests/requests.schemas.js';

/** The template's header as docs/import.md and offices' files have it. */
const TEMPLATE_HEADER = [
  'Nomor registrasi', 'Tanggal diterima', 'Saluran', 'Nama pemohon', 'Nomor identitas', 'Alamat', 'Telepon', 'E-mail', 'Pekerjaan',
  'Jenis pemohon', 'Kategori pemohon', 'Kuasa pemohon', 'Informasi yang diminta', 'Tujuan', 'Cara memperoleh', 'Cara mendapatkan salinan',
  'Tanggal perpanjangan', 'Hari perpanjangan', 'Alasan perpanjangan', 'Nomor surat perpanjangan', 'Putusan', 'Tanggal putusan', 'Alasan', 'Pasal 17 huruf',
  'Uji konsekuensi', 'Keterangan alasan', 'Catatan pemberitahuan', 'Biaya (Rp)', 'Badan publik yang menguasai', 'Kontak badan publik yang menguasai',
  'Bentuk informasi yang diberikan', 'Tanggal penyediaan informasi', 'Bagian yang dihitamkan', 'Rincian biaya penggandaan (Rp)',
  'Rincian biaya pengiriman (Rp)', 'Rincian biaya lain (Rp)', 'Cara pembayaran biaya', 'Dikecualikan sampai', 'Dikecualikan (tahun)',
  'Dikecualikan selama kepentingan dilindungi', 'Dasar hukum pengecualian', 'Nomor SK penolakan', 'Dicabut',
  'Tanggal penyerahan informasi', 'Cara penyerahan', 'Biaya penggandaan (Rp)', 'Biaya pengiriman (Rp)', 'Biaya lain (Rp)', 'Cara pembayaran',
  'Keterangan penyerahan', 'Tanggal dibatalkan', 'Alasan pembatalan',
  'Keterangan pembatalan', 'Nomor keberatan', 'Tanggal keberatan', 'Alasan keberatan (Pasal 35 huruf)', 'Uraian keberatan', 'Diajukan oleh',
  'Nama kuasa keberatan', 'Keterangan keterlambatan', 'Tanggal tanggapan keberatan', 'Hasil keberatan', 'Pertimbangan tanggapan',
  'Tindak lanjut', 'Tanggal pemberian informasi', 'Atasan PPID', 'Tanggal sengketa', 'Nomor perkara sengketa', 'Hasil sengketa',
  'Tanggal putusan sengketa', 'Keterangan sengketa',
];

describe('the request field table', () => {
  it('gives every field a key, a label, an API name and a hint line, each key once', () => {
    for (const f of REQUEST_FIELDS as readonly FieldSpec[]) {
      expect(f.label, f.key).toMatch(/\S/);
      expect(f.api, f.key).toMatch(/^[a-z_]+(\.[a-z_]+)?$/);
      expect(typeof f.hint, f.key).toBe('string');
      if (f.kind === 'enum' || f.kind === 'enumList' || f.kind === 'letters') expect(f.vocabulary, f.key).toBeDefined();
      if (f.kind === 'int') expect([f.min, f.intMax], f.key).not.toContain(undefined);
    }
    expect(new Set(REQUEST_FIELDS.map((f) => f.key)).size).toBe(REQUEST_FIELDS.length);
  });

  it('keeps the register file header exactly as the template has it', () => {
    expect(REGISTER_COLUMNS.map((c) => c.label)).toEqual(TEMPLATE_HEADER);
    expect(csvHeader()).toBe(`${TEMPLATE_HEADER.map((h) => (/[",;]/.test(h) ? `"${h}"` : h)).join(',')}\r\n`);
  });

  it('is where the register columns, the API names and the intake schemas come from', () => {
    const byKey = new Map(REGISTER_COLUMNS.map((c) => [c.key, c]));
    for (const f of REQUEST_FIELDS) {
      expect(byKey.get(f.key)?.label, f.key).toBe(f.label);
      // Recorded fields (a letter's number, the delivery record) are output only.
      if (f.group !== 'void' && !(f as FieldSpec).recorded) expect(API_FIELD_NAMES[f.key], f.key).toBe(f.api);
    }
    const intake = REQUEST_FIELDS.filter((f) => f.group === 'request').map((f) => f.key);
    // Plus the opt-out of messages, which is no register column (requests.schemas.ts).
    expect(Object.keys(intakeFormSchema.shape)).toEqual([...intake, 'requesterNoContact']);
  });

  it('when a field is added to the declaration, then the columns, API names and API output derived from it carry it', async () => {
    const added = { key: 'requesterGender', label: 'Jenis kelamin', api: 'requester.gender', kind: 'text', group: 'request', max: 20, hint: '' } as const;
    (REQUEST_FIELDS as FieldSpec[]).splice(9, 0, added);
    try {
      // Derivations that read the table when asked.
      expect(apiObject({ requesterGender: 'P', requesterName: 'Dewi' }, 'request')).toMatchObject({ requester: { name: 'Dewi', gender: 'P' } });
      // Derivations made when their module loads: load them afresh.
      const { vi } = await import('vitest');
      vi.resetModules();
      const fields = await import('../../src/requests/request-fields.js');
      (fields.REQUEST_FIELDS as FieldSpec[]).splice(9, 0, added);
      const columns = await import('../../src/import/register-columns.js');
      const schemas = await import('../../src/requests/requests.schemas.js');
      expect(columns.REGISTER_COLUMNS.map((c) => c.label)).toContain('Jenis kelamin');
      expect(schemas.API_FIELD_NAMES.requesterGender).toBe('requester.gender');
      expect(Object.keys(schemas.intakeFormSchema.shape)).toContain('requesterGender');
    } finally {
      (REQUEST_FIELDS as FieldSpec[]).splice(9, 1);
    }
    expect(API_FIELD_NAMES.requesterGender).toBeUndefined();
  });

  it('maps the API body onto the same domain input as the form', () => {
    const api = apiIntakeSchema.parse({
      received_on: '2022-03-01', channel: 'email', information_requested: 'Data', obtain_method: 'softcopy', delivery_method: 'email',
      requester: { name: 'Dewi', type: 'individual', category: 'academic', email: 'dewi@example.id' },
    });
    const form = intakeFormSchema.parse({
      receivedOn: '2022-03-01', channel: 'email', informationRequested: 'Data', obtainMethod: 'softcopy', deliveryMethod: 'email',
      requesterName: 'Dewi', requesterType: 'individual', requesterCategory: 'academic', requesterEmail: 'dewi@example.id',
    });
    expect(api).toEqual(form);
    expect(() => apiIntakeSchema.parse({ requester: { nama: 'x' } })).toThrow();
  });
});
