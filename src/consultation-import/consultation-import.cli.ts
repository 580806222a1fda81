/** `npm run ppid -- import-consultations FILE [--dry-run] [--skip-invalid]`: the CRM import page's work. */
import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../context.js';
import type { Actor } from '../audit/audit.repo.js';
import { MAX_IMPORT_BYTES } from '../import/import.service.js';
import { problemLine } from '../import/import.presenter.js';
import { importConsultations } from './consultation-import.service.js';

const CLI_ACTOR: Actor = { userId: null, label: 'cli' };

const command: CliCommand = {
  usage: 'import-consultations <berkas.csv|berkas.xlsx> [--dry-run] [--skip-invalid]',
  words: ['import-consultations'],
  options: { 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } },
  /** Exit 0 when imported (or, with --dry-run, when it would import cleanly), 1 when refused, 2 on usage errors. */
  async run({ db, config }, { positionals, values }, io) {
    if (positionals.length !== 1) {
      io.err(`Pemakaian: npm run ppid -- ${command.usage}`);
      return 2;
    }
    const file = positionals[0];
    let buffer: Buffer;
    try {
      if (fs.statSync(file).size > MAX_IMPORT_BYTES) {
        io.err(`Galat: berkas lebih besar dari ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
        return 1;
      }
      buffer = fs.readFileSync(file);
    } catch {
      io.err(`Galat: berkas "${file}" tidak dapat dibaca.`);
      return 1;
    }
    const report = await importConsultations({
      db, actor: CLI_ACTOR, zone: config.zone, fileName: path.basename(file), buffer,
      dryRun: values['dry-run'] === true, skipInvalid: values['skip-invalid'] === true,
    });
    for (const p of report.problems) (p.level === 'error' ? io.err : io.out)(problemLine(p));
    (report.errors && !report.committed ? io.err : io.out)(report.summary);
    io.out(`SHA-256 ${report.sha256}`);
    return report.errors > 0 && !report.committed ? 1 : 0;
  },
};

export const consultationImportCommands: CliCommand[] = [command];
