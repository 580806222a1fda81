import { Router, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { withSubmission } from '../submissions/submissions.js';
import { AppError, forbidden } from '../shared/errors.js';
import { formatInstant, MONTHS_ID, todayIn } from '../shared/dates.js';
import type { Role } from '../auth/roles.js';
import { FOLLOW_UP_ROLES, maySend, REPORT_ROLES, requireRole } from './access.js';
import { followUpSchema, monthQuerySchema, ratingFormSchema, ratingSettingsSchema } from './ratings.schemas.js';
import { followUpRating, openRating, ratingSettings, sendRatingLink, submitRating, updateRatingSettings } from './ratings.service.js';
import { commentsOfMonth, ratingsSummary, skmByQuarter } from './ratings.report.js';
import { ratingLinkOf } from './links.js';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES, SKM_ANSWERS, SKM_ELEMENTS, SUBJECT_TYPES } from './vocabulary.js';

/** Who the audit log names for a rating sent from the public form. */
const WEB_RATER = { userId: null, label: 'web' };
const vocabulary = { AGE_BANDS, SEXES, EDUCATIONS, OCCUPATIONS, SKM_ANSWERS, SKM_ELEMENTS };

/** Rate limits of the public form and API: at most 20 ratings and 30 failed tries per address per 15 minutes. */
export function ratingLimiters(logger: AppContext['logger']) {
  const make = (limit: number, failuresOnly: boolean) => rateLimit({
    windowMs: 15 * 60 * 1000, limit, skipSuccessfulRequests: failuresOnly, standardHeaders: 'draft-8', legacyHeaders: false,
    handler: (req, _res, next) => {
      logger.warn({ ip: req.ip, path: req.baseUrl }, 'rating rate limit reached');
      next(new AppError('rate_limited', 'Terlalu banyak percobaan. Coba lagi dalam 15 menit.'));
    },
  });
  return { submit: make(20, false), failures: make(30, true) };
}

