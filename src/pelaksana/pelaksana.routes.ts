import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { can, type Role } from '../auth/roles.js';
import { AppError } from '../shared/errors.js';
import { dispositionInScope, objectionInScope, requestInScope, scopeOfUser } from './pelaksana.service.js';

const ID = /^[1-9]\d{0,15}$/;

/**
 * Keeps a PPID Pelaksana's officers to their own requests, on pages and in the API alike (mounted
 * before the request, disposition and objection routes): a request, its objections or its
 * dispositions registered by anyone else are "not found" — reading and acting alike, so numbers
 * do not leak. Users without a Pelaksana unit pass untouched (their role decides).
 */
export function pelaksanaHooks({ db }: Pick<AppContext, 'db'>): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!user?.unitId || !can(user.role as Role, 'request.read')) return next();
    const m = /^\/(requests|objections|dispositions)\/([^/]+)(?:\/.*)?$/i.exec(req.path);
    if (!m || !ID.test(m[2])) return next();
    const scope = scopeOfUser(db, user);
    if (scope.kind === 'all') return next();
    const id = Number(m[2]);
    const kind = m[1].toLowerCase();
    const inScope = kind === 'requests' ? requestInScope(db, scope, id) : kind === 'objections' ? objectionInScope(db, scope, id) : dispositionInScope(db, scope, id);
    next(inScope ? undefined : new AppError('not_found', 'Halaman tidak ditemukan.'));
  };
}
