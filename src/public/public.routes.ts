import { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppContext } from '../app.js';
import { AppError } from '../shared/errors.js';
import { handleForm } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { getRequest, registerRequest } from '../requests/requests.service.js';
import { objectionsOfRequest } from '../objections/objections.service.js';
import * as vocabulary from '../requests/vocabulary.js';
import { lookUpRequest } from './public.service.js';
import { needsSetup } from '../auth/auth.service.js';
import { getSettings } from '../settings/settings.repo.js';
import { presentPublicReceipt, presentRequestForPublic } from './public.presenter.js';
import { onlineRequestSchema, statusLookupSchema } from './public.schemas.js';

declare module 'express-session' {
  interface SessionData {
    /** Requests this browser submitted through the online form, for their receipt page. */
    submitted?: number[];
  }
}

const WEB_ACTOR = { userId: null, label: 'web' };

/** The public side: no login. Nothing here may show who asked for what. */
export function publicRoutes({ db, config, logger }: AppContext): Router {
  const r = Router();
  const limited = (limit: number, windowMinutes: number, message: string, failuresOnly = false) =>
    rateLimit({
      windowMs: windowMinutes * 60 * 1000,
      limit,
      skipSuccessfulRequests: failuresOnly,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (req, _res, next) => {
        logger.warn({ ip: req.ip, path: req.path }, 'public rate limit reached');
        next(new AppError('rate_limited', message));
      },
    });
  // Guessing codes: only failed lookups count, so a researcher checking many requests is not hurt.
  const lookupLimiter = limited(10, 15, 'Terlalu banyak percobaan yang gagal. Coba lagi dalam 15 menit.', true);
  const submitLimiter = limited(5, 60, 'Terlalu banyak permohonan dari alamat ini. Coba lagi dalam satu jam, atau hubungi kantor PPID.');

  r.get('/', (req, res) => {
    if (req.user) return res.redirect('/requests');
    if (needsSetup(db)) return res.redirect('/setup');
    res.render('public/home', { title: 'Layanan informasi publik', settings: getSettings(db) });
  });

  r.get('/status', (_req, res) => {
    res.render('public/status', { title: 'Cek status permohonan', values: {}, errors: {}, result: null });
  });

  r.post('/status', lookupLimiter, async (req, res) => {
    await handleForm(req, res, () => {
      const input = parseInput(statusLookupSchema, req.body);
      const found = lookUpRequest(db, input.number, input.code);
      if (!found) {
        logger.info({ ip: req.ip }, 'status lookup failed');
        res.status(404);
        res.render('public/status', {
          title: 'Cek status permohonan', values: { number: input.number }, errors: {}, result: null,
          message: 'Nomor pendaftaran dan kode akses tidak cocok. Periksa kembali tanda bukti permohonan Anda.',
        });
        return;
      }
      const result = presentRequestForPublic(found, objectionsOfRequest(db, found.id), loadCalendar(db), todayIn(config.zone));
      res.render('public/status', { title: `Status ${result.number}`, values: { number: input.number }, errors: {}, result });
    }, (errors, message) => res.render('public/status', { title: 'Cek status permohonan', values: { number: req.body?.number }, errors, message, result: null }));
  });

  r.get('/permohonan', (_req, res) => {
    res.render('public/request-form', { title: 'Ajukan permohonan informasi', values: {}, errors: {}, vocabulary });
  });

  r.post('/permohonan', submitLimiter, async (req: Request, res) => {
    // A field people never see: only bots fill it in.
    if (req.body?.website) throw new AppError('validation', 'Permohonan tidak dapat diproses.');
    await handleForm(req, res, () => {
      const input = parseInput(onlineRequestSchema, req.body);
      const { agree: _agree, ...intake } = input;
      const row = registerRequest({
        db, actor: WEB_ACTOR, zone: config.zone, source: 'web',
        input: { ...intake, receivedOn: todayIn(config.zone), channel: 'website' },
      });
      req.session.submitted = [...(req.session.submitted ?? []).slice(-9), row.id];
      res.redirect(`/permohonan/tanda-bukti/${row.id}`);
    }, (errors, message) => res.render('public/request-form', { title: 'Ajukan permohonan informasi', values: req.body, errors, message, vocabulary }));
  });

  r.get('/permohonan/tanda-bukti/:id', (req, res) => {
    const id = Number(req.params.id);
    // Only the browser that submitted it sees the receipt with the access code.
    if (!req.session.submitted?.includes(id)) throw new AppError('not_found', 'Tanda bukti tidak ditemukan.');
    res.render('public/receipt', { title: 'Tanda bukti permohonan', receipt: presentPublicReceipt(getRequest(db, id)) });
  });

  return r;
}
