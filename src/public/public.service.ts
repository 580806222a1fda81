import crypto from 'node:crypto';
import type { Db } from '../db/client.js';
import type { RequestRow } from '../db/schema.js';
import { findByRegistrationNumberAnyCase } from '../requests/requests.repo.js';

/** Codes are printed as "K7PX-M3QD"; people type them in any case, with or without the dash. */
export function normaliseAccessCode(code: string): string {
  const bare = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
}

const DECOY = 'XXXX-XXXX';

/**
 * The registration number as people type it: surrounding spaces (and non-breaking ones from a
 * copied PDF) dropped; the case is ignored by the lookup itself.
 */
export function normaliseRegistrationNumber(number: string): string {
  return number.normalize('NFKC').trim();
}

/**
 * The request behind a registration number and access code, or null. The number matches
 * whatever its case and surrounding spaces; the code whatever its case and dash (both sides are
 * normalised). The code is compared in constant time even when the number does not exist, so
 * the answer and its timing never tell whether a number is real.
 */
export function lookUpRequest(db: Db, number: string, code: string): RequestRow | null {
  const candidates = findByRegistrationNumberAnyCase(db, normaliseRegistrationNumber(number));
  const given = Buffer.from(normaliseAccessCode(code).padEnd(16).slice(0, 16));
  let found: RequestRow | null = null;
  for (const r of candidates.length ? candidates : [null]) {
    const expected = Buffer.from(normaliseAccessCode(r?.accessCode ?? DECOY).padEnd(16).slice(0, 16));
    if (crypto.timingSafeEqual(given, expected) && r) found = r;
  }
  return found;
}