/** The public rating form, the public SKM page, the staff report, sending a link, the survey settings. */
export function ratingsRoutes({ db, config, logger }: AppContext): Router {
  const r = Router();
  const limit = ratingLimiters(logger);
  const staff = (roles: readonly Role[]) => [requireUser, requireRole(roles)];

  const renderForm = (res: Response, token: string, values: Record<string, unknown>, errors: Record<string, string> = {}, message = '') => {
    const { subjectType, scaleMax } = openRating(db, token);
    res.render('ratings/form', {
      title: 'Penilaian layanan', token, values, errors, message, scaleMax, vocabulary,
      subjectLabel: SUBJECT_TYPES[subjectType], skmFirst: subjectType === 'request',
    });
  };

  // Before /penilaian/:token.
  r.get('/penilaian/terima-kasih', (_req, res) => res.render('ratings/thanks', { title: 'Terima kasih' }));

  r.get('/penilaian/:token', limit.failures, (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.set('Referrer-Policy', 'no-referrer');
    renderForm(res, String(req.params.token), {});
  });

  r.post('/penilaian/:token', limit.submit, async (req: Request, res) => {
    const token = String(req.params.token);
    await handleForm(req, res, () => {
      const input = parseInput(ratingFormSchema, req.body);
      submitRating({ db, actor: withSubmission(req, WEB_RATER), token, input, source: 'web' });
      res.redirect('/penilaian/terima-kasih');
    }, (errors, message) => {
      // A spent link answers its 409 page, not the form again.
      if (res.statusCode === 409) return res.render('error', { title: 'Galat 409', status: 409, message, fields: {} });
      renderForm(res, token, req.body ?? {}, errors, message);
    });
  });

  r.get('/skm', (req, res) => {
    const thisYear = Number(todayIn(config.zone).slice(0, 4));
    const year = Number(req.query.year);
    const y = Number.isInteger(year) && year >= 2010 && year <= thisYear ? year : thisYear;
    res.render('ratings/public-skm', { title: `Indeks Kepuasan Masyarakat ${y}`, year: y, thisYear, quarters: skmByQuarter(db, y, config.zone) });
  });

  r.get('/laporan/kepuasan', ...staff(REPORT_ROLES), (req, res) => {
    const today = todayIn(config.zone);
    const parsed = monthQuerySchema.safeParse(req.query);
    const { year, month } = parsed.success ? parsed.data : { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
    const summary = ratingsSummary(db, year, month, config.zone);
    const comments = commentsOfMonth(db, year, month, config.zone).map((c) => ({ ...c, submittedAt: formatInstant(c.submittedAt, config.zone) }));
    res.render('ratings/report', {
      title: `Kepuasan layanan ${MONTHS_ID[month - 1]} ${year}`, summary, comments, monthName: MONTHS_ID[month - 1],
      canFollowUp: FOLLOW_UP_ROLES.includes(currentUser(req).role as Role),
    });
  });

  r.post('/laporan/kepuasan/komentar/:id', ...staff(FOLLOW_UP_ROLES), (req, res) => {
    const id = idParam(req.params.id);
    const { note } = parseInput(followUpSchema, req.body);
    followUpRating({ db, actor: currentActor(req), id, note });
    flash(req, 'success', 'Komentar ditandai sudah ditindaklanjuti.');
    const back = /^\d{4}$/.test(String(req.body?.year)) && /^\d{1,2}$/.test(String(req.body?.month)) ? `?year=${req.body.year}&month=${req.body.month}` : '';
    res.redirect(`/laporan/kepuasan${back}`);
  });

  r.post('/penilaian/kirim/:type/:id', requireUser, (req, res) => {
    const type = req.params.type === 'konsultasi' ? 'consultation' : req.params.type === 'permohonan' ? 'request' : null;
    if (!type) throw new AppError('not_found', 'Halaman tidak ditemukan.');
    if (!maySend(currentUser(req).role as Role, type)) throw forbidden();
    const id = idParam(req.params.id);
    const back = type === 'consultation' ? `/desk/${id}` : `/requests/${id}`;
    try {
      const n = sendRatingLink({ db, actor: currentActor(req), type, id, zone: config.zone });
      flash(req, 'success', `Tautan penilaian masuk antrean pesan (${n} saluran).`);
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'not_found') throw err;
      flash(req, 'error', Object.values(err.fields)[0] ?? err.userMessage);
    }
    res.redirect(back);
  });

  r.get('/admin/penilaian', requireUser, requirePermission('admin.settings'), (_req, res) => {
    const s = ratingSettings(db);
    res.render('ratings/settings', { title: 'Pengaturan penilaian', errors: {}, message: '', values: { link_days: s.linkDays, scale_max: s.scaleMax, target: s.target, min_count: s.minCount, min_users: s.minUsers } });
  });

  r.post('/admin/penilaian', requireUser, requirePermission('admin.settings'), async (req, res) => {
    await handleForm(req, res, () => {
      updateRatingSettings({ db, actor: currentActor(req), input: parseInput(ratingSettingsSchema, req.body) });
      flash(req, 'success', 'Pengaturan penilaian disimpan.');
      res.redirect('/admin/penilaian');
    }, (errors, message) => res.render('ratings/settings', { title: 'Pengaturan penilaian', errors, message, values: req.body ?? {} }));
  });

  return r;
}

/**
 * The ticket's or request's rating link for its staff page (state and URL only, never the rating,
 * so the rated agent never learns who gave what), for who may send it. Mounted before the pages.
 */
export function ratingLinkLocals({ db, config }: AppContext): RequestHandler {
  return (req, res, next) => {
    const m = req.method === 'GET' ? /^\/(desk|requests)\/(\d{1,9})\/?$/.exec(req.path) : null;
    if (!m || !req.user) return next();
    const type = m[1] === 'desk' ? 'consultation' : 'request';
    if (!maySend(req.user.role as Role, type)) return next();
    const id = Number(m[2]);
    const link = ratingLinkOf(db, type, id);
    res.locals.ratingLink = link
      ? { state: link.state, url: link.url, expiresAt: formatInstant(link.expiresAt, config.zone), sendAction: `/penilaian/kirim/${type === 'consultation' ? 'konsultasi' : 'permohonan'}/${id}` }
      : null;
    next();
  };
}
