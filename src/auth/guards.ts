/**
 * Who is asking, and may they: the logged-in user or API token (set on the request by app.ts),
 * the actor recorded in the audit log, and the guards routes put before their handlers.
 */
import type { Request, RequestHandler } from 'express';
import { AppError, forbidden } from '../shared/errors.js';
import { isApi } from '../shared/http.js';
import type { Actor } from '../audit/audit.repo.js';
import type { UserRow } from '../db/schema.js';
import { can, type Permission } from './roles.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: UserRow;
      actor?: Actor;
    }
  }
}

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
    next(can(user.role as never, permission) ? undefined : forbidden());
  };
}
