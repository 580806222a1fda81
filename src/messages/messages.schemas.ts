import { z } from 'zod';
import { INVALID_EMAIL, isEmail, optionalText, requiredText } from '../shared/validation.js';
import { OUTBOX_STATUSES } from './kinds.js';

const checkbox = z.preprocess((v) => v === 'on' || v === 'yes' || v === '1' || v === true, z.boolean());

export const templateFormSchema = z.object({
  subject: requiredText(300),
  body: requiredText(10_000),
  /** An approved WhatsApp Business template's name: letters, digits, underscore. */
  waTemplate: optionalText(100).refine((v) => v === '' || /^[a-z0-9_]+$/.test(v), { message: 'Nama templat WhatsApp: huruf kecil, angka dan garis bawah saja.' }),
});
export type TemplateInput = z.infer<typeof templateFormSchema>;

export const preferencesFormSchema = z.object({
  email: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === '' || isEmail(v), { message: INVALID_EMAIL })
    .default(''),
  newRequests: checkbox,
  dailyDigest: checkbox,
  weeklySummary: checkbox,
});
export type PreferencesInput = z.infer<typeof preferencesFormSchema>;

export const outboxFilterSchema = z.object({
  status: z.enum(Object.keys(OUTBOX_STATUSES) as [keyof typeof OUTBOX_STATUSES]).optional().catch(undefined),
});
