/** `npm run ppid -- import FILE [--dry-run] [--skip-invalid]`: the import page's work, for operators. */
import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../context.js';
import type { Db } from '../db/client.js';
import type { Actor } from '../audit/audit.repo.js';
import { importRegister, MAX_IMPORT_BYTES } from './import.service.js';
import { problemLine } from './import.presenter.js';

const CLI_ACTOR: Actor = { userId: null, label: 'cli' };

/** What a file import gives the command line back (the register's and the desk's imports). */
interface FileImportReport {
  problems: Parameters<typeof problemLine>[0][];
  errors: number;
  committed: boolean;
  summary: string;
  sha256: string;
}

interface FileImportInput {
  db: Db;
  actor: Actor;
  zone: string;
  fileName: string;
  buffer: Buffer;
  dryRun: boolean;
  skipInvalid: boolean;
}

/**
 * A command that reads one CSV/XLSX file and hands it to an import use case: the size limit, the
 * per-row report and the exit codes are the same for every import.
 * Exit 0 when imported (or, with --dry-run, when it would import cleanly), 1 when refused, 2 on usage errors.
 */
export function fileImportCommand(o: { word: string; tooBig: string; run: (input: FileImportInput) => Promise<FileImportReport> }): CliCommand {
  const command: CliCommand = {
    usage: `${o.word} <berkas.csv|berkas.xlsx> [--dry-run] [--skip-invalid]`,
    words: [o.word],
    options: { 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } },
    async run({ db, config }, { positionals, values }, io) {
      if (positionals.length !== 1) {
        io.err(`Pemakaian: npm run ppid -- ${command.usage}`);
        return 2;
      }
      const file = positionals[0];
      let buffer: Buffer;
      try {
        if (fs.statSync(file).size > MAX_IMPORT_BYTES) {
          io.err(`Galat: berkas lebih besar dari ${MAX_IMPORT_BYTES / 1024 / 1024} MB.${o.tooBig}`);
          return 1;
        }
        buffer = fs.readFileSync(file);
      } catch {
        io.err(`Galat: berkas "${file}" tidak dapat dibaca.`);
        return 1;
      }
      const report = await o.run({
        db, actor: CLI_ACTOR, zone: config.zone, fileName: path.basename(file), buffer,
        dryRun: values['dry-run'] === true, skipInvalid: values['skip-invalid'] === true,
      });
      for (const p of report.problems) (p.level === 'error' ? io.err : io.out)(problemLine(p));
      (report.errors && !report.committed ? io.err : io.out)(report.summary);
      io.out(`SHA-256 ${report.sha256}`);
      return report.errors > 0 && !report.committed ? 1 : 0;
    },
  };
  return command;
}

export const importCommands: CliCommand[] = [fileImportCommand({ word: 'import', tooBig: ' Bagi register per tahun.', run: importRegister })];
