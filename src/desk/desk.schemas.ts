/** Validation of the desk's forms and API bodies (zod at the edge). */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { optionalText, requiredText } from '../shared/validation.js';
import { STATUSES, USER_TYPES } from './vocabulary.js';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
/** A code of a list an admin keeps (desk-config.ts): its shape here, whether it is active in the service. */
const listCode = (what: string) => z.string({ error: `Pilih ${what}.` }).trim().min(1, `Pilih ${what}.`).max(40).regex(/^[a-z][a-z0-9_]*$/, `${what[0].toUpperCase()}${what.slice(1)} tidak dikenal.`);
const channel = listCode('kanal');
const category = listCode('kategori');
const topic = z.string().trim().max(40).regex(/^([a-z][a-z0-9_]*)?$/, 'Topik tidak dikenal.').default('');
const userType = z.enum(keys(USER_TYPES));

/** Why an instant is refused (the register's bounds: 2010 to next year), or null. */
function refusal(at: DateTime): string | null {
  if (!at.isValid) return 'Tanggal tidak valid.';
  if (at.year < 2010) return 'Tanggal terlalu lama (sebelum 2010).';
  if (at.year > DateTime.now().year + 1) return 'Tanggal terlalu jauh di masa depan.';
  return null;
}

/** An instant written ISO 8601 with its offset (the API), e.g. 2026-03-10T09:15:00+07:00. */
export const isoInstant = () =>
  z
    .string()
    .trim()
    .min(1)
    .superRefine((v, ctx) => {
      const message = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(v)
        ? refusal(DateTime.fromISO(v, { setZone: true }))
        : 'Tanggal tidak valid: tanggal dan jam ISO 8601 dengan zona, mis. 2026-03-10T09:15:00+07:00.';
      if (message) ctx.addIssue({ code: 'custom', message });
    });

/** A date and time typed in the office zone (datetime-local), turned into an instant. */
export const localInstant = (zone: string) =>
  z
    .string()
    .trim()
    .min(1)
    .transform((v, ctx) => {
      const at = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(v) ? DateTime.fromISO(v, { zone }) : DateTime.invalid('format');
      const message = refusal(at);
      if (message) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return at.toUTC().toISO({ suppressMilliseconds: true })!;
    });

const userFields = {
  name: requiredText(200),
  type: userType,
  institution: optionalText(200),
  region_code: z.string().trim().regex(/^(\d{2}|\d{4})?$/, 'Kode wilayah: 2 digit (provinsi) atau 4 digit (kabupaten/kota).').default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
  phone: optionalText(50),
};

export const apiCreateSchema = z.strictObject({
  received_at: isoInstant(),
  channel,
  user: z.strictObject(userFields),
  category,
  topic,
  question: requiredText(5000),
  escalated: z.boolean().default(false),
});
export type CreateInput = z.infer<typeof apiCreateSchema>;

export const formCreateSchema = (zone: string) =>
  z
    .object({
      receivedAt: localInstant(zone),
      channel,
      userName: userFields.name,
      userType,
      userInstitution: userFields.institution,
      userRegionCode: userFields.region_code,
      userEmail: userFields.email,
      userPhone: userFields.phone,
      category,
      topic,
      question: requiredText(5000),
    })
    .transform((f): CreateInput => ({
      received_at: f.receivedAt, channel: f.channel, category: f.category, topic: f.topic, question: f.question, escalated: false,
      user: { name: f.userName, type: f.userType, institution: f.userInstitution, region_code: f.userRegionCode, email: f.userEmail, phone: f.userPhone },
    }));

export const apiEscalationSchema = z.strictObject({ unit_code: requiredText(50), escalated_at: isoInstant(), note: optionalText(2000) });
export type EscalationInput = z.infer<typeof apiEscalationSchema>;
export const formEscalationSchema = (zone: string) =>
  z.object({ unitCode: requiredText(50), escalatedAt: localInstant(zone), note: optionalText(2000) })
    .transform((f): EscalationInput => ({ unit_code: f.unitCode, escalated_at: f.escalatedAt, note: f.note }));

export const apiAnswerSchema = z.strictObject({ answered_at: isoInstant(), answer: requiredText(10000) });
export type AnswerInput = z.infer<typeof apiAnswerSchema>;
export const formAnswerSchema = (zone: string) =>
  z.object({ answeredAt: localInstant(zone), answer: requiredText(10000) })
    .transform((f): AnswerInput => ({ answered_at: f.answeredAt, answer: f.answer }));

/** A blank query parameter (a filter left at "Semua") is no filter. */
const opt = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t.optional());

export const DUE_FILTERS = { soon: 'Segera jatuh tempo', overdue: 'Lewat tenggat' } as const;

export const listQuerySchema = z.object({
  year: opt(z.coerce.number().int().min(2010).max(9999)),
  month: opt(z.coerce.number().int().min(1).max(12)),
  channel: opt(channel),
  category: opt(category),
  status: opt(z.enum(keys(STATUSES))),
  unit: opt(z.string().trim().max(50)),
  due: opt(z.enum(keys(DUE_FILTERS))),
  page: opt(z.coerce.number().int().min(1).max(1_000_000)),
  per_page: opt(z.coerce.number().int().min(1).max(200)),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** Form field → API field, so a refusal names the field the caller sent. */
export const FORM_FIELDS: Record<string, string> = {
  received_at: 'receivedAt', channel: 'channel', category: 'category', topic: 'topic', question: 'question',
  'user.name': 'userName', 'user.type': 'userType', 'user.institution': 'userInstitution', 'user.region_code': 'userRegionCode',
  'user.email': 'userEmail', 'user.phone': 'userPhone', unit_code: 'unitCode', escalated_at: 'escalatedAt', note: 'note',
  answered_at: 'answeredAt', answer: 'answer',
};
