/** Input shape of the holiday form (admin page). */
import { z } from 'zod';
import { isoDate, oneOf, requiredText } from '../shared/validation.js';
import { HOLIDAY_KINDS } from '../calendar/holidays.service.js';

export const holidayFormSchema = z.object({
  date: isoDate(),
  kind: oneOf(HOLIDAY_KINDS),
  name: requiredText(120),
});
export type HolidayInput = z.infer<typeof holidayFormSchema>;

/** The year a calendar page shows; anything else falls back to the current year. */
export const yearParamSchema = z.coerce.number().int().min(1900).max(2200);
