import path from 'node:path';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

export const OFFICE_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type OfficeZone = (typeof OFFICE_ZONES)[number];

const envSchema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Folder for the SQLite database, the session secret and uploads. */
  PPID_DATA_DIR: z.string().min(1).default('./data'),
  /** The office's time zone: WIB, WITA or WIT. Every day count uses it. */
  PPID_TIMEZONE: z.enum(OFFICE_ZONES).default('Asia/Jakarta'),
  /** Secret for session and CSRF cookies; generated once into the data folder when unset. */
  PPID_SESSION_SECRET: z.string().min(32).optional(),
  /** Set to "true" behind HTTPS so cookies get the Secure flag. */
  PPID_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /**
   * `full` (default): every acknowledged change survives a power cut. `normal`: it survives the
   * app being killed, not the machine losing power; for very high intake volumes.
   */
  PPID_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
  /** Largest accepted attachment, in megabytes. */
  PPID_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  /** Most files in one upload. */
  PPID_UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(50).default(10),
  /**
   * Accepted online requests (/permohonan) per address per hour; a campus or a kiosk shares one
   * address. 0: no limit. Refused forms and repeats of one submission never count.
   */
  PPID_PUBLIC_FORM_LIMIT: z.coerce.number().int().min(0).max(100000).default(5),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly dbFile: string;
  readonly synchronous: 'full' | 'normal';
  readonly zone: OfficeZone;
  /** Attachments live here, outside public/, under random names. */
  readonly uploadDir: string;
  readonly maxUploadBytes: number;
  readonly maxUploadFiles: number;
  /** Accepted online requests per address per hour; 0 means no limit. */
  readonly publicFormLimit: number;
  readonly sessionSecret: string;
  readonly secureCookies: boolean;
  readonly logLevel: string;
}

/** Parses the environment once at start-up; fails fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.PPID_DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  return Object.freeze({
    port: e.PORT,
    dataDir,
    dbFile: path.join(dataDir, 'ppid.db'),
    synchronous: e.PPID_SYNCHRONOUS,
    zone: e.PPID_TIMEZONE,
    uploadDir: path.join(dataDir, 'uploads'),
    maxUploadBytes: Math.round(e.PPID_UPLOAD_MAX_MB * 1024 * 1024),
    maxUploadFiles: e.PPID_UPLOAD_MAX_FILES,
    publicFormLimit: e.PPID_PUBLIC_FORM_LIMIT,
    sessionSecret: e.PPID_SESSION_SECRET ?? readOrCreateSecret(dataDir),
    secureCookies: e.PPID_SECURE_COOKIES === 'true',
    logLevel: e.LOG_LEVEL,
  });
}

/** A fresh install has no secret to configure; keep one per data folder so sessions survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
