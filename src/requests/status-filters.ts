import { OUTCOMES } from './vocabulary.js';

/** Register filters, with their labels. `overdue` and `due_soon` depend on today. */
export const STATUS_FILTERS = {
  open: 'Semua yang belum diputus',
  new: 'Baru masuk (web/API, belum dibuka)',
  in_process: 'Dalam proses',
  extended: 'Diperpanjang',
  due_soon: 'Segera jatuh tempo (≤ 2 hari kerja)',
  overdue: 'Lewat tenggat',
  decided: 'Sudah diputus (semua)',
  full: OUTCOMES.full,
  partial: OUTCOMES.partial,
  rejected: OUTCOMES.rejected,
  not_provided: OUTCOMES.not_provided,
  withdrawn: 'Dicabut pemohon',
  // Only `voided` lists voided entries; every other status leaves them out.
  voided: 'Dibatalkan (entri tidak berlaku)',
} as const;
