import fs from 'node:fs';
import type { Request, Response } from 'express';
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

export function incomingFiles(req: Request) {
  return uploadedFiles(req).map((f) => ({ tempPath: f.path, originalName: f.originalname, size: f.size }));
}

