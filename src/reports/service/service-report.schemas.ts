/** The note form of the service report (zod at the edge). */
import { z } from 'zod';
import { optionalText } from '../../shared/validation.js';

export const noteSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
  section: z.string().trim().min(1).max(50),
  body: optionalText(5000),
});
export type NoteInput = z.infer<typeof noteSchema>;
