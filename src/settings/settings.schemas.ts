import { z } from 'zod';
import { optionalText, requiredText } from '../shared/validation.js';
import type { SettingKey } from './settings.repo.js';
import { numberPatternProblem } from '../numbering/numbering.js';

/** What each setting is called on the form and in the audit summary. */
export const SETTING_LABELS: Record<SettingKey, string> = {
  office_name: 'Nama badan publik',
  office_city: 'Kota',
  office_address: 'Alamat kantor',
  ppid_officer_name: 'Nama Pejabat PPID',
  registration_pattern: 'Pola nomor registrasi permohonan',
  objection_pattern: 'Pola nomor registrasi keberatan',
  extension_letter_pattern: 'Pola nomor surat pemberitahuan perpanjangan waktu',
  rejection_letter_pattern: 'Pola nomor Surat Keputusan penolakan',
  supervisor_name: 'Nama dan jabatan atasan PPID',
  collective_leave_is_working_day: 'Cuti bersama dihitung sebagai hari kerja',
  unit_lead_days: 'Tenggat internal disposisi (hari kerja sebelum tenggat)',
  visit_max_people_per_region_day: 'Kunjungan: orang per wilayah per hari',
};


const numberPattern = () =>
  requiredText(80)
    .regex(/^[^\p{Cc}]*$/u, { message: 'Tidak boleh memuat karakter kontrol.' })
    .superRefine((v, ctx) => {
      const problem = numberPatternProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

export const settingsSchema = z.object({
  office_name: requiredText(200),
  office_city: requiredText(100),
  office_address: optionalText(500),
  ppid_officer_name: optionalText(150),
  supervisor_name: optionalText(150),
  registration_pattern: numberPattern(),
  objection_pattern: numberPattern(),
  // A form field: absent (an older form) keeps the default.
  extension_letter_pattern: z.preprocess((v) => (v === undefined || v === '' ? '{seq:3}/PERP/PPID/{year}' : v), numberPattern()),
  // A form field: absent (an older form) keeps the default.
  rejection_letter_pattern: z.preprocess((v) => (v === undefined || v === '' ? '{seq:3}/SK-TOLAK/PPID/{year}' : v), numberPattern()),
  /** A checkbox: absent when unticked. */
  collective_leave_is_working_day: z.preprocess((v) => (v === '1' || v === 'on' || v === true ? '1' : v === undefined || v === '' || v === '0' ? '0' : v), z.enum(['0', '1'])),
  // A form field: absent (an older form) keeps the default.
  unit_lead_days: z.preprocess((v) => (v === undefined || v === '' ? '2' : v), z.string().trim().regex(/^(?:[0-9]|10)$/, { message: 'Angka 0–10.' })),
  // A form field: absent (an older form) keeps the default (SOP 194: 2).
  visit_max_people_per_region_day: z.preprocess((v) => (v === undefined || v === '' ? '2' : v), z.string().trim().regex(/^(?:[1-9]|[1-4][0-9]|50)$/, { message: 'Angka 1–50.' })),
});
export type SettingsInput = z.infer<typeof settingsSchema>;
