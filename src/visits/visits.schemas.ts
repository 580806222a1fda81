/** Validation of the visit forms (zod at the edge). */
import { z } from 'zod';
import { isoDate, oneOf, optionalText, requiredText } from '../shared/validation.js';
import { localInstant } from '../desk/desk.schemas.js';
import { USER_TYPES } from '../desk/vocabulary.js';

export const reservationSchema = z
  .object({
    guestNames: requiredText(500),
    guestType: oneOf(USER_TYPES),
    institution: optionalText(200),
    regionCode: z.string().trim().min(1).max(10),
    phone: optionalText(50),
    email: z.union([z.literal(''), z.email().max(200)]).default(''),
    plannedOn: isoDate(),
    topic: z.string().trim().min(1, 'Pilih topik.').max(40),
    people: z.coerce.number().int().min(1).max(50),
    travelOrders: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Isi telepon atau e-mail tamu, agar konfirmasi dapat dikirim.' });
  });
export type ReservationInput = z.infer<typeof reservationSchema>;

export const checkInSchema = (zone: string) => z.object({ checkedInAt: localInstant(zone) });
export const meetingSchema = (zone: string) => z.object({ metAt: localInstant(zone) });
export const cancelSchema = z.object({ note: requiredText(500) });
export const dayQuerySchema = z.object({ date: isoDate().optional() });
