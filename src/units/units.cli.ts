/** Unit commands: `unit add <code> --name <name> [--kind utama|pelaksana|unit] [--parent <code>]`, `unit list`. */
import type { CliCommand } from '../context.js';
import type { Actor } from '../audit/audit.repo.js';
import { AppError } from '../shared/errors.js';
import { fieldErrors } from '../shared/validation.js';
import { createUnit, findUnitByCode, listUnits, unitTree } from './units.service.js';
import { unitFormSchema } from './units.schemas.js';
import { UNIT_KINDS, type UnitKind } from './vocabulary.js';

const CLI_ACTOR: Actor = { userId: null, label: 'cli' };
const LABELS: Record<string, string> = { code: 'Kode', name: 'Nama (--name)', kind: 'Jenis (--kind)', parentId: 'Induk (--parent)' };

const unitAdd: CliCommand = {
  usage: 'unit add <kode> --name "Nama Unit" [--kind utama|pelaksana|unit] [--parent <kode>]',
  words: ['unit', 'add'],
  options: { name: { type: 'string' }, kind: { type: 'string' }, parent: { type: 'string' } },
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
    const parsed = unitFormSchema.safeParse({ code: positionals[0], name: values.name, kind: values.kind ?? 'unit', parentId, active: true });
    if (!parsed.success) {
      for (const [f, text] of Object.entries(fieldErrors(parsed.error))) io.err(`Galat: ${LABELS[f] ?? f}: ${text}`);
      if (fieldErrors(parsed.error).kind) io.err(`Jenis yang tersedia: ${Object.keys(UNIT_KINDS).join(', ')}.`);
      return 1;
    }
    try {
      const u = createUnit({ db, actor: CLI_ACTOR, input: parsed.data });
      io.out(`Unit ${u.code} ${u.name} (${UNIT_KINDS[u.kind as UnitKind]}) dibuat.`);
      return 0;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (Object.keys(e.fields).length === 0) io.err(`Galat: ${e.userMessage}`);
      for (const [f, text] of Object.entries(e.fields)) io.err(`Galat: ${LABELS[f] ?? f}: ${text}`);
      return 1;
    }
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
      io.out(`${'  '.repeat(depth)}${unit.code}\t${unit.name}\t${UNIT_KINDS[unit.kind as UnitKind] ?? unit.kind}${unit.active ? '' : '\tnonaktif'}`);
    }
    return 0;
  },
};

export const unitCommands: CliCommand[] = [unitAdd, unitList];
