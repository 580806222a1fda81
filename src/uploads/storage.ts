/**
 * Files on disk: uploads land in `uploads/tmp/` under random names and are moved to
 * `uploads/<random>` only after their database rows commit. No user-supplied text ever
 * becomes part of a path.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export function tempDir(uploadDir: string): string {
  return path.join(uploadDir, 'tmp');
}

/** uploads/ and uploads/tmp/, readable by the app's user only (0700). */
export function ensureUploadDirs(uploadDir: string): void {
  fs.mkdirSync(tempDir(uploadDir), { recursive: true, mode: 0o700 });
  fs.chmodSync(uploadDir, 0o700);
  fs.chmodSync(tempDir(uploadDir), 0o700);
}

/** A fresh random stored name (hex only, so it can never escape the folder). */
export function newStoredName(): string {
  return crypto.randomBytes(16).toString('hex');
}

export function storedPath(uploadDir: string, storedName: string): string {
  if (!/^[0-9a-f]{32}$/.test(storedName)) throw new Error('invalid stored name');
  return path.join(uploadDir, storedName);
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Stored files are readable by the app's user only (0600). */
export async function moveIntoPlace(uploadDir: string, tempFile: string, storedName: string): Promise<void> {
  await fsp.chmod(tempFile, 0o600);
  await fsp.rename(tempFile, storedPath(uploadDir, storedName));
}

/** Removes files, ignoring those already gone (moved into place, or never written). */
export async function removeQuietly(files: string[]): Promise<void> {
  await Promise.all(files.map((f) => fsp.rm(f, { force: true })));
}
