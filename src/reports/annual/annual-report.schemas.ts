import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../shared/validation.js';

const NARRATIVE_MAX = 20_000;

/** The four narrative sections; each may be left empty while drafting. */
export const narrativeSchema = z.object({
  policy: optionalText(NARRATIVE_MAX),
  implementation: optionalText(NARRATIVE_MAX),
  obstacles: optionalText(NARRATIVE_MAX),
  recommendations: optionalText(NARRATIVE_MAX),
});
export type NarrativeInput = z.infer<typeof narrativeSchema>;

export const submitSchema = z.object({
  submittedOn: isoDate(),
  submittedTo: requiredText(300),
  note: optionalText(1000),
});
export type SubmitInput = z.infer<typeof submitSchema>;

export const correctionSchema = z.object({ reason: requiredText(500) });

export const serviceStandardSchema = z.object({ text: requiredText(50_000) });

export function versionParam(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : undefined;
}
