/**
 * The one check of a region code on visits and video conferences. On this branch: the shape of
 * an official code (2 digits: a province, 4: a regency/city). When src/regions (the official list)
 * is merged, point this function at it: it already gets the transaction to look the code up.
 */
import type { Tx } from '../db/client.js';

export function regionCodeProblem(_tx: Tx, code: string): string | null {
  if (!/^(\d{2}|\d{4})$/.test(code)) return 'Kode wilayah: 2 digit (provinsi) atau 4 digit (kabupaten/kota).';
  return null;
}
