import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import type { AppContext } from '../context.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { AppError } from '../shared/errors.js';
import { importRegister, MAX_IMPORT_BYTES, type ImportReport } from './import.service.js';
import { presentImportReport } from './import.presenter.js';
import { templateCsv, templateXlsx } from './template.js';
import { CSV_CONTENT_TYPE, csvDialectOf, csvFileName } from '../shared/csv.js';
import { dropPending, keepPending, PENDING_TTL_MS, readPending } from './pending-import.js';
import { csrfAfterUpload } from '../uploads/transfer.js';
import { submissionKeys } from '../submissions/submissions.js';

const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/** The admin's import page: templates, upload, and the report of what happened. */
export function importRoutes({ db, config, csrfValid }: AppContext): Router {
  const r = Router();
  const admin = [requireUser, requirePermission('admin.import')];
  // Memory storage: the file (at most MAX_IMPORT_BYTES) is read once, hashed and parsed; it is
  // written to disk only when checked and not imported, to be imported without choosing it again.
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 2000, parts: 20 },
    defParamCharset: 'utf8',
  }).single('file');

  const render = (
    res: Response,
    locals: { report?: ImportReport | null; message?: string; skipInvalid?: boolean; pending?: { token: string; fileName: string } | null } = {},
  ) =>
    res.render('import/index', {
      title: 'Impor register',
      maxMb: MAX_MB,
      message: locals.message ?? '',
      report: locals.report ? presentImportReport(locals.report) : null,
      skipInvalid: locals.skipInvalid ?? false,
      pending: locals.pending ?? null,
      pendingMinutes: PENDING_TTL_MS / 60_000,
    });

  r.get('/admin/import', ...admin, (_req, res) => render(res));

  r.get('/admin/import/template.xlsx', ...admin, async (_req, res) => {
    const body = await templateXlsx();
    res.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.set('Content-Disposition', 'attachment; filename="templat-impor-register.xlsx"');
    res.send(body);
  });

  r.get('/admin/import/template.csv', ...admin, (req, res) => {
    const dialect = csvDialectOf(req.query.format);
    res.set('Content-Type', CSV_CONTENT_TYPE);
    res.set('Content-Disposition', `attachment; filename="${csvFileName('templat-impor-register', dialect)}"`);
    res.send(templateCsv(dialect));
  });

  r.post(
    '/admin/import',
    ...admin,
    (req: Request, res: Response, next) => {
      upload(req, res, (err: unknown) => {
        if (!err) return next();
        const code = (err as { code?: string }).code;
        if (code === 'LIMIT_FILE_SIZE') {
          res.status(413);
          return render(res, { message: `Berkas terlalu besar: paling besar ${MAX_MB} MB. Bagi register per tahun, atau simpan sebagai CSV (jauh lebih kecil dari XLSX).` });
        }
        res.status(400);
        render(res, { message: code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT' ? 'Unggah satu berkas saja, di kolom "Berkas register".' : 'Unggahan terputus atau rusak. Coba lagi.' });
      });
    },
    // A second click on "Impor" shows the first import's report instead of importing again.
    csrfAfterUpload(csrfValid),
    submissionKeys(db, { source: 'form', multipart: true }),
    async (req: Request, res: Response) => {
      // Multipart bodies skip the global CSRF check; the token is checked here, once parsed.
      if (!csrfValid(req)) throw new AppError('forbidden', 'Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.');
      const skipInvalid = req.body?.skipInvalid === '1';
      const actor = currentActor(req);
      // A file chosen now, or the one checked earlier (its one-time token from the report's form).
      const token = !req.file && typeof req.body?.pending === 'string' ? req.body.pending : '';
      let file: { fileName: string; buffer: Buffer } | null = req.file ? { fileName: req.file.originalname, buffer: req.file.buffer } : null;
      if (!file && token) {
        file = await readPending({ uploadDir: config.uploadDir, userId: actor.userId, token });
        if (!file) {
          res.status(400);
          return render(res, { message: 'Berkas yang diperiksa sudah diimpor atau sudah kedaluwarsa. Pilih berkasnya lagi.', skipInvalid });
        }
      }
      if (!file) {
        res.status(400);
        return render(res, { message: 'Pilih berkas CSV atau XLSX terlebih dahulu.', skipInvalid });
      }
      const report = await importRegister({
        db, actor, zone: config.zone, fileName: file.fileName, buffer: file.buffer,
        dryRun: req.body?.mode === 'check', skipInvalid,
      });
      let pending: { token: string; fileName: string } | null = null;
      if (report.committed) {
        if (token) await dropPending({ uploadDir: config.uploadDir, token });
      } else if (report.importable) {
        pending = {
          token: token || (await keepPending({ uploadDir: config.uploadDir, userId: actor.userId, fileName: file.fileName, buffer: file.buffer, sha256: report.sha256 })),
          fileName: file.fileName,
        };
      }
      res.status(report.errors > 0 && !report.committed ? 400 : 200);
      render(res, { report, skipInvalid, pending });
    },
  );

  return r;
}
