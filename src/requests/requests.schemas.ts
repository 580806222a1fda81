/**
 * Input shapes of the request register. The forms post the domain's camelCase names; the API
 * takes snake_case with a nested requester, mapped onto the same domain input.
 */
import { z } from 'zod';
import {
  CHANNELS, REQUESTER_TYPES, REQUESTER_CATEGORIES, OBTAIN_METHODS, DELIVERY_METHODS, OUTCOMES, REASONS,
  EXEMPTION_ARTICLES, VOID_REASONS,
} from './vocabulary.js';
import { MAX_EXTENSION_WORKING_DAYS } from './deadlines.js';
import { STATUS_FILTERS } from './status-filters.js';
import { EARLIEST_YEAR, latestYear } from '../shared/dates.js';
import { checkboxList, formIntOr, isoDate, optionalFormInt, oneOf, optionalText, requiredText } from '../shared/validation.js';

const optionalEmail = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || z.email().safeParse(v).success, { message: 'Alamat e-mail tidak valid.' })
  .default('');
/** The rule of PHONE_PATTERN in words (the message must say exactly what the pattern checks). */
export const PHONE_RULE = 'Nomor telepon 6–40 karakter, hanya angka 0–9, spasi, tanda +, tanda - dan tanda kurung ( ); contoh: 0274 123456 atau +62 812-3456-7890.';
const PHONE_PATTERN = /^[+0-9 ()-]{6,40}$/;
const phone = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || PHONE_PATTERN.test(v), { message: PHONE_RULE })
  .default('');

/** One validator per intake field, shared by the form and the API. */
const intake = {
  receivedOn: isoDate(),
  channel: oneOf(CHANNELS),
  requesterName: requiredText(200),
  requesterIdNumber: optionalText(60),
  requesterAddress: optionalText(500),
  requesterPhone: phone,
  requesterEmail: optionalEmail,
  requesterOccupation: optionalText(120),
  requesterType: oneOf(REQUESTER_TYPES),
  requesterCategory: oneOf(REQUESTER_CATEGORIES),
  proxyName: optionalText(200),
  informationRequested: requiredText(5000),
  purpose: optionalText(2000),
  obtainMethod: oneOf(OBTAIN_METHODS),
  deliveryMethod: oneOf(DELIVERY_METHODS),
  /** "Tidak ingin dihubungi": no messages from the app (src/messages). A form's checkbox. */
  requesterNoContact: z.preprocess((v) => (v === 'yes' || v === 'on' || v === true ? 'yes' : ''), z.enum(['', 'yes'])),
};

export const intakeFormSchema = z.object(intake);
export type IntakeInput = z.infer<typeof intakeFormSchema>;

/** Optimistic concurrency: the version the user saw (forms always send it; API may). */
const version = optionalFormInt(1, Number.MAX_SAFE_INTEGER);

export const extensionFormSchema = z.object({
  extendedOn: isoDate(),
  extensionDays: formIntOr(1, MAX_EXTENSION_WORKING_DAYS, MAX_EXTENSION_WORKING_DAYS),
  extensionReason: requiredText(2000),
  version,
});
export type ExtensionInput = z.infer<typeof extensionFormSchema>;

export const decisionFormSchema = z.object({
  decidedOn: isoDate(),
  outcome: oneOf(OUTCOMES),
  reasons: checkboxList(oneOf(REASONS)).pipe(z.array(oneOf(REASONS)).max(3)),
  exemptionArticles: checkboxList(oneOf(EXEMPTION_ARTICLES)).pipe(z.array(oneOf(EXEMPTION_ARTICLES)).max(10)),
  consequenceTest: optionalText(5000),
  reasonNote: optionalText(2000),
  noticeNote: optionalText(5000),
  feeRupiah: formIntOr(0, 1_000_000_000, 0),
  correctionNote: optionalText(2000),
  version,
});
export type DecisionInput = z.infer<typeof decisionFormSchema>;

export const withdrawalFormSchema = z.object({
  withdrawnOn: isoDate(),
  note: optionalText(2000),
  version,
});
export type WithdrawalInput = z.infer<typeof withdrawalFormSchema>;

/** Batalkan entri: why, in a code and a note. */
export const voidFormSchema = z.object({
  reason: oneOf(VOID_REASONS),
  note: optionalText(2000),
  version,
});
export type VoidInput = z.infer<typeof voidFormSchema>;

/** Pulihkan: an optional note for the audit log. */
export const unvoidFormSchema = z.object({
  note: optionalText(2000),
  version,
});
export type UnvoidInput = z.infer<typeof unvoidFormSchema>;

// ---- API (snake_case) -------------------------------------------------------------------

export const apiIntakeSchema = z
  .strictObject({
    received_on: intake.receivedOn,
    channel: intake.channel,
    requester: z.strictObject({
      name: intake.requesterName,
      id_number: intake.requesterIdNumber,
      address: intake.requesterAddress,
      phone: intake.requesterPhone,
      email: intake.requesterEmail,
      occupation: intake.requesterOccupation,
      type: intake.requesterType,
      category: intake.requesterCategory,
      proxy_name: intake.proxyName,
      no_contact: z.boolean().default(false),
    }),
    information_requested: intake.informationRequested,
    purpose: intake.purpose,
    obtain_method: intake.obtainMethod,
    delivery_method: intake.deliveryMethod,
  })
  .transform(
    (v): IntakeInput => ({
      receivedOn: v.received_on,
      channel: v.channel,
      requesterName: v.requester.name,
      requesterIdNumber: v.requester.id_number,
      requesterAddress: v.requester.address,
      requesterPhone: v.requester.phone,
      requesterEmail: v.requester.email,
      requesterOccupation: v.requester.occupation,
      requesterType: v.requester.type,
      requesterCategory: v.requester.category,
      proxyName: v.requester.proxy_name,
      informationRequested: v.information_requested,
      purpose: v.purpose,
      obtainMethod: v.obtain_method,
      deliveryMethod: v.delivery_method,
      requesterNoContact: v.requester.no_contact ? 'yes' : '',
    }),
  );

