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
  supervisor_name: 'Nama dan jabatan atasan PPID',
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
});
export type SettingsInput = z.infer<typeof settingsSchema>;
