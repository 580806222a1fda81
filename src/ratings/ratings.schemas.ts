/** Edge validation of the rating form, the rating API, the follow-up and the survey settings. */
import { z } from 'zod';
import { optionalText } from '../shared/validation.js';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES, SKM_ELEMENTS } from './vocabulary.js';

/** What a rating carries once parsed, from the form or the API. The scale is checked by the service. */
export interface RatingInput {
  service: number;
  substance: number;
  comment: string;
  /** Nine answers 1..4 in SKM_ELEMENTS order, or null when the questionnaire was left out. */
  skm: number[] | null;
  profile: { ageBand: string; sex: string; education: string; occupation: string };
}

const score = (max: number) => z.coerce.number({ message: 'Pilih nilai.' }).int().min(1).max(max);
/** A form's optional choice: '' = not given. */
const choice = <T extends Record<string, string>>(labels: T) =>
  z.preprocess((v) => (v === undefined || v === null ? '' : v), z.union([z.literal(''), z.enum(Object.keys(labels) as [string, ...string[]])]));
const comment = optionalText(2000).refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v), 'Tidak boleh memuat karakter kontrol.');
const skmShape = Object.fromEntries(SKM_ELEMENTS.map((e) => [e.code, z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(4).optional())])) as Record<string, z.ZodType<number | undefined>>;

function skmOf(values: Record<string, number | undefined>, ctx: z.RefinementCtx, prefix: string[] = []): number[] | null {
  const given = SKM_ELEMENTS.filter((e) => values[e.code] !== undefined);
  if (given.length === 0) return null;
  if (given.length < SKM_ELEMENTS.length) {
    for (const e of SKM_ELEMENTS) if (values[e.code] === undefined) ctx.addIssue({ code: 'custom', path: [...prefix, e.code], message: 'Isi kesembilan unsur, atau kosongkan semuanya.' });
    return null;
  }
  return SKM_ELEMENTS.map((e) => values[e.code]!);
}

/** The public form (/penilaian/:token). Scores arrive as strings; SKM answers u1..u9 and the profile are optional. */
export const ratingFormSchema = z
  .object({
    service: score(10), substance: score(10), comment,
    ...skmShape,
    age_band: choice(AGE_BANDS), sex: choice(SEXES), education: choice(EDUCATIONS), occupation: choice(OCCUPATIONS),
  })
  .transform((v, ctx): RatingInput => ({
    service: v.service, substance: v.substance, comment: v.comment,
    skm: skmOf(v as unknown as Record<string, number | undefined>, ctx),
    profile: { ageBand: v.age_band, sex: v.sex, education: v.education, occupation: v.occupation },
  }));

const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** POST /api/v1/ratings/:token: {service, substance, comment?, skm?: {u1..u9}, respondent?}. Unknown keys are refused. */
export const ratingApiSchema = z
  .strictObject({
    service: int(1, 10), substance: int(1, 10),
    comment: comment.optional(),
    skm: z.strictObject(Object.fromEntries(SKM_ELEMENTS.map((e) => [e.code, int(1, 4)])) as Record<string, z.ZodNumber>).optional(),
    respondent: z.strictObject({
      age_band: z.enum(Object.keys(AGE_BANDS) as [string, ...string[]]).optional(),
      sex: z.enum(Object.keys(SEXES) as [string, ...string[]]).optional(),
      education: z.enum(Object.keys(EDUCATIONS) as [string, ...string[]]).optional(),
      occupation: z.enum(Object.keys(OCCUPATIONS) as [string, ...string[]]).optional(),
    }).optional(),
  })
  .transform((v): RatingInput => ({
    service: v.service, substance: v.substance, comment: v.comment ?? '',
    skm: v.skm ? SKM_ELEMENTS.map((e) => v.skm![e.code]) : null,
    profile: { ageBand: v.respondent?.age_band ?? '', sex: v.respondent?.sex ?? '', education: v.respondent?.education ?? '', occupation: v.respondent?.occupation ?? '' },
  }));

export const followUpSchema = z.object({ note: optionalText(500) });

/** GET /laporan/kepuasan and /api/v1/ratings/summary. */
export const monthQuerySchema = z.object({
  year: z.coerce.number().int().min(2010).max(2100),
  month: z.coerce.number().int().min(1).max(12),
});

export const ratingSettingsSchema = z.object({
  link_days: z.coerce.number().int().min(1).max(365),
  scale_max: z.coerce.number().int().min(3).max(10),
  target: z.coerce.number().min(1).max(10),
  min_count: z.coerce.number().int().min(0).max(1000),
  min_users: z.coerce.number().int().min(0).max(1000),
}).refine((v) => v.target <= v.scale_max, { path: ['target'], message: 'Target tidak boleh melebihi skala.' });
export type RatingSettingsInput = z.infer<typeof ratingSettingsSchema>;
