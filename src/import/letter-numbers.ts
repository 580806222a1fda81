/**
 * The numbers of a request's letters carried by the register file: the extension letter
 * (Pemberitahuan Perpanjangan Waktu) and the SK penolakan. Kept as written; when a number
 * follows the office's pattern its year and sequence are stored too, so letters numbered
 * afterwards continue after it. A number already used (in the database or earlier in the file)
 * is an error: two letters cannot share a number.
 */
import type { Tx } from '../db/client.js';
import type { Settings } from '../settings/settings.repo.js';
import { parseNumber } from '../numbering/numbering.js';
import * as requestsRepo from '../requests/requests.repo.js';
import { COLUMN_BY_KEY } from './register-columns.js';
import type { ProblemLog } from './problems.js';
import type { ParsedRequest } from './parsed-values.js';

const LETTERS = [
  { key: 'extensionLetterNumber', on: 'extendedOn', pattern: 'extension_letter_pattern', year: 'extensionLetterYear', seq: 'extensionLetterSeq', taken: requestsRepo.extensionLetterNumberTaken },
  { key: 'rejectionLetterNumber', on: 'decidedOn', pattern: 'rejection_letter_pattern', year: 'rejectionLetterYear', seq: 'rejectionLetterSeq', taken: requestsRepo.rejectionLetterNumberTaken },
] as const;

/** Sets each letter's year and sequence on the parsed values; reports numbers already used. */
export function planLetterNumbers(tx: Tx, requests: ParsedRequest[], settings: Settings, log: ProblemLog): void {
  for (const letter of LETTERS) {
    const seen = new Map<string, number>();
    for (const p of requests) {
      const v = p.values as unknown as Record<string, unknown>;
      const number = v[letter.key] as string | null;
      if (!number) continue;
      const column = COLUMN_BY_KEY[letter.key].label;
      const earlier = seen.get(number.toLowerCase());
      if (earlier !== undefined) log.error(p.row, column, `Nomor ${number} sudah dipakai di baris ${earlier}.`);
      else if (letter.taken(tx, number)) log.error(p.row, column, `Nomor ${number} sudah dipakai oleh permohonan lain.`);
      seen.set(number.toLowerCase(), p.row);
      const on = v[letter.on] as string | null;
      const parts = parseNumber(settings[letter.pattern], number);
      const year = parts?.year ?? (on ? Number(on.slice(0, 4)) : null);
      v[letter.year] = year;
      v[letter.seq] = parts && parts.year !== null ? parts.seq : null;
    }
  }
}
