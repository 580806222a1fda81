/**
 * The letter sent with a message as an HTML attachment: a stand-alone page (its own styles, no
 * script, no external files) that prints like the app's papers and can be saved as PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import type { Tx } from '../db/client.js';
import { getSettings } from '../settings/settings.repo.js';
import { letterDate } from '../shared/dates.js';

const VIEW = path.join(fileURLToPath(new URL('../..', import.meta.url)), 'views', 'messages', 'letter.ejs');
let compiled: ejs.TemplateFunction | null = null;

export interface LetterInput {
  title: string;
  subtitle: string;
  number: string;
  /** Label and value rows of the letter's table. */
  rows: [string, string][];
  paragraphs: string[];
  /** The letter's date (YYYY-MM-DD). */
  on: string;
  signer: 'ppid' | 'supervisor';
}

export function renderLetter(tx: Tx, input: LetterInput): string {
  compiled ??= ejs.compile(fs.readFileSync(VIEW, 'utf8'), { filename: VIEW });
  const s = getSettings(tx);
  return compiled({
    ...input,
    office: { name: s.office_name, address: s.office_address },
    place: letterDate(s.office_city, input.on),
    signerRole: input.signer === 'ppid' ? 'Pejabat Pengelola Informasi dan Dokumentasi' : 'Atasan PPID',
    signerName: input.signer === 'ppid' ? s.ppid_officer_name : s.supervisor_name,
  });
}
