/**
 * Decides what an uploaded file really is from its bytes, never from its name, and cleans the
 * name people will see again. PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS, ZIP and CSV only.
 */
import fs from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/** Detected type → the media type we store and send back. */
export const ALLOWED_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  zip: 'application/zip',
  csv: 'text/csv',
};

/** Extensions people use for each detected type. */
const EXTENSIONS: Record<string, string[]> = {
  pdf: ['pdf'], jpg: ['jpg', 'jpeg'], png: ['png'], docx: ['docx'], xlsx: ['xlsx'], odt: ['odt'], ods: ['ods'], zip: ['zip'], csv: ['csv'],
};

export type FileVerdict = { ok: true; ext: string; mediaType: string } | { ok: false; message: string };

const CSV_SNIFF_BYTES = 64 * 1024;

/** CSV has no magic bytes: accept UTF-8 text without NULs that is not markup. */
async function looksLikeCsv(path: string): Promise<boolean> {
  const handle = await fs.open(path, 'r');
  try {
    const buf = Buffer.alloc(CSV_SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, CSV_SNIFF_BYTES, 0);
    const head = buf.subarray(0, bytesRead);
    if (head.includes(0)) return false;
    // A cut in the middle of a multi-byte character at the sniff limit is not an error.
    const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
    if (bytesRead < CSV_SNIFF_BYTES && text.includes('\uFFFD')) return false;
    const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 100).toLowerCase();
    return !(start.startsWith('<') || start.includes('<script') || start.startsWith('#!'));
  } finally {
    await handle.close();
  }
}

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

export async function checkFile(path: string, originalName: string, size: number): Promise<FileVerdict> {
  if (size === 0) return { ok: false, message: `Berkas "${originalName}" kosong.` };
  const claimed = extensionOf(originalName);
  const detected = await fileTypeFromFile(path);
  let ext: string | undefined = detected?.ext;
  if (!detected && claimed === 'csv' && (await looksLikeCsv(path))) ext = 'csv';
  if (!ext || !ALLOWED_TYPES[ext]) {
    const what = detected ? `berjenis ${detected.ext.toUpperCase()}` : 'tidak dikenali jenisnya';
    return { ok: false, message: `Berkas "${originalName}" ${what}. Yang diterima: PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS, CSV, ZIP.` };
  }
  const knownClaim = Object.values(EXTENSIONS).some((list) => list.includes(claimed));
  if (knownClaim && !EXTENSIONS[ext].includes(claimed)) {
    return { ok: false, message: `Berkas "${originalName}" bernama .${claimed} tetapi isinya ${ext.toUpperCase()}. Periksa kembali berkasnya.` };
  }
  return { ok: true, ext, mediaType: ALLOWED_TYPES[ext] };
}

/**
 * A safe display name: no directories, no control or shell-special characters, bounded length,
 * and the extension of what the file really is.
 */
export function sanitiseFileName(originalName: string, ext: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? '';
  const withoutExt = base.replace(/\.[A-Za-z0-9]{1,8}$/, '');
  const cleaned = withoutExt
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s_-]+/, '')
    .trim()
    .slice(0, 120);
  const finalExt = EXTENSIONS[ext]?.includes(extensionOf(base)) ? extensionOf(base) : ext;
  return `${cleaned || 'berkas'}.${finalExt}`;
}
