/**
 * What the entry points hand to each domain: the app's context for route factories
 * (`xxxRoutes(ctx)`) and the shape of a CLI command (`*.cli.ts`). Kept apart from app.ts and
 * cli.ts, which import every domain, so that a domain can name these types without importing
 * its importer (arrows point down: see README "Layout").
 */
import type { parseArgs } from 'node:util';
import type { Request } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from './config.js';
import type { Db } from './db/client.js';

export interface AppContext {
  db: Db;
  config: AppConfig;
  logger: Logger;
  /**
   * The forms that take files (MULTIPART_FORMS) skip the global CSRF check (their body is not
   * parsed yet); their routes call this right after parsing, before using anything they received.
   */
  csrfValid: (req: Request) => boolean;
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Whole standard input (for passwords). */
  readStdin: () => Promise<string>;
}

/** What every command gets: the database and the configuration, loaded once by the CLI. */
export interface CliContext {
  db: Db;
  config: AppConfig;
}

export interface CliCommand {
  /** e.g. "user add <username> --role <role>" */
  usage: string;
  /** Words that select the command, e.g. ["user", "add"]. */
  words: string[];
  options?: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  run: (ctx: CliContext, args: { positionals: string[]; values: Record<string, unknown> }, io: CliIo) => Promise<number> | number;
}
