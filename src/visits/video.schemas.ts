/** Validation of the video-conference forms (zod at the edge). */
import { z } from 'zod';
import { isoDate, oneOf, optionalText, requiredText } from '../shared/validation.js';
import { localInstant } from '../desk/desk.schemas.js';
import { NETWORKS } from './video-rules.js';

const recordingUrl = z
  .string()
  .trim()
  .max(1000)
  .refine((v) => v === '' || /^https?:\/\/[^\s<>"']+$/i.test(v), { message: 'Tautan rekaman harus diawali http:// atau https://.' })
  .default('');

export const videoRequestSchema = (zone: string) =>
  z
    .object({
      letterNumber: requiredText(100),
      letterDate: isoDate(),
      letterReceivedOn: isoDate(),
      regionCode: z.string().trim().min(1).max(10),
      institution: requiredText(200),
      topic: z.string().trim().min(1, 'Pilih topik.').max(40),
      unitCode: requiredText(50),
      network: oneOf(NETWORKS),
      plannedAt: localInstant(zone),
      lateReason: optionalText(1000),
    })
    .superRefine((v, ctx) => {
      if (v.letterReceivedOn < v.letterDate) ctx.addIssue({ code: 'custom', path: ['letterReceivedOn'], message: 'Tanggal diterima tidak boleh sebelum tanggal surat.' });
    });
export type VideoRequestInput = z.infer<ReturnType<typeof videoRequestSchema>>;

export const videoHeldSchema = (zone: string) => z.object({ heldAt: localInstant(zone), recordingUrl });
export const videoRecordingSchema = z.object({ recordingUrl: recordingUrl.pipe(z.string().min(1, 'Wajib diisi.')) });
export const videoCancelSchema = z.object({ note: requiredText(500) });
export const monthQuerySchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional() });
