/**
 * Anchors: the audit chain's newest (sequence, hash), appended with the time to a file outside
 * the database, PPID_DATA_DIR/audit-anchors.log (one line per anchor, mode 0600, never
 * rewritten). Someone who can change the database can cut its newest entries off or rewrite
 * them; they cannot make the chain agree again with what was anchored. Copy the file off the
 * machine (or print it) to make that hold against someone who can also change the file.
 * Written on start-up, daily, on every recap download or print, and by `audit anchor`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client.js';
import { chainHead, type Anchor } from './audit.repo.js';

export const ANCHOR_FILE = 'audit-anchors.log';

export function anchorFile(dataDir: string): string {
  return path.join(dataDir, ANCHOR_FILE);
}

const LINE = /^(\S+)\t(\d+)\t([0-9a-f]{64})(\t.*)?$/;

/** Every anchor in the file; a missing file has none. A torn last line (a crash while appending) is skipped. */
export function readAnchors(file: string): Anchor[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const m = LINE.exec(line);
      return m ? [{ at: m[1], seq: Number(m[2]), hash: m[3] }] : [];
    });
}

export interface AnchorResult extends Anchor {
  /** False when the newest anchor already held this (sequence, hash): nothing was appended. */
  written: boolean;
}

/**
 * Appends the chain's current head, unless the newest anchor already holds it; fsynced before it
 * returns. Null on an empty log (nothing to anchor).
 */
export function anchorChain(db: Db, file: string, reason: string): AnchorResult | null {
  const head = chainHead(db);
  if (!head) return null;
  const last = readAnchors(file).at(-1);
  if (last && last.seq === head.seq && last.hash === head.hash) return { ...last, written: false };
  const at = new Date().toISOString();
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${at}\t${head.seq}\t${head.hash}\t${reason.replace(/\s+/g, ' ')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { at, ...head, written: true };
}

/** "#1234 · 3f9a0c1b2d4e" for footers and messages. */
export function anchorLabel(a: Anchor): string {
  return `#${a.seq} · ${a.hash.slice(0, 12)}`;
}

/**
 * Anchors for a page or download (the recap printed or exported): a failure to write is logged,
 * not shown to the user, and the page goes out without an anchor.
 */
export function anchorForExport(db: Db, dataDir: string, reason: string, log: { error: (obj: unknown, msg: string) => void }): AnchorResult | null {
  try {
    return anchorChain(db, anchorFile(dataDir), reason);
  } catch (err) {
    log.error(err, 'audit anchor could not be written');
    return null;
  }
}
