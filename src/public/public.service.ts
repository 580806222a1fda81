import crypto from 'node:crypto';
import type { Db } from '../db/client.js';
import type { RequestRow } from '../db/schema.js';
import { findByRegistrationNumber } from '../requests/requests.repo.js';

/** Codes are printed as "K7PX-M3QD"; people type them in any case, with or without the dash. */
export function normaliseAccessCode(code: string): string {
  const bare = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
}

const DECOY = 'XXXX-XXXX';

/**
 * The request behind a registration number and access code, or null. The code is compared in
 * constant time even when the number does not exist, so the answer and its timing never tell
 * whether a number is real.
 */
export function lookUpRequest(db: Db, number: string, code: string): RequestRow | null {
  const r = findByRegistrationNumber(db, number.trim());
  const given = Buffer.from(normaliseAccessCode(code).padEnd(16).slice(0, 16));
  const expected = Buffer.from((r?.accessCode ?? DECOY).padEnd(16).slice(0, 16));
  const match = crypto.timingSafeEqual(given, expected);
  return r && match ? r : null;
}
