/** `npm run ppid -- import-consultations FILE [--dry-run] [--skip-invalid]`: the CRM import page's work. */
import type { CliCommand } from '../context.js';
import { fileImportCommand } from '../import/import.cli.js';
import { importConsultations } from './consultation-import.service.js';

export const consultationImportCommands: CliCommand[] = [fileImportCommand({ word: 'import-consultations', tooBig: '', run: importConsultations })];
