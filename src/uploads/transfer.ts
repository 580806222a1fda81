import fs from 'node:fs';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../shared/errors.js';
import type { AttachmentRow } from '../db/schema.js';
import { uploadedFiles } from './multer.js';
import { removeQuietly } from './storage.js';

/** Sends a stored file as a download, never rendered in the browser. */
export function sendAttachment(res: Response, row: AttachmentRow, path: string): void {
  if (!fs.existsSync(path)) throw new AppError('not_found', 'Berkas tidak ditemukan di penyimpanan.');
  res.set('X-Content-Type-Options', 'nosniff');
  res.set('Content-Security-Policy', "default-src 'none'; sandbox");
  res.set('Cache-Control', 'private, no-store');
  res.attachment(row.originalName);
  res.type(row.mediaType);
  res.sendFile(path);
}

/** Runs an upload handler and always removes multer's temp files afterwards. */
export async function withTempFiles(req: Request, handler: () => Promise<void>): Promise<void> {
  try {
    await handler();
  } finally {
    await removeQuietly(uploadedFiles(req).map((f) => f.path));
  }
}

/**
 * Multipart forms skip the global CSRF check (their body is parsed by the route): this checks the
 * token right after the parser, before anything else looks at the body, and removes the temp files
 * of a refused form.
 */
export function csrfAfterUpload(csrfValid: (req: Request) => boolean) {
  return (req: Request, _res: Response, next: (err?: unknown) => void): void => {
    if (csrfValid(req)) return next();
    removeQuietly(uploadedFiles(req).map((f) => f.path)).then(
      () => next(new AppError('forbidden', 'Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.')), next);
  };
}

/**
 * Runs a guard middleware inside a handler (after the parser ran there): true when it let the
 * request through, false when it answered itself (a replayed submission); its errors are thrown.
 */
export function passGuard(mw: RequestHandler, req: Request, res: Response): Promise<boolean> {
  return new Promise((resolve, reject) => {
    Promise.resolve(mw(req, res, (err?: unknown) => (err ? reject(err) : resolve(true)))).then(() => resolve(false), reject);
  });
}

export function incomingFiles(req: Request) {
  return uploadedFiles(req).map((f) => ({ tempPath: f.path, originalName: f.originalname, size: f.size }));
}

