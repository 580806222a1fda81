/**
 * A checked file, kept so the officer can import it without choosing it again.
 *
 * After "Periksa saja" the uploaded bytes are kept in `uploads/tmp/` as
 * `import-<sha256>.upload`, and a one-time token (`import-<token>.json`: who, which file, its
 * SHA-256, until when) goes into the report's form. Importing with the token reads the same
 * bytes back, checks their SHA-256 and runs the whole import on them again (nothing of the
 * earlier check is trusted; importing twice adds nothing, as with any file). A committed import
 * removes the token and the file; unused ones expire after PENDING_TTL_MS and are swept when
 * the next file is kept. Only hex names ever become paths.
 */
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from '../uploads/storage.js';

/** How long a checked file waits for its import. */
export const PENDING_TTL_MS = 60 * 60 * 1000;
/** Checked files kept at once (each up to the import's size limit); the oldest go first. */
const MAX_PENDING = 20;

const TOKEN = /^[0-9a-f]{48}$/;
const SHA = /^[0-9a-f]{64}$/;

interface Meta {
  sha256: string;
  fileName: string;
  userId: number | null;
  expiresAt: number;
}

export interface PendingFile {
  fileName: string;
  buffer: Buffer;
  sha256: string;
}

const metaPath = (uploadDir: string, token: string) => path.join(tempDir(uploadDir), `import-${token}.json`);
const dataPath = (uploadDir: string, sha256: string) => path.join(tempDir(uploadDir), `import-${sha256}.upload`);

async function readMeta(file: string): Promise<Meta | null> {
  try {
    const m = JSON.parse(await fsp.readFile(file, 'utf8')) as Meta;
    return SHA.test(m.sha256) && typeof m.expiresAt === 'number' ? m : null;
  } catch {
    return null;
  }
}

const removeQuietly = (file: string) => fsp.rm(file, { force: true }).catch(() => undefined);

/** Keeps a checked file; returns the token for the report's form. */
export async function keepPending(o: {
  uploadDir: string; userId: number | null; fileName: string; buffer: Buffer; sha256: string; now?: number;
}): Promise<string> {
  const now = o.now ?? Date.now();
  const dir = tempDir(o.uploadDir);
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  await sweep(o.uploadDir, now, MAX_PENDING - 1);
  const data = dataPath(o.uploadDir, o.sha256);
  // Written under a random name and renamed: a half-written file never has the final name.
  const part = path.join(dir, `import-${crypto.randomBytes(8).toString('hex')}.writing`);
  await fsp.writeFile(part, o.buffer, { mode: 0o600 });
  await fsp.rename(part, data);
  const token = crypto.randomBytes(24).toString('hex');
  const meta: Meta = { sha256: o.sha256, fileName: o.fileName, userId: o.userId, expiresAt: now + PENDING_TTL_MS };
  await fsp.writeFile(metaPath(o.uploadDir, token), JSON.stringify(meta), { mode: 0o600 });
  return token;
}

/** The kept file for `token`, if it is this user's, not expired, and its bytes are unchanged. */
export async function readPending(o: { uploadDir: string; userId: number | null; token: string; now?: number }): Promise<PendingFile | null> {
  if (!TOKEN.test(o.token)) return null;
  const meta = await readMeta(metaPath(o.uploadDir, o.token));
  if (!meta || meta.userId !== o.userId || meta.expiresAt <= (o.now ?? Date.now())) return null;
  let buffer: Buffer;
  try {
    buffer = await fsp.readFile(dataPath(o.uploadDir, meta.sha256));
  } catch {
    return null;
  }
  if (crypto.createHash('sha256').update(buffer).digest('hex') !== meta.sha256) return null;
  return { fileName: meta.fileName, buffer, sha256: meta.sha256 };
}

/** Removes a used token, and its file unless another live token still refers to it. */
export async function dropPending(o: { uploadDir: string; token: string }): Promise<void> {
  if (!TOKEN.test(o.token)) return;
  const file = metaPath(o.uploadDir, o.token);
  const meta = await readMeta(file);
  await removeQuietly(file);
  if (meta) await sweep(o.uploadDir, Date.now(), MAX_PENDING);
}

/** Removes expired tokens (keeping at most `keep` live ones) and files no token refers to. */
async function sweep(uploadDir: string, now: number, keep: number): Promise<void> {
  const dir = tempDir(uploadDir);
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  const live: { token: string; meta: Meta }[] = [];
  for (const name of names) {
    const m = /^import-([0-9a-f]{48})\.json$/.exec(name);
    if (!m) continue;
    const meta = await readMeta(path.join(dir, name));
    if (meta && meta.expiresAt > now) live.push({ token: m[1], meta });
    else await removeQuietly(path.join(dir, name));
  }
  live.sort((a, b) => b.meta.expiresAt - a.meta.expiresAt);
  for (const old of live.splice(Math.max(0, keep))) await removeQuietly(metaPath(uploadDir, old.token));
  const wanted = new Set(live.map((l) => l.meta.sha256));
  for (const name of names) {
    const m = /^import-([0-9a-f]{64})\.upload$/.exec(name);
    if (m && !wanted.has(m[1])) await removeQuietly(path.join(dir, name));
  }
}
