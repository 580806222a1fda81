/**
 * One-time submission keys: a POST repeated with the same key (a double click, a retried API
 * call) answers the first outcome again and never writes twice.
 *
 * - Forms carry a hidden `_key`, generated on the server when the page is rendered
 *   (views/partials/form-keys.ejs); the API reads the `Idempotency-Key` header.
 * - Keys are scoped: per user (forms after login), per session (the public form), per API user.
 * - The key is spent inside the transaction of the action itself (Actor.inTransaction, called by
 *   recordEvent, which every state change calls): a crash cannot leave the key without its effect
 *   nor the effect without its key, and a second run trying to spend the same key rolls back.
 * - The answer (status, redirect location or body, the flash message) is stored as it goes out;
 *   a repeat with the same key and the same fields replays it, with other fields it is refused
 *   (409). A repeat that arrives while the first is still running waits for it.
 * - Without a key a POST runs as before: the guarantee is on whoever sends the key.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Request, RequestHandler, Response } from 'express';
import { DateTime } from 'luxon';
import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../audit/audit.repo.js';
import { AppError } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import { CSRF_COOKIE } from '../shared/http.js';
import {
  claimSubmission, completeSubmission, findSubmission, sweepSubmissions, type StoredSubmission, type SubmissionRef,
} from './submissions.repo.js';

/** Name of the hidden form field. */
export const FORM_KEY_FIELD = '_key';
/** Keys older than this are forgotten. */
const KEEP_HOURS = 24;
const SWEEP_EVERY_MS = 10 * 60 * 1000;
/** Printable ASCII, as the IETF Idempotency-Key draft allows; our own form keys are base64url. */
const KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;
/** Session fields a form outcome sets that its replay must set again. */
const SESSION_FIELDS = ['flash', 'submitted'] as const;
/** Never part of the fingerprint: they change between renders of the same form. */
const IGNORED_FIELDS = new Set(['_csrf', FORM_KEY_FIELD]);

/** Runs in progress, per database (one per app): a repeat waits for the first. */
const running = new WeakMap<Db, Map<string, Promise<void>>>();

/** A fresh random key for one render of one form. */
export function newFormKey(): string {
  return crypto.randomBytes(18).toString('base64url');
}

type Source = 'form' | 'api';

/**
 * The guard. `multipart: false` (mounted once for pages and once for the API) skips multipart
 * bodies, which are not parsed yet; upload routes mount it again with `multipart: true` right
 * after their parser.
 */
export function submissionKeys(db: Db, opts: { source: Source; multipart?: boolean }): RequestHandler {
  let lastSweep = 0;
  return async (req, res, next) => {
    if (opts.source === 'form' && !opts.multipart) res.locals.formKey = newFormKey;
    if (req.method !== 'POST' && req.method !== 'PUT') return next();
    if (Boolean(req.is('multipart/form-data')) !== Boolean(opts.multipart)) return next();
    const key = keyOf(req, opts.source);
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      discardUploads(req);
      throw new AppError('validation', 'Kunci pengiriman tidak sah. Muat ulang halaman lalu coba lagi.',
        opts.source === 'api' ? { 'Idempotency-Key': '8–255 karakter ASCII yang dapat dicetak.' } : {});
    }
    if (Date.now() - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = Date.now();
      sweepSubmissions(db, DateTime.utc().minus({ hours: KEEP_HOURS }).toISO()!);
    }
    const ref: SubmissionRef = { scope: scopeOf(req, opts.source), key };
    const route = `${req.method} ${req.originalUrl}`;
    const fingerprint = fingerprintOf(req, route);
    const inFlight = running.get(db) ?? new Map<string, Promise<void>>();
    running.set(db, inFlight);
    const id = `${ref.scope}\n${ref.key}`;

    // A repeat that arrives while the first run is still busy waits for its answer.
    for (let first = inFlight.get(id); first; first = inFlight.get(id)) await first;
    const stored = findSubmission(db, ref);
    if (stored) {
      discardUploads(req);
      return replay(req, res, stored, { route, fingerprint, source: opts.source });
    }

    const holder = crypto.randomUUID();
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    inFlight.set(id, done);
    res.once('close', () => {
      if (inFlight.get(id) === done) inFlight.delete(id);
      finished();
    });
    const spend = (tx: Tx) => {
      if (!claimSubmission(tx, { ...ref, route, fingerprint, holder, createdAt: nowInstant() })) {
        throw new AppError('conflict', opts.source === 'api'
          ? 'Idempotency-Key ini sedang dipakai oleh permintaan lain.'
          : 'Formulir ini sudah dikirim dan sedang diproses.');
      }
    };
    req.actor = { ...actorOf(req), inTransaction: spend };
    recordAnswer(db, req, res, { ...ref, holder });
    next();
  };
}

/**
 * The actor for a run guarded by a key: `base` with the key spent in its transactions. Routes
 * whose actor is not the logged-in user (the public form's "web") pass theirs through this.
 */
export function withSubmission(req: Request, base: Actor): Actor {
  return req.actor?.inTransaction ? { ...base, inTransaction: req.actor.inTransaction } : base;
}

