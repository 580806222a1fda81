import { Router, type Response } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, requirePermission, requireUser } from './guards.js';
import { parseInput } from '../shared/validation.js';
import { newTokenSchema } from './auth.schemas.js';
import { createToken, revokeToken } from './auth.service.js';
import { listTokens, listUsers } from './users.repo.js';
import { presentTokenRow } from './users.presenter.js';

/** API tokens admin. A new token's plain text is shown on the response page once and never stored. */
export function tokensRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const admin = [requireUser, requirePermission('admin.tokens')];

  const renderPage = (res: Response, locals: Record<string, unknown>) => {
    const activeUsers = Object.fromEntries(
      listUsers(db).filter((u) => u.active).map((u) => [u.username, `${u.username} (${u.displayName})`]),
    );
    res.render('admin/tokens', {
      title: 'Token API', tokens: listTokens(db).map((t) => presentTokenRow(t, config.zone)), activeUsers,
      values: {}, errors: {}, message: '', newToken: null, ...locals,
    });
  };

  r.get('/admin/tokens', ...admin, (_req, res) => renderPage(res, {}));

  r.post('/admin/tokens', ...admin, async (req, res) => {
    await handleForm(req, res, () => {
      const input = parseInput(newTokenSchema, req.body);
      const expiry = input.expiresOn ? { on: input.expiresOn, zone: config.zone } : undefined;
      const { token } = createToken(db, currentActor(req), input.username, input.name, expiry);
      // Rendered, not redirected: the plain token must not pass through the session store.
      res.set('Cache-Control', 'no-store');
      res.locals.showOnce = true; // never replayed by the one-time key (src/submissions)
      res.status(201);
      renderPage(res, { newToken: { token, name: input.name, username: input.username, expiresOn: input.expiresOn ?? null } });
    }, (errors, message) => renderPage(res, { values: req.body, errors, message }));
  });

  r.post('/admin/tokens/:id/revoke', ...admin, (req, res) => {
    revokeToken(db, currentActor(req), idParam(req.params.id));
    flash(req, 'success', 'Token dicabut; aplikasi yang memakainya tidak dapat masuk lagi.');
    res.redirect('/admin/tokens');
  });

  return r;
}
