import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import type { AppContext } from '../context.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { AppError } from '../shared/errors.js';
import { submissionKeys } from '../submissions/submissions.js';
import { csrfAfterUpload } from '../uploads/transfer.js';
import { MAX_IMPORT_BYTES } from '../import/import.service.js';
import { importConsultations, type ConsultationImportReport } from './consultation-import.service.js';
import { presentConsultationImport } from './consultation-import.presenter.js';
import { CONSULTATION_COLUMNS } from './columns.js';
import { consultationTemplateCsv, consultationTemplateXlsx } from './template.js';
import { CSV_CONTENT_TYPE, csvDialectOf, csvFileName } from '../shared/csv.js';
import { activeOptions } from '../desk/desk-config.js';

const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/** The CRM import page (admin, officer): upload, dry run, and the per-row report. */
export function consultationImportRoutes({ db, config, csrfValid }: AppContext): Router {
  const r = Router();
  const allowed = [requireUser, requirePermission('desk.import')];
  // The register import's limits: at most MAX_IMPORT_BYTES, one file, held in memory.
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 2000, parts: 20 },
    defParamCharset: 'utf8',
  }).single('file');
  // The topic column's hint lists the admin's active topics (code and label).
  const withTopics = (topics: Record<string, string>) =>
    CONSULTATION_COLUMNS.map((c) => (c.key === 'topic' ? { ...c, hint: `${c.hint}: ${Object.entries(topics).map(([k, l]) => `${k} (${l})`).join(', ')}` } : c));
  const render = (res: Response, locals: { report?: ConsultationImportReport | null; message?: string; skipInvalid?: boolean } = {}) =>
    res.render('consultation-import/index', {
      title: 'Impor riwayat konsultasi', maxMb: MAX_MB, columns: withTopics(activeOptions(db, 'topic')), message: locals.message ?? '',
      report: locals.report ? presentConsultationImport(locals.report) : null, skipInvalid: locals.skipInvalid ?? false,
    });

  r.get('/admin/consultation-import', ...allowed, (_req, res) => render(res));

  r.get('/admin/consultation-import/template.xlsx', ...allowed, async (_req, res) => {
    const body = await consultationTemplateXlsx({ channel: activeOptions(db, 'channel'), category: activeOptions(db, 'category'), topic: activeOptions(db, 'topic') });
    res.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.set('Content-Disposition', 'attachment; filename="templat-impor-konsultasi.xlsx"');
    res.send(body);
  });

  r.get('/admin/consultation-import/template.csv', ...allowed, (req, res) => {
    const dialect = csvDialectOf(req.query.format);
    res.set('Content-Type', CSV_CONTENT_TYPE);
    res.set('Content-Disposition', `attachment; filename="${csvFileName('templat-impor-konsultasi', dialect)}"`);
    res.send(consultationTemplateCsv(dialect));
  });

  r.post(
    '/admin/consultation-import',
    ...allowed,
    (req: Request, res: Response, next) => {
      upload(req, res, (err: unknown) => {
        if (!err) return next();
        const code = (err as { code?: string }).code;
        res.status(code === 'LIMIT_FILE_SIZE' ? 413 : 400);
        render(res, { message: code === 'LIMIT_FILE_SIZE' ? `Berkas terlalu besar: paling besar ${MAX_MB} MB. Bagi per tahun, atau simpan sebagai CSV.` : 'Unggah satu berkas saja, di kolom "Berkas".' });
      });
    },
    csrfAfterUpload(csrfValid),
    submissionKeys(db, { source: 'form', multipart: true }),
    async (req: Request, res: Response) => {
      // Multipart bodies skip the global CSRF check; the token is checked here, once parsed.
      if (!csrfValid(req)) throw new AppError('forbidden', 'Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.');
      const skipInvalid = req.body?.skipInvalid === '1';
      if (!req.file) {
        res.status(400);
        return render(res, { message: 'Pilih berkas CSV atau XLSX terlebih dahulu.', skipInvalid });
      }
      const report = await importConsultations({
        db, actor: currentActor(req), zone: config.zone, fileName: req.file.originalname, buffer: req.file.buffer, dryRun: req.body?.mode === 'check', skipInvalid,
      });
      res.status(report.errors > 0 && !report.committed ? 400 : 200);
      render(res, { report, skipInvalid });
    },
  );
  return r;
}
