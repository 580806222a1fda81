import { z } from 'zod';
import { intakeFormSchema } from '../requests/requests.schemas.js';

/** The online request form: what a requester gives; the office fills in date and channel. */
export const onlineRequestSchema = intakeFormSchema.omit({ receivedOn: true, channel: true }).extend({
  agree: z.literal('yes', { message: 'Centang pernyataan ini untuk mengirim permohonan.' }),
});

export const statusLookupSchema = z.object({
  number: z.string().trim().min(1).max(60),
  code: z.string().trim().min(1).max(20),
});
