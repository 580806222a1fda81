import path from 'node:path';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { z } from 'zod';
import { readOrCreateSecretFile } from './shared/secret-file.js';

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
  /** HMAC key of the audit chain, kept apart from the database; generated once into PPID_DATA_DIR/audit-key when unset. */
  PPID_AUDIT_KEY: z.string().min(32).optional(),
  /**
   * Set to "true" when browsers reach the app over HTTPS: cookies get the Secure flag, and only
   * then do pages send HSTS and the CSP's upgrade-insecure-requests (over plain HTTP on an
   * intranet address those would send the browser to an https:// that does not exist).
   */
  PPID_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /**
   * Which proxies' X-Forwarded-For to believe, as Express's "trust proxy": `false`, `true`, a
   * number of hops, or comma-separated addresses/subnets (`loopback`, `10.0.0.5`, `10.0.0.0/8`).
   */
  PPID_TRUST_PROXY: z.string().trim().default('loopback').transform(parseTrustProxy),
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
  /** Mail server for outgoing messages, e.g. smtps://user:pass@mail.example.go.id:465; unset: messages stay in the outbox. */
  PPID_SMTP_URL: z.string().trim().url().optional(),
  /** Sender of outgoing e-mail. */
  PPID_MAIL_FROM: z.string().trim().min(3).default('PPID <ppid@localhost>'),
  /** WhatsApp HTTP gateway (POST JSON); unset: no WhatsApp messages. */
  PPID_WA_URL: z.string().trim().url().optional(),
  /** Bearer token for the WhatsApp gateway. */
  PPID_WA_TOKEN: z.string().default(''),
  /** Hour (office zone, 0–23) the staff's daily digest goes out on working days. */
  PPID_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** The app's address as staff reach it, for links in their messages. */
  PPID_PUBLIC_URL: z.string().trim().url().optional(),
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
  /** Served over HTTPS (PPID_SECURE_COOKIES): Secure cookies, HSTS, upgrade-insecure-requests. */
  readonly secureCookies: boolean;
  /** Express's "trust proxy" (PPID_TRUST_PROXY): decides req.ip, and so the rate-limit buckets. */
  readonly trustProxy: TrustProxy;
  /** Key of the audit chain's HMAC (see audit.repo.ts); never in the database or its backups. */
  readonly auditKey: string;
  readonly logLevel: string;
  /** Messages (src/messages): SMTP URL (none: held in the outbox), sender, WhatsApp gateway, digest hour, links. */
  readonly smtpUrl?: string;
  readonly mailFrom?: string;
  readonly waUrl?: string;
  readonly waToken?: string;
  readonly digestHour?: number;
  readonly publicUrl?: string;
}

export type TrustProxy = boolean | number | string;

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** PPID_TRUST_PROXY → a value for app.set('trust proxy'); anything else is a configuration error. */
export function parseTrustProxy(value: string, ctx: z.RefinementCtx): TrustProxy {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  const items = value.split(',').map((s) => s.trim());
  const bad = items.filter((item) => !PROXY_NAMES.includes(item) && !isAddressOrSubnet(item));
  if (items.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `"${bad.join(', ') || value}" is not a proxy setting: use false, true, a number of hops, or comma-separated addresses/subnets (loopback, 10.0.0.5, 10.0.0.0/8)`,
    });
    return z.NEVER;
  }
  return items.join(',');
}

function isAddressOrSubnet(item: string): boolean {
  const [address, prefix, ...rest] = item.split('/');
  const family = net.isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (/^\d{1,3}$/.test(prefix)) return Number(prefix) <= (family === 4 ? 32 : 128);
  return family === 4 && net.isIPv4(prefix); // a netmask: 10.0.0.0/255.0.0.0
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
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
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
    trustProxy: e.PPID_TRUST_PROXY,
    auditKey: e.PPID_AUDIT_KEY ?? readOrCreateSecretFile(path.join(dataDir, 'audit-key')),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.PPID_SMTP_URL,
    mailFrom: e.PPID_MAIL_FROM,
    waUrl: e.PPID_WA_URL,
    waToken: e.PPID_WA_TOKEN,
    digestHour: e.PPID_DIGEST_HOUR,
    publicUrl: e.PPID_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
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
