import { Router } from 'express';
import type { AppContext } from '../context.js';
import { AppError } from '../shared/errors.js';
import { flash, idParam } from '../shared/http.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { runMiddleware, uploadMiddleware } from './multer.js';
import { incomingFiles, passGuard, sendAttachment, withTempFiles } from './transfer.js';
import { submissionKeys } from '../submissions/submissions.js';
import * as service from './attachments.service.js';
import { removeFormSchema, uploadFormSchema } from './uploads.schemas.js';
import { requestPage } from '../requests/request-page.query.js';
import { presentRequestPage } from '../requests/request-page.presenter.js';
import { objectionPage } from '../objections/objection-page.query.js';
import { presentObjectionPage } from '../objections/objection-page.presenter.js';
import { findObjection } from '../objections/objections.repo.js';

/** The objection whose page the upload form was on ("back=objection", target "objection:ID"), if any. */
function objectionPageOf(body: Record<string, unknown> | undefined): number | null {
  const m = body?.back === 'objection' ? /^objection:(\d{1,12})$/.exec(String(body.target ?? '')) : null;
  return m ? Number(m[1]) : null;
}

declare module 'express-session' {
  interface SessionData {
    /** Requests whose number and access code this browser gave on the status page. */
    statusAccess?: number[];
  }
}

/** Staff pages: upload, download, remove, purge. */
export function uploadsRoutes({ db, config, csrfValid }: AppContext): Router {
  const r = Router();
  const upload = uploadMiddleware(config, [{ name: 'files', maxCount: config.maxUploadFiles }]);

  // After the parser: a repeated one-time key answers the first outcome instead of writing again.
  const onceOnly = submissionKeys(db, { source: 'form', multipart: true });

  r.post('/requests/:id/attachments', requireUser, requirePermission('request.write'), async (req, res) => {
    let refused: AppError | null = null;
    await withTempFiles(req, async () => {
      const refusal = await runMiddleware(upload, req, res);
      if (!csrfValid(req)) throw new AppError('forbidden', 'Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.');
      if (!refusal && !(await passGuard(onceOnly, req, res))) return;
      try {
        if (refusal) throw refusal;
        const form = parseInput(uploadFormSchema, req.body ?? {});
        const requestId = idParam(req.params.id);
        const rows = await service.addAttachments({
          db, actor: currentActor(req), uploadDir: config.uploadDir,
          input: { requestId, ...form, files: incomingFiles(req) },
        });
        flash(req, 'success', `${rows.length} berkas disimpan: ${rows.map((a) => a.originalName).join(', ')}.`);
        const back = objectionPageOf(req.body);
        res.redirect(303, back ? `/objections/${back}#berkas` : `/requests/${requestId}#berkas`);
      } catch (err) {
        if (!(err instanceof AppError) || !['validation', 'payload_too_large'].includes(err.code)) throw err;
        refused = err;
      }
    });
    // Once the temp files are gone: the same page again, with the reason beside the upload form
    // and what was typed kept (a browser cannot re-fill a file input: the files are chosen again).
    if (refused) {
      const err: AppError = refused;
      const requestId = idParam(req.params.id);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const upload = {
        message: err.userMessage,
        errors: err.fields,
        values: Object.fromEntries(['kind', 'target', 'note'].map((k) => [k, typeof body[k] === 'string' ? body[k] : ''])),
      };
      const back = objectionPageOf(body);
      const objectionId = back && findObjection(db, back)?.requestId === requestId ? back : null;
      const page = { zone: config.zone, maxUploadBytes: config.maxUploadBytes, maxUploadFiles: config.maxUploadFiles, upload };
      if (objectionId) res.status(err.status).render('objections/show', presentObjectionPage(objectionPage({ db, zone: config.zone, id: objectionId }), page));
      else res.status(err.status).render('requests/show', presentRequestPage(requestPage({ db, zone: config.zone, id: requestId }), page));
    }
  });

  r.get('/attachments/:id/download', requireUser, requirePermission('request.read'), (req, res) => {
    const { row, path } = service.openForStaff(db, currentActor(req), config.uploadDir, idParam(req.params.id));
    sendAttachment(res, row, path);
  });

  r.post('/attachments/:id/delete', requireUser, requirePermission('request.write'), (req, res) => {
    const row = service.removeAttachment(db, currentActor(req), idParam(req.params.id), parseInput(removeFormSchema, req.body).reason);
    flash(req, 'success', `Berkas "${row.originalName}" dihapus (tetap tersimpan untuk audit).`);
    res.redirect(`/requests/${row.requestId}#berkas`);
  });

  r.post('/attachments/:id/purge', requireUser, requirePermission('attachment.purge'), async (req, res) => {
    const row = await service.purgeAttachment(db, currentActor(req), config.uploadDir, idParam(req.params.id));
    flash(req, 'success', `Berkas "${row.originalName}" dimusnahkan dari penyimpanan.`);
    res.redirect(`/requests/${row.requestId}#berkas`);
  });

  // The requester's own documents, after a successful status lookup in this browser.
  r.get('/status/files/:id', (req, res) => {
    const { row, path } = service.openForRequester(db, config.uploadDir, idParam(req.params.id), req.session.statusAccess ?? []);
    sendAttachment(res, row, path);
  });

  return r;
}
