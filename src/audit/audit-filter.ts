/**
 * The audit page's filters: what the form sends, checked field by field, and turned into the
 * repository's UTC range. Pure: no database.
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { fieldErrors, isoDate } from '../shared/validation.js';
import type { AuditFilter } from './audit.repo.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());

export const auditQuerySchema = z
  .object({
    action: text(60),
    actor: text(100),
    entityType: text(40),
    entityId: text(40),
    from: z.preprocess(blank, isoDate().optional()),
    to: z.preprocess(blank, isoDate().optional()),
    q: text(200),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'Tanggal akhir sebelum tanggal awal.' });

/** The filters as typed (for the form and links); every value a string. */
export type AuditQuery = Partial<Record<keyof z.infer<typeof auditQuerySchema>, string>>;

const FIELDS = ['action', 'actor', 'entityType', 'entityId', 'from', 'to', 'q'] as const;

/**
 * Reads the filters from a query string. An invalid field is reported and left out of the
 * search rather than failing the page; the dates are days in the office zone, so "to" covers
 * that whole day up to midnight there.
 */
export function readAuditQuery(raw: Record<string, unknown>, zone: string): {
  query: AuditQuery;
  filter: AuditFilter;
  errors: Record<string, string>;
} {
  const query: AuditQuery = {};
  for (const k of FIELDS) {
    const v = raw[k];
    if (typeof v === 'string' && v.trim() !== '') query[k] = v.trim().slice(0, 200);
  }
  const parsed = auditQuerySchema.safeParse(query);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const valid = Object.fromEntries(FIELDS.filter((k) => query[k] !== undefined && !errors[k]).map((k) => [k, query[k]!])) as AuditQuery;
  const filter: AuditFilter = {
    action: valid.action,
    actor: valid.actor?.toLowerCase(),
    entityType: valid.entityType,
    entityId: valid.entityId,
    q: valid.q,
    from: valid.from ? dayStartUtc(valid.from, zone) : undefined,
    to: valid.to ? dayStartUtc(DateTime.fromISO(valid.to).plus({ days: 1 }).toISODate()!, zone) : undefined,
  };
  return { query, filter, errors };
}

/** Midnight at the start of an office-zone day, as a UTC instant in the format the log stores. */
export function dayStartUtc(isoDay: string, zone: string): string {
  return DateTime.fromISO(isoDay, { zone }).startOf('day').toUTC().toISO()!;
}

/** The query string that reproduces these filters (for pager and export links). */
export function queryString(query: AuditQuery): string {
  return new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]).toString();
}
