/** Validation of the desk's admin forms: list items, service hours, service levels. */
import { z } from 'zod';
import { requiredText } from '../shared/validation.js';
import { WEEKDAYS, type WeeklyHours } from './service-hours.js';
import type { SlaPolicy } from './sla.js';

export const addItemSchema = z.object({
  list: z.enum(['channel', 'category', 'topic'], { error: 'Daftar tidak dikenal.' }),
  code: z.string().trim().min(1, 'Wajib diisi.').max(40, 'Maksimal 40 karakter.').regex(/^[a-z][a-z0-9_]*$/, 'Kode: huruf kecil, angka dan garis bawah, diawali huruf (mis. telegram, dana_desa).'),
  label: requiredText(120),
});

export const updateItemSchema = z.object({
  label: requiredText(120),
  active: z.enum(['1', '0'], { error: 'Pilih aktif atau tidak aktif.' }).transform((v) => v === '1'),
});

export const moveSchema = z.object({ direction: z.enum(['up', 'down'], { error: 'Arah tidak dikenal.' }) });

/** Always sent by the form (blank = closed): a body without it is refused, never read as "closed". */
const clock = z.string({ error: 'Isi jam (JJ:MM) atau kosongkan untuk tutup.' }).trim().regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, 'Jam: JJ:MM, mis. 08:00.');

/** `opens_1`, `closes_1` … `opens_5`, `closes_5`: both blank (closed) or opening before closing. */
export const hoursSchema = z
  .object(Object.fromEntries(Object.keys(WEEKDAYS).flatMap((d) => [[`opens_${d}`, clock], [`closes_${d}`, clock]])) as Record<string, typeof clock>)
  .superRefine((f, ctx) => {
    for (const d of Object.keys(WEEKDAYS)) {
      const [o, c] = [f[`opens_${d}`], f[`closes_${d}`]];
      if (!o !== !c) ctx.addIssue({ code: 'custom', path: [o ? `closes_${d}` : `opens_${d}`], message: 'Isi jam buka dan jam tutup, atau kosongkan keduanya (tutup).' });
      else if (o && c <= o) ctx.addIssue({ code: 'custom', path: [`closes_${d}`], message: 'Jam tutup harus setelah jam buka.' });
    }
  })
  .transform((f): WeeklyHours => Object.fromEntries(Object.keys(WEEKDAYS).map((d) => [Number(d), f[`opens_${d}`] ? { opens: f[`opens_${d}`], closes: f[`closes_${d}`] } : null])));

/** `amount_<channel>_<0|1>` and `unit_<channel>_<0|1>` for every channel of the list. */
export function levelsSchema(channels: string[]) {
  const amount = z.coerce.number({ error: 'Isi angka.' }).int('Bilangan bulat.').min(1, 'Minimal 1.').max(1000, 'Maksimal 1000.');
  const unit = z.enum(['working_days', 'working_hours'], { error: 'Pilih hari kerja atau jam kerja.' });
  const shape: Record<string, z.ZodType> = {};
  for (const c of channels) for (const e of [0, 1]) Object.assign(shape, { [`amount_${c}_${e}`]: amount, [`unit_${c}_${e}`]: unit });
  return z
    .object(shape)
    .superRefine((f, ctx) => {
      for (const k of Object.keys(f)) {
        if (k.startsWith('unit_') && f[k] === 'working_days' && Number(f[`amount_${k.slice(5)}`]) > 60) ctx.addIssue({ code: 'custom', path: [`amount_${k.slice(5)}`], message: 'Maksimal 60 hari kerja.' });
      }
    })
    .transform((f) => channels.flatMap((c) => [0, 1].map((e) => ({ channel: c, escalated: e === 1, policy: { amount: f[`amount_${c}_${e}`] as number, unit: f[`unit_${c}_${e}`] as SlaPolicy['unit'] } }))));
}
