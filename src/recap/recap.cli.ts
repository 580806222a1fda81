/** `npm run ppid -- recap --year 2022 --format csv|csv-id|xlsx|json [--unit CODE] [--out FILE]` */
import fs from 'node:fs';
import type { CliCommand } from '../context.js';
import { anchorChain, anchorFile } from '../audit/anchors.js';
import { AppError } from '../shared/errors.js';
import { getSettings } from '../settings/settings.repo.js';
import { buildRecap } from './recap.service.js';
import { yearParam } from './recap.schemas.js';
import { recapCsv, recapXlsx } from './recap.export.js';
import { csvDialectOf } from '../shared/csv.js';
import { presentRecapForApi } from './recap.presenter.js';
import { requestScopeForUnit, scopeLabel, type RequestScope } from '../pelaksana/pelaksana.service.js';

/** csv-id: `;` and decimal comma, for Excel with Indonesian regional settings. */
const FORMATS = ['csv', 'csv-id', 'xlsx', 'json'] as const;
const usage = 'recap --year <tahun> --format csv|csv-id|xlsx|json [--unit <kode PPID Pelaksana>] [--out <berkas>]';

const recapExport: CliCommand = {
  usage,
  words: ['recap'],
  options: { year: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, unit: { type: 'string' } },
  async run({ db, config }, { positionals, values }, io) {
    const format = String(values.format ?? '');
    if (positionals.length || values.year === undefined || !(FORMATS as readonly string[]).includes(format)) {
      io.err(`Pemakaian: npm run ppid -- ${usage}`);
      return 2;
    }
    let year: number;
    try {
      year = yearParam(String(values.year), Number.NaN);
    } catch (e) {
      io.err(e instanceof AppError ? (e.fields.year ?? e.userMessage) : String(e));
      return 2;
    }
    const out = values.out === undefined ? null : String(values.out);
    if (format === 'xlsx' && !out) {
      io.err('Format xlsx adalah berkas biner: sebutkan --out <berkas>.xlsx.');
      return 2;
    }
    let scope: RequestScope;
    try {
      // --unit: one PPID Pelaksana's recap (or the Utama's own); default consolidated.
      scope = requestScopeForUnit(db, values.unit === undefined ? null : String(values.unit));
    } catch (e) {
      io.err(e instanceof AppError ? (e.fields.unit ?? e.userMessage) : String(e));
      return 2;
    }
    const recap = buildRecap(db, year, { zone: config.zone, scope });
    const office = getSettings(db).office_name;
    const content: string | Buffer =
      format === 'csv' || format === 'csv-id' ? recapCsv(recap, csvDialectOf(format))
      : format === 'json' ? `${JSON.stringify(presentRecapForApi(recap), null, 2)}\n`
      : await recapXlsx(recap, scope.kind === 'all' ? office : `${office} — ${scopeLabel(scope)}`);
    anchorChain(db, anchorFile(config.dataDir), `recap ${year} ${format} cli`);
    if (out) {
      fs.writeFileSync(out, content);
      io.err(`Rekapitulasi ${year} ditulis ke ${out}.`);
    } else {
      io.out(String(content).replace(/\r?\n$/, ''));
    }
    return 0;
  },
};

export const recapCommands: CliCommand[] = [recapExport];