function keyOf(req: Request, source: Source): string | undefined {
  if (source === 'api') return req.get('idempotency-key');
  const value: unknown = req.body?.[FORM_KEY_FIELD];
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' ? value : '';
}

function scopeOf(req: Request, source: Source): string {
  if (source === 'api') return `api:${req.user!.id}`;
  if (req.user) return `user:${req.user.id}`;
  // An anonymous visitor has no stored session until something is kept (two quick clicks on the
  // public form arrive with none): the browser is known by its CSRF cookie, set with the form.
  const browser: unknown = req.cookies?.[CSRF_COOKIE.secure] ?? req.cookies?.[CSRF_COOKIE.plain];
  if (typeof browser === 'string' && browser) return `browser:${crypto.createHash('sha256').update(browser).digest('base64url')}`;
  return `session:${req.sessionID}`;
}

function actorOf(req: Request): Actor {
  if (req.actor) return req.actor;
  if (req.user) return { userId: req.user.id, label: req.user.username };
  return { userId: null, label: 'web' };
}

/** SHA-256 over the route, the fields (keys sorted) and the files' names and sizes. */
function fingerprintOf(req: Request, route: string): string {
  const fields = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).filter(([k]) => !IGNORED_FIELDS.has(k)));
  const files = uploads(req).map((f) => [f.fieldname, f.originalname, f.size]);
  return crypto.createHash('sha256').update(JSON.stringify([route, canonical(fields), files])).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]);
  }
  return value;
}

/** Stores the answer of the run that spent the key, as it goes out (before the session is saved). */
function recordAnswer(db: Db, req: Request, res: Response, ref: SubmissionRef & { holder: string }): void {
  let streamed = false;
  const write = res.write;
  res.write = function (this: Response, ...args: unknown[]) {
    streamed = true;
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as Response['write'];
  const end = res.end;
  res.end = function (this: Response, ...args: unknown[]) {
    const chunk = typeof args[0] === 'function' ? undefined : args[0];
    const location = res.get('Location') ?? null;
    // A page that shows a secret once (a new API token) marks itself; its body is never kept.
    // (Cache-Control: no-store is not that mark: every staff page and API answer carries it.)
    const showOnce = res.locals.showOnce === true;
    const keepBody = !isRedirect(res.statusCode) && !showOnce && !streamed && chunk !== undefined;
    const patch = Object.fromEntries(SESSION_FIELDS.filter((f) => req.session?.[f] !== undefined).map((f) => [f, req.session[f]]));
    completeSubmission(db, ref, {
      status: res.statusCode,
      location,
      contentType: keepBody ? String(res.get('Content-Type') ?? '') || null : null,
      body: keepBody ? (Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk)) : null,
      sessionPatch: Object.keys(patch).length ? JSON.stringify(patch) : null,
    });
    return (end as (...a: unknown[]) => Response).apply(this, args);
  } as Response['end'];
}

function replay(req: Request, res: Response, stored: StoredSubmission, run: { route: string; fingerprint: string; source: Source }): void {
  if (stored.route !== run.route || stored.fingerprint !== run.fingerprint) {
    throw new AppError('conflict', run.source === 'api'
      ? 'Idempotency-Key ini sudah dipakai untuk permintaan dengan isi lain.'
      : 'Formulir ini sudah dikirim dengan isi lain. Buka formulirnya lagi untuk mengirim data baru.');
  }
  // Spent, but the answer was not stored (the process stopped right after the commit) or may
  // not be (a page that shows a secret once).
  if (stored.status === null || (!isRedirect(stored.status) && stored.body === null)) {
    throw new AppError('conflict', run.source === 'api'
      ? 'Permintaan dengan Idempotency-Key ini sudah diproses.'
      : 'Formulir ini sudah dikirim dan diproses; hasilnya hanya ditampilkan sekali. Periksa daftarnya.');
  }
  if (stored.sessionPatch && req.session) {
    const patch = JSON.parse(stored.sessionPatch) as { flash?: unknown[]; submitted?: number[] };
    if (patch.flash) req.session.flash = patch.flash as typeof req.session.flash;
    if (patch.submitted) req.session.submitted = [...new Set([...(req.session.submitted ?? []), ...patch.submitted])].slice(-10);
  }
  res.set('Idempotent-Replayed', 'true');
  if (isRedirect(stored.status)) return res.redirect(stored.status, stored.location ?? '/');
  res.status(stored.status);
  if (stored.location) res.location(stored.location);
  if (stored.contentType) res.set('Content-Type', stored.contentType);
  res.send(stored.body);
}

const isRedirect = (status: number) => status >= 300 && status < 400;

type Upload = { fieldname: string; originalname: string; size: number; path?: string };
function uploads(req: Request): Upload[] {
  const files = (req as Request & { file?: Upload; files?: Upload[] | Record<string, Upload[]> });
  const list = Array.isArray(files.files) ? files.files : Object.values(files.files ?? {}).flat();
  return files.file ? [files.file, ...list] : list;
}

/** A replayed or refused upload never reaches the route that would remove multer's temp files. */
function discardUploads(req: Request): void {
  for (const f of uploads(req)) if (f.path) fs.rm(f.path, { force: true }, () => undefined);
}
