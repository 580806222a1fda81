/** Validation of the desk flows' forms and API bodies (approval, sending, unit settings). */
import { z } from 'zod';
import { optionalText } from '../shared/validation.js';
import { isoInstant, localInstant } from './desk.schemas.js';

const decision = z.enum(['approve', 'return'], { error: 'Pilih setujui atau kembalikan.' });
export const apiApprovalSchema = z.strictObject({ decision, note: optionalText(2000) });
export const formApprovalSchema = z.object({ decision, note: optionalText(2000) });

export const apiSendSchema = z.strictObject({ answered_at: isoInstant() });
export const formSendSchema = (zone: string) => z.object({ answeredAt: localInstant(zone) }).transform((f) => ({ answered_at: f.answeredAt }));

export const unitSettingsFormSchema = z.object({
  approvalRequired: z.preprocess((v) => v === 'yes' || v === 'on', z.boolean()),
  headUserId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable()),
});