const apiVersion = z.number().int().min(1).optional();

export const apiExtensionSchema = z
  .strictObject({
    extended_on: intake.receivedOn,
    days: z.number().int().min(1).max(MAX_EXTENSION_WORKING_DAYS).default(MAX_EXTENSION_WORKING_DAYS),
    reason: requiredText(2000),
    version: apiVersion,
  })
  .transform((v): ExtensionInput => ({ extendedOn: v.extended_on, extensionDays: v.days, extensionReason: v.reason, version: v.version }));

export const apiDecisionSchema = z
  .strictObject({
    decided_on: isoDate(),
    outcome: oneOf(OUTCOMES),
    reasons: z.array(oneOf(REASONS)).max(3).default([]),
    exemption_articles: z.array(oneOf(EXEMPTION_ARTICLES)).max(10).default([]),
    consequence_test: optionalText(5000),
    reason_note: optionalText(2000),
    notice_note: optionalText(5000),
    fee_rupiah: z.number().int().min(0).max(1_000_000_000).default(0),
    correction_note: optionalText(2000),
    version: apiVersion,
  })
  .transform(
    (v): DecisionInput => ({
      decidedOn: v.decided_on,
      outcome: v.outcome,
      reasons: v.reasons,
      exemptionArticles: v.exemption_articles,
      consequenceTest: v.consequence_test,
      reasonNote: v.reason_note,
      noticeNote: v.notice_note,
      feeRupiah: v.fee_rupiah,
      correctionNote: v.correction_note,
      version: v.version,
    }),
  );

export const apiWithdrawalSchema = z
  .strictObject({ withdrawn_on: isoDate(), note: optionalText(2000), version: apiVersion })
  .transform((v): WithdrawalInput => ({ withdrawnOn: v.withdrawn_on, note: v.note, version: v.version }));

export const apiVoidSchema = z
  .strictObject({ reason: oneOf(VOID_REASONS), note: optionalText(2000), version: apiVersion })
  .transform((v): VoidInput => ({ reason: v.reason, note: v.note, version: v.version }));

export const apiUnvoidSchema = z
  .strictObject({ note: optionalText(2000), version: apiVersion })
  .transform((v): UnvoidInput => ({ note: v.note, version: v.version }));

/** Domain field → API path, so service errors name the field the API client sent. */
export const API_FIELD_NAMES: Record<string, string> = {
  receivedOn: 'received_on',
  channel: 'channel',
  requesterName: 'requester.name',
  requesterIdNumber: 'requester.id_number',
  requesterAddress: 'requester.address',
  requesterPhone: 'requester.phone',
  requesterEmail: 'requester.email',
  requesterOccupation: 'requester.occupation',
  requesterType: 'requester.type',
  requesterCategory: 'requester.category',
  proxyName: 'requester.proxy_name',
  requesterNoContact: 'requester.no_contact',
  informationRequested: 'information_requested',
  purpose: 'purpose',
  obtainMethod: 'obtain_method',
  deliveryMethod: 'delivery_method',
  extendedOn: 'extended_on',
  extensionDays: 'days',
  extensionReason: 'reason',
  decidedOn: 'decided_on',
  outcome: 'outcome',
  reasons: 'reasons',
  exemptionArticles: 'exemption_articles',
  consequenceTest: 'consequence_test',
  reasonNote: 'reason_note',
  noticeNote: 'notice_note',
  feeRupiah: 'fee_rupiah',
  correctionNote: 'correction_note',
  withdrawnOn: 'withdrawn_on',
  note: 'note',
  version: 'version',
};

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
/** Longest search the register takes (the search box says so when more is typed). */
export const MAX_SEARCH_LENGTH = 200;

/**
 * The register's filters, shared by the page, its export and the API list. A value the register
 * cannot use (a year out of range, an unknown status, a search over the limit) is refused with a
 * message, never dropped: dropping it would list everything as if it matched.
 */
const registerFilterFields = {
  year: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'Tahun tidak valid.' })
      .int({ message: 'Tahun tidak valid.' })
      .refine((y) => y >= EARLIEST_YEAR && y <= latestYear(), { message: `Tahun harus antara ${EARLIEST_YEAR} dan tahun depan.` })
      .optional(),
  ),
  month: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: 'Bulan tidak valid.' }).int({ message: 'Bulan tidak valid.' }).min(1, { message: 'Bulan harus 1–12.' }).max(12, { message: 'Bulan harus 1–12.' }).optional(),
  ),
  status: z.preprocess(blankToUndefined, z.enum(Object.keys(STATUS_FILTERS) as [keyof typeof STATUS_FILTERS, ...(keyof typeof STATUS_FILTERS)[]]).optional()),
  channel: z.preprocess(blankToUndefined, oneOf(CHANNELS).optional()),
  category: z.preprocess(blankToUndefined, oneOf(REQUESTER_CATEGORIES).optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(MAX_SEARCH_LENGTH).optional()),
};

/** The register page's and the export's query (other parameters, such as page, are theirs). */
export const registerFilterSchema = z.object(registerFilterFields);
export type RegisterFilterInput = z.infer<typeof registerFilterSchema>;

/** The API's list query: the register's filters plus the page; unknown parameters are an error. */
export const apiListQuerySchema = z.strictObject({
  ...registerFilterFields,
  page: z.coerce.number().int().min(1).max(100000).default(1),
});
