import crypto from 'node:crypto';
import fs from 'node:fs';

/**
 * A secret kept in one file (mode 0600), generated on first use: the session secret, the audit
 * key. `wx` so two processes starting together cannot overwrite each other's secret.
 */
export function readOrCreateSecretFile(file: string): string {
  try {
    fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return fs.readFileSync(file, 'utf8').trim();
}
