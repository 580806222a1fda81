/** Numbers as an Indonesian reader writes them: 12.345 (a dot between thousands). */
const ID_NUMBER = new Intl.NumberFormat('id-ID');

export function formatNumber(n: number): string {
  return ID_NUMBER.format(n);
}

/** "Rp150.000" (as the written notice prints a fee). */
export function formatRupiah(n: number): string {
  return `Rp${ID_NUMBER.format(n)}`;
}
