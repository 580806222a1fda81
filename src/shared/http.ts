import type { Request, Response, NextFunction, RequestHandler, ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, forbidden } from './errors.js';
import { can, type Permission } from '../auth/roles.js';
import type { Actor } from '../audit/audit.repo.js';
import type { UserRow } from '../db/schema.js';

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    flash?: { kind: 'success' | 'error' | 'info'; text: string }[];
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: UserRow;
      actor?: Actor;
    }
  }
}

export const isApi = (req: Request) => req.originalUrl.startsWith('/api/');

/** The logged-in user; routes behind requireUser can rely on it. */
export function currentUser(req: Request): UserRow {
  if (!req.user) throw new AppError('unauthenticated', 'Silakan masuk terlebih dahulu.');
  return req.user;
}

export function currentActor(req: Request): Actor {
  return req.actor ?? { userId: currentUser(req).id, label: currentUser(req).username };
}

export const requireUser: RequestHandler = (req, res, next) => {
  if (req.user) return next();
  if (isApi(req)) return next(new AppError('unauthenticated', 'Token API tidak ada atau tidak berlaku.'));
  res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
};

export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    const user = currentUser(req);
    next(can(user.role, permission) ? undefined : forbidden());
  };
}

export function flash(req: Request, kind: 'success' | 'error' | 'info', text: string): void {
  req.session.flash = [...(req.session.flash ?? []), { kind, text }];
}

/** 1-based page number from the query string, bounded. */
export function pageParam(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : 1;
}

/** Positive integer route id, or a 404. */
export function idParam(value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || String(n) !== String(value)) throw new AppError('not_found', 'Data tidak ditemukan.');
  return n;
}

/**
 * Runs a form action; on a validation or conflict error re-renders the form with the
 * messages and what the user typed, instead of losing it.
 */
export async function handleForm(
  req: Request,
  res: Response,
  action: () => void | Promise<void>,
  rerender: (errors: Record<string, string>, message: string) => void,
): Promise<void> {
  try {
    await action();
  } catch (err) {
    if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
      res.status(err.status);
      rerender(err.fields, err.userMessage);
      return;
    }
    throw err;
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = toAppError(err);
    if (!known) logger.error({ err, url: req.originalUrl }, 'unhandled error');
    const appErr = known ?? new AppError('validation', 'Terjadi kesalahan pada server.');
    const status = known ? appErr.status : 500;
    const code = known ? appErr.code : 'internal';
    if (res.headersSent) return;
    res.status(status);
    if (isApi(req)) {
      res.json({ error: { code, message: appErr.userMessage, fields: appErr.fields } });
      return;
    }
    // A body the parser refused fails before the middleware that sets the layout's locals: give
    // the page what it needs, and never fall through to Express's own page (it shows the stack).
    res.locals.user ??= null;
    res.locals.can ??= () => false;
    res.locals.path ??= req.path;
    res.locals.flash ??= [];
    res.locals.csrfToken ??= '';
    res.locals.officeName ??= '';
    res.render('error', { title: `Galat ${status}`, status, message: appErr.userMessage, fields: appErr.fields }, (renderErr: Error | null, html?: string) => {
      if (!renderErr) return void res.send(html);
      logger.error({ err: renderErr, url: req.originalUrl }, 'error page failed to render');
      res.type('text/plain').send(appErr.userMessage);
    });
  };
}

/** Maps library errors (body parser, CSRF, multer) onto AppError. */
function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; code?: string; status?: number; statusCode?: number; expose?: boolean };
  if (e?.type === 'entity.too.large') return new AppError('payload_too_large', 'Isian terlalu besar.');
  if (e?.type === 'entity.parse.failed') return new AppError('validation', 'Isi permintaan bukan JSON yang valid.');
  if (e?.code === 'EBADCSRFTOKEN')
    return new AppError('forbidden', 'Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.');
  // A path with broken percent-encoding ("/requests/%E0%A4%A"): the router cannot decode the parameter.
  if (err instanceof URIError) return new AppError('validation', 'Alamat (URL) tidak valid.');
  // Any other refusal of the body parser (too many fields, an unsupported charset or
  // compression, a broken gzip stream) is the client's fault, not the server's.
  const status = e?.status ?? e?.statusCode;
  if ((typeof e?.type === 'string' || e?.expose === true) && typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return new AppError('payload_too_large', 'Isian terlalu besar atau terlalu banyak.');
    if (status === 404) return new AppError('not_found', 'Data tidak ditemukan.');
    return new AppError('validation', 'Isi permintaan tidak dapat dibaca: jenis, set karakter atau kompresinya tidak didukung.');
  }
  return null;
}
