import { z } from 'zod';
import { oneOf, optionalText } from '../shared/validation.js';
import { ATTACHMENT_KINDS } from './vocabulary.js';

/** The upload form: the kind, what it belongs to ("request", "decision" or "objection:<id>"), a note. */
export const uploadFormSchema = z
  .object({
    kind: oneOf(ATTACHMENT_KINDS),
    target: z.string().regex(/^(request|decision|objection:\d{1,12})$/, { message: 'Pilihan tidak dikenal.' }).default('request'),
    note: optionalText(1000),
  })
  .transform((v) => {
    const [target, id] = v.target.split(':') as ['request' | 'decision' | 'objection', string | undefined];
    return { kind: v.kind, note: v.note, target, objectionId: id ? Number(id) : null };
  });

export const removeFormSchema = z.object({ reason: optionalText(500) });
