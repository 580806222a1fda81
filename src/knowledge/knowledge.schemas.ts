/** Validation of the knowledge base's forms. */
import { z } from 'zod';
import { optionalText, requiredText } from '../shared/validation.js';

export const entryFormSchema = z.object({
  topic: requiredText(200),
  title: requiredText(500),
  answer: requiredText(10000),
  ownerUnitId: z.coerce.number().int().min(1, 'Pilih unit pemilik.').max(Number.MAX_SAFE_INTEGER),
  version: z.coerce.number().int().min(1).optional(),
});
export type EntryInput = z.infer<typeof entryFormSchema>;

export const flagFormSchema = z.object({ note: requiredText(2000) });
export const reviewFormSchema = z.object({ note: optionalText(2000) });

export const listQuerySchema = z.object({
  q: z.string().trim().max(200).default(''),
  awaiting: z.enum(['', '1']).default(''),
});
