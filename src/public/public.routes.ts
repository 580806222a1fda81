import { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context.js';
import { AppError } from '../shared/errors.js';
import { handleForm } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { getRequest } from '../requests/requests.service.js';
import { objectionsOfRequest } from '../objections/objections.service.js';
import * as vocabulary from '../requests/vocabulary.js';
import { lookUpRequest } from './public.service.js';
import { needsSetup } from '../auth/auth.service.js';
import { getSettings } from '../settings/settings.repo.js';
import { presentPublicFile, presentPublicReceipt, presentRequestForPublic } from './public.presenter.js';
import { publicAttachmentsOfRequest } from '../uploads/attachments.service.js';
import { onlineRequestSchema, statusLookupSchema } from './public.schemas.js';
import { uploadMiddleware, uploadedFiles } from '../uploads/multer.js';
import { csrfAfterUpload, withTempFiles } from '../uploads/transfer.js';
import { WEB_FORM_KINDS } from '../uploads/vocabulary.js';
import { keysOf } from '../vocabulary/keys.js';
import { submissionKeys, withSubmission } from '../submissions/submissions.js';
import { AcceptedSubmissionLimit } from './submission-limit.js';
import { ratingLinkOf } from '../ratings/links.js';
import { submitOnlineRequest, WEB_ACTOR } from './submit-online-request.js';

declare module 'express-session' {
  interface SessionData {
    /** Requests this browser submitted through the online form, for their receipt page. */
    submitted?: number[];
  }
}

/** The public side: no login. Nothing here may show who asked for what. */
export function publicRoutes({ db, config, logger, csrfValid }: AppContext): Router {
  const r = Router();
  const webFiles = uploadMiddleware(config, Object.values(WEB_FORM_KINDS).map((name) => ({ name, maxCount: 1 })));
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
  // Only accepted requests count (PPID_PUBLIC_FORM_LIMIT an hour): a refused form is not a
  // submission, and a double click lands on the first one's receipt before any counting.
  const submitLimit = new AcceptedSubmissionLimit(config.publicFormLimit);
  const onceOnly = submissionKeys(db, { source: 'form', multipart: true });

  r.get('/', (req, res) => {
    // A unit's staff have no register: their queue of dispositions.
    if (req.user) return res.redirect(req.user.role === 'unit' ? '/dispositions' : req.user.role === 'agent' ? '/desk' : '/requests');
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
      // This browser proved it holds the code: it may download what was sent to the requester.
      req.session.statusAccess = [...new Set([...(req.session.statusAccess ?? []), found.id])].slice(-20);
      const files = found.voidedOn ? [] : publicAttachmentsOfRequest(db, found.id).map(presentPublicFile);
      const result = { ...presentRequestForPublic(found, objectionsOfRequest(db, found.id), loadCalendar(db), todayIn(config.zone)), files, rating: found.voidedOn ? null : ratingLinkOf(db, 'request', found.id) };
      res.render('public/status', { title: `Status ${result.number}`, values: { number: input.number }, errors: {}, result });
    }, (errors, message) => res.render('public/status', { title: 'Cek status permohonan', values: { number: req.body?.number }, errors, message, result: null }));
  });

  r.get('/permohonan', (_req, res) => {
    res.render('public/request-form', { title: 'Ajukan permohonan informasi', values: {}, errors: {}, vocabulary });
  });

  // The token is checked before the key, so a forged form cannot replay anything.
  r.post('/permohonan', webFiles, csrfAfterUpload(csrfValid), onceOnly, async (req: Request, res) => {
    await withTempFiles(req, async () => {
      // A field people never see: only bots fill it in.
      if (req.body?.website) throw new AppError('validation', 'Permohonan tidak dapat diproses.');
      await handleForm(req, res, async () => {
        const { agree: _agree, ...input } = parseInput(onlineRequestSchema, req.body);
        const uploads = keysOf(WEB_FORM_KINDS).flatMap((kind) => fileFields(req, WEB_FORM_KINDS[kind]).map((file) => ({ kind, file })));
        const row = await submitOnlineRequest({
          db, actor: withSubmission(req, WEB_ACTOR), zone: config.zone, uploadDir: config.uploadDir, input, uploads,
          limit: submitLimit, address: req.ip ?? '', logger,
        });
        req.session.submitted = [...(req.session.submitted ?? []).slice(-9), row.id];
        res.redirect(`/permohonan/tanda-bukti/${row.id}`);
      }, (errors, message) => res.render('public/request-form', {
        title: 'Ajukan permohonan informasi', values: req.body ?? {}, errors, vocabulary,
        message: uploadedFiles(req).length ? `${message} Berkas lampiran perlu dipilih ulang.` : message,
      }));
    });
  });

  r.get('/permohonan/tanda-bukti/:id', (req, res) => {
    const id = Number(req.params.id);
    // Only the browser that submitted it sees the receipt with the access code.
    if (!req.session.submitted?.includes(id)) throw new AppError('not_found', 'Tanda bukti tidak ditemukan.');
    res.render('public/receipt', { title: 'Tanda bukti permohonan', receipt: presentPublicReceipt(getRequest(db, id)), rating: ratingLinkOf(db, 'request', id), settings: getSettings(db), today: todayIn(config.zone) });
  });

  return r;
}

function fileFields(req: Request, field: string) {
  const files = (req.files as Record<string, Express.Multer.File[]> | undefined)?.[field] ?? [];
  return files.map((f) => ({ tempPath: f.path, originalName: f.originalname, size: f.size }));
}
