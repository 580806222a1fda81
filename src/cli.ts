/**
 * Operators' command line: `npm run ppid -- <command> …`. Opens the same database as the
 * server (PPID_DATA_DIR), migrated and seeded.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { openDb } from './db/client.js';
import { migrateDb } from './db/migrate.js';
import { seedDatabase } from './setup/seed.js';
import { holidayCommands } from './calendar/holidays.cli.js';
import { userCommands } from './auth/users.cli.js';
import { auditCommands } from './audit/audit.cli.js';
import { importCommands } from './import/import.cli.js';
import { consultationImportCommands } from './consultation-import/consultation-import.cli.js';
import { recapCommands } from './recap/recap.cli.js';
import { backupCommands } from './backup/backup.cli.js';
import { unitCommands } from './units/units.cli.js';
import { rekeyLegacyChain } from './audit/audit.repo.js';
import { anchorFile, readAnchors } from './audit/anchors.js';
import type { CliCommand, CliContext, CliIo } from './context.js';

export type { CliContext, CliIo };
import { applyTestClock } from './shared/test-clock.js';

/**
 * Each domain exports its commands from its own `*.cli.ts` (typed by CliCommand from
 * context.ts) and they are listed here.
 */
export const COMMANDS: CliCommand[] = [...holidayCommands, ...userCommands, ...auditCommands, ...importCommands, ...consultationImportCommands, ...recapCommands, ...backupCommands, ...unitCommands];

export async function runCli(argv: string[], ctx: CliContext, io: CliIo): Promise<number> {
  const command = COMMANDS.find((c) => c.words.every((w, i) => argv[i] === w));
  if (!command) {
    io.err('Perintah tidak dikenal. Tersedia:');
    for (const c of COMMANDS) io.err(`  npm run ppid -- ${c.usage}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(command.words.length), options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`${(e as Error).message}\nPemakaian: npm run ppid -- ${command.usage}`);
    return 2;
  }
  return command.run(ctx, { positionals: parsed.positionals, values: parsed.values as Record<string, unknown> }, io);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.umask(0o077); // backups, exports and the database: for the app's user only
  const config = loadConfig();
  applyTestClock(process.env, config.zone);
  const db = openDb(config.dbFile, { synchronous: config.synchronous, auditKey: config.auditKey });
  migrateDb(db);
  seedDatabase(db);
  rekeyLegacyChain(db, readAnchors(anchorFile(config.dataDir)).length > 0);
  const code = await runCli(process.argv.slice(2), { db, config }, {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    readStdin,
  });
  if (db.$client.open) db.$client.close();
  process.exit(code);
}
