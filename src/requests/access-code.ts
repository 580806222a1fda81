import crypto from 'node:crypto';

// No 0/O, 1/I/L: the code is read aloud and typed from a paper receipt.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random access code for the public status page, e.g. "K7PX-M3QD" (~40 bits). */
export function newAccessCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
