/**
 * Input shapes of the request register. The forms post the domain's camelCase names; the API
 * takes snake_case with a nested requester, mapped onto the same domain input. The fields and
 * their limits come from the field table (request-fields.ts); only action inputs that are not
 * a request's fields (a withdrawal's date, a void's note, a correction's reason) are here.
 */
import { z } from 'zod';
import { CHANNELS, REQUESTER_CATEGORIES, VOID_REASONS } from './vocabulary.js';
import { REQUEST_FIELDS, inputFieldsOf, getPath, type FieldGroup, type FieldSpec, type GroupValues } from './request-fields.js';
import { STATUS_FILTERS } from './status-filters.js';
import { EARLIEST_YEAR, latestYear } from '../shared/dates.js';
import { anyIsoDate, checkboxList, formIntOr, INVALID_EMAIL, isEmail, isoDate, optionalFormInt, oneOf, optionalText, requiredText } from '../shared/validation.js';

const optionalEmail = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || isEmail(v), { message: INVALID_EMAIL })
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

/**
 * The validator of a declared field (src/requests/request-fields.ts), for the forms (strings,
 * checkbox groups) or the API (JSON numbers and arrays).
 */
function validatorFor(f: FieldSpec, mode: 'form' | 'api'): z.ZodType {
  switch (f.kind) {
    case 'date': {
      const date = f.future ? futureDate() : isoDate();
      if (f.required) return date;
      // An optional date: blank (form) or null/absent (API) is null.
      return mode === 'form' ? z.preprocess((v) => (v === undefined || v === '' ? null : v), date.nullable()) : date.nullable().default(null);
    }
    case 'enum':
      // An optional choice: blank (or absent) is ''.
      return f.required ? oneOf(f.vocabulary!) : z.union([z.literal(''), oneOf(f.vocabulary!)]).default('');
    case 'enumList':
    case 'letters': {
      const list = z.array(oneOf(f.vocabulary!)).max(f.max!);
      return mode === 'form' ? checkboxList(oneOf(f.vocabulary!)).pipe(list) : list.default([]);
    }
    case 'int':
      // Without a `blank` value, a blank whole number is null (not given).
      if (f.blank === undefined) {
        return mode === 'form' ? optionalFormInt(f.min!, f.intMax!).transform((v) => v ?? null) : z.number().int().min(f.min!).max(f.intMax!).nullable().default(null);
      }
      return mode === 'form' ? formIntOr(f.min!, f.intMax!, f.blank) : z.number().int().min(f.min!).max(f.intMax!).default(f.blank);
    case 'bool':
      // A form's checkbox posts "on" (or "1"/"true") when ticked and nothing when not.
      return mode === 'form' ? z.preprocess(formBool, z.boolean()) : z.boolean().default(false);
    default:
      if (f.format === 'email') return optionalEmail;
      if (f.format === 'phone') return phone;
      return f.required ? requiredText(f.max!) : optionalText(f.max!);
  }
}

/** A real date from 2010 up to a hundred years after this year (an exemption's end date). */
const futureDate = () =>
  anyIsoDate().refine((v) => Number(v.slice(0, 4)) >= EARLIEST_YEAR && Number(v.slice(0, 4)) <= latestYear() + 99, {
    message: `Tanggal harus antara tahun ${EARLIEST_YEAR} dan ${latestYear() + 99}.`,
  });

/** A checkbox's value → boolean; anything else is left for z.boolean() to refuse. */
function formBool(v: unknown): unknown {
  if (v === undefined || v === '' || v === '0' || v === 'false') return false;
  if (v === 'on' || v === '1' || v === 'true' || v === 'yes') return true;
  return v;
}

type Shape<G extends FieldGroup> = { [K in keyof GroupValues<G>]: z.ZodType<GroupValues<G>[K], unknown> };

/** The form fields of a group, each validated as declared. */
function formShape<G extends FieldGroup, X extends keyof Shape<G> = never>(group: G, except: X[] = []): Omit<Shape<G>, X> {
  return Object.fromEntries(
    inputFieldsOf(group).filter((f) => !except.includes(f.key as X)).map((f) => [f.key, validatorFor(f, 'form')]),
  ) as Omit<Shape<G>, X>;
}

/**
 * The API's body for a group: the declared API names (snake_case, "requester.name" nested),
 * plus `extra` body fields (API name → domain key and validator); unknown keys are refused.
 * Returns the domain's input, named as the forms name it.
 */
