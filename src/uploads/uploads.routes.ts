import { Router } from 'express';
import type { AppContext } from '../app.js';
import { AppError } from '../shared/errors.js';
import { currentActor, flash, idParam, requirePermission, requireUser } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { uploadMiddleware } from './multer.js';
import { csrfAfterUpload, incomingFiles, sendAttachment, withTempFiles } from './transfer.js';
import { submissionKeys } from '../submissions/submissions.js';
import * as service from './attachments.service.js';
import { removeFormSchema, uploadFormSchema } from './uploads.schemas.js';

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

  const onceOnly = [csrfAfterUpload(csrfValid), submissionKeys(db, { source: 'form', multipart: true })];

  r.post('/requests/:id/attachments', requireUser, requirePermission('request.write'), upload, ...onceOnly, async (req, res) => {
    await withTempFiles(req, async () => {
      if (!csrfValid(req)) throw new AppError('forbidden', 'Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.');
      const requestId = idParam(req.params.id);
      // A refusal renders the error page with its reason and a way back (a browser cannot
      // re-fill a file input, so there is nothing to keep).
      const form = parseInput(uploadFormSchema, req.body ?? {});
      const rows = await service.addAttachments({
        db, actor: currentActor(req), uploadDir: config.uploadDir,
        input: { requestId, ...form, files: incomingFiles(req) },
      });
      flash(req, 'success', `${rows.length} berkas disimpan: ${rows.map((a) => a.originalName).join(', ')}.`);
      res.redirect(303, `/requests/${requestId}#berkas`);
    });
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
