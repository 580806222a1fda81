import multer from 'multer';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../config.js';
import { AppError } from '../shared/errors.js';
import { ensureUploadDirs, newStoredName, tempDir } from './storage.js';

/**
 * Multipart parsing with hard limits. Files go straight to the temp folder under random names;
 * whatever happens next, the route removes them (see uploads.routes.ts).
 */
export function uploadMiddleware(config: AppConfig, fields: { name: string; maxCount: number }[]): RequestHandler {
  ensureUploadDirs(config.uploadDir);
  const upload = multer({
    storage: multer.diskStorage({
      destination: tempDir(config.uploadDir),
      filename: (_req, _file, cb) => cb(null, `${newStoredName()}.part`),
    }),
    limits: { fileSize: config.maxUploadBytes, files: config.maxUploadFiles, fields: 50, fieldSize: 20_000, parts: 100 },
    defParamCharset: 'utf8',
  }).fields(fields);
  const maxMb = Math.round((config.maxUploadBytes / 1024 / 1024) * 10) / 10;
  return (req, res, next) => {
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      const code = (err as { code?: string }).code;
      const messages: Record<string, AppError> = {
        LIMIT_FILE_SIZE: new AppError('payload_too_large', `Berkas terlalu besar. Ukuran maksimal ${maxMb} MB per berkas.`),
        LIMIT_FILE_COUNT: new AppError('validation', `Terlalu banyak berkas. Paling banyak ${config.maxUploadFiles} berkas sekali unggah.`, { files: `Paling banyak ${config.maxUploadFiles} berkas.` }),
        LIMIT_UNEXPECTED_FILE: new AppError('validation', 'Kolom berkas tidak dikenal.'),
        LIMIT_FIELD_VALUE: new AppError('validation', 'Isian terlalu panjang.'),
        LIMIT_PART_COUNT: new AppError('validation', 'Permintaan terlalu banyak bagian.'),
        LIMIT_FIELD_COUNT: new AppError('validation', 'Permintaan terlalu banyak isian.'),
      };
      next(messages[code ?? ''] ?? new AppError('validation', 'Unggahan terputus atau rusak. Coba lagi.'));
    });
  };
}

/**
 * Runs the upload middleware and hands back its refusal (an AppError) instead of passing it on,
 * so that a page can show it beside its upload form.
 */
export function runMiddleware(mw: RequestHandler, req: import('express').Request, res: import('express').Response): Promise<unknown> {
  return new Promise((resolve) => {
    void mw(req, res, (err?: unknown) => resolve(err ?? null));
  });
}

/** Every temp file multer wrote for this request. */
export function uploadedFiles(req: import('express').Request): Express.Multer.File[] {
  const files = req.files;
  if (!files) return [];
  return Array.isArray(files) ? files : Object.values(files).flat();
}
