/**
 * Unpacks a ZIP (an XLSX workbook) within fixed limits, whatever the archive declares.
 *
 * The sizes a ZIP's central directory and local headers state are only claims: a 3.6 MB file
 * that says its sheet is 1 KB can inflate to gigabytes. Here every entry is inflated by zlib with
 * `maxOutputLength` set to what is left of the budget, so inflating stops (RangeError
 * ERR_BUFFER_TOO_LARGE) as soon as the real bytes pass the limit; nothing declared is trusted.
 *
 * The entries are then packed again, uncompressed ("stored") with their true sizes, for ExcelJS
 * to read: it never inflates anything itself, so it cannot meet more bytes than were counted.
 * Hand-written rather than a zip library: it is the counting that matters, and it is ~150 lines.
 */
import zlib from 'node:zlib';

export interface ZipLimits {
  /** Entries in the archive; a workbook has a dozen or two. */
  maxEntries: number;
  /** Bytes of all entries together, once inflated. */
  maxTotalBytes: number;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export type ZipFailure =
  | { kind: 'not-zip' } // no readable central directory, or an entry we cannot read
  | { kind: 'too-many-entries'; entries: number }
  | { kind: 'too-large' }; // the inflated bytes passed maxTotalBytes

export class ZipError extends Error {
  constructor(readonly failure: ZipFailure) {
    super(`zip: ${failure.kind}`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 0xffff - 22);
  for (let p = buf.length - 22; p >= min; p--) if (buf.readUInt32LE(p) === EOCD) return p;
  return -1;
}

/** The names the central directory lists (null when it cannot be read). Cheap: nothing is inflated. */
export function zipEntryNames(buf: Buffer, maxEntries: number): string[] | null {
  try {
    return centralDirectory(buf, maxEntries).map((e) => e.name);
  } catch {
    return null;
  }
}

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

function centralDirectory(buf: Buffer, maxEntries: number): CentralEntry[] {
  const notZip = () => new ZipError({ kind: 'not-zip' });
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw notZip();
  // ZIP64 or split archives: never an Excel workbook of a size we accept.
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) throw notZip();
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) throw notZip();
  const count = buf.readUInt16LE(eocd + 10);
  if (count === 0xffff) throw notZip();
  if (count > maxEntries) throw new ZipError({ kind: 'too-many-entries', entries: count });
  let p = buf.readUInt32LE(eocd + 16);
  const entries: CentralEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw notZip();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const localOffset = buf.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff || p + 46 + nameLength > eocd) throw notZip();
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLength), method, flags, compressedSize, localOffset });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * Every entry, inflated, within `limits`. Throws ZipError; a directory entry ("xl/") comes back
 * with no data.
 */
export function unzipWithin(buf: Buffer, limits: ZipLimits): ZipEntry[] {
  const notZip = () => new ZipError({ kind: 'not-zip' });
  const out: ZipEntry[] = [];
  let left = limits.maxTotalBytes;
  for (const e of centralDirectory(buf, limits.maxEntries)) {
    if (e.flags & 0x1) throw notZip(); // encrypted
    const p = e.localOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw notZip();
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) throw notZip();
    const raw = buf.subarray(start, end);
    let data: Buffer;
    if (e.method === 0) {
      data = raw;
    } else if (e.method === 8) {
      try {
        // At least 1: zlib's limit must be positive. An entry that inflates to more than is
        // left stops here, after at most `left` bytes (plus one chunk), not after the whole bomb.
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, left) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError({ kind: 'too-large' });
        throw notZip();
      }
    } else {
      throw notZip();
    }
    if (data.length > left) throw new ZipError({ kind: 'too-large' });
    left -= data.length;
    out.push({ name: e.name, data });
  }
  return out;
}

/** A ZIP of `entries`, stored uncompressed, with true sizes and CRCs. */
export function storedZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
