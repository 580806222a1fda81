/**
 * Input shapes of units, dispositions and forwardings. Forms post camelCase; the API takes
 * snake_case, mapped onto the same domain input.
 */
import { z } from 'zod';
import { EARLIEST_YEAR, latestYear } from '../shared/dates.js';
import { checkboxList, isoDate, oneOf, optionalFormInt, optionalText, requiredText } from '../shared/validation.js';
import { EXEMPTION_ARTICLES } from '../requests/vocabulary.js';
import { ANSWER_RESULTS, QUEUE_FILTERS, UNIT_KINDS } from './vocabulary.js';
import { numberPatternProblem } from '../numbering/numbering.js';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const version = optionalFormInt(1, 1_000_000_000);
const apiVersion = z.number().int().min(1).max(1_000_000_000).optional();
/** A checkbox: present (any of the values browsers send) means ticked. */
const checkbox = z.preprocess((v) => v === 'on' || v === '1' || v === 'true' || v === true, z.boolean());
const optionalDate = () => z.preprocess(blankToUndefined, isoDate().optional());

/** "PK.1", "DTU", "pelaksana-2": letters, digits, dot, dash, underscore; at most 20. */
export const unitCode = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'Kode 1–20 karakter: huruf, angka, titik, strip atau garis bawah.' });

/** A PPID Pelaksana's own registration number pattern (src/numbering); blank: the PPID Utama's. */
export const numberPattern = () =>
  optionalText(60).superRefine((v, ctx) => {
    const problem = v ? numberPatternProblem(v) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const unitFormSchema = z
  .object({
    code: unitCode(),
    name: requiredText(150),
    kind: oneOf(UNIT_KINDS),
    parentId: optionalFormInt(1, 1_000_000_000),
    active: checkbox.default(true),
    numberPattern: numberPattern(),
    version,
  })
  .superRefine((v, ctx) => {
    if (v.numberPattern && v.kind !== 'pelaksana') ctx.addIssue({ code: 'custom', path: ['numberPattern'], message: 'Pola nomor sendiri hanya untuk PPID Pelaksana.' });
  });
/** numberPattern left out: unchanged (a new unit: none). */
export type UnitInput = Omit<z.infer<typeof unitFormSchema>, 'numberPattern'> & { numberPattern?: string };

const unitIdList = checkboxList(z.coerce.number().int().min(1).max(1_000_000_000)).pipe(z.array(z.number()).min(1, { message: 'Pilih minimal satu unit.' }).max(50));

/** Send a request to one or more units. */
export const sendFormSchema = z.object({
  unitIds: unitIdList,
  dueOn: optionalDate(),
  note: optionalText(2000),
});
export type SendInput = z.infer<typeof sendFormSchema>;

export const apiSendSchema = z.strictObject({
  unit_code: unitCode(),
  due_on: optionalDate(),
  note: optionalText(2000),
});

const answerFields = {
  answeredOn: isoDate(),
  result: oneOf(ANSWER_RESULTS),
  note: optionalText(5000),
  holder: optionalText(300),
  exemptionArticles: checkboxList(oneOf(EXEMPTION_ARTICLES)).pipe(z.array(oneOf(EXEMPTION_ARTICLES)).max(10)),
  consequenceTest: optionalText(5000),
};
export const answerFormSchema = z.object({ ...answerFields, version });
export type AnswerInput = z.infer<typeof answerFormSchema>;

export const apiAnswerSchema = z
  .strictObject({
    answered_on: isoDate(),
    result: oneOf(ANSWER_RESULTS),
    note: optionalText(5000),
    holder: optionalText(300),
    exemption_articles: z.array(oneOf(EXEMPTION_ARTICLES)).max(10).default([]),
    consequence_test: optionalText(5000),
    version: apiVersion,
  })
  .transform((v): AnswerInput => ({
    answeredOn: v.answered_on, result: v.result, note: v.note, holder: v.holder,
    exemptionArticles: v.exemption_articles, consequenceTest: v.consequence_test, version: v.version,
  }));

export const reassignFormSchema = z.object({
  unitId: z.coerce.number({ message: 'Wajib dipilih.' }).int().min(1, { message: 'Wajib dipilih.' }).max(1_000_000_000),
  dueOn: optionalDate(),
  note: optionalText(2000),
  version,
});
export type ReassignInput = z.infer<typeof reassignFormSchema>;

export const recallFormSchema = z.object({ note: requiredText(2000), version });
export type RecallInput = z.infer<typeof recallFormSchema>;

export const remindFormSchema = z.object({ note: optionalText(2000), version });
export type RemindInput = z.infer<typeof remindFormSchema>;

/** Pasal 22 ayat 7 huruf b: the body that holds the information. */
export const forwardFormSchema = z.object({
  body: requiredText(300),
  forwardedOn: isoDate(),
  contact: optionalText(300),
  note: optionalText(2000),
  version,
});
export type ForwardInput = z.infer<typeof forwardFormSchema>;

/** The queue page's filter. */
export const queueFilterSchema = z.object({
  unit: z.preprocess(blankToUndefined, unitCode().optional()),
  status: z.preprocess(blankToUndefined, oneOf(QUEUE_FILTERS).optional()),
});

/** GET /api/v1/dispositions?unit=&status= — unknown parameters are an error. */
export const apiQueueQuerySchema = queueFilterSchema.strict();

const yearField = z.coerce
  .number({ message: 'Tahun tidak valid.' })
  .int({ message: 'Tahun tidak valid.' })
  .refine((y) => y >= EARLIEST_YEAR && y <= latestYear(), { message: `Tahun harus antara ${EARLIEST_YEAR} dan tahun depan.` });

/** GET /api/v1/units/stats?year=&month= (month optional: the whole year). */
export const statsQuerySchema = z.strictObject({
  year: yearField,
  month: z.preprocess(blankToUndefined, z.coerce.number({ message: 'Bulan tidak valid.' }).int().min(1, { message: 'Bulan harus 1–12.' }).max(12, { message: 'Bulan harus 1–12.' }).optional()),
});

/** Domain field → API name, so a refusal names the field the API client sent. */
export const API_FIELDS: Record<string, string> = {
  unitIds: 'unit_code',
  unitId: 'unit_code',
  dueOn: 'due_on',
  answeredOn: 'answered_on',
  exemptionArticles: 'exemption_articles',
  consequenceTest: 'consequence_test',
};