function apiSchema<T>(fields: FieldSpec[], extra: Record<string, [string, z.ZodType]> = {}): z.ZodType<T, unknown> {
  const shape: Record<string, z.ZodType | Record<string, z.ZodType>> = {};
  const keys: [string, string][] = [];
  for (const f of fields) {
    const [head, leaf] = f.api.split('.');
    if (leaf) ((shape[head] ??= {}) as Record<string, z.ZodType>)[leaf] = validatorFor(f, 'api');
    else shape[head] = validatorFor(f, 'api');
    keys.push([f.key, f.api]);
  }
  for (const [api, [key, validator]] of Object.entries(extra)) {
    const [head, leaf] = api.split('.');
    if (leaf) ((shape[head] ??= {}) as Record<string, z.ZodType>)[leaf] = validator;
    else shape[head] = validator;
    keys.push([key, api]);
  }
  const nested = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v instanceof z.ZodType ? v : z.strictObject(v)]));
  return z.strictObject(nested).transform((v) => Object.fromEntries(keys.map(([key, api]) => [key, getPath(v, api)])) as T);
}

/**
 * "Tidak ingin dihubungi": no messages from the app (src/messages). Not a register column (the
 * office's sheets have none), so it is declared here beside the table's fields.
 */
const noContactForm = z.preprocess((v) => (v === 'yes' || v === 'on' || v === true ? 'yes' : ''), z.enum(['', 'yes']));
const noContactApi = z.boolean().default(false).transform((b): '' | 'yes' => (b ? 'yes' : ''));

export const intakeFormSchema = z.object({ ...formShape('request'), requesterNoContact: noContactForm });
export type IntakeInput = z.infer<typeof intakeFormSchema>;

/** Optimistic concurrency: the version the user saw (forms always send it; API may). */
const version = optionalFormInt(1, Number.MAX_SAFE_INTEGER);

export const extensionFormSchema = z.object({ ...formShape('extension'), version });
export type ExtensionInput = z.infer<typeof extensionFormSchema>;

/** Why a decision was corrected (the audit log keeps it). */
const correctionNote = optionalText(2000);
/** An existing DIK entry (src/dik) the exemption uses instead of stating its own period. */
const formDikId = optionalFormInt(1, Number.MAX_SAFE_INTEGER);
const apiDikId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().optional().transform((v) => v ?? undefined);
export const decisionFormSchema = z.object({ ...formShape('decision', ['withdrawn']), dikId: formDikId, correctionNote, version });
type DecisionOutput = z.infer<typeof decisionFormSchema>;
/** The period and notice-item fields are optional to callers (services, tests): absent means not given. */
type PeriodKey = 'exemptionUntil' | 'exemptionYears' | 'exemptionWhileProtected' | 'exemptionBasis'
  | 'heldBy' | 'heldByContact' | 'givenForm' | 'provideOn' | 'redactedParts' | 'feeCopy' | 'feeDelivery' | 'feeOther' | 'paymentHow';
export type DecisionInput = Omit<DecisionOutput, PeriodKey> & Partial<Pick<DecisionOutput, PeriodKey>>;

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

export const apiIntakeSchema = apiSchema<IntakeInput>(inputFieldsOf('request'), { 'requester.no_contact': ['requesterNoContact', noContactApi] });

const apiVersion = z.number().int().min(1).optional();

export const apiExtensionSchema = apiSchema<ExtensionInput>(inputFieldsOf('extension'), { version: ['version', apiVersion] });

export const apiDecisionSchema = apiSchema<DecisionInput>(
  inputFieldsOf('decision').filter((f) => f.key !== 'withdrawn'),
  { dik_id: ['dikId', apiDikId], correction_note: ['correctionNote', correctionNote], version: ['version', apiVersion] },
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

/**
 * Domain field → API path ("requester.name"), so service errors name the field the API client
 * sent: every declared field but the void's (whose action takes `reason` and `note`), and the
 * action inputs that are not fields.
 */
export const API_FIELD_NAMES: Record<string, string> = {
  ...Object.fromEntries(REQUEST_FIELDS.filter((f: FieldSpec) => f.group !== 'void' && !f.recorded).map((f) => [f.key, f.api])),
  dikId: 'dik_id',
  correctionNote: 'correction_note',
  withdrawnOn: 'withdrawn_on',
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
  /** Rows per page: 50 unless the client asks for 1–100. */
  page_size: z.coerce.number().int().min(1).max(100).default(50),
});
