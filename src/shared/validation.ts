/**
 * Validation at the edge: zod with Indonesian messages, and helpers for the field shapes the
 * forms and the API share.
 */
import { z } from 'zod';
import { AppError } from './errors.js';
import { dateBoundsError, isIsoDate } from './dates.js';

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'Wajib diisi.' : 'Format tidak valid.';
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Wajib diisi.' : `Minimal ${issue.minimum} karakter.`;
        if (issue.origin === 'array') return Number(issue.minimum) <= 1 ? 'Pilih minimal satu.' : `Pilih minimal ${issue.minimum}.`;
        return `Minimal ${issue.minimum}.`;
      case 'too_big':
        // Never cut silently: say the limit and how long the text is now.
        if (issue.origin === 'string') return tooLongMessage(Number(issue.maximum), typeof issue.input === 'string' ? issue.input.length : undefined);
        if (issue.origin === 'array') return `Maksimal ${issue.maximum} pilihan.`;
        return `Maksimal ${issue.maximum}.`;
      case 'invalid_value':
        return issue.input === '' || issue.input === undefined ? 'Wajib dipilih.' : 'Pilihan tidak dikenal.';
      case 'invalid_format':
        return issue.format === 'email' ? 'Alamat e-mail tidak valid.' : 'Format tidak valid.';
      case 'unrecognized_keys':
        return `Kolom tidak dikenal: ${issue.keys.join(', ')}.`;
      default:
        return 'Isian tidak valid.';
    }
  },
});

/**
 * "Maksimal 200 karakter (sekarang 300)." Characters are counted as JavaScript counts them
 * (UTF-16 units), as the browser's counter in public/app.js does.
 */
export function tooLongMessage(max: number, length?: number): string {
  return length === undefined ? `Maksimal ${max} karakter.` : `Maksimal ${max} karakter (sekarang ${length}).`;
}

/** Optional free text: trimmed, empty allowed, bounded. */
/** The e-mail rule: the forms refuse an address that is not one; the import keeps it with a warning. */
export const INVALID_EMAIL = 'Alamat e-mail tidak valid.';
const EMAIL = z.email();
/** The schema is built once: building it on every call was a sixth of the import's row reading. */
export const isEmail = (v: string) => EMAIL.safeParse(v).success;

export const optionalText = (max: number) => z.string().trim().max(max).default('');
/** Required free text: trimmed, non-empty, bounded. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
/**
 * A calendar date written YYYY-MM-DD, within the register's bounds (see dateBoundsError in
 * shared/dates.ts: nothing before 2010, nothing after next year; events are further held to
 * "not after today" by the register's rules).
 */
/** A real calendar day written YYYY-MM-DD, with no range rule (for dates with a rule of their own). */
export const anyIsoDate = () =>
  z
    .string()
    .trim()
    .min(1)
    .refine(isIsoDate, { message: 'Tanggal tidak valid (format TTTT-BB-HH).', abort: true });
/** A day of the office's records: a real date within the plausible range (dateBoundsError). */
export const isoDate = () =>
  anyIsoDate()
    .superRefine((v, ctx) => {
      const problem = dateBoundsError(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: v });
    });
/** One key of a label map such as CHANNELS. */
export const oneOf = <T extends Record<string, string>>(labels: T) =>
  z.enum(Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]);
/** A form's checkbox group arrives as a string, an array, or nothing. */
export const checkboxList = <S extends z.ZodType>(item: S) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
/** A form's optional whole number ("" or absent means unset). */
export const optionalFormInt = (min: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).optional());
/** A form's whole number that falls back to `fallback` when left blank. */
export const formIntOr = (min: number, max: number, fallback: number) =>
  optionalFormInt(min, max).transform((v) => v ?? fallback);

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses or throws a validation AppError carrying one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = 'Periksa kembali isian yang ditandai.'): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('validation', message, fieldErrors(result.error));
  return result.data;
}
