import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context.js';
import { AppError } from '../shared/errors.js';
import { handleForm } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { loginSchema, setupSchema } from './auth.schemas.js';
import { LoginThrottle } from './login-throttle.js';
import { authenticate, needsSetup, recordLogout, setupFirstAdmin } from './auth.service.js';

/** Only same-site relative paths may be a post-login target. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\\]*$/.test(value) ? value : '/';
}

export function authRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const throttle = new LoginThrottle();
  // Per-address brake on password guessing across usernames, on top of the per-(account, address) throttle.
  const loginLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 20,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('rate_limited', 'Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.')),
  });

  r.get('/setup', (_req, res) => {
    if (!needsSetup(db)) return res.redirect('/login');
    res.render('auth/setup', { title: 'Penyiapan awal', values: {}, errors: {} });
  });

  r.post('/setup', async (req, res) => {
    if (!needsSetup(db)) throw new AppError('not_found', 'Halaman tidak ditemukan.');
    await handleForm(
      req, res,
      async () => {
        const input = parseInput(setupSchema, req.body);
        const user = await setupFirstAdmin(db, input);
        await regenerate(req);
        req.session.userId = user.id;
        req.session.flash = [{ kind: 'success', text: 'Akun admin dibuat. Selamat datang.' }];
        res.redirect('/');
      },
      (errors, message) => res.render('auth/setup', { title: 'Penyiapan awal', values: { ...req.body, password: '', passwordConfirm: '' }, errors, message }),
    );
  });

  r.get('/login', (req, res) => {
    if (needsSetup(db)) return res.redirect('/setup');
    if (req.user) return res.redirect('/');
    res.render('auth/login', { title: 'Masuk', values: {}, errors: {}, next: safeNext(req.query.next) });
  });

  r.post('/login', loginLimiter, async (req, res) => {
    const next = safeNext(req.body?.next);
    const rerender = (errors: Record<string, string>, message: string) =>
      res.render('auth/login', { title: 'Masuk', values: { username: req.body?.username ?? '' }, errors, message, next });
    await handleForm(req, res, async () => {
      const input = parseInput(loginSchema, req.body);
      const result = await authenticate(db, input.username, input.password, req.ip ?? '', { throttle, zone: config.zone });
      if (!result.ok) throw new AppError('validation', result.message);
      // A new session id at login defeats session fixation.
      await regenerate(req);
      req.session.userId = result.user.id;
      res.redirect(next);
    }, rerender);
  });

  r.post('/logout', async (req, res) => {
    if (req.user) recordLogout(db, req.user);
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.redirect('/login');
  });

  return r;
}

function regenerate(req: import('express').Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}
