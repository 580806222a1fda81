/**
 * Unit commands: `unit add <code> --name <name> [--kind utama|pelaksana|unit] [--parent <code>]
 * [--pattern <pola>]`, `unit list`, `unit pattern <code> <pola>|--clear` (a PPID Pelaksana's own
 * registration number pattern).
 */
import type { CliCommand, CliIo } from '../context.js';
import type { Actor } from '../audit/audit.repo.js';
import { AppError } from '../shared/errors.js';
import { fieldErrors } from '../shared/validation.js';
import { createUnit, findUnitByCode, listUnits, setNumberPattern, unitTree } from './units.service.js';
import { unitFormSchema } from './units.schemas.js';
import { UNIT_KINDS, type UnitKind } from './vocabulary.js';

const CLI_ACTOR: Actor = { userId: null, label: 'cli' };
const LABELS: Record<string, string> = { code: 'Kode', name: 'Nama (--name)', kind: 'Jenis (--kind)', parentId: 'Induk (--parent)', numberPattern: 'Pola nomor (--pattern)' };

const unitAdd: CliCommand = {
  usage: 'unit add <kode> --name "Nama Unit" [--kind utama|pelaksana|unit] [--parent <kode>] [--pattern "{seq:3}/PPID-PK1/{year}"]',
  words: ['unit', 'add'],
  options: { name: { type: 'string' }, kind: { type: 'string' }, parent: { type: 'string' }, pattern: { type: 'string' } },
  run({ db }, { positionals, values }, io) {
    if (positionals.length !== 1 || typeof values.name !== 'string') {
      io.err(`Pemakaian: npm run ppid -- ${unitAdd.usage}`);
      return 2;
    }
    let parentId: number | undefined;
    if (typeof values.parent === 'string') {
      const parent = findUnitByCode(db, values.parent);
      if (!parent) {
        io.err(`Galat: unit induk ${values.parent} tidak ditemukan.`);
        return 1;
      }
      parentId = parent.id;
    }
    const parsed = unitFormSchema.safeParse({ code: positionals[0], name: values.name, kind: values.kind ?? 'unit', parentId, active: true, numberPattern: values.pattern ?? '' });
    if (!parsed.success) {
      for (const [f, text] of Object.entries(fieldErrors(parsed.error))) io.err(`Galat: ${LABELS[f] ?? f}: ${text}`);
      if (fieldErrors(parsed.error).kind) io.err(`Jenis yang tersedia: ${Object.keys(UNIT_KINDS).join(', ')}.`);
      return 1;
    }
    return reportingErrors(io, () => {
      const u = createUnit({ db, actor: CLI_ACTOR, input: parsed.data });
      io.out(`Unit ${u.code} ${u.name} (${UNIT_KINDS[u.kind as UnitKind]}) dibuat${u.numberPattern ? `, pola nomor ${u.numberPattern}` : ''}.`);
    });
  },
};

/** Runs a use case; an AppError becomes its messages on stderr and exit code 1. */
function reportingErrors(io: CliIo, run: () => void): number {
  try {
    run();
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (Object.keys(e.fields).length === 0) io.err(`Galat: ${e.userMessage}`);
    for (const [f, text] of Object.entries(e.fields)) io.err(`Galat: ${LABELS[f] ?? f}: ${text}`);
    return 1;
  }
}

const unitPattern: CliCommand = {
  usage: 'unit pattern <kode> "<pola>" | --clear',
  words: ['unit', 'pattern'],
  options: { clear: { type: 'boolean' } },
  run({ db }, { positionals, values }, io) {
    const clear = values.clear === true;
    if (positionals.length !== (clear ? 1 : 2)) {
      io.err(`Pemakaian: npm run ppid -- ${unitPattern.usage}`);
      return 2;
    }
    const unit = findUnitByCode(db, positionals[0]);
    if (!unit) {
      io.err(`Galat: unit ${positionals[0]} tidak ditemukan.`);
      return 1;
    }
    const pattern = clear ? '' : positionals[1].trim();
    return reportingErrors(io, () => {
      const u = setNumberPattern({ db, actor: CLI_ACTOR, id: unit.id, pattern });
      io.out(u.numberPattern ? `Pola nomor ${u.code}: ${u.numberPattern}` : `Pola nomor ${u.code} dihapus: memakai pola PPID Utama.`);
    });
  },
};

const unitList: CliCommand = {
  usage: 'unit list',
  words: ['unit', 'list'],
  run({ db }, { positionals }, io) {
    if (positionals.length) {
      io.err(`Pemakaian: npm run ppid -- ${unitList.usage}`);
      return 2;
    }
    const all = listUnits(db);
    if (all.length === 0) io.err('Belum ada unit. Tambahkan dengan: npm run ppid -- unit add <kode> --name "Nama Unit"');
    for (const { unit, depth } of unitTree(all)) {
      io.out(`${'  '.repeat(depth)}${unit.code}\t${unit.name}\t${UNIT_KINDS[unit.kind as UnitKind] ?? unit.kind}${unit.numberPattern ? `\t${unit.numberPattern}` : ''}${unit.active ? '' : '\tnonaktif'}`);
    }
    return 0;
  },
};

export const unitCommands: CliCommand[] = [unitAdd, unitList, unitPattern];
