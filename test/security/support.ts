/** Shared helpers of the security tests: database fingerprints, HTML scans, routes of the app. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Application } from 'express';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client.js';

/** The tables whose content no refused request may change. */
export const GUARDED_TABLES = ['requests', 'objections', 'dispute_stages', 'attachments', 'audit_log', 'users', 'holidays', 'settings', 'api_tokens', 'submissions', 'consultations',
  'consultation_requests', 'consultation_drafts', 'consultation_baks', 'desk_unit_settings', 'knowledge_entries'] as const;

/**
 * Columns that record use rather than change: a token's last use is written on every API call,
 * so only changes to the other columns of api_tokens count.
 */
const WATCHED_UPDATES: Partial<Record<(typeof GUARDED_TABLES)[number], string>> = {
  api_tokens: 'UPDATE OF user_id, name, token_hash, created_at, revoked_at',
};

const watched = new WeakSet<object>();

/**
 * Temporary triggers that count every insert, update and delete on the guarded tables. A change
 * rolled back with its transaction rolls its count back too, so the count says exactly whether
 * the database holds anything it did not hold before.
 */
function watchWrites(db: Db): void {
  if (watched.has(db.$client)) return;
  db.$client.exec('CREATE TEMP TABLE IF NOT EXISTS security_writes (tbl TEXT PRIMARY KEY, n INTEGER NOT NULL)');
  for (const table of GUARDED_TABLES) {
    db.$client.prepare('INSERT OR IGNORE INTO temp.security_writes (tbl, n) VALUES (?, 0)').run(table);
    for (const op of ['INSERT', WATCHED_UPDATES[table] ?? 'UPDATE', 'DELETE']) {
      const name = `security_${table}_${op.split(' ')[0].toLowerCase()}`;
      db.$client.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS ${name} AFTER ${op} ON main.${table} BEGIN UPDATE temp.security_writes SET n = n + 1 WHERE tbl = '${table}'; END`,
      );
    }
  }
  watched.add(db.$client);
}

/** Per guarded table: its row count and how many row writes it has seen. Equal fingerprints: nothing changed. */
export function fingerprint(db: Db): Record<string, string> {
  watchWrites(db);
  const writes = new Map(
    (db.$client.prepare('SELECT tbl, n FROM temp.security_writes').all() as { tbl: string; n: number }[]).map((r) => [r.tbl, r.n]),
  );
  const counts = rowCounts(db);
  return Object.fromEntries(GUARDED_TABLES.map((t) => [t, `${counts[t]} rows, ${writes.get(t)} writes`]));
}

export function rowCounts(db: Db): Record<string, number> {
  return Object.fromEntries(
    GUARDED_TABLES.map((t) => [t, (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

/**
 * Inline script in rendered HTML: a <script> without src, an on…= event-handler attribute,
 * or a javascript: URL. The CSP forbids all three, so a page that has one is broken anyway.
 */
export function inlineScriptProblems(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) if (!/\ssrc\s*=/i.test(m[0])) problems.push(`inline script: ${m[0]}`);
  for (const tag of html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*>/gi)) {
    const attr = /\son[a-z]+\s*=/i.exec(tag[0]);
    if (attr) problems.push(`event handler attribute: ${tag[0].slice(0, 120)}`);
    if (/\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/i.test(tag[0])) problems.push(`javascript: URL: ${tag[0].slice(0, 120)}`);
  }
  return problems;
}

/** The security headers every response must carry (helmet, configured in app.ts). */
export function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>): void {
  const csp = String(headers['content-security-policy'] ?? '');
  expect(csp, 'Content-Security-Policy').not.toBe('');
  const directives = new Map(
    csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name.toLowerCase(), values] as const;
    }),
  );
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
  expect(scriptSrc, 'script-src').toContain("'self'");
  for (const d of ['script-src', 'default-src', 'script-src-elem', 'script-src-attr']) {
    expect(directives.get(d) ?? [], `${d} must not allow inline script`).not.toContain("'unsafe-inline'");
    expect(directives.get(d) ?? [], `${d} must not allow eval`).not.toContain("'unsafe-eval'");
  }
  expect(directives.get('script-src-attr'), 'script-src-attr').toEqual(["'none'"]);
  expect(directives.get('object-src'), 'object-src').toEqual(["'none'"]);
  expect(headers['x-content-type-options']).toBe('nosniff');
  const frameAncestors = directives.get('frame-ancestors');
  const xfo = String(headers['x-frame-options'] ?? '').toUpperCase();
  expect(['DENY', 'SAMEORIGIN'].includes(xfo) || (frameAncestors !== undefined && !frameAncestors.includes('*')), 'framing is restricted').toBe(true);
  expect(String(headers['referrer-policy'] ?? ''), 'Referrer-Policy').toMatch(/no-referrer|same-origin|strict-origin/);
  expect(headers['x-powered-by']).toBeUndefined();
}

/**
 * Every route the app registers, as "METHOD /path" (the API's under /api/v1), read from the
 * router so a route added later without a row in the tables fails the test.
 */
export function registeredRoutes(app: Application): string[] {
  const found: string[] = [];
  type Layer = {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
    slash?: boolean;
    match: (path: string) => unknown;
  };
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') found.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) {
        const mount = layer.slash ? '' : layer.match('/api/v1/x') ? '/api/v1' : '/?';
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...new Set(found)].sort();
}

/** One listening server for many supertest calls (supertest would otherwise start one per call). */
export async function listen(app: Application): Promise<http.Server> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export function baseUrl(server: http.Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function close(server: http.Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

/** Distinct client addresses (X-Forwarded-For is trusted from loopback), so per-address limits stay apart. */
let nextAddress = 1;
export function freshAddress(): string {
  const n = nextAddress++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}
