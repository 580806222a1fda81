import { Router } from 'express';
import type { AppContext } from '../context.js';
import { idParam } from '../shared/http.js';
import { currentActor, requirePermission } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { uploadMiddleware } from './multer.js';
import * as service from './attachments.service.js';
import { presentAttachmentForApi } from './attachments.presenter.js';
import { uploadFormSchema } from './uploads.schemas.js';
import { incomingFiles, sendAttachment, withTempFiles } from './transfer.js';
import { submissionKeys } from '../submissions/submissions.js';

/** JSON API v1 for attachments (multipart upload; bearer tokens, so no CSRF). */
export function uploadsApi({ db, config }: AppContext): Router {
  const r = Router();
  const upload = uploadMiddleware(config, [{ name: 'files', maxCount: config.maxUploadFiles }]);

  const onceOnly = submissionKeys(db, { source: 'api', multipart: true });

  r.post('/requests/:id/attachments', requirePermission('request.write'), upload, onceOnly, async (req, res) => {
    await withTempFiles(req, async () => {
      const requestId = idParam(req.params.id);
      const form = parseInput(uploadFormSchema, req.body ?? {});
      const rows = await service.addAttachments({
        db, actor: currentActor(req), uploadDir: config.uploadDir, input: { requestId, ...form, files: incomingFiles(req) },
      });
      res.status(201).json({ items: rows.map(presentAttachmentForApi) });
    });
  });

  r.get('/attachments/:id', requirePermission('request.read'), (req, res) => {
    const { row, path } = service.openForStaff(db, currentActor(req), config.uploadDir, idParam(req.params.id));
    sendAttachment(res, row, path);
  });

  return r;
}
