/** Account commands for operators: the first admin on a headless server, tokens for integrations. */
import type { CliCommand, CliIo } from '../context.js';
import type { Actor } from '../audit/audit.repo.js';
import { AppError } from '../shared/errors.js';
import { fieldErrors } from '../shared/validation.js';
import { newTokenSchema, newUserSchema } from './auth.schemas.js';
import { createToken, createUser } from './auth.service.js';
import { ROLES } from './roles.js';
import { findUnitByCode } from '../units/units.repo.js';

const CLI_ACTOR: Actor = { userId: null, label: 'cli' };

const FIELD_LABELS: Record<string, string> = {
  username: 'Nama pengguna',
  displayName: 'Nama lengkap (--name)',
  role: 'Peran (--role)',
  password: 'Kata sandi (stdin)',
  name: 'Nama token (--name)',
  expiresOn: 'Berlaku sampai (--expires)',
  unitId: 'Unit (--unit)',
};

function printErrors(io: CliIo, fields: Record<string, string>, message: string): void {
  if (Object.keys(fields).length === 0) io.err(`Galat: ${message}`);
  for (const [field, text] of Object.entries(fields)) io.err(`Galat: ${FIELD_LABELS[field] ?? field}: ${text}`);
  if (fields.role) io.err(`Peran yang tersedia: ${Object.keys(ROLES).join(', ')}.`);
}

/** Validation and conflict errors become messages and exit code 1; anything else is a bug. */
async function reporting(io: CliIo, action: () => Promise<number> | number): Promise<number> {
  try {
    return await action();
  } catch (e) {
    if (e instanceof AppError) {
      printErrors(io, e.fields, e.userMessage);
      return 1;
    }
    throw e;
  }
}

const userAdd: CliCommand = {
  usage: 'user add <username> --role <admin|officer|supervisor|auditor|unit> [--name "Nama Lengkap"] [--unit <kode>]   (kata sandi: baris pertama stdin)',
  words: ['user', 'add'],
  options: { role: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' } },
  async run({ db }, { positionals, values }, io) {
    if (positionals.length !== 1 || typeof values.role !== 'string') {
      io.err(`Pemakaian: npm run ppid -- ${userAdd.usage}`);
      return 2;
    }
    const [username] = positionals;
    const password = ((await io.readStdin()).split(/\r?\n/)[0] ?? '').trim();
    if (!password) {
      io.err(`Galat: kata sandi kosong. Kirim lewat stdin, misalnya: printf '%s\\n' "$SANDI" | npm run ppid -- user add ${username} --role ${values.role}`);
      return 1;
    }
    let unitId: number | undefined;
    if (typeof values.unit === 'string') {
      const unit = findUnitByCode(db, values.unit);
      if (!unit) {
        io.err(`Galat: Unit (--unit): ${values.unit} tidak ditemukan. Lihat daftar unit: npm run ppid -- unit list`);
        return 1;
      }
      unitId = unit.id;
    }
    const parsed = newUserSchema.safeParse({
      username, role: values.role, password, displayName: typeof values.name === 'string' ? values.name : username, unitId,
    });
    if (!parsed.success) {
      printErrors(io, fieldErrors(parsed.error), '');
      return 1;
    }
    return reporting(io, async () => {
      const user = await createUser(db, CLI_ACTOR, parsed.data);
      io.out(`Pengguna ${user.username} (${ROLES[user.role]}) dibuat.`);
      return 0;
    });
  },
};

const tokenCreate: CliCommand = {
  usage: 'token create <username> --name <label> [--expires TTTT-BB-HH]',
  words: ['token', 'create'],
  options: { name: { type: 'string' }, expires: { type: 'string' } },
  run({ db, config }, { positionals, values }, io) {
    if (positionals.length !== 1 || typeof values.name !== 'string') {
      io.err(`Pemakaian: npm run ppid -- ${tokenCreate.usage}`);
      return 2;
    }
    const parsed = newTokenSchema.safeParse({ username: positionals[0], name: values.name, expiresOn: values.expires });
    if (!parsed.success) {
      printErrors(io, fieldErrors(parsed.error), '');
      return 1;
    }
    return reporting(io, () => {
      const { expiresOn } = parsed.data;
      const { token } = createToken(db, CLI_ACTOR, parsed.data.username, parsed.data.name, expiresOn ? { on: expiresOn, zone: config.zone } : undefined);
      // The token alone on stdout, so a script can capture it; the advice goes to stderr.
      io.out(token);
      io.err(`Token "${parsed.data.name}" untuk ${parsed.data.username} dibuat${expiresOn ? `, berlaku sampai ${expiresOn}` : ''}. Simpan sekarang: token ini tidak akan ditampilkan lagi.`);
      return 0;
    });
  },
};

export const userCommands: CliCommand[] = [userAdd, tokenCreate];
