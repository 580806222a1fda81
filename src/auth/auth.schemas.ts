import { z } from 'zod';
import { ROLES } from './roles.js';
import { anyIsoDate, oneOf, optionalFormInt, requiredText } from '../shared/validation.js';

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, { message: '3–40 karakter: huruf kecil, angka, titik, garis bawah atau strip.' });
export const password = z.string().min(10, { message: 'Minimal 10 karakter.' }).max(200);

export const loginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(40),
  password: z.string().min(1).max(200),
});

export const newUserSchema = z.object({
  username,
  displayName: requiredText(100),
  role: oneOf(ROLES),
  password,
  /** The unit the user belongs to (src/units); required for the role `unit`. */
  unitId: optionalFormInt(1, 1_000_000_000),
});

export const setupSchema = newUserSchema
  .omit({ role: true, unitId: true })
  .extend({ passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: 'Kata sandi tidak sama.' });

export type NewUserInput = z.infer<typeof newUserSchema>;

/** A checkbox: present (any of the values browsers send) means ticked. */
const checkbox = z.preprocess((v) => v === 'on' || v === '1' || v === 'true' || v === true, z.boolean());

/** The admin's edit form; a blank password keeps the current one. */
export const editUserSchema = z.object({
  displayName: requiredText(100),
  role: oneOf(ROLES),
  active: checkbox,
  unitId: optionalFormInt(1, 1_000_000_000),
  password: z.preprocess((v) => (v === '' ? undefined : v), password.optional()),
});
export type EditUserInput = z.infer<typeof editUserSchema>;

export const newTokenSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(40),
  name: requiredText(100),
  /** Last day the token works (office zone); empty: until revoked. */
  expiresOn: z.preprocess((v) => (v === '' || v === null ? undefined : v), anyIsoDate().optional()), // its own rule: today to five years ahead
});
